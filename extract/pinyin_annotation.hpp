#pragma once
// Inline pinyin annotations that web mirrors insert after Chinese characters: `經(jīng)濟(jì)`.
//
// An annotation is a bracket pair, ASCII `()` or full-width `（）`, holding only lower-case Latin
// letters (1 to 8 of them, ü and tone-marked vowels included) with at least one tone mark.
// `(BIS)`, `(2025)` and `(作者系資深媒體人)` are not annotations and are kept.
// Thread safety: a pure function.
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace chronokg {

// Half-open byte ranges of the annotations in `text` (valid UTF-8), in order.
std::vector<std::pair<std::size_t, std::size_t>> find_pinyin_annotations(std::string_view text);

}  // namespace chronokg
