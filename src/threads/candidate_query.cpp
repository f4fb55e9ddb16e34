#include "threads/candidate_query.h"

#include <algorithm>

namespace storyline {
namespace {

// The strongest entries of a vector, by weight (ties by id for determinism).
SparseVector strongest(const SparseVector& v, std::size_t limit) {
  SparseVector out = v;
  if (out.entries.size() > limit) {
    std::partial_sort(out.entries.begin(), out.entries.begin() + limit, out.entries.end(),
                      [](const auto& a, const auto& b) {
                        return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    out.entries.resize(limit);
    std::sort(out.entries.begin(), out.entries.end());
  }
  return out;
}

}  // namespace

SparseVector candidate_query(const WeightedProfile& w, std::size_t limit) {
  TermCounter sum;
  for (const SparseVector* part : {&w.all, &w.bridge, &w.entities})
    for (auto [id, weight] : strongest(*part, limit).entries) sum.add(id, weight);
  return sum.vector();
}

}  // namespace storyline
