// Agglomeration: average-link clustering over candidate edges, on hand-made probabilities.
#include "threads/agglomeration.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>

namespace storyline {
namespace {

using Item = Agglomeration::Item;
using Clusters = std::vector<std::vector<Item>>;

// A symmetric table of pair probabilities; `calls` counts how often each pair was asked for.
struct Table {
  explicit Table(std::size_t n, float fill = 0.0f) : p(n, std::vector<float>(n, fill)), calls(n, std::vector<int>(n, 0)) {}
  void set(Item a, Item b, float value) { p[a][b] = p[b][a] = value; }
  Agglomeration::Probability probability() {
    return [this](Item later, Item earlier) {
      EXPECT_GT(later, earlier);
      ++calls[later][earlier];
      return p[later][earlier];
    };
  }
  std::vector<std::vector<float>> p;
  std::vector<std::vector<int>> calls;
};

auto everything_comparable() {
  return [](Item, Item) { return true; };
}

void connect_all(Agglomeration& a, std::size_t n) {
  for (Item i = 0; i < n; ++i)
    for (Item j = 0; j < i; ++j) a.connect(i, j);
}

// Two groups of four, alike inside (0.95); one pair across is nearly as sure (0.92), the
// other fifteen pairs across say no (0.05). Single linkage, or joining by the best match,
// would make one story of them.
TEST(Agglomeration, OneStrongPairDoesNotChainTwoGroups) {
  Table t(8, 0.05f);
  for (Item a = 0; a < 4; ++a)
    for (Item b = 0; b < a; ++b) t.set(a, b, 0.95f), t.set(a + 4, b + 4, 0.95f);
  t.set(3, 4, 0.92f);
  Agglomeration a(8, t.probability(), everything_comparable());
  connect_all(a, 8);
  a.run();
  EXPECT_EQ(a.clusters(), (Clusters{{0, 1, 2, 3}, {4, 5, 6, 7}}));
}

TEST(Agglomeration, GroupsMergeWhenMostPairsBetweenThemAgree) {
  Table t(6, 0.7f);
  t.set(0, 5, 0.1f);  // one dissenting pair of nine across
  for (Item a = 0; a < 3; ++a)
    for (Item b = 0; b < a; ++b) t.set(a, b, 0.95f), t.set(a + 3, b + 3, 0.95f);
  Agglomeration a(6, t.probability(), everything_comparable());
  connect_all(a, 6);
  a.run();
  EXPECT_EQ(a.clusters(), (Clusters{{0, 1, 2, 3, 4, 5}}));
}

// Only clusters joined by a candidate edge are compared: items no edge reaches stay alone,
// however alike they would be.
TEST(Agglomeration, ClustersWithoutACandidateEdgeNeverMerge) {
  Table t(4, 0.9f);
  Agglomeration a(4, t.probability(), everything_comparable());
  a.connect(1, 0);
  a.connect(3, 2);
  a.run();
  EXPECT_EQ(a.clusters(), (Clusters{{0, 1}, {2, 3}}));
  EXPECT_EQ(a.pairs_computed(), 2u);
  EXPECT_FALSE(a.compared(2, 0).has_value());
}

// After {0,1} forms, item 2's edge reaches only 1; the mean over both of its pairs decides,
// so a pair no candidate query found is computed when the merge comes up, once.
TEST(Agglomeration, AMergeIsJudgedByEveryPairNotOnlyTheEdgesFound) {
  for (float p20 : {0.9f, 0.1f}) {
    Table t(3);
    t.set(0, 1, 0.95f);
    t.set(1, 2, 0.8f);
    t.set(0, 2, p20);
    Agglomeration a(3, t.probability(), everything_comparable());
    a.connect(1, 0);
    a.connect(2, 1);
    a.run();
    const Clusters expected = p20 > 0.5f ? Clusters{{0, 1, 2}} : Clusters{{0, 1}, {2}};
    EXPECT_EQ(a.clusters(), expected) << p20;
    EXPECT_EQ(t.calls[2][0], 1) << p20;
    EXPECT_EQ(a.compared(0, 2), p20);
  }
}

// Pairs that do not count (outside the time window) are left out of the mean, not counted
// as a no: 2 and 3 are too far from 0 to be compared, and agree with 1.
TEST(Agglomeration, PairsThatDoNotCountAreLeftOutOfTheMean) {
  Table t(4, 0.0f);
  t.set(0, 1, 0.9f);
  t.set(2, 3, 0.9f);
  t.set(1, 2, 0.8f);
  t.set(1, 3, 0.8f);
  for (bool window : {true, false}) {
    auto comparable = [window](Item a, Item b) { return !window || std::min(a, b) != 0 || std::max(a, b) < 2; };
    Agglomeration a(4, t.probability(), comparable);
    connect_all(a, 4);
    a.run();
    // Without the window the four pairs across average 0.4: two stories.
    const Clusters expected = window ? Clusters{{0, 1, 2, 3}} : Clusters{{0, 1}, {2, 3}};
    EXPECT_EQ(a.clusters(), expected) << window;
    if (window) {
      EXPECT_EQ(t.calls[2][0] + t.calls[3][0], 0);  // and are never scored
    }
  }
}

// Two groups of twelve, each a chain of candidate edges: the 144 pairs between the groups are
// judged on a sample (16 pairs, 64 when those are close to 0.5), not all scored.
TEST(Agglomeration, LargeClustersAreJudgedOnASampleOfTheirPairs) {
  for (float across : {0.1f, 0.8f, 0.55f}) {
    Table t(24, across);
    for (Item a = 0; a < 12; ++a)
      for (Item b = 0; b < a; ++b) t.set(a, b, 0.95f), t.set(a + 12, b + 12, 0.95f);
    Agglomeration a(24, t.probability(), everything_comparable());
    for (Item i = 1; i < 24; ++i) a.connect(i, i - 1);  // the chain crosses once, at 11-12
    a.run();
    const Clusters expected = across > 0.5f ? Clusters{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
                                                       18, 19, 20, 21, 22, 23}}
                                            : Clusters{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
                                                       {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}};
    EXPECT_EQ(a.clusters(), expected) << across;
    std::size_t scored_across = 0;
    for (Item x = 12; x < 24; ++x)
      for (Item y = 0; y < 12; ++y) {
        EXPECT_LE(t.calls[x][y], 1);
        scored_across += std::size_t(t.calls[x][y]);
      }
    EXPECT_LE(scored_across, across == 0.55f ? 64u + 1u : 16u + 1u) << across;  // + the chain's edge
  }
}

// A story of four (0.95 inside) and a short report, 4, sure of two of them but sharing little
// with the other two: the mean over its four pairs stays below 0.5, so linkage leaves it
// alone; its best two decide whether it then joins.
TEST(Agglomeration, ALoneItemJoinsTheClusterItsBestTwoMatchesFavour) {
  for (float second : {0.7f, 0.15f}) {
    Table t(5, 0.1f);
    for (Item a = 0; a < 4; ++a)
      for (Item b = 0; b < a; ++b) t.set(a, b, 0.95f);
    t.set(4, 0, 0.8f);
    t.set(4, 1, second);
    Agglomeration a(5, t.probability(), everything_comparable());
    connect_all(a, 5);
    a.run();
    EXPECT_EQ(a.clusters(), (Clusters{{0, 1, 2, 3}, {4}})) << second;
    a.adopt_lone_items();
    // (0.8 + 0.7) / 2 = 0.75 joins; (0.8 + 0.15) / 2 = 0.475 does not, however sure the best.
    const Clusters expected = second == 0.7f ? Clusters{{0, 1, 2, 3, 4}} : Clusters{{0, 1, 2, 3}, {4}};
    EXPECT_EQ(a.clusters(), expected) << second;
  }
}

// Of two stories of four that a lone item could join (linkage keeps it out of both: means
// 0.4325 and 0.4875), it joins the one with the higher mean of its best two, not the one with
// its single best match. Pairs that do not count are not read: with the window hiding its two
// matches in {4..7}, it joins {0..3}.
TEST(Agglomeration, ALoneItemJoinsTheClusterWithItsHighestBestTwo) {
  for (bool window : {false, true}) {
    Table t(10, 0.1f);
    for (Item a = 0; a < 4; ++a)
      for (Item b = 0; b < a; ++b) t.set(a, b, 0.95f), t.set(a + 4, b + 4, 0.95f);
    t.set(9, 0, 0.93f), t.set(9, 1, 0.6f);   // {0..3}: best two 0.765
    t.set(9, 4, 0.9f), t.set(9, 5, 0.85f);   // {4..7}: best two 0.875
    auto comparable = [window](Item a, Item b) { return !window || std::max(a, b) != 9 || (a != 4 && a != 5 && b != 4 && b != 5); };
    Agglomeration a(10, t.probability(), comparable);
    connect_all(a, 10);
    a.run();
    EXPECT_EQ(a.clusters(), (Clusters{{0, 1, 2, 3}, {4, 5, 6, 7}, {8}, {9}})) << window;
    a.adopt_lone_items();
    const Clusters expected = window ? Clusters{{0, 1, 2, 3, 9}, {4, 5, 6, 7}, {8}}
                                     : Clusters{{0, 1, 2, 3}, {4, 5, 6, 7, 9}, {8}};
    EXPECT_EQ(a.clusters(), expected) << window;
  }
}

// Only lone items move: a pair that linkage formed stays a pair even when each of its items
// alone would have joined the larger cluster.
TEST(Agglomeration, ClustersOfTwoOrMoreAreNotAdopted) {
  Table t(6, 0.1f);
  for (Item a = 0; a < 4; ++a)
    for (Item b = 0; b < a; ++b) t.set(a, b, 0.95f);
  t.set(4, 5, 0.9f);
  for (Item x : {4u, 5u}) t.set(x, 0, 0.8f), t.set(x, 1, 0.7f);
  Agglomeration a(6, t.probability(), everything_comparable());
  connect_all(a, 6);
  a.run();
  a.adopt_lone_items();
  EXPECT_EQ(a.clusters(), (Clusters{{0, 1, 2, 3}, {4, 5}}));
}

// Mean probability between two clusters over all their pairs.
float mean_between(const Table& t, const std::vector<Item>& a, const std::vector<Item>& b) {
  double sum = 0;
  for (Item x : a)
    for (Item y : b) sum += t.p[x][y];
  return float(sum / double(a.size() * b.size()));
}

// The textbook algorithm: merge the two clusters with the highest mean while it is >= 0.5.
Clusters brute_force_average_linkage(const Table& t, std::size_t n) {
  Clusters c;
  for (Item i = 0; i < n; ++i) c.push_back({i});
  for (;;) {
    float best = 0.5f;
    std::size_t bi = 0, bj = 0;
    bool found = false;
    for (std::size_t i = 0; i < c.size(); ++i)
      for (std::size_t j = i + 1; j < c.size(); ++j)
        if (float m = mean_between(t, c[i], c[j]); m >= best) best = m, bi = i, bj = j, found = true;
    if (!found) break;
    c[bi].insert(c[bi].end(), c[bj].begin(), c[bj].end());
    c.erase(c.begin() + std::ptrdiff_t(bj));
  }
  for (auto& cluster : c) std::sort(cluster.begin(), cluster.end());
  std::sort(c.begin(), c.end());
  return c;
}

// Each item left alone joins the cluster of two or more with the highest mean of its best two
// pairs, if that reaches 0.5, all decided before any moves (random probabilities never tie).
Clusters brute_force_adoption(const Table& t, Clusters c) {
  Clusters out;
  std::vector<std::pair<Item, std::size_t>> moves;
  for (const auto& cluster : c) {
    if (cluster.size() != 1) continue;
    float best = 0.5f;
    std::optional<std::size_t> chosen;
    for (std::size_t k = 0; k < c.size(); ++k) {
      if (c[k].size() < 2) continue;
      std::vector<float> p;
      for (Item y : c[k]) p.push_back(t.p[cluster[0]][y]);
      std::sort(p.rbegin(), p.rend());
      if (float m = 0.5f * (p[0] + p[1]); chosen ? m > best : m >= best) best = m, chosen = k;
    }
    if (chosen) moves.emplace_back(cluster[0], *chosen);
  }
  for (auto [x, k] : moves) c[k].push_back(x);
  for (auto& cluster : c) {
    const bool moved = cluster.size() == 1 && std::any_of(moves.begin(), moves.end(), [&](auto m) { return m.first == cluster[0]; });
    if (moved) continue;
    std::sort(cluster.begin(), cluster.end());
    out.push_back(cluster);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// With every pair a candidate and clusters small enough to be measured in full, the result is
// exactly average linkage's, and then exactly the adoption of lone items above.
TEST(Agglomeration, EqualsTextbookAverageLinkageOnCompleteGraphs) {
  std::mt19937 random(20261206);
  for (int round = 0; round < 300; ++round) {
    const std::size_t n = 2 + random() % 7;  // up to 8 items: at most 4 x 4 = 16 pairs between two
    Table t(n);
    std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
    for (Item a = 0; a < n; ++a)
      for (Item b = 0; b < a; ++b) t.set(a, b, uniform(random));
    Agglomeration a(n, t.probability(), everything_comparable());
    connect_all(a, n);
    a.run();
    const Clusters linked = brute_force_average_linkage(t, n);
    EXPECT_EQ(a.clusters(), linked) << "round " << round;
    a.adopt_lone_items();
    EXPECT_EQ(a.clusters(), brute_force_adoption(t, linked)) << "round " << round;
    for (Item x = 0; x < n; ++x)
      for (Item y = 0; y < x; ++y) EXPECT_EQ(t.calls[x][y], 1);
  }
}

}  // namespace
}  // namespace storyline
