// TitleCandidates: the title is the most central held headline, weighted by quality; the sums
// kept as members join are exactly those of comparing every pair again, before and after
// removals.
#include <gtest/gtest.h>

#include <random>

#include "threads/thread_summary.h"
#include "threads/title_candidates.h"

namespace storyline {
namespace {

struct Headline {
  std::uint32_t slot;
  SparseVector title;
  std::string text;
};

// The choice as it was made before sums were kept: every pair of the held headlines compared,
// in order; the first of equal scores wins.
bool reference_best(const std::vector<Headline>& held, std::uint32_t& slot) {
  double best = -1e9;
  bool found = false;
  for (std::size_t i = 0; i < held.size(); ++i) {
    double sum = 0;
    for (std::size_t j = 0; j < held.size(); ++j)
      if (j != i) sum += dot(held[i].title, held[j].title);
    if (held[i].text.empty()) continue;
    double score = held.size() > 1 ? sum / double(held.size() - 1) : sum;
    score += 0.5 * headline_quality(held[i].text);
    if (score > best) {
      best = score;
      slot = held[i].slot;
      found = true;
    }
  }
  return found;
}

Headline random_headline(std::mt19937& rng, std::uint32_t slot) {
  static const char* words[] = {"Strong", "earthquake", "shakes", "Chile", "BREAKING", "flood", "Valencia",
                                "rescue", "today", "again?", "thousands", "leave"};
  Headline h{slot, {}, {}};
  const std::size_t n = rng() % 9;  // 0: an empty headline
  for (std::size_t k = 0; k < n; ++k) h.text += std::string(k ? " " : "") + words[rng() % 12];
  for (TermId id = 1; id <= 12; ++id)
    if (rng() % 3 == 0) h.title.entries.emplace_back(id, float(rng() % 1000) / 997.0f);
  return h;
}

TEST(TitleCandidates, KeptSumsChooseExactlyAsComparingEveryPair) {
  std::mt19937 rng(20261206);
  for (int round = 0; round < 300; ++round) {
    TitleCandidates candidates;
    std::vector<Headline> held;  // the reference: what should be held, in order
    std::uint32_t next = 0;
    const int steps = 1 + int(rng() % 150);
    for (int step = 0; step < steps; ++step) {
      if (!held.empty() && rng() % 5 == 0) {
        const std::size_t gone = rng() % held.size();
        candidates.remove(held[gone].slot);
        held.erase(held.begin() + std::ptrdiff_t(gone));
      } else {
        Headline h = random_headline(rng, next++);
        candidates.add(h.slot, h.title, h.text);
        if (held.size() < TitleCandidates::kLimit) held.push_back(std::move(h));
      }
      if (rng() % 4 == 0 || step + 1 == steps) {
        std::uint32_t got = ~0u, want = ~0u;
        ASSERT_EQ(candidates.best(got), reference_best(held, want)) << "round " << round << " step " << step;
        ASSERT_EQ(got, want) << "round " << round << " step " << step;
        ASSERT_EQ(candidates.size(), held.size());
      }
    }
  }
}

TEST(TitleCandidates, TheMostCentralHeadlineWinsAndTheFirstOfTwoEqualOnes) {
  for (std::size_t n : {2u, 5u, 64u, 300u}) {
    TitleCandidates candidates;
    const std::size_t central = n == 2 ? 0 : std::min<std::size_t>(n / 2, 40);
    for (std::size_t k = 0; k < n; ++k) {
      SparseVector v;
      if (k == central) v.entries = {{1, 1.0f}};
      else v.entries = {{1, 0.6f}, {TermId(100 + k), 0.8f}};
      candidates.add(std::uint32_t(k), v, "Headline number " + std::to_string(k) + " of the story");
    }
    std::uint32_t slot = ~0u;
    ASSERT_TRUE(candidates.best(slot));
    EXPECT_EQ(slot, central) << n << " members";
    EXPECT_EQ(candidates.size(), std::min<std::size_t>(n, TitleCandidates::kLimit));
  }
}

TEST(TitleCandidates, PoorAndEmptyHeadlinesAreNotChosen) {
  TitleCandidates candidates;
  SparseVector same;
  same.entries = {{1, 1.0f}};
  candidates.add(7, same, "");
  std::uint32_t slot = ~0u;
  EXPECT_FALSE(candidates.best(slot));
  candidates.add(8, same, "BREAKING");
  candidates.add(9, same, "Strong earthquake shakes central Chile today");
  ASSERT_TRUE(candidates.best(slot));
  EXPECT_EQ(slot, 9u);
}

TEST(TitleCandidates, APlaceFreedByARemovalGoesToTheNextMember) {
  TitleCandidates candidates;
  SparseVector v;
  v.entries = {{1, 1.0f}};
  for (std::uint32_t k = 0; k < TitleCandidates::kLimit + 5; ++k) candidates.add(k, v, "Headline " + std::to_string(k));
  candidates.remove(3);
  candidates.remove(1000);  // not held: nothing happens
  EXPECT_EQ(candidates.size(), TitleCandidates::kLimit - 1);
  SparseVector central;
  central.entries = {{1, 5.0f}};
  candidates.add(500, central, "The most central headline of them all");
  std::uint32_t slot = ~0u;
  ASSERT_TRUE(candidates.best(slot));
  EXPECT_EQ(slot, 500u);
}

}  // namespace
}  // namespace storyline
