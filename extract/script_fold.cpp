#include "extract/script_fold.hpp"

#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

#include "core/error.hpp"
#include "core/utf8.hpp"

#ifndef CHRONOKG_OPENCC_DATA_DIR
#define CHRONOKG_OPENCC_DATA_DIR "/usr/share/opencc"
#endif

namespace chronokg {
namespace {

// The code point `s` consists of, or nullopt when it is not exactly one.
std::optional<char32_t> single_code_point(const std::string& s) {
    if (s.empty() || utf8::find_invalid(s)) return std::nullopt;
    std::size_t pos = 0;
    const char32_t cp = utf8::decode(s, pos);
    if (pos != s.size()) return std::nullopt;
    return cp;
}

}  // namespace

ScriptFold::ScriptFold(const std::string& opencc_data_dir) : bmp_(0x10000) {
    for (char32_t cp = 0; cp < bmp_.size(); ++cp) bmp_[cp] = cp;
    const std::string path = opencc_data_dir + "/TSCharacters.ocd2";
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file)
        throw Error(path, 0, 0,
                    "cannot open OpenCC's character table (install libopencc-data, or set "
                    "CHRONOKG_OPENCC_DIR)");
    opencc::MarisaDictPtr dict;
    try {
        dict = opencc::MarisaDict::NewFromFile(file.get());
    } catch (const std::exception& e) {
        throw Error(path, 0, 0, std::string("cannot read OpenCC dictionary: ") + e.what());
    }
    std::unordered_map<char32_t, char32_t> table;
    for (const auto& entry : *dict->GetLexicon()) {
        const auto from = single_code_point(entry->Key());
        const auto to = single_code_point(entry->GetDefault());
        if (from && to && *from != *to) table[*from] = *to;
    }
    // Follow chains (a → b → c) so that folding is idempotent: fold(fold(x)) == fold(x).
    for (auto& [from, to] : table) {
        for (int hops = 0; hops < 4; ++hops) {
            auto next = table.find(to);
            if (next == table.end() || next->second == to || next->first == from) break;
            to = next->second;
        }
    }
    for (const auto& [from, to] : table) {
        if (from < bmp_.size()) bmp_[from] = to;
        else astral_[from] = to;
    }
    entries_ = table.size();
}

const ScriptFold& ScriptFold::shared() {
    static const ScriptFold table = [] {
        const char* dir = std::getenv("CHRONOKG_OPENCC_DIR");
        return ScriptFold(dir && *dir ? dir : CHRONOKG_OPENCC_DATA_DIR);
    }();
    return table;
}

}  // namespace chronokg
