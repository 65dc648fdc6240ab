#pragma once
// What every fuzz target shares: turning bytes into text, and failing loudly.
//
// A target feeds libFuzzer's bytes to one part of chronokg. chronokg::Error is the expected
// answer to bad input and is caught; any other exception, a sanitizer report, a hang or a broken
// invariant (checked with CHRONOKG_FUZZ_CHECK) is a finding: libFuzzer saves the input that
// caused it.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/utf8.hpp"

#define CHRONOKG_FUZZ_CHECK(condition)                                                              \
    do {                                                                                            \
        if (!(condition)) {                                                                         \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                           \
        }                                                                                           \
    } while (0)

namespace chronokg::fuzz {

inline std::string_view bytes(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The input as valid UTF-8 (invalid sequences replaced), as the readers hand text on.
inline std::string text(const uint8_t* data, size_t size) { return utf8::repair(bytes(data, size)); }

}  // namespace chronokg::fuzz
