#include <catch2/catch.hpp>

#include <array>
#include <filesystem>

#include "extract/cue_words.hpp"
#include "extract/dictionary_set.hpp"
#include "extract/entity_catalog.hpp"
#include "extract/english_relations.hpp"
#include "extract/extractor.hpp"
#include "extract/mention_finder.hpp"
#include "extract/normalizer.hpp"
#include "extract/relation_lexicon.hpp"
#include "extract/rule_pack.hpp"
#include "extract/segmenter.hpp"
#include "extract/sentence_scan.hpp"
#include "extract/time_tagger.hpp"
#include "../test_support.hpp"

using namespace chronokg;

namespace {

bool same_hits(const std::vector<PhraseHit>& a, const std::vector<PhraseHit>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].payload != b[i].payload) return false;
    return true;
}

// What a SentenceScan is built from, as the Extractor builds it.
struct ScanParts {
    RulePack pack = test::default_pack();
    const Normalizer& normalizer = Normalizer::shared();
    CueWords cues{pack, normalizer};
    RelationLexicon lexicon{pack, normalizer};
    EnglishRelations english{pack, lexicon, cues, normalizer};
    EntityCatalog catalog{pack, normalizer};
    MentionFinder mentions{catalog, pack, normalizer};
    TimeTagger times{pack};
    SentenceScan scan{cues, lexicon, english, mentions, times};
};

}  // namespace

TEST_CASE("one scan of a sentence finds what each of its dictionaries finds alone, in its order",
          "[extract][match][issue7]") {
    // The Extractor scans each sentence once for six dictionaries (SentenceScan) and the rules
    // and the mention finder read each one's hits as its own matcher's find_all gave them: order
    // included, for select_longest keeps the first of hits that tie.
    const ScanParts parts;
    const Normalizer& normalizer = parts.normalizer;
    const CueWords& cues = parts.cues;
    const RelationLexicon& lexicon = parts.lexicon;
    const EnglishRelations& english = parts.english;
    const MentionFinder& mentions = parts.mentions;
    const TimeTagger& times = parts.times;
    const SentenceScan& scan = parts.scan;
    DictionarySet mention_words(2);  // the mention finder's words alone: short forms [0], anaphora [1]
    mentions.add_words(mention_words, 0, 1);
    mention_words.compile();
    std::array<DictionarySet, 2> time_texts{DictionarySet(1), DictionarySet(1)};  // the time texts alone: "zh", others
    for (std::size_t set = 0; set < 2; ++set) {
        times.add_required_texts(time_texts[set], 0, set == 0);
        time_texts[set].compile();
    }
    const Segmenter segmenter({});
    std::vector<std::string> texts;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/examples/articles"))
        texts.push_back(normalizer.normalize(test::read_file(entry.path().string())).text);
    // A phrase in two dictionaries at once, and a language with no cue lists.
    texts.push_back(normalizer.fold("美国商务部长表示，董事长兼CEO雷军宣布暂停出口。The CEO said it will not add Huawei to the list."));
    // Short forms in their context and descriptions that point back, in both languages.
    texts.push_back(normalizer.fold("美国对华出口管制升级，该公司表示中美关系复杂。The company said it would comply."));
    // A reciprocal noun.
    texts.push_back(normalizer.fold("The company signed a deal between the Netherlands, Japan and the United States."));
    std::size_t sentences = 0, cue_hits = 0, verb_hits = 0, role_hits = 0, reciprocal_hits = 0;
    std::size_t short_form_hits = 0, anaphora_hits = 0, time_text_hits = 0;
    for (const std::string& text : texts) {
        const auto all = segmenter.split(text);
        for (const auto& sentence : all) {
            const TextRange r = sentence.range;
            // One Hits for the three languages: each find() replaces what the one before left.
            SentenceScan::Hits hits;
            for (const char* lang : {"zh", "en", "fr"}) {
                const bool chinese = std::string_view(lang) == "zh";
                scan.find(lang, text, r, hits);
                INFO(lang << " \"" << text.substr(r.begin, r.size()) << "\"");
                CHECK(same_hits(hits.cue_lists, cues.find_all_lists(lang, text, r)));
                CHECK(same_hits(hits.verbs, lexicon.verbs(chinese).find_all(text, r.begin, r.end)));
                CHECK(same_hits(hits.roles, lexicon.roles(chinese).find_all(text, r.begin, r.end)));
                // Reciprocal nouns are read in English sentences only.
                CHECK(same_hits(hits.reciprocal_nouns,
                                chinese ? std::vector<PhraseHit>{} : english.reciprocal_nouns().find_all(text, r.begin, r.end)));
                // The mention finder's words, whatever the language.
                std::vector<PhraseHit> short_forms, anaphora, time_hits;
                std::vector<PhraseHit>* const words[] = {&short_forms, &anaphora};
                mention_words.find_all(text, r.begin, r.end, words);
                CHECK(same_hits(hits.short_forms, short_forms));
                CHECK(same_hits(hits.anaphora, anaphora));
                std::vector<PhraseHit>* const time_list = &time_hits;
                time_texts[chinese ? 0 : 1].find_all(text, r.begin, r.end, std::span(&time_list, 1));
                CHECK(same_hits(hits.time_texts, time_hits));
                time_text_hits += hits.time_texts.size();
                short_form_hits += hits.short_forms.size();
                anaphora_hits += hits.anaphora.size();
                cue_hits += hits.cue_lists.size();
                verb_hits += hits.verbs.size();
                role_hits += hits.roles.size();
                reciprocal_hits += hits.reciprocal_nouns.size();
            }
            ++sentences;
        }
    }
    CHECK(sentences > 100);
    // Each dictionary found something: the comparison was not of empty lists.
    CHECK(cue_hits > 1000);
    CHECK(verb_hits > 100);
    CHECK(role_hits > 10);
    CHECK(reciprocal_hits > 0);
    CHECK(short_form_hits > 0);
    CHECK(anaphora_hits > 0);
    CHECK(time_text_hits > 100);
}

TEST_CASE("a window's sentences scanned side by side get what each gets scanned alone [issue7]",
          "[extract][match][issue7]") {
    // The Extractor scans a window of sentences in one call (find_in): the Chinese sentences
    // through one set, the others through the other, several sentences side by side. Each
    // sentence must get the hits find() gives it alone, whatever the languages around it.
    const ScanParts parts;
    const Normalizer& normalizer = parts.normalizer;
    const SentenceScan& scan = parts.scan;
    const Segmenter segmenter({});
    const auto lists = [](const SentenceScan::Hits& h) {
        return std::array{&h.cue_lists, &h.verbs, &h.roles, &h.reciprocal_nouns, &h.short_forms, &h.anaphora, &h.time_texts};
    };
    std::size_t sentences = 0, hits = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/examples/articles")) {
        const std::string text = normalizer.normalize(test::read_file(entry.path().string())).text;
        const auto all = segmenter.split(text);
        // Each sentence read as Chinese, English or another language in turn, so that a window
        // mixes them; the lists hold another sentence's hits from before, as a slot's do.
        std::vector<SentenceScan::Hits> window(all.size());
        std::vector<SentenceScan::Sentence> asked;
        for (std::size_t i = 0; i < all.size(); ++i) {
            const char* lang = i % 3 == 0 ? "zh" : i % 3 == 1 ? "en" : "fr";
            scan.find(lang, text, all[(i + 1) % all.size()].range, window[i]);
            asked.push_back({lang, all[i].range, &window[i]});
        }
        scan.find_in(text, asked);
        for (std::size_t i = 0; i < all.size(); ++i) {
            SentenceScan::Hits alone;
            scan.find(asked[i].lang, text, all[i].range, alone);
            INFO(asked[i].lang << " \"" << text.substr(all[i].range.begin, all[i].range.size()) << "\"");
            const auto got = lists(window[i]);
            const auto want = lists(alone);
            for (std::size_t d = 0; d < got.size(); ++d) {
                CHECK(same_hits(*got[d], *want[d]));
                hits += want[d]->size();
            }
            ++sentences;
        }
    }
    CHECK(sentences > 100);
    CHECK(hits > 1000);
}
