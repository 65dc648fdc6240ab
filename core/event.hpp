#pragma once
// chronokg::Event — one dated entity-relation statement found in a document.
//
// What it represents: "subject relation object (date)" plus where it was read and how sure the
// rules are. `span` is a half-open byte range [first, second) into the original document text;
// `evidence` is the sentence that holds it, as written. Field meanings follow the event JSON
// contract in DESIGN.md. Thread safety: a value type.
#include <cstddef>
#include <optional>
#include <string_view>
#include <string>
#include <utility>

#include "core/date.hpp"

namespace chronokg {

struct EntityRef {
    std::string id;     // canonical id: rule-pack id, or derived from the surface form
    std::string label;  // canonical name (English where the rule pack knows one)
    std::string type;   // PERSON, ORG, GOV, GPE, PRODUCT, TECH, POLICY, EVENT, MATERIAL, WORK, CONCEPT

    auto operator<=>(const EntityRef&) const = default;
};

enum class Polarity { positive, negative };
enum class Modality { asserted, planned, hypothetical, reported };
// Where the date came from: the clause itself, its sentence, an earlier sentence, or the
// document's publication date; none when no date is known.
enum class DateSource { none, clause, sentence, context, document };

struct Event {
    std::string doc;
    std::size_t sentence = 0;  // 0-based index of the sentence in the document
    EntityRef subject;
    std::string relation;       // canonical lowercase English verb phrase ("revokes")
    std::string relation_text;  // the words as written ("撤銷")
    EntityRef object;
    std::optional<Date> date;
    DateSource date_source = DateSource::none;
    Polarity polarity = Polarity::positive;
    Modality modality = Modality::asserted;
    std::string evidence;
    std::pair<std::size_t, std::size_t> span{0, 0};
    std::string rule;  // id of the rule that produced it ("zh.svo")
    double confidence = 0.0;
};

const char* to_string(Polarity p);
const char* to_string(Modality m);
const char* to_string(DateSource s);
std::optional<Polarity> parse_polarity(std::string_view text);
std::optional<Modality> parse_modality(std::string_view text);
std::optional<DateSource> parse_date_source(std::string_view text);

// Total order used for deterministic output: document, sentence, span, the triple, then every
// other field.
bool event_less(const Event& a, const Event& b);

}  // namespace chronokg
