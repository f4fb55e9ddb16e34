#include <gtest/gtest.h>

#include <map>
#include <random>

#include "index/term_counts.h"

namespace storyline {
namespace {

TEST(TermCounts, AbsentIdsHaveNoCounts) {
  TermCounts counts;
  EXPECT_EQ(counts.find(42), nullptr);
  EXPECT_EQ(counts.find(0), nullptr);
  counts.erase_if_empty(42);  // nothing to erase: no effect
  EXPECT_EQ(counts.size(), 0u);
}

TEST(TermCounts, KeepsBothCountsOfOneId) {
  TermCounts counts;
  counts.at(7).background = 3;
  counts.at(7).corpus = 2;
  ASSERT_NE(counts.find(7), nullptr);
  EXPECT_EQ(counts.find(7)->background, 3u);
  EXPECT_EQ(counts.find(7)->corpus, 2u);
  counts.at(7).corpus = 0;
  counts.erase_if_empty(7);  // the background count is still there
  ASSERT_NE(counts.find(7), nullptr);
  counts.at(7).background = 0;
  counts.erase_if_empty(7);
  EXPECT_EQ(counts.find(7), nullptr);
}

TEST(TermCounts, IdZeroIsAnOrdinaryTerm) {
  TermCounts counts;
  counts.at(0).corpus = 5;
  ASSERT_NE(counts.find(0), nullptr);
  EXPECT_EQ(counts.find(0)->corpus, 5u);
  std::size_t seen = 0;
  counts.for_each([&](TermId id, const TermCounts::Counts& c) { seen += id == 0 && c.corpus == 5; });
  EXPECT_EQ(seen, 1u);
  counts.at(0).corpus = 0;
  counts.erase_if_empty(0);
  EXPECT_EQ(counts.find(0), nullptr);
}

// Random inserts, increments and deletions over a small id universe (long probe runs, many
// backward shifts, several resizes) agree with a std::map doing the same.
TEST(TermCounts, AgreesWithAMapUnderRandomUpdates) {
  std::mt19937_64 random(12345);
  std::vector<TermId> universe;
  for (int i = 0; i < 3000; ++i) universe.push_back(i == 0 ? 0 : random());
  TermCounts counts;
  std::map<TermId, std::uint32_t> expected;
  for (int step = 0; step < 200000; ++step) {
    TermId id = universe[random() % universe.size()];
    if (random() % 3 != 0) {
      ++counts.at(id).corpus;
      ++expected[id];
    } else if (auto it = expected.find(id); it != expected.end()) {
      ASSERT_NE(counts.find(id), nullptr);
      if (--counts.at(id).corpus == 0) counts.erase_if_empty(id);
      if (--it->second == 0) expected.erase(it);
    }
  }
  EXPECT_EQ(counts.size() + (expected.count(0) ? 1 : 0), expected.size());
  for (TermId id : universe) {
    auto it = expected.find(id);
    const TermCounts::Counts* c = counts.find(id);
    if (it == expected.end()) {
      EXPECT_EQ(c, nullptr) << id;
    } else {
      ASSERT_NE(c, nullptr) << id;
      EXPECT_EQ(c->corpus, it->second) << id;
    }
  }
  std::size_t visited = 0;
  counts.for_each([&](TermId id, const TermCounts::Counts& c) {
    ++visited;
    EXPECT_EQ(c.corpus, expected.at(id));
  });
  EXPECT_EQ(visited, expected.size());
}

}  // namespace
}  // namespace storyline
