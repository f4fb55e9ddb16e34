#include "features/sort_by_term_id.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace storyline {
namespace {

using Entries = std::vector<std::pair<std::uint64_t, std::string>>;

Entries sorted_by_std(Entries e) {
  std::sort(e.begin(), e.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return e;
}

// Distinct ids drawn by `draw`, each with its own payload.
template <typename Draw>
Entries entries_of(std::size_t n, Draw draw) {
  std::set<std::uint64_t> ids;
  while (ids.size() < n) ids.insert(draw());
  Entries e;
  for (std::uint64_t id : ids) e.emplace_back(id, "term " + std::to_string(id));
  std::shuffle(e.begin(), e.end(), std::mt19937(static_cast<unsigned>(n)));
  return e;
}

// Hash-like ids of every size (the bucketed path from 32 on), and ids that crowd into a few
// buckets (small numbers; the top bits alike): always std::sort's order, payloads moved along.
TEST(SortByTermId, SameOrderAsStdSort) {
  std::mt19937_64 random(11);
  for (std::size_t n : {0, 1, 2, 31, 32, 33, 64, 100, 257, 1000, 5000}) {
    Entries hashes = entries_of(n, [&] { return random(); });
    Entries expected = sorted_by_std(hashes);
    sort_by_term_id(hashes);
    EXPECT_EQ(hashes, expected) << n;
    Entries small = entries_of(n, [&] { return random() % (4 * n + 1); });
    expected = sorted_by_std(small);
    sort_by_term_id(small);
    EXPECT_EQ(small, expected) << n;
    Entries same_top = entries_of(n, [&] { return (std::uint64_t{0xABCD} << 48) | (random() >> 16); });
    expected = sorted_by_std(same_top);
    sort_by_term_id(same_top);
    EXPECT_EQ(same_top, expected) << n;
  }
}

TEST(SortByTermId, ExtremeIds) {
  Entries e;
  for (std::uint64_t i = 0; i < 40; ++i) e.emplace_back(i % 2 ? UINT64_MAX - i : i * (UINT64_MAX / 40), std::to_string(i));
  Entries expected = sorted_by_std(e);
  sort_by_term_id(e);
  EXPECT_EQ(e, expected);
}

}  // namespace
}  // namespace storyline
