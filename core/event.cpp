#include "core/event.hpp"

#include <tuple>

namespace chronokg {

const char* to_string(Polarity p) { return p == Polarity::negative ? "negative" : "positive"; }

const char* to_string(Modality m) {
    switch (m) {
        case Modality::planned: return "planned";
        case Modality::hypothetical: return "hypothetical";
        case Modality::reported: return "reported";
        case Modality::asserted: break;
    }
    return "asserted";
}

const char* to_string(DateSource s) {
    switch (s) {
        case DateSource::clause: return "clause";
        case DateSource::sentence: return "sentence";
        case DateSource::context: return "context";
        case DateSource::document: return "document";
        case DateSource::none: break;
    }
    return "none";
}

std::optional<Polarity> parse_polarity(std::string_view t) {
    if (t == "positive") return Polarity::positive;
    if (t == "negative") return Polarity::negative;
    return std::nullopt;
}

std::optional<Modality> parse_modality(std::string_view t) {
    for (auto m : {Modality::asserted, Modality::planned, Modality::hypothetical, Modality::reported})
        if (t == to_string(m)) return m;
    return std::nullopt;
}

std::optional<DateSource> parse_date_source(std::string_view t) {
    for (auto s : {DateSource::none, DateSource::clause, DateSource::sentence, DateSource::context,
                   DateSource::document})
        if (t == to_string(s)) return s;
    return std::nullopt;
}

bool event_less(const Event& a, const Event& b) {
    // Every field takes part, so that sorting gives one order whatever order events came in.
    return std::tie(a.doc, a.sentence, a.span, a.subject, a.relation, a.object, a.rule, a.date, a.date_source,
                    a.polarity, a.modality, a.relation_text, a.evidence, a.confidence) <
           std::tie(b.doc, b.sentence, b.span, b.subject, b.relation, b.object, b.rule, b.date, b.date_source,
                    b.polarity, b.modality, b.relation_text, b.evidence, b.confidence);
}

}  // namespace chronokg
