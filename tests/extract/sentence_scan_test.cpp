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

}  // namespace

TEST_CASE("one scan of a sentence finds what each of its dictionaries finds alone, in its order",
          "[extract][match][issue7]") {
    // The Extractor scans each sentence once for six dictionaries (SentenceScan) and the rules
    // and the mention finder read each one's hits as its own matcher's find_all gave them: order
    // included, for select_longest keeps the first of hits that tie.
    const RulePack pack = test::default_pack();
    const Normalizer& normalizer = Normalizer::shared();
    const CueWords cues(pack, normalizer);
    const RelationLexicon lexicon(pack, normalizer);
    const EnglishRelations english(pack, lexicon, cues, normalizer);
    const EntityCatalog catalog(pack, normalizer);
    const MentionFinder mentions(catalog, pack, normalizer);
    const TimeTagger times(pack);
    const SentenceScan scan(cues, lexicon, english, mentions, times);
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
