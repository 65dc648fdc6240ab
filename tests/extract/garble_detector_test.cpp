#include <catch2/catch.hpp>

#include <random>

#include "core/utf8.hpp"
#include "extract/garble_detector.hpp"
#include "extract/normalizer.hpp"

using namespace chronokg;

namespace {
bool garbled(const std::string& text) {
    static const GarbleDetector detector;
    const std::string folded = Normalizer::shared().fold(text);
    return detector.garbled(folded, {0, folded.size()});
}
}  // namespace

TEST_CASE("GBK decoded one byte out of step is garbled", "[extract][garble]") {
    // "关于半导体设备出口许可的审查标准将更加严格" encoded as GBK, first byte dropped, decoded again.
    CHECK(garbled("赜诎氲继迳璞赋隹谛砜傻纳蟛楸曜冀\xEF\xBF\xBD更加严格"));
    // Kana, '?' and stray letters among rare characters, as in the seed article's last lines.
    CHECK(garbled("因?跬閷τ谌斯ぶ悄芗夹g革命"));
}

TEST_CASE("real news text in either script is not garbled", "[extract][garble]") {
    CHECK_FALSE(garbled("中國商務部及海關總署昨日公告,決定對鎵、鍺相關物項實施出口管制。"));
    CHECK_FALSE(garbled("DeepSeek應用登頂美區蘋果App Store免費榜,超越了ChatGPT、谷歌Gemini。"));
    CHECK_FALSE(garbled("三星在得克萨斯州泰勒建设的产业集群将包括两家生产4纳米和2纳米芯片的工厂。"));
    CHECK_FALSE(garbled("Nvidia partnered with TSMC and Foxconn?"));
}

TEST_CASE("in a run of ASCII a `?` is a sign, and a letter only alone between two Hanzi", "[extract][garble]") {
    // Three letters, each alone between two Hanzi, within six characters.
    CHECK(garbled("中a国b的c中"));
    // The same letters in pairs: words, no sign.
    CHECK_FALSE(garbled("中ab国cd的ef中"));
    // A letter at either end of the text has a Hanzi on one side only.
    CHECK_FALSE(garbled("a中国b的c"));
    // Two `?` in one run, each touching a Hanzi, and a third after: three signs.
    CHECK(garbled("国??中?"));
}

namespace {
// Up to 39 of `pieces`, drawn at random: the texts of the randomized tests below.
std::string random_text(const std::vector<std::string>& pieces, std::mt19937& random) {
    std::string text;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    return text;
}

// The detector as first written: every character decoded into a vector, then a window slid over
// their signs. The streaming scan must find the same spans.
std::vector<TextRange> reference_spans(const GarbleDetector& detector, std::string_view text) {
    struct Char {
        std::size_t begin, end;
        char32_t cp;
    };
    auto is_hanzi = [](char32_t cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF); };
    auto is_kana = [](char32_t cp) { return cp >= 0x3040 && cp <= 0x30FF && cp != 0x30FB && cp != 0x30FC; };
    auto is_latin = [](char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); };
    std::vector<Char> chars;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t begin = pos;
        const char32_t cp = utf8::decode(text, pos);
        chars.push_back({begin, pos, cp});
    }
    // Whether a hanzi is common: the detector's own answer for it alone in a window of rare ones.
    auto common = [&](char32_t cp) {
        std::string probe;
        utf8::append(probe, cp);
        const std::string rare = "\xE4\xB9\x82\xE4\xB9\x82";  // 乂乂: outside GB2312 level 1
        const std::string s = rare + probe;
        return detector.find(s, {0, s.size()}).empty();
    };
    std::vector<int> sign(chars.size(), 0);
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const char32_t cp = chars[i].cp;
        const bool before = i > 0 && is_hanzi(chars[i - 1].cp);
        const bool after = i + 1 < chars.size() && is_hanzi(chars[i + 1].cp);
        if (is_hanzi(cp)) sign[i] = common(cp) ? 0 : 1;
        else if (cp == U'?' || cp == 0xFFFD) sign[i] = (before || after) ? 1 : 0;
        else if (is_kana(cp)) sign[i] = 1;
        else if (is_latin(cp)) sign[i] = (before && after) ? 1 : 0;
    }
    std::vector<TextRange> spans;
    int in_window = 0;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        in_window += sign[i];
        if (i >= 6) in_window -= sign[i - 6];
        if (in_window < 3) continue;
        const TextRange span{chars[i + 1 >= 6 ? i + 1 - 6 : 0].begin, chars[i].end};
        if (!spans.empty() && spans.back().end >= span.begin) spans.back().end = span.end;
        else spans.push_back(span);
    }
    return spans;
}
}  // namespace

TEST_CASE("the streaming garble scan finds the spans a scan over every character finds", "[extract][garble][issue7]") {
    const GarbleDetector detector;
    // Common and rare hanzi, kana, '?', U+FFFD, Latin letters and spaces, mixed at random.
    const std::vector<std::string> pieces = {"中", "国", "的", "乂", "丌", "ア", "の", "?", "\xEF\xBF\xBD", "a", "Z", " ", "。", "1"};
    std::mt19937 random(7);
    std::size_t garbled_texts = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        const std::string text = random_text(pieces, random);
        const auto expected = reference_spans(detector, text);
        const auto found = detector.find(text, {0, text.size()});
        INFO(text);
        REQUIRE(found.size() == expected.size());
        for (std::size_t k = 0; k < found.size(); ++k) {
            CHECK(found[k].begin == expected[k].begin);
            CHECK(found[k].end == expected[k].end);
        }
        CHECK(detector.garbled(text, {0, text.size()}) == !expected.empty());
        garbled_texts += !expected.empty();
        // A part of the text, as a sentence of a document: the characters around it are not its own.
        std::vector<std::size_t> starts;  // character boundaries
        for (std::size_t pos = 0; pos <= text.size(); pos += pos < text.size() ? utf8::lead_length(static_cast<unsigned char>(text[pos])) : 1)
            starts.push_back(pos);
        const std::size_t b = starts[random() % starts.size()];
        const std::size_t e = std::max(b, starts[random() % starts.size()]);
        const bool part_garbled = !reference_spans(detector, std::string_view(text).substr(b, e - b)).empty();
        INFO("part [" << b << ", " << e << ")");
        CHECK(detector.garbled(text, {b, e}) == part_garbled);
    }
    CHECK(garbled_texts > 300);
    CHECK(garbled_texts < 2900);
}

TEST_CASE("the common Hanzi are exactly GB2312's level 1", "[extract][garble]") {
    // The table is built from one conversion of the whole range, each byte attributed to the
    // character it comes from: a character counts as common where its own two bytes lead with
    // B0–D7, and no neighbour's bytes may count for it.
    const GarbleDetector detector;
    const std::string rare = "乂乂";  // outside level 1: two signs, a third makes a window garbled
    auto common = [&](char32_t cp) {
        std::string s = rare;
        utf8::append(s, cp);
        return !detector.garbled(s, {0, s.size()});
    };
    std::size_t count = 0;
    for (char32_t cp = 0x4E00; cp <= 0x9FFF; ++cp) count += common(cp);
    CHECK(count == 3755);
    CHECK(common(U'啊'));   // B0A1, level 1's first
    CHECK(common(U'座'));   // D7F9, its last
    CHECK(!common(U'亍'));  // D8A1, level 2's first
    CHECK(!common(U'丂'));  // not in GB2312
}

TEST_CASE("the garble check of a normalized text's sentence agrees with a scan of its characters", "[extract][garble]") {
    const GarbleDetector detector;
    // Original pieces whose folds hold signs in every way the normalizer meets them: rare Hanzi and
    // kana among common ones, a Latin letter alone (ASCII, full-width, or out of the BMP), a
    // full-width `?`, half-width kana, a square of four kana (㌀), Traditional characters.
    const std::vector<std::string> pieces = {"中", "國", "的", "乂", "丌", "ア", "ｱ", "㌀", "?", "？", "\xEF\xBF\xBD",
                                             "a", "Ｚ", "𝐀", " ", "。", "1", "，"};
    std::mt19937 random(11);
    std::size_t garbled_parts = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        const std::string original = random_text(pieces, random);
        const NormalizedText norm = Normalizer::shared().normalize(original);
        const std::string& text = norm.text;
        std::vector<std::size_t> starts;  // character boundaries
        for (std::size_t pos = 0; pos <= text.size(); pos += pos < text.size() ? utf8::lead_length(static_cast<unsigned char>(text[pos])) : 1)
            starts.push_back(pos);
        const std::size_t b = trial % 2 == 0 ? 0 : starts[random() % starts.size()];
        const std::size_t e = trial % 2 == 0 ? text.size() : std::max(b, starts[random() % starts.size()]);
        const bool expected = detector.garbled(text, {b, e});  // decodes every character of the part
        INFO(original << " → part [" << b << ", " << e << ")");
        CHECK(detector.garbled(text, {b, e}, norm.garble_sign_candidates) == expected);
        garbled_parts += expected;
    }
    CHECK(garbled_parts > 300);
}
