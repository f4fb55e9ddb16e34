#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <algorithm>

#include "index/candidate_index.h"

namespace storyline {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

SparseVector vec(std::vector<std::pair<TermId, float>> entries) {
  SparseVector v;
  v.entries = std::move(entries);
  std::sort(v.entries.begin(), v.entries.end());
  return v;
}

std::vector<DocSlot> slots(const std::vector<std::pair<DocSlot, float>>& ranked) {
  std::vector<DocSlot> out;
  for (auto [slot, score] : ranked) out.push_back(slot);
  return out;
}

constexpr std::int64_t kDay = 86400;

TEST(CandidateIndex, RanksBySharedWeight) {
  CandidateIndex index(0);
  index.add(1, 100, vec({{10, 1.0f}}));                 // shares term 10 only
  index.add(2, 100, vec({{10, 1.0f}, {11, 1.0f}}));     // shares 10 and 11
  index.add(3, 100, vec({{12, 5.0f}}));                 // shares nothing
  index.add(4, 100, vec({{11, 3.0f}}));                 // one strong shared term
  auto ranked = index.query(vec({{10, 1.0f}, {11, 1.0f}}), 100, 10);
  EXPECT_THAT(slots(ranked), ElementsAre(4, 2, 1));
  EXPECT_FLOAT_EQ(ranked[0].second, 3.0f);
  EXPECT_FLOAT_EQ(ranked[1].second, 2.0f);
  EXPECT_FLOAT_EQ(ranked[2].second, 1.0f);
}

TEST(CandidateIndex, LimitKeepsTheBest) {
  CandidateIndex index(0);
  for (DocSlot s = 0; s < 10; ++s) index.add(s, 0, vec({{1, float(s + 1)}}));
  auto ranked = index.query(vec({{1, 1.0f}}), 0, 3);
  EXPECT_THAT(slots(ranked), ElementsAre(9, 8, 7));
  EXPECT_TRUE(index.query(vec({{1, 1.0f}}), 0, 0).empty());
}

TEST(CandidateIndex, WindowExcludesDocumentsTooFarInTime) {
  CandidateIndex index(2 * kDay);
  index.add(1, 0, vec({{1, 1.0f}}));
  index.add(2, 5 * kDay, vec({{1, 1.0f}}));
  index.add(3, 6 * kDay, vec({{1, 1.0f}}));
  EXPECT_THAT(slots(index.query(vec({{1, 1.0f}}), 6 * kDay, 10)), UnorderedElementsAre(2, 3));
  EXPECT_THAT(slots(index.query(vec({{1, 1.0f}}), kDay, 10)), ElementsAre(1));
  // Exactly at the window edge is still inside.
  EXPECT_THAT(slots(index.query(vec({{1, 1.0f}}), 2 * kDay, 10)), ElementsAre(1));
}

TEST(CandidateIndex, TimelessDocumentsAreAlwaysCandidates) {
  CandidateIndex index(kDay);
  index.add(1, kTimeless, vec({{1, 1.0f}}));
  index.add(2, 0, vec({{1, 1.0f}}));
  EXPECT_THAT(slots(index.query(vec({{1, 1.0f}}), 100 * kDay, 10)), ElementsAre(1));
  // A timeless query sees every document.
  EXPECT_THAT(slots(index.query(vec({{1, 1.0f}}), kTimeless, 10)), ElementsAre(1, 2));
  // And a timeless document is never evicted.
  EXPECT_THAT(index.evict(1000 * kDay), ElementsAre(2));
  EXPECT_THAT(slots(index.query(vec({{1, 1.0f}}), 1000 * kDay, 10)), ElementsAre(1));
}

TEST(CandidateIndex, EvictReturnsOldSlotsOldestFirst) {
  CandidateIndex index(kDay);
  index.add(3, 3 * kDay, vec({{1, 1.0f}, {2, 1.0f}}));
  index.add(1, 0, vec({{1, 1.0f}}));
  index.add(2, kDay / 2, vec({{1, 1.0f}, {3, 1.0f}}));
  EXPECT_EQ(index.postings(), 5u);
  EXPECT_TRUE(index.evict(kDay).empty());  // nothing older than a day yet
  EXPECT_THAT(index.evict(3 * kDay), ElementsAre(1, 2));
  EXPECT_EQ(index.postings(), 2u);
  EXPECT_THAT(slots(index.query(vec({{1, 1.0f}}), 3 * kDay, 10)), ElementsAre(3));
  EXPECT_TRUE(index.evict(3 * kDay).empty());
}

TEST(CandidateIndex, RemoveDropsOneDocument) {
  CandidateIndex index(0);
  index.add(1, 10, vec({{1, 1.0f}, {2, 1.0f}}));
  index.add(2, 10, vec({{1, 2.0f}}));
  index.add(3, kTimeless, vec({{1, 3.0f}}));
  index.remove(2);
  EXPECT_EQ(index.postings(), 3u);
  EXPECT_THAT(slots(index.query(vec({{1, 1.0f}}), 10, 10)), ElementsAre(3, 1));
  index.remove(3);
  index.remove(42);  // unknown: no-op
  index.remove(3);   // twice: no-op
  EXPECT_THAT(slots(index.query(vec({{1, 1.0f}, {2, 1.0f}}), 10, 10)), ElementsAre(1));
  index.remove(1);
  EXPECT_EQ(index.postings(), 0u);
  EXPECT_TRUE(index.query(vec({{1, 1.0f}}), 10, 10).empty());
}

TEST(CandidateIndex, RemovedDocumentIsNotEvictedLater) {
  CandidateIndex index(kDay);
  index.add(1, 0, vec({{1, 1.0f}}));
  index.add(2, 0, vec({{1, 1.0f}}));
  index.remove(1);
  EXPECT_THAT(index.evict(10 * kDay), ElementsAre(2));
}

TEST(CandidateIndex, NonPositiveWindowIsUnbounded) {
  for (std::int64_t window : {std::int64_t(0), std::int64_t(-5)}) {
    CandidateIndex index(window);
    index.add(1, 0, vec({{1, 1.0f}}));
    index.add(2, 1000 * kDay, vec({{1, 1.0f}}));
    EXPECT_THAT(slots(index.query(vec({{1, 1.0f}}), 5000 * kDay, 10)), ElementsAre(1, 2)) << window;
    EXPECT_TRUE(index.evict(5000 * kDay).empty()) << window;
  }
}

TEST(CandidateIndex, TiesAreOrderedBySlotWhateverTheInsertionOrder) {
  std::vector<DocSlot> order = {7, 3, 11, 0, 5, 9, 1};
  std::vector<DocSlot> expected = order;
  std::sort(expected.begin(), expected.end());
  for (int round = 0; round < 5; ++round) {
    std::rotate(order.begin(), order.begin() + 1, order.end());
    CandidateIndex index(0);
    for (DocSlot s : order) index.add(s, 0, vec({{42, 0.5f}}));
    EXPECT_EQ(slots(index.query(vec({{42, 1.0f}}), 0, 100)), expected);
    // The limit cut respects the same order.
    auto top3 = slots(index.query(vec({{42, 1.0f}}), 0, 3));
    EXPECT_EQ(top3, std::vector<DocSlot>(expected.begin(), expected.begin() + 3));
  }
}

TEST(CandidateIndex, EmptyQueryFindsNothing) {
  CandidateIndex index(0);
  index.add(1, 0, vec({{1, 1.0f}}));
  EXPECT_TRUE(index.query(SparseVector{}, 0, 10).empty());
  EXPECT_TRUE(index.query(vec({{2, 1.0f}}), 0, 10).empty());
}

}  // namespace
}  // namespace storyline
