// sort_by_term_id: sorts (term id, value) pairs by id, ids distinct. Every profile sorts a
// dozen such arrays of ~100 entries (its term vectors, its display words), and comparison
// sorting them was a tenth of analysing an article. Term ids are FNV-1a hashes, so their top
// bits spread evenly: one counting pass puts each entry into its bucket of the top bits, and
// an insertion sort orders the few entries within each bucket. Ids that crowd into a bucket
// (small ids in tests, not hashes) fall back to std::sort. The result is the one std::sort
// gives: the ids are distinct, so there is one sorted order.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace storyline {

template <typename Value>
void sort_by_term_id(std::vector<std::pair<std::uint64_t, Value>>& entries) {
  auto by_id = [](const auto& a, const auto& b) { return a.first < b.first; };
  const std::size_t n = entries.size();
  if (n < 32) return std::sort(entries.begin(), entries.end(), by_id);
  int bits = 1;
  while ((std::size_t(1) << bits) < n) ++bits;
  const int shift = 64 - bits;
  std::vector<std::uint32_t> start((std::size_t(1) << bits) + 1, 0);
  for (const auto& e : entries) ++start[(e.first >> shift) + 1];
  std::uint32_t crowded = 0;
  for (std::size_t b = 1; b < start.size(); ++b) {
    crowded = std::max(crowded, start[b]);
    start[b] += start[b - 1];
  }
  if (crowded > 16) return std::sort(entries.begin(), entries.end(), by_id);
  std::vector<std::pair<std::uint64_t, Value>> out(n);
  for (auto& e : entries) out[start[e.first >> shift]++] = std::move(e);
  // Buckets are in order; entries are out of order only within one (at most 16 long).
  for (std::size_t i = 1; i < n; ++i)
    for (std::size_t j = i; j > 0 && out[j].first < out[j - 1].first; --j) std::swap(out[j], out[j - 1]);
  entries = std::move(out);
}

}  // namespace storyline
