// The query an article puts to the candidate index: the strongest of its weighted terms,
// bridge terms and entities. Online threading (ThreadBuilder) and batch average linkage
// (average_link.h) ask the same question, so both compare an article with the same candidates.
#pragma once

#include <cstddef>

#include "compare/pair_features.h"

namespace storyline {

SparseVector candidate_query(const WeightedProfile& weighted, std::size_t strongest_per_part);

}  // namespace storyline
