// The entity variant ledger of a story: per entity (match key), every surface form and which
// articles used it, with a verdict a reader can act on: spelling variants of one name
// (Griner / Greiner; Сергей Лавров / Sergei Lavrov), a short form (Griner / Brittney Griner),
// or possibly different people who share a surname (Paul Whelan / David Whelan).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "features/match_key.h"
#include "features/profile.h"

namespace storyline {

struct VariantForm {
  std::string surface;
  std::vector<std::string> articles;  // ids, in the order given
};

struct VariantEntry {
  std::string key;
  EntityKind kind = EntityKind::Other;
  std::vector<VariantForm> forms;  // most used first
  std::string verdict;  // "same form", "spelling variants", "short and full forms", "possibly different people"
};

// Entities of the given profiles; entries used by one article with one form are left out
// unless `include_single` (a story page lists every entity; compare lists the shared ones).
std::vector<VariantEntry> variant_ledger(const std::vector<const Profile*>& profiles,
                                         const MatchKeyer& keyer, bool include_single);

nlohmann::json ledger_json(const std::vector<VariantEntry>& ledger);

}  // namespace storyline
