#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "extract/dictionary_set.hpp"
#include "extract/entity_catalog.hpp"
#include "extract/mention_finder.hpp"
#include "extract/normalizer.hpp"
#include "extract/rule_pack.hpp"
#include "extract/segmenter.hpp"
#include "relation_test_support.hpp"

using chronokg::test::article;
using chronokg::test::test_extractor;

TEST_CASE("a long article is read whole, window after window, its dates carried across windows", "[extract][issue7]") {
    // The extractor reads an article 64 sentences at a time, step by step (Extractor::extract):
    // no sentence may be lost or read twice at a window's edge, and the date a sentence states
    // must reach the next one across it. 150 sentences, one event each; the first sentence of
    // the second and third windows (64 and 128) carries the date of the sentence before it.
    std::string text;
    const auto day_of = [](std::size_t i) { return 1 + static_cast<int>(i % 28); };
    for (std::size_t i = 0; i < 150; ++i) {
        if (i == 64 || i == 128) text += "The same day, the Commerce Department revoked the AI Diffusion Rule. ";
        else text += "On May " + std::to_string(day_of(i)) + ", BIS revoked the AI Diffusion Rule. ";
    }
    const auto events = test_extractor().extract(article(text, "2025-05-20"));
    REQUIRE(events.size() == 150);
    for (std::size_t i = 0; i < events.size(); ++i) {
        INFO("sentence " << i);
        const auto& e = events[i];
        CHECK(e.sentence == i);
        CHECK(e.relation == "revokes");
        REQUIRE(e.date);
        const bool carried = i == 64 || i == 128;
        CHECK(e.date->day == day_of(carried ? i - 1 : i));
        CHECK(e.subject.label == (carried ? "US Department of Commerce" : "Bureau of Industry and Security"));
    }
}

TEST_CASE("an article's events do not depend on the articles read before it", "[extract]") {
    // The extractor keeps a window of sentence slots a thread from one article to the next (their
    // hit lists keep their room): nothing a slot held for an earlier article may reach a later one.
    // The articles are read one after another on this thread, then each on a new thread of its
    // own (new slots); the events must be the same. The third is English text in an article said
    // to be German: its sentences get the English rules without being cut into English words,
    // and what the rules find must then be nothing, not the words a slot held for the first.
    const std::string english =
        "On May 3, BIS revoked the AI Diffusion Rule. Commerce Secretary Howard Lutnick said the rule "
        "was withdrawn. The same day, the Commerce Department revoked the AI Diffusion Rule. ";
    const std::string chinese = "5月3日，美国商务部撤销了人工智能扩散规则。该部门表示，此举立即生效。";
    std::vector<chronokg::Document> articles = {article(english + english), article(chinese), article(english)};
    articles[2].language = "de";
    const auto lines = [](const std::vector<chronokg::Event>& events) {
        std::vector<std::string> out;
        for (const auto& e : events)
            out.push_back(std::to_string(e.sentence) + " " + e.subject.id + " " + e.relation + " " + e.object.id + " " +
                          (e.date ? e.date->iso() : "-") + " " + e.rule);
        return out;
    };
    std::vector<std::vector<std::string>> in_turn;
    for (const auto& a : articles) in_turn.push_back(lines(test_extractor().extract(a)));
    CHECK(in_turn[0].size() == 4);
    CHECK(in_turn[1].size() == 1);
    for (std::size_t k = 0; k < articles.size(); ++k) {
        INFO("article " << k);
        std::vector<std::string> alone;
        std::thread([&] { alone = lines(test_extractor().extract(articles[k])); }).join();
        CHECK(in_turn[k] == alone);
    }
}

TEST_CASE("a reading a sentence gives twice is one event, the sentence's events in order", "[extract]") {
    // A name coordinated with itself (百度公司和百度公司) makes each of the rules' readings twice:
    // the extractor keeps one event for each (subject, relation, object) of a sentence, sorting
    // the readings by it (a stable sort: of equal ones the first, most confident reading stays).
    const chronokg::Extractor extractor(chronokg::test::default_pack());
    const auto found = chronokg::test::triples(
        "业内人士介绍，百度公司和百度公司等国内服务器及电脑厂商都在产品中使用美光公司的存储芯片，短期内寻找替代供应商并不容易。",
        "2025-05-20", false, extractor);
    CHECK(found == std::vector<std::string>{"Baidu | uses | 美光公司的存储芯片 | -", "Baidu | replaces | 供应商 | -"});
}

TEST_CASE("each event holds its own reading's relation and rule, sentence after sentence", "[extract]") {
    // An event takes its candidate's relation and rule strings (moved, not copied), and the
    // places of a sentence's readings are sorted in room kept from one sentence to the next: a
    // sentence read twice, after itself, gives the same events, each with its own words.
    const std::string sentence =
        "业内人士介绍，百度公司和百度公司等国内服务器及电脑厂商都在产品中使用美光公司的存储芯片，短期内寻找替代供应商并不容易。";
    const chronokg::Extractor extractor(chronokg::test::default_pack());
    const auto events = extractor.extract(article(sentence + sentence, "2025-05-20"));
    REQUIRE(events.size() == 4);
    for (std::size_t k = 0; k < 2; ++k) {
        INFO("event " << k);
        const auto& first = events[k];
        const auto& second = events[k + 2];
        CHECK(first.sentence == 0);
        CHECK(second.sentence == 1);
        CHECK(first.relation == (k == 0 ? "uses" : "replaces"));
        CHECK(first.relation_text == (k == 0 ? "使用" : "替代"));
        CHECK(first.rule.starts_with("zh."));
        CHECK(std::tie(first.subject, first.relation, first.relation_text, first.object, first.rule) ==
              std::tie(second.subject, second.relation, second.relation_text, second.object, second.rule));
    }
}

TEST_CASE("a header line, whatever its case, is not read for events; a sentence with a colon is", "[extract]") {
    // `Published: …` is a header of the collected page, not prose (any case of the label); a
    // colon that follows another word, or comes late in the sentence, marks no header.
    using chronokg::test::triples;
    const std::string event = "BIS revoked the AI Diffusion Rule.";
    CHECK(triples("Published: " + event).empty());
    CHECK(triples("SOURCE: " + event).empty());
    CHECK(triples("Sources: " + event).size() == 1);
    CHECK(triples("As the agency said in a notice: " + event).size() == 1);
    CHECK(triples(event).size() == 1);
}

namespace {

// A mention finder of the unit-test pack, and the words it finds besides the aliases.
struct MentionFinding {
    chronokg::RulePack pack = chronokg::test::test_pack();
    const chronokg::Normalizer& normalizer = chronokg::Normalizer::shared();
    chronokg::EntityCatalog catalog{pack, normalizer};
    chronokg::MentionFinder finder{catalog, pack, normalizer};
    chronokg::DictionarySet words{2};  // short forms [0], anaphora [1]
    MentionFinding() {
        finder.add_words(words, 0, 1);
        words.compile();
    }
    // Each sentence's mentions of `text` (folded), into `found` for sentence after sentence;
    // `each(i, found)` after sentence i.
    template <class Each>
    void read(const std::string& text, Each&& each) const {
        const auto sentences = chronokg::Segmenter({}).split(text);
        std::vector<std::pair<std::size_t, std::size_t>> ranges;
        for (const auto& s : sentences) ranges.emplace_back(s.range.begin, s.range.end);
        auto aliases = catalog.find_in(text, ranges);
        chronokg::EntityStore entities;
        chronokg::MentionFinder::Reading reading(finder, text, entities);
        std::vector<chronokg::Mention> found;
        for (std::size_t i = 0; i < sentences.size(); ++i) {
            std::vector<chronokg::PhraseHit> short_forms, anaphora;
            std::vector<chronokg::PhraseHit>* const lists[] = {&short_forms, &anaphora};
            words.find_all(text, sentences[i].range.begin, sentences[i].range.end, lists);
            reading.next(sentences[i], {aliases[i], short_forms, anaphora}, found);
            each(sentences[i], found);
        }
    }
};

}  // namespace

TEST_CASE("the mention finder replaces what the list it fills held, sentence after sentence", "[extract]") {
    // The extractor hands MentionFinder::Reading::next() the same list for a slot's sentences
    // (it keeps its room): each call's list must hold that sentence's mentions and no other's.
    const MentionFinding finding;
    const std::string text = finding.normalizer.fold(
        "BIS revoked the AI Diffusion Rule. The Commerce Department and Huawei said so. Nothing here.");
    std::vector<std::size_t> counts;
    finding.read(text, [&](const chronokg::Sentence& sentence, const std::vector<chronokg::Mention>& found) {
        counts.push_back(found.size());
        for (const auto& m : found) {
            INFO(text.substr(m.range.begin, m.range.size()));
            CHECK(sentence.range.contains(m.range));
        }
    });
    CHECK(counts == std::vector<std::size_t>{2, 2, 0});  // BIS, the rule; the department, Huawei; none
}

TEST_CASE("the mention finder gives a sentence's mentions in text order, a title hiding the aliases in it", "[extract]") {
    // Titles are found first, then the aliases that overlap none (an alias overlaps no other:
    // select_longest), and the list is put in text order.
    const MentionFinding finding;
    const std::string text = finding.normalizer.fold("华为回应了《美国商务部声明》，美国商务部表示将修改规则。美国商务部和华为都没有回应。");
    std::vector<std::vector<std::string>> said;
    finding.read(text, [&](const chronokg::Sentence&, const std::vector<chronokg::Mention>& found) {
        said.emplace_back();
        for (const auto& m : found) said.back().push_back(text.substr(m.range.begin, m.range.size()));
    });
    CHECK(said == std::vector<std::vector<std::string>>{{"华为", "美国商务部声明", "美国商务部"}, {"美国商务部", "华为"}});
}
