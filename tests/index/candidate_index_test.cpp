#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <algorithm>
#include <map>
#include <random>

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

// What a query must answer, summed by brute force over `documents` (slot -> terms): per
// document, the query's terms in order (the additions the index makes for it), best first,
// ties by slot, at most `limit`.
std::vector<std::pair<DocSlot, float>> expected_answer(const SparseVector& query,
                                                       const std::map<DocSlot, const SparseVector*>& documents,
                                                       std::size_t limit) {
  std::vector<std::pair<DocSlot, float>> expected;
  for (const auto& [slot, terms] : documents) {
    float score = 0;
    bool shared = false;
    for (auto [id, weight] : query.entries)
      for (auto [doc_id, doc_weight] : terms->entries)
        if (doc_id == id) score += weight * doc_weight, shared = true;
    if (shared) expected.emplace_back(slot, score);
  }
  std::sort(expected.begin(), expected.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  if (expected.size() > limit) expected.resize(limit);
  return expected;
}

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

// One index answers many queries, large and small, with documents added and removed between
// them (its score table is reused): each answer equals a fresh sum over the postings.
TEST(CandidateIndex, RepeatedQueriesEqualAFreshSum) {
  std::mt19937 random(7);
  auto draw = [&](std::size_t max_terms) {
    std::map<TermId, float> terms;
    const std::size_t n = 1 + random() % max_terms;
    for (std::size_t i = 0; i < n; ++i) terms[random() % 60] = float(1 + random() % 8) / 8.0f;
    return vec({terms.begin(), terms.end()});
  };
  CandidateIndex index(0);
  std::map<DocSlot, SparseVector> live;  // what the index should hold
  DocSlot next = 0;
  for (int round = 0; round < 300; ++round) {
    for (int k = 0; k < 3; ++k) {
      live[next] = draw(12);
      index.add(next, 0, live[next]);
      ++next;
    }
    if (round % 4 == 3 && !live.empty()) {
      auto victim = std::next(live.begin(), std::ptrdiff_t(random() % live.size()));
      index.remove(victim->first);
      live.erase(victim);
    }
    const SparseVector query = draw(round % 5 == 0 ? 40 : 3);
    const std::size_t limit = 1 + random() % 20;
    std::map<DocSlot, const SparseVector*> documents;
    for (const auto& [slot, terms] : live) documents[slot] = &terms;
    ASSERT_EQ(index.query(query, 0, limit), expected_answer(query, documents, limit)) << "round " << round;
  }
}

// The window evicts the oldest documents, which sit at the front of every posting list, and
// deletes take documents from anywhere: every answer and the posting count equal those over
// the live documents.
TEST(CandidateIndex, EvictionsAndRemovalsEqualAFreshSum) {
  std::mt19937 random(11);
  auto draw = [&] {
    std::map<TermId, float> terms;
    const std::size_t n = 1 + random() % 10;
    for (std::size_t i = 0; i < n; ++i) terms[random() % 25] = float(1 + random() % 8) / 8.0f;
    return vec({terms.begin(), terms.end()});
  };
  constexpr std::int64_t kWindow = 40;
  CandidateIndex index(kWindow);
  std::map<DocSlot, std::pair<std::int64_t, SparseVector>> live;  // slot -> (time, terms)
  DocSlot next = 0;
  for (std::int64_t time = 0; time < 600; ++time) {
    const SparseVector terms = draw();
    index.add(next, time, terms);
    live[next++] = {time, terms};
    std::vector<DocSlot> evicted = index.evict(time);
    for (DocSlot slot : evicted) EXPECT_GT(time - live.at(slot).first, kWindow);
    for (DocSlot slot : evicted) live.erase(slot);
    if (time % 7 == 3) {
      auto victim = std::next(live.begin(), std::ptrdiff_t(random() % live.size()));
      index.remove(victim->first);
      live.erase(victim);
    }
    std::size_t postings = 0;
    std::map<DocSlot, const SparseVector*> documents;
    for (const auto& [slot, doc] : live) {
      EXPECT_LE(time - doc.first, kWindow) << "slot " << slot << " was not evicted";
      postings += doc.second.entries.size();
      documents[slot] = &doc.second;
    }
    ASSERT_EQ(index.postings(), postings) << "time " << time;
    const SparseVector query = draw();
    ASSERT_EQ(index.query(query, time, 15), expected_answer(query, documents, 15)) << "time " << time;
  }
}

}  // namespace
}  // namespace storyline
