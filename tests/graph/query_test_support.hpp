#pragma once
// A small story as events, for the query tests: BIS, the AI Diffusion Rule, Huawei and Nvidia,
// with dates at every precision, a negated and a planned event, and one without a date.
#include <string>
#include <vector>

#include "core/event.hpp"

namespace chronokg::test {

inline Event story_event(EntityRef subject, std::string relation, std::string relation_text, EntityRef object,
                         const std::string& date, std::string doc, std::size_t sentence) {
    Event e;
    e.doc = std::move(doc);
    e.sentence = sentence;
    e.subject = std::move(subject);
    e.relation = std::move(relation);
    e.relation_text = std::move(relation_text);
    e.object = std::move(object);
    e.date = Date::parse(date);
    e.date_source = e.date ? DateSource::sentence : DateSource::none;
    e.evidence = "sentence " + std::to_string(sentence) + " of " + e.doc;
    e.span = {sentence * 10, sentence * 10 + 5};
    e.rule = "test";
    e.confidence = 0.8;
    return e;
}

inline std::vector<Event> story() {
    const EntityRef bis{"bis", "Bureau of Industry and Security", "GOV"};
    const EntityRef bis_short{"bis", "BIS", "GOV"};
    const EntityRef rule{"ai-diffusion-rule", "AI Diffusion Rule", "POLICY"};
    const EntityRef huawei{"huawei", "Huawei", "ORG"};
    const EntityRef nvidia{"nvidia", "Nvidia", "ORG"};
    const EntityRef tsmc{"tsmc", "TSMC", "ORG"};
    const EntityRef foxconn{"foxconn", "Foxconn", "ORG"};
    const EntityRef huang{"jensen-huang", "Jensen Huang", "PERSON"};
    const EntityRef biden{"biden-administration", "Biden administration", "GOV"};
    const EntityRef commerce{"us-commerce", "US Department of Commerce", "GOV"};
    const EntityRef ascend{"ascend", "Ascend", "PRODUCT"};
    const EntityRef chips{"芯片出口", "芯片出口", "CONCEPT"};

    std::vector<Event> events = {
        story_event(bis, "revokes", "撤銷", rule, "2025-05-13", "a", 3),
        story_event(bis_short, "issues guidance on", "發布指南", ascend, "2025-05-13", "a", 4),
        story_event(biden, "signs", "签署", rule, "2025-01", "a", 1),
        story_event(bis, "adds to entity list", "列入实体清单", huawei, "2019-05-16", "b", 0),
        story_event(bis, "warns", "警告", chips, "2025-05", "e", 2),
        story_event(bis, "restricts", "限制", ascend, "2025-06-02", "e", 5),
        story_event(bis, "reviews", "审查", chips, "2025", "e", 1),
        story_event(commerce, "restricts", "限制", huawei, "2025-05-22", "d", 0),
        story_event(bis, "confirms", "证实", ascend, "2025-05-20", "d", 1),
        story_event(nvidia, "partners with", "合作", tsmc, "2025-05-19", "c", 1),
        story_event(nvidia, "partners with", "合作", foxconn, "2025-05-19", "c", 2),
        story_event(huang, "ceo of", "執行長", nvidia, "", "c", 0),
    };
    events[7].modality = Modality::planned;
    events[8].polarity = Polarity::negative;
    return events;
}

}  // namespace chronokg::test
