// SparseVector: term id -> weight, sorted by id, so dot products are one merge pass.
// Term ids are 64-bit hashes of a namespaced string ("s:" stem, "b:" English stem, "k:" name
// key); collisions at news-corpus vocabulary sizes are negligible.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace storyline {

using TermId = std::uint64_t;

// FNV-1a over prefix and text: stable across runs and platforms (ids reach the index and tests).
TermId term_id(std::string_view prefix, std::string_view text);

struct SparseVector {
  std::vector<std::pair<TermId, float>> entries;  // sorted by id, ids unique

  static SparseVector from_counts(const std::unordered_map<TermId, float>& counts);
  bool empty() const { return entries.empty(); }
  float weight_of(TermId id) const;
};

// Applies `weight(id, value)` to every entry and L2-normalises the result.
template <typename WeightFn>
SparseVector reweight_normalised(const SparseVector& v, WeightFn weight);

float dot(const SparseVector& a, const SparseVector& b);

}  // namespace storyline

#include "features/sparse_vector_inl.h"
