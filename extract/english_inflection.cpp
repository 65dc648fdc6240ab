#include "extract/english_inflection.hpp"

#include <set>
#include <sstream>

#include "core/error.hpp"

namespace chronokg {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Whether the final consonant doubles before -ed and -ing (ban → banned, commit → committed).
bool doubles_final(const std::string& w) {
    static const std::set<std::string> stressed_last = {"commit", "submit", "admit", "control", "compel", "expel",
                                                        "propel", "refer", "prefer", "transfer", "occur", "regret",
                                                        "patrol", "equip", "outstrip"};
    if (stressed_last.count(w)) return true;
    if (w.size() < 3) return false;
    const char a = w[w.size() - 3], b = w[w.size() - 2], c = w[w.size() - 1];
    if (is_vowel(a) || !is_vowel(b) || is_vowel(c) || c == 'w' || c == 'x' || c == 'y') return false;
    int vowel_groups = 0;
    for (std::size_t i = 0; i < w.size(); ++i)
        if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1]))) ++vowel_groups;
    return vowel_groups == 1;
}

}  // namespace

EnglishInflection::EnglishInflection(const std::vector<std::string>& irregular_lines) {
    for (const auto& line : irregular_lines) {
        std::istringstream in(line);
        std::string lemma, past, participle, extra;
        if (!(in >> lemma >> past >> participle) || (in >> extra))
            throw Error("irregular_verbs entry \"" + line + "\" must be \"lemma past participle\"");
        irregular_[lemma] = {past, participle};
    }
}

VerbForms EnglishInflection::forms(const std::string& lemma) const {
    VerbForms f;
    f.lemma = lemma;
    const std::string& w = lemma;
    const bool consonant_y = ends_with(w, "y") && w.size() > 1 && !is_vowel(w[w.size() - 2]);
    if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") || ends_with(w, "sh") ||
        ends_with(w, "o"))
        f.third_person = w + "es";
    else if (consonant_y)
        f.third_person = w.substr(0, w.size() - 1) + "ies";
    else
        f.third_person = w + "s";

    const bool doubled = doubles_final(w);
    if (ends_with(w, "e")) f.past = w + "d";
    else if (consonant_y) f.past = w.substr(0, w.size() - 1) + "ied";
    else if (doubled) f.past = w + w.back() + "ed";
    else f.past = w + "ed";
    f.past_participle = f.past;

    if (ends_with(w, "ie")) f.gerund = w.substr(0, w.size() - 2) + "ying";
    else if (ends_with(w, "e") && !ends_with(w, "ee") && w.size() > 2) f.gerund = w.substr(0, w.size() - 1) + "ing";
    else if (doubled) f.gerund = w + w.back() + "ing";
    else f.gerund = w + "ing";

    if (auto it = irregular_.find(w); it != irregular_.end()) {
        f.past = it->second.first;
        f.past_participle = it->second.second;
    }
    return f;
}

}  // namespace chronokg
