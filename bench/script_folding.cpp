// `chronokg_bench fold CORPUS [--mb N]`: the script folding extraction does to every article
// (chronokg::Normalizer: Traditional to Simplified through a character table built once from
// OpenCC's data, NFKC, offsets back to the original), timed alone on the corpus's article text
// held in memory. The benchmark sets it beside `opencc -c t2s.json` over the same corpus: the
// cost a pipeline pays to convert the script before it extracts anything.
#include <cstdio>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"
#include "extract/normalizer.hpp"

namespace chronokg::bench {

int fold_command(const std::string& corpus, std::size_t max_bytes) {
    std::vector<std::string> texts;
    std::size_t bytes = 0;
    for_each_article(corpus, max_bytes, [&](Document& d) {
        bytes += d.text.size();
        texts.push_back(std::move(d.text));
    });
    const Normalizer& normalizer = Normalizer::shared();  // its table is built here, not timed
    std::size_t folded = 0;
    const Stopwatch clock;
    for (const auto& text : texts) folded += normalizer.normalize(text).text.size();
    const double cpu = clock.cpu();
    std::printf("{\"articles\":%zu,\"text_mb\":%.3f,\"folded_mb\":%.3f,\"cpu_s\":%.3f,\"mb_per_s\":%.1f}\n",
                texts.size(), static_cast<double>(bytes) / 1e6, static_cast<double>(folded) / 1e6, cpu,
                cpu > 0 ? static_cast<double>(bytes) / 1e6 / cpu : 0.0);
    return 0;
}

}  // namespace chronokg::bench
