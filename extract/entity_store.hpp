#pragma once
// chronokg::EntityStore — the entities a document's mentions point at.
//
// What it represents: mentions and event arguments refer to their entity by pointer: to the
// catalog's own EntityRef for an entity the rule pack knows, or to one kept here for an entity
// found while the document is read (a name the pack does not know, a product model, an unnamed
// organization, a literal object). Copying a mention used to copy three strings, and the rules
// copy mentions into every unit, group and candidate of every clause (2–4 % of extraction).
// Kept entities never move (a deque), so their pointers stay valid until the store is cleared
// or destroyed: the Extractor keeps one store a document for its mentions, and one a sentence
// for what the relation rules make up there (a long document never holds all its sentences'
// rejected readings at once).
// Thread safety: used by the thread extracting the document.
#include <deque>

#include "core/event.hpp"

namespace chronokg {

class EntityStore {
public:
    EntityStore() = default;
    EntityStore(const EntityStore&) = delete;
    EntityStore& operator=(const EntityStore&) = delete;

    // A pointer to a kept copy of `entity`, valid while the store lives.
    const EntityRef* keep(EntityRef entity) {
        kept_.push_back(std::move(entity));
        return &kept_.back();
    }
    // Drops every kept entity: the pointers to them must be gone.
    void clear() { kept_.clear(); }

private:
    std::deque<EntityRef> kept_;
};

// The entity of a literal object (`the export of chips`, 出口芯片) whose head names no kind of
// thing, in both languages' relation rules. It has no id or label (the extractor makes them from
// the object's words) and is never changed, so one copy, living as long as the program, stands
// for all of them: a copy kept in the sentence's store for each literal was three strings made
// and one more entry stored.
inline const EntityRef kLiteralConcept{"", "", "CONCEPT"};

}  // namespace chronokg
