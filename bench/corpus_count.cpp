// `chronokg_bench corpus CORPUS`: what a corpus holds, counted as extraction sees it: articles,
// bytes of article text and sentences (after normalization, by chronokg's Segmenter). The
// benchmark divides these by the time `chronokg extract` took.
#include <cstdio>
#include <string>

#include "bench/bench_support.hpp"
#include "extract/normalizer.hpp"
#include "extract/rule_pack.hpp"
#include "extract/segmenter.hpp"

namespace chronokg::bench {

int corpus_command(const std::string& corpus) {
    RulePack pack;
    pack.add(default_rules_path());
    const Normalizer& normalizer = Normalizer::shared();
    const Segmenter segmenter(pack.lexicon("abbreviations").en);
    std::size_t articles = 0, bytes = 0, sentences = 0;
    for_each_article(corpus, 0, [&](Document& d) {
        ++articles;
        bytes += d.text.size();
        sentences += segmenter.split(normalizer.normalize(d.text).text).size();
    });
    std::printf("{\"articles\":%zu,\"text_mb\":%.3f,\"sentences\":%zu}\n", articles, static_cast<double>(bytes) / 1e6,
                sentences);
    return 0;
}

}  // namespace chronokg::bench
