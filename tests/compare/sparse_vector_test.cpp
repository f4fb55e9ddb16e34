#include <gtest/gtest.h>

#include <random>
#include <unordered_map>

#include <cmath>

#include "features/sparse_vector.h"

namespace storyline {
namespace {

TEST(SparseVector, FromCountsSortsById) {
  auto v = SparseVector::from_counts({{30, 1.0f}, {10, 2.0f}, {20, 3.0f}});
  ASSERT_EQ(v.entries.size(), 3u);
  EXPECT_EQ(v.entries[0].first, 10u);
  EXPECT_EQ(v.entries[1].first, 20u);
  EXPECT_EQ(v.entries[2].first, 30u);
  EXPECT_FLOAT_EQ(v.weight_of(20), 3.0f);
  EXPECT_FLOAT_EQ(v.weight_of(25), 0.0f);
  EXPECT_FLOAT_EQ(v.weight_of(99), 0.0f);
  EXPECT_FALSE(v.empty());
  EXPECT_TRUE(SparseVector{}.empty());
}

// The counter must give exactly what summing into a map gives, float rounding included: the
// profiles (and the trained model's inputs) were built that way.
// Ids that share their low bits (multiples of 2^20) collide in the counter's table too.
TEST(TermCounter, SumsLikeAMapInTheOrderAdded) {
  for (TermId stride : {TermId(1), TermId(1) << 20}) {
    std::mt19937_64 random(5);
    std::uniform_real_distribution<float> amount(0.0f, 3.0f);
    TermCounter counter;
    std::unordered_map<TermId, float> map;
    for (int i = 0; i < 5000; ++i) {
      TermId id = random() % 300 * stride;
      float a = amount(random);
      counter.add(id, a);
      map[id] += a;
    }
    SparseVector from_counter = counter.vector(), from_map = SparseVector::from_counts(map);
    ASSERT_EQ(from_counter.entries.size(), from_map.entries.size());
    for (std::size_t i = 0; i < from_map.entries.size(); ++i) {
      EXPECT_EQ(from_counter.entries[i].first, from_map.entries[i].first);
      EXPECT_EQ(from_counter.entries[i].second, from_map.entries[i].second);  // bit-identical
    }
    EXPECT_TRUE(counter.vector().empty());  // vector() empties the counter
  }
}

TEST(SparseVector, DotMultipliesSharedIdsOnly) {
  auto a = SparseVector::from_counts({{1, 1.0f}, {2, 2.0f}, {5, 3.0f}});
  auto b = SparseVector::from_counts({{2, 4.0f}, {3, 7.0f}, {5, 0.5f}});
  EXPECT_FLOAT_EQ(dot(a, b), 2.0f * 4.0f + 3.0f * 0.5f);
  EXPECT_FLOAT_EQ(dot(a, b), dot(b, a));
  EXPECT_FLOAT_EQ(dot(a, SparseVector{}), 0.0f);
  EXPECT_FLOAT_EQ(dot(SparseVector{}, SparseVector{}), 0.0f);
}

// The merge without branches must give the branching merge's sum exactly, whatever the sizes
// and overlap of the two vectors.
TEST(SparseVector, DotEqualsTheTextbookMergeBitForBit) {
  std::mt19937_64 random(11);
  std::uniform_real_distribution<float> weight(-1.0f, 1.0f);
  auto textbook = [](const SparseVector& a, const SparseVector& b) {
    float sum = 0;
    for (auto i = a.entries.begin(), j = b.entries.begin(); i != a.entries.end() && j != b.entries.end();) {
      if (i->first < j->first) {
        ++i;
      } else if (j->first < i->first) {
        ++j;
      } else {
        sum += i->second * j->second;
        ++i, ++j;
      }
    }
    return sum;
  };
  for (int round = 0; round < 500; ++round) {
    std::unordered_map<TermId, float> a, b;
    const TermId range = 1 + random() % 400;
    for (std::size_t k = random() % 200; k > 0; --k) a[random() % range] = weight(random);
    for (std::size_t k = random() % 200; k > 0; --k) b[random() % range] = weight(random);
    const SparseVector va = SparseVector::from_counts(a), vb = SparseVector::from_counts(b);
    EXPECT_EQ(dot(va, vb), textbook(va, vb)) << "round " << round;
    EXPECT_EQ(dot(vb, va), textbook(vb, va)) << "round " << round;
  }
}

TEST(TermPositions, FindsEachIdWhereItWasFirstAdded) {
  for (TermId stride : {TermId(1), TermId(1) << 20}) {  // the second: every id collides
    std::vector<TermId> ids;
    TermPositions positions(64);
    auto id_at = [&ids](std::uint32_t at) { return ids[at]; };
    for (int round = 0; round < 3; ++round)
      for (TermId k = 0; k < 64; ++k) {
        const auto next = static_cast<std::uint32_t>(ids.size());
        const std::uint32_t at = positions.find_or_add(k * stride, next, id_at);
        if (round == 0) {
          EXPECT_EQ(at, next);
          ids.push_back(k * stride);
        } else {
          EXPECT_EQ(at, k);
        }
      }
    EXPECT_EQ(ids.size(), 64u);
  }
}

TEST(SparseVector, ReweightNormalisedHasUnitLengthAndDropsNonPositive) {
  auto v = SparseVector::from_counts({{1, 3.0f}, {2, 4.0f}, {3, 1.0f}});
  auto w = reweight_normalised(v, [](TermId id, float value) { return id == 3 ? 0.0f : value; });
  ASSERT_EQ(w.entries.size(), 2u);
  EXPECT_NEAR(w.weight_of(1), 0.6f, 1e-6);
  EXPECT_NEAR(w.weight_of(2), 0.8f, 1e-6);
  EXPECT_NEAR(dot(w, w), 1.0f, 1e-6);
  EXPECT_TRUE(reweight_normalised(v, [](TermId, float) { return -1.0f; }).empty());
}

TEST(SparseVector, TermIdsAreStableAndNamespaced) {
  // FNV-1a: fixed across runs and platforms.
  EXPECT_EQ(term_id("", ""), 1469598103934665603ull);
  EXPECT_EQ(term_id("s:", "lavrov"), term_id("s:", "lavrov"));
  EXPECT_NE(term_id("s:", "lavrov"), term_id("b:", "lavrov"));
  EXPECT_EQ(term_id("s:", "ab"), term_id("s:a", "b"));  // prefix and text are one stream
}

}  // namespace
}  // namespace storyline
