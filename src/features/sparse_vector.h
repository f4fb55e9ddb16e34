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

// Sums amounts per term id: add() in any order, then vector(). Equal to summing into an
// unordered_map and calling from_counts (the sums per id run in the order added, so they are
// bit-identical), at the cost of one growing array instead of a hash node per distinct term.
class TermCounter {
 public:
  void add(TermId id, float amount = 1.0f) { added_.emplace_back(id, amount); }
  SparseVector vector();  // leaves the counter empty

 private:
  std::vector<std::pair<TermId, float>> added_;
};

// Where each distinct term id sits in an array being built: open addressing over the
// positions, the ids read back through `id_at(position)`. Ids are hashes already.
class TermPositions {
 public:
  explicit TermPositions(std::size_t ids_at_most);  // more distinct ids would never find a free slot
  // The position of `id`; when it is new, `next` is recorded for it and returned.
  template <typename IdAt>
  std::uint32_t find_or_add(TermId id, std::uint32_t next, IdAt id_at) {
    std::size_t i = (id ^ (id >> 29)) & mask_;
    while (slots_[i] != kEmpty && id_at(slots_[i]) != id) i = (i + 1) & mask_;
    if (slots_[i] == kEmpty) slots_[i] = next;
    return slots_[i];
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  std::vector<std::uint32_t> slots_;
  std::size_t mask_;
};

// Applies `weight(id, value)` to every entry and L2-normalises the result.
template <typename WeightFn>
SparseVector reweight_normalised(const SparseVector& v, WeightFn weight);

float dot(const SparseVector& a, const SparseVector& b);

}  // namespace storyline

#include "features/sparse_vector_inl.h"
