#pragma once
// English verb forms generated from a lemma, so that rule packs list `revoke` once and the
// engine finds `revokes`, `revoked` and `revoking` too.
//
// Regular spelling rules (ban → banned, apply → applied, use → using) plus the irregular forms
// a rule pack lists (`take took taken`). Thread safety: immutable after construction.
#include <string>
#include <unordered_map>
#include <vector>

namespace chronokg {

struct VerbForms {
    std::string lemma;
    std::string third_person;   // revokes
    std::string past;           // revoked
    std::string past_participle;
    std::string gerund;         // revoking
};

class EnglishInflection {
public:
    // `irregular_lines`: "take took taken" (lemma, past, past participle).
    explicit EnglishInflection(const std::vector<std::string>& irregular_lines);

    VerbForms forms(const std::string& lemma) const;

private:
    std::unordered_map<std::string, std::pair<std::string, std::string>> irregular_;
};

}  // namespace chronokg
