#include <catch2/catch.hpp>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <random>
#include <utility>

#include "core/utf8.hpp"
#include "extract/garble_detector.hpp"
#include "extract/normalizer.hpp"
#include "extract/pinyin_annotation.hpp"
#include "extract/script_fold.hpp"

using namespace chronokg;

TEST_CASE("inline pinyin annotations are removed, real parentheticals kept", "[extract][normalize]") {
    const auto& n = Normalizer::shared();
    CHECK(n.normalize("經(jīng)濟(jì)觀察報(bào)").text == "经济观察报");
    CHECK(n.normalize("工業(yè)和安全局(BIS)").text == "工业和安全局(BIS)");
    CHECK(n.normalize("(作者系資深媒體人)").text == "(作者系资深媒体人)");
    CHECK(n.normalize("（2025）").text == "(2025)");
    CHECK(find_pinyin_annotations("a(de)b").empty());  // no tone mark: not an annotation
    // Full-width brackets, after other characters led by the same byte (，is EF BC 8C too).
    const std::string text = "經，（jīng）濟(jì)";
    using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
    CHECK(find_pinyin_annotations(text) == Spans{{6, 6 + 3 + 5 + 3}, {20, 20 + 1 + 3 + 1}});
}

TEST_CASE("pinyin annotations are found at a text's first byte and after characters of every length",
          "[extract][normalize]") {
    // Every text is searched for the two opening bytes, short ones too: the openers are found
    // whatever the length of the character before them (é two bytes, 經 three, 𠮷 four).
    using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
    CHECK(find_pinyin_annotations("(jí)") == Spans{{0, 5}});
    CHECK(find_pinyin_annotations("（jí）") == Spans{{0, 9}});
    const std::string text = "é(jí)經（jí）𠮷(jí)！(jí)";
    CHECK(find_pinyin_annotations(text) == Spans{{2, 7}, {10, 19}, {23, 28}, {31, 36}});
    CHECK(Normalizer::shared().normalize(text).text == "é经𠮷!");
}

TEST_CASE("every tone vowel makes a pinyin annotation, other letters of their range do not",
          "[extract][normalize]") {
    // The tone vowels are told by a table over their range (U+00E0 to U+1E3F): its first and last
    // code points and each vowel between count, other Latin letters there (ç, ø, ŋ) do not.
    using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
    for (const std::string vowel : {"ā", "á", "ǎ", "à", "ē", "é", "ě", "è", "ī", "í", "ǐ", "ì", "ō", "ó", "ǒ",
                                    "ò", "ū", "ú", "ǔ", "ù", "ǖ", "ǘ", "ǚ", "ǜ", "ń", "ň", "ǹ", "ḿ"}) {
        const std::string text = "經(h" + vowel + ")";
        CHECK(find_pinyin_annotations(text) == Spans{{3, text.size()}});
    }
    CHECK(find_pinyin_annotations("經(lǜ)").size() == 1);
    CHECK(find_pinyin_annotations("經(lü)").empty());  // ü and ê are letters, but no tone
    for (const std::string other : {"ç", "ø", "ŋ", "ɑ", "Ḿ"})
        CHECK(find_pinyin_annotations("經(hā" + other + ")").empty());
}

TEST_CASE("pinyin annotations are found wherever they stand in a long article", "[extract][normalize]") {
    // Long valid texts are searched for the two opening bytes directly: annotations first and
    // last, after runs of full-width punctuation (led by EF like `（`), and next to brackets
    // that are no annotation must all be found where they were put, and nothing else.
    using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
    const std::vector<std::pair<std::string, bool>> pieces = {
        {"(jīng)", true},  {"經濟，，；", false}, {"（jì）", true},   {" the BIS (Bureau) said ", false},
        {"(bào)", true},   {"（2025）", false},  {"(de)", false},    {"報", false},
        {"(guān)", true}, {"！？", false},      {"（chá）", true}};
    for (std::size_t rounds = 1; rounds <= 12; ++rounds) {
        std::string text;
        Spans expected;
        for (std::size_t r = 0; r < rounds; ++r)
            for (const auto& [piece, annotation] : pieces) {
                if (annotation) expected.emplace_back(text.size(), text.size() + piece.size());
                text += piece;
            }
        INFO("text of " << text.size() << " bytes");
        CHECK(find_pinyin_annotations(text) == expected);
    }
}

TEST_CASE("Traditional folds to Simplified character by character, names intact", "[extract][normalize]") {
    const auto& n = Normalizer::shared();
    CHECK(n.fold("黃仁勳") == "黄仁勋");
    CHECK(n.fold("臺積電") == n.fold("台积电"));
    // OpenCC's phrase conversion turns 昇騰 into 升腾; text and aliases fold alike either way.
    CHECK(n.fold("華為昇騰") == n.fold("华为昇腾"));
    CHECK(ScriptFold::shared().size() > 2000);
}

TEST_CASE("NFKC turns full-width forms into ASCII, name dots are unified", "[extract][normalize]") {
    const auto& n = Normalizer::shared();
    CHECK(n.normalize("ＡＩ，２０２５年！").text == "AI,2025年!");
    CHECK(n.normalize("克里斯・米勒").text == "克里斯·米勒");
    CHECK(n.normalize("\xEF\xBB\xBF" "abc").text == "abc");  // a byte-order mark folds to nothing
}

TEST_CASE("every character of the BMP folds to its NFKC", "[extract][normalize]") {
    // The table is built asking ICU first whether a character has a decomposition mapping at
    // all: each character must still fold as ICU's NFKC of it alone (compared where the script
    // fold, the name dots and the deleted marks leave that NFKC as it is).
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    REQUIRE(U_SUCCESS(status));
    const auto& n = Normalizer::shared();
    const auto& script = ScriptFold::shared();
    std::size_t compared = 0;
    std::size_t changed = 0;
    for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        status = U_ZERO_ERROR;
        const icu::UnicodeString normalized = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
        REQUIRE(U_SUCCESS(status));
        std::string expected;
        normalized.toUTF8String(expected);
        bool plain = true;
        for (std::size_t at = 0; at < expected.size() && plain;) {
            const char32_t c = utf8::decode(expected, at);
            plain = script.fold(c) == c && c != 0xFEFF && c != 0x200B && c != U'・' && c != U'‧' && c != U'•' &&
                    c != U'∙' && c != U'⋅';
        }
        if (!plain) continue;
        std::string original;
        utf8::append(original, cp);
        INFO(static_cast<std::uint32_t>(cp));
        CHECK(n.fold(original) == expected);
        ++compared;
        if (expected != original) ++changed;
    }
    CHECK(compared > 55000);
    CHECK(changed > 2500);  // full-width forms, compatibility ideographs, ligatures, circled digits…
}

TEST_CASE("every normalized span maps back to the original text", "[extract][normalize]") {
    const std::string original = "陳白 | 文 經(jīng)濟(jì)，工業(yè)和安全局(BIS)宣布";
    const auto norm = Normalizer::shared().normalize(original);
    const auto at = norm.text.find("工业和安全局");
    const auto [b, e] = norm.offsets.to_original(at, at + std::string("工业和安全局").size());
    CHECK(original.substr(b, e - b) == "工業(yè)和安全局");
    const auto bis = norm.text.find("BIS");
    const auto [b2, e2] = norm.offsets.to_original(bis, bis + 3);
    CHECK(original.substr(b2, e2 - b2) == "BIS");
    const auto comma = norm.text.find(',');
    const auto [b3, e3] = norm.offsets.to_original(comma, comma + 1);
    CHECK(original.substr(b3, e3 - b3) == "，");
}

TEST_CASE("a character NFKC expands into two of the same byte length maps back whole [issue8]",
          "[extract][normalize][issue8]") {
    // Found by fuzzing: ‾ (3 bytes) becomes a space and a combining overline (1 + 2 bytes); the
    // overline was mapped to the original's second byte, inside the character, and an evidence
    // cut there was invalid UTF-8.
    const std::string original = "\xE2\x80\xBEwould not sell";
    const auto norm = Normalizer::shared().normalize(original);
    REQUIRE(norm.text.rfind(" \xCC\x85", 0) == 0);
    const auto [b, e] = norm.offsets.to_original(1, norm.text.size());
    CHECK(b == 0);
    CHECK(e == original.size());
    CHECK(!utf8::find_invalid(original.substr(b, e - b)));
}

namespace {
// normalize() of the characters `chars` joined: its text and every character's span must be what
// folding the characters one by one gives.
void check_folds_one_by_one(const std::vector<std::string>& chars) {
    const auto& n = Normalizer::shared();
    std::string text;
    for (const auto& c : chars) text += c;
    INFO(text);
    const NormalizedText norm = n.normalize(text);
    std::string expected;
    std::size_t orig = 0;
    for (const auto& c : chars) {
        // Character by character within the piece (a piece may hold two).
        for (std::size_t at = 0; at < c.size();) {
            std::size_t next = at;
            utf8::decode(c, next);
            const std::string folded = n.normalize(c.substr(at, next - at)).text;
            const std::size_t begin = expected.size();
            expected += folded;
            if (!folded.empty()) {
                const auto back = norm.offsets.to_original(begin, expected.size());
                CHECK(back.first == orig + at);
                CHECK(back.second == orig + next);
            }
            at = next;
        }
        orig += c.size();
    }
    CHECK(norm.text == expected);
}

// Calls check(sequence) for every sequence of up to `longest` pieces (the empty one first), each
// piece drawn from `pieces`, depth first.
template <class Check>
void for_each_sequence(const std::vector<std::string>& pieces, std::size_t longest, Check&& check) {
    std::vector<std::string> sequence;
    const auto extend = [&](const auto& self) -> void {
        check(std::as_const(sequence));
        if (sequence.size() == longest) return;
        for (const auto& piece : pieces) {
            sequence.push_back(piece);
            self(self);
            sequence.pop_back();
        }
    };
    extend(extend);
}
}  // namespace

TEST_CASE("each character's folded bytes map back to that character, in runs or alone [issue7]",
          "[extract][normalize][issue7]") {
    // normalize() copies runs of characters that fold to one of their own length in one step.
    const std::vector<std::string> pieces = {"a", " ", "經", "经", "濟", "中", "國", "（", "，", "‾", "ﬁ", "é", "e\u0301",
                                             "😀", "・", "\u200B", "\uFEFF", "ｶ", "①", "1", "．", "Ω", "Å", "😀國"};
    std::mt19937 random(3);
    for (int trial = 0; trial < 2000; ++trial) {
        std::vector<std::string> chars;
        const int length = static_cast<int>(random() % 30);
        for (int i = 0; i < length; ++i) chars.push_back(pieces[random() % pieces.size()]);
        check_folds_one_by_one(chars);
    }
}

TEST_CASE("a run's three-byte characters fold and map back, read two at a time or one", "[extract][normalize]") {
    // The run's characters of three bytes are read two at a time while two whole ones are ahead:
    // every sequence of up to five characters, a Traditional one (經), one that changes length
    // (，), one that is unchanged (经) and one that is a sign of garbling (①), among others of
    // one, two and four bytes, at either place of a pair and at every distance from the end.
    const std::vector<std::string> pieces = {"经", "經", "，", "①", "a", "é", "😀"};
    for_each_sequence(pieces, 5, [](const std::vector<std::string>& chars) { check_folds_one_by_one(chars); });
    // Signs of garbling are noted where they stand, in a pair's first place or its second: the
    // characters of three bytes the detector may take for one, as normalize() writes them.
    const std::vector<std::string> hanzi = {"经", "經", "锟", "\uFFFD"};
    std::size_t signs_seen = 0;
    for_each_sequence(hanzi, 5, [&](const std::vector<std::string>& chars) {
        std::string text;
        for (const auto& c : chars) text += c;
        INFO(text);
        const NormalizedText norm = Normalizer::shared().normalize(text);
        std::vector<std::size_t> expected;
        for (std::size_t at = 0; at < norm.text.size();) {
            const std::size_t begin = at;
            if (GarbleDetector::may_be_sign(utf8::decode(norm.text, at))) expected.push_back(begin);
        }
        CHECK(norm.garble_sign_candidates == expected);
        signs_seen += expected.size();
    });
    CHECK(signs_seen > 0);
}

TEST_CASE("a long run of Traditional characters folds every one of them, in any mix", "[extract][normalize]") {
    // normalize() lists the characters of a run that change and writes their folds after copying
    // the run whole, a limited list at a time: runs of hundreds of changes, with unchanged
    // characters and two-byte ones (µ → μ) among them, must come out as the characters folded one
    // by one, and map back byte for byte.
    const auto& n = Normalizer::shared();
    const std::vector<std::string> pieces = {"經", "濟", "國", "觀", "察", "報", "中", "经", "µ", "é"};
    std::mt19937 random(11);
    for (const std::size_t length : {31, 32, 33, 64, 65, 100, 500}) {
        std::string text;
        std::string expected;
        for (std::size_t i = 0; i < length; ++i) {
            const std::string& piece = i < 40 ? pieces[i % 4] : pieces[random() % pieces.size()];
            text += piece;
            expected += n.fold(piece);
        }
        INFO(length << " characters");
        const NormalizedText norm = n.normalize(text);
        REQUIRE(expected.size() == text.size());
        CHECK(norm.text == expected);
        CHECK(norm.offsets.to_original(0, norm.text.size()) == std::pair<std::size_t, std::size_t>{0, text.size()});
        CHECK(norm.offsets.to_original(3, 9) == std::pair<std::size_t, std::size_t>{3, 9});
    }
}

namespace {

// normalize(text) checked against folding `text` character by character: the text, each
// character's way back to the original, and the garble sign candidates (a character whose fold
// may be a sign of garbling; a Latin letter only alone, no ASCII byte either side of it). Returns
// the characters that were candidates, for a test to see which cases it reached.
std::u32string check_against_characters(const Normalizer& n, const std::string& text) {
    const NormalizedText norm = n.normalize(text);
    std::string expected;
    std::vector<std::size_t> candidates;
    std::u32string signs;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t next = at;
        const char32_t cp = utf8::decode(text, next);
        const std::string folded = n.fold(text.substr(at, next - at));
        const bool alone = (at == 0 || static_cast<unsigned char>(text[at - 1]) >= 0x80) &&
                           (next == text.size() || static_cast<unsigned char>(text[next]) >= 0x80);
        std::size_t end = 0;
        const char32_t first = utf8::decode(folded, end);
        if (GarbleDetector::may_be_sign(first) && (cp >= 0x80 || alone)) {
            candidates.push_back(expected.size());
            signs.push_back(cp);
        }
        const std::size_t begin = expected.size();
        expected += folded;
        CHECK(norm.offsets.to_original(begin, expected.size()) == std::pair<std::size_t, std::size_t>{at, next});
        at = next;
    }
    CHECK(norm.text == expected);
    CHECK(norm.garble_sign_candidates == candidates);
    return signs;
}

}  // namespace

TEST_CASE("ASCII among Chinese characters is copied with their run, maps back and marks lone letters",
          "[extract][normalize]") {
    // normalize() steps over the ASCII inside a run of Chinese characters (eight bytes read at
    // once, longer stretches through utf8::first_non_ascii): the text, each character's way back to
    // the original and the garble sign candidates (a Latin letter only where it stands alone
    // between characters beyond ASCII) must be what folding the characters one by one gives.
    const auto& n = Normalizer::shared();
    const std::vector<std::string> pieces = {"中", "國", "經", "乂", "，", "。", "é", "’", "a", "Z", "1", " ", "\n",
                                             "2024", "AB", "x7", "said more than sixteen bytes", "Chip on Wafer"};
    std::mt19937 random(5);
    for (int trial = 0; trial < 3000; ++trial) {
        std::vector<std::string> chars;
        const int length = static_cast<int>(random() % 40);
        for (int i = 0; i < length; ++i) chars.push_back(pieces[random() % pieces.size()]);
        std::string text;
        for (const auto& c : chars) text += c;
        INFO(text);
        check_against_characters(n, text);
    }
}

TEST_CASE("Traditional characters in long runs fold, map back and mark the signs of garbling",
          "[extract][normalize]") {
    // normalize() records the Traditional characters of a run in its tight loop, a limited list at
    // a time, and leaves that loop for one whose fold may be a sign of garbling (錕 → 锟, as in
    // 锟斤拷) and for one that changes length (，): the text, each character's way back to the
    // original and the garble sign candidates must be what folding the characters one by one gives.
    const auto& n = Normalizer::shared();
    const std::vector<std::string> pieces = {"經", "濟", "國", "觀", "錕", "斤", "拷", "锟", "中", "，", "（", "µ", "a", "12"};
    std::mt19937 random(17);
    std::size_t signs_in_runs = 0;
    for (int trial = 0; trial < 1000; ++trial) {
        std::string text;
        const int length = static_cast<int>(random() % 120);
        for (int i = 0; i < length; ++i) text += pieces[random() % (i % 7 == 0 ? pieces.size() : 7)];
        INFO(text);
        const std::u32string signs = check_against_characters(n, text);
        signs_in_runs += static_cast<std::size_t>(std::count(signs.begin(), signs.end(), U'錕'));
    }
    CHECK(signs_in_runs > 0);  // 錕's fold is a sign: the test reaches what it means to
}

TEST_CASE("fold() appends runs of characters that fold to themselves whole", "[extract][normalize]") {
    // A run of characters that are their own fold is appended in one piece: runs broken by a
    // Traditional character, one that changes length, one past the BMP or ASCII must come out as
    // the characters folded one by one.
    const auto& n = Normalizer::shared();
    CHECK(n.fold("中国國家") == "中国国家");
    CHECK(n.fold("出口，管制") == "出口,管制");
    const std::vector<std::string> pieces = {"中", "经", "國", "觀", "，", "𠮷", "µ", "é", "a", " "};
    std::mt19937 random(5);
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        std::string expected;
        const std::size_t count = random() % 16;
        for (std::size_t i = 0; i < count; ++i) {
            const std::string& piece = pieces[random() % pieces.size()];
            text += piece;
            expected += n.fold(piece);
        }
        INFO(text);
        CHECK(n.fold(text) == expected);
    }
}
