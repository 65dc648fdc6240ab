#pragma once
// chronokg::ScriptFold — Traditional → Simplified Chinese, one code point to one code point.
//
// What it represents: a character table built once from OpenCC's TSCharacters dictionary (the
// only file of chronokg that includes OpenCC). Text and rule-pack aliases are folded through
// the same table, so `昇騰` and `昇腾` fold alike even where OpenCC's phrase conversion would
// rewrite a name; the cost is proportional to the table, not to the text (NOTES.md measures
// whole-text OpenCC at 6.5 MB/s). Characters without an entry fold to themselves.
// Thread safety: immutable after construction; `shared()` is safe to call from any thread.
#include <string>
#include <unordered_map>
#include <vector>

namespace chronokg {

class ScriptFold {
public:
    // Loads `TSCharacters.ocd2` from `opencc_data_dir`. Throws chronokg::Error when missing.
    explicit ScriptFold(const std::string& opencc_data_dir);

    // The table loaded from OpenCC's data directory (CHRONOKG_OPENCC_DIR, else the directory
    // OpenCC was installed with), built on first use.
    static const ScriptFold& shared();

    char32_t fold(char32_t cp) const {
        if (cp < bmp_.size()) return bmp_[cp];
        auto it = astral_.find(cp);
        return it == astral_.end() ? cp : it->second;
    }

    // Number of code points that fold to another.
    std::size_t size() const { return entries_; }

private:
    std::vector<char32_t> bmp_;  // index: code point below U+10000
    std::unordered_map<char32_t, char32_t> astral_;
    std::size_t entries_ = 0;
};

}  // namespace chronokg
