#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <random>

#include "extract/cue_words.hpp"
#include "extract/english_tokens.hpp"
#include "extract/extractor.hpp"
#include "extract/normalizer.hpp"
#include "extract/rule_pack.hpp"
#include "extract/segmenter.hpp"
#include "extract/sentence_cues.hpp"
#include "../test_support.hpp"

using namespace chronokg;

namespace {

// Every list, in every window (random ones, the whole sentence, ones reaching outside it), is
// answered as CueWords answers it.
void check_sentences(const CueWords& cues, const std::string& folded, std::mt19937& random) {
    const Segmenter segmenter({});
    for (const auto& sentence : segmenter.split(folded)) {
        const TextRange s = sentence.range;
        const std::string lang = Extractor::detect_language(std::string_view(folded).substr(s.begin, s.size()));
        const SentenceCues index(cues, lang, folded, s);
        std::vector<TextRange> windows = {s, {s.begin, s.begin}, {s.end, s.begin}};
        if (s.begin > 0) windows.push_back({s.begin - 1, s.end});
        if (s.end < folded.size()) windows.push_back({s.begin, s.end + 1});
        std::uniform_int_distribution<std::size_t> at(s.begin, s.end);
        for (int i = 0; i < 20; ++i) {
            std::size_t a = at(random), b = at(random);
            windows.push_back({std::min(a, b), std::max(a, b)});
        }
        // One list kept across all the questions, as a caller keeps its room: each answer into it
        // is the window's answers alone (none left from an earlier question).
        std::vector<TextRange> kept;
        for (const auto& name : RulePack::known_lexicons())
            for (const auto& w : windows) {
                const CueId id(name);
                INFO(name << " " << lang << " [" << w.begin << ", " << w.end << ") in \"" << folded.substr(s.begin, s.size())
                        << "\"");
                const auto expected = cues.find(id, lang, folded, w);
                const auto found = index.find(id, w);
                REQUIRE(found.size() == expected.size());
                for (std::size_t k = 0; k < found.size(); ++k) {
                    CHECK(found[k].begin == expected[k].begin);
                    CHECK(found[k].end == expected[k].end);
                }
                index.find(id, w, kept);
                CHECK(kept == expected);
                CHECK(index.any(id, w) == cues.any(id, lang, folded, w));
                CHECK(index.match_at(id, w.begin, w.end) == cues.match_at(id, lang, folded, w.begin, w.end));
            }
        // The longest word at each place, up to the sentence's end (checked where they differ:
        // a CHECK a byte would make the test slow).
        for (const auto& name : RulePack::known_lexicons())
            for (std::size_t p = s.begin; p <= s.end; ++p) {
                const CueId id(name);
                const std::size_t expected = cues.match_at(id, lang, folded, p, s.end);
                if (index.match_at(id, p, s.end) != expected) {
                    INFO(name << " " << lang << " at " << p << " in \"" << folded.substr(s.begin, s.size()) << "\"");
                    CHECK(index.match_at(id, p, s.end) == expected);
                }
            }
    }
}

// The example articles, normalized as the extractor reads them.
std::vector<std::string> folded_examples() {
    std::vector<std::string> texts;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/examples/articles"))
        texts.push_back(Normalizer::shared().normalize(test::read_file(entry.path().string())).text);
    return texts;
}

}  // namespace

TEST_CASE("a sentence's cue index answers every window as the cue lists do", "[extract][cues]") {
    const RulePack pack = test::default_pack();
    const Normalizer& normalizer = Normalizer::shared();
    const CueWords cues(pack, normalizer);
    std::mt19937 random(20261204);
    const auto articles = folded_examples();
    for (const std::string& folded : articles) check_sentences(cues, folded, random);
    CHECK(!articles.empty());
    // Overlapping cues, where the window decides which one the longest-first policy keeps: `not
    // yet` and `yet` against a window that cuts `not` off; 不再 and 再 likewise.
    check_sentences(cues, normalizer.fold("It has not yet decided, and will not be able to. 该公司尚未决定,不再出口,也不会再次出口。"),
                    random);
}

TEST_CASE("a sentence's cue index refilled for another sentence answers as a new one", "[extract][cues]") {
    // The extractor's window slots keep one SentenceCues and assign() each sentence to it: no
    // hit of an earlier sentence may answer for a later one, nor a list it had be left out.
    const CueWords cues(test::default_pack(), Normalizer::shared());
    const Segmenter segmenter({});
    std::optional<SentenceCues> reused;
    std::size_t answers = 0;
    for (const std::string& folded : folded_examples()) {
        for (const auto& sentence : segmenter.split(folded)) {
            const TextRange s = sentence.range;
            const std::string lang = Extractor::detect_language(std::string_view(folded).substr(s.begin, s.size()));
            const auto hits = cues.find_all_lists(lang, folded, s);
            if (reused) reused->assign(cues, lang, folded, s, hits);
            else reused.emplace(cues, lang, folded, s, hits);
            const SentenceCues fresh(cues, lang, folded, s, hits);
            for (const auto& name : RulePack::known_lexicons()) {
                const CueId id(name);
                INFO(name << " " << lang << " in \"" << folded.substr(s.begin, s.size()) << "\"");
                const auto expected = fresh.find(id, s);
                CHECK(reused->find(id, s) == expected);
                CHECK(reused->any(id, s) == fresh.any(id, s));
                answers += expected.size();
            }
        }
    }
    CHECK(answers > 100);  // lists with hits were asked, not only empty ones
}

TEST_CASE("a cue list named in the code and the same name read at run time are one list", "[extract][cues]") {
    constexpr CueId negation = "negation";
    CHECK(negation.index() == CueId(std::string_view("negation")).index());
    CHECK(negation.name() == "negation");
    for (std::size_t i = 0; i < kLexiconIds.size(); ++i) CHECK(CueId(kLexiconIds[i]).index() == i);
    // An unknown name names no list: it finds nothing, as before there were ids.
    const CueWords cues(test::default_pack(), Normalizer::shared());
    const CueId unknown(std::string_view("no_such_list"));
    CHECK(unknown.index() == CueId::kUnknown);
    const std::string text = "it did not act";
    CHECK(cues.find(unknown, "en", text, {0, text.size()}).empty());
    CHECK(cues.match_at(unknown, "en", text, 7, text.size()) == 0);
    CHECK(cues.words(unknown, "en").empty());
    CHECK(cues.empty(unknown, "en"));
    CHECK(cues.match_at("negation", "en", text, 7, text.size()) == 3);
}

TEST_CASE("a cue list named in the code is read from the sentence's hits as the cue lists read it", "[extract][cues]") {
    // SentenceCues numbers the windowed lists in a table made at compile time, and its questions,
    // inlined where a rule asks them, read a list named in the code ("coordination") by that
    // number: it must be the CueWords' own for every list, and the answers a rule gets must be
    // the words where they stand.
    const CueWords cues(test::default_pack(), Normalizer::shared());
    for (std::size_t i = 0; i < kLexiconIds.size(); ++i) {
        INFO(kLexiconIds[i]);
        CHECK(SentenceCues::windowed_number(CueId(kLexiconIds[i])) == cues.windowed_number(CueId(kLexiconIds[i])));
    }
    CHECK(SentenceCues::windowed_number(CueId(std::string_view("no_such_list"))) == CueWords::kNotWindowed);
    const std::string text = Normalizer::shared().fold("美国和日本不会再向华为出口芯片。");
    const TextRange s{0, text.size()};
    const SentenceCues index(cues, "zh", text, s);
    const std::size_t he = text.find("和");
    const std::size_t bu = text.find("不");
    const std::size_t xiang = text.find("向");
    CHECK(index.match_at("coordination", he, s.end) == 3);
    CHECK(index.match_at("coordination", he + 3, s.end) == 0);
    CHECK(index.any("negation", s));
    CHECK(!index.any("negation", {0, bu}));
    CHECK(index.first("negation", s) == TextRange{bu, bu + 6});  // 不会
    CHECK(index.first("preposition", {bu, s.end}) == TextRange{xiang, xiang + 3});
    std::vector<TextRange> coordinations;
    index.for_each("coordination", s, [&](const TextRange& r) { coordinations.push_back(r); });
    CHECK(coordinations == std::vector<TextRange>{{he, he + 3}});
    // A list that is not windowed (surnames) is passed on to the CueWords, as one named at run time.
    CHECK(index.match_at("surnames", 0, s.end) == cues.match_at("surnames", "zh", text, 0, s.end));
    // Every windowed list named in the code answers as the same list named at run time.
    for (const TextRange w : {s, TextRange{he, s.end}, TextRange{0, bu}}) {
        CHECK(index.any("coordination", w) == index.any(CueId(std::string_view("coordination")), w));
        CHECK(index.any("negation", w) == index.any(CueId(std::string_view("negation")), w));
        CHECK(index.match_at("negation", bu, w.end) == cues.match_at("negation", "zh", text, bu, w.end));
    }
}

TEST_CASE("a word's cue lists, found at once, are the lists each list's own matcher puts it in", "[extract][cues][issue7]") {
    // EnglishToken keeps the lists of its word (CueWords::lists_of_word), and the clause rules ask
    // them instead of matching the word with each list's matcher (match_at): both must agree for every list, word and language, words
    // touching letters, digits and punctuation, and empty ranges included.
    const CueWords cues(test::default_pack(), Normalizer::shared());
    std::mt19937 random(20261205);
    std::size_t words = 0;
    std::size_t listed = 0;
    for (const std::string& folded : folded_examples()) {
        std::vector<TextRange> ranges;
        const Segmenter segmenter({});
        for (const auto& sentence : segmenter.split(folded)) {
            for (const auto& t : english_tokens(folded, sentence.range, cues)) {
                ranges.push_back(t.range);
                CHECK(t.lists() == cues.lists_of_word("en", folded, t.range));
                ++words;
            }
            std::uniform_int_distribution<std::size_t> at(sentence.range.begin, sentence.range.end);
            for (int i = 0; i < 30; ++i) {
                const std::size_t a = at(random);
                ranges.push_back({a, std::min(sentence.range.end, a + random() % 12)});
            }
        }
        for (const TextRange r : ranges)
            for (const char* lang : {"en", "zh"}) {
                const CueSet lists = cues.lists_of_word(lang, folded, r);
                for (const auto& name : RulePack::known_lexicons()) {
                    const CueId id(name);
                    INFO(name << " " << lang << " \"" << folded.substr(r.begin, r.size()) << "\"");
                    CHECK(lists.test(id.index()) == (cues.match_at(id, lang, folded, r.begin, r.end) == r.size()));
                }
                if (!r.empty()) listed += lists.count();
            }
    }
    CHECK(words > 1000);
    CHECK(listed > 1000);  // the words are in lists, not only out of them
    CHECK(cues.lists_of_word("fr", "the", {0, 3}).none());
}

TEST_CASE("words kept from the names pre-pass are the words the sentence pass would cut", "[extract][english][issue7]") {
    // The extractor cuts each sentence once (EnglishNames::start keeps its words in KeptWords);
    // take() must give what english_tokens() gives, cue lists included, kept or not.
    const CueWords cues(test::default_pack(), Normalizer::shared());
    const Segmenter segmenter({});
    auto same = [](const std::vector<EnglishToken>& a, const std::vector<EnglishToken>& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].range.begin != b[i].range.begin || a[i].range.end != b[i].range.end || a[i].word != b[i].word ||
                a[i].lists() != b[i].lists() || a[i].after != b[i].after || a[i].lower_word() != b[i].lower_word() ||
                a[i].possessive != b[i].possessive || a[i].opens != b[i].opens || a[i].closes != b[i].closes ||
                a[i].dash_after != b[i].dash_after)
                return false;
        return true;
    };
    std::size_t sentences_checked = 0;
    std::size_t with_lists = 0;
    for (const std::string& folded : folded_examples()) {
        const auto sentences = segmenter.split(folded);
        KeptWords kept(sentences.size());
        // Every other sentence kept, as the pre-pass skips sentences without a Latin letter.
        for (std::size_t s = 0; s < sentences.size(); s += 2) kept.keep(s, english_tokens(folded, sentences[s].range, cues));
        for (std::size_t s = 0; s < sentences.size(); ++s) {
            const auto expected = english_tokens(folded, sentences[s].range, cues);
            const auto taken = kept.take(s, folded, sentences[s].range, cues);
            CHECK(same(taken, expected));
            ++sentences_checked;
            for (const auto& t : taken) with_lists += t.lists().any();
        }
    }
    CHECK(sentences_checked > 100);
    CHECK(with_lists > 100);  // the lists were given to kept words, not left empty

    // Past the budget nothing more is kept, and take() cuts the sentence then.
    std::string text;
    for (int i = 0; i < 6000; ++i) text += "The ministry did not approve the sale of the chips to them again. ";
    const std::string folded = Normalizer::shared().fold(text);
    const auto sentences = segmenter.split(folded);
    KeptWords kept(sentences.size());
    for (std::size_t s = 0; s < sentences.size(); ++s) kept.keep(s, english_tokens(folded, sentences[s].range, cues));
    for (std::size_t s : {std::size_t{0}, sentences.size() / 2, sentences.size() - 1})
        CHECK(same(kept.take(s, folded, sentences[s].range, cues), english_tokens(folded, sentences[s].range, cues)));
    CHECK(sentences.size() * 13 > KeptWords::kMaxWords);  // the budget was passed
}
