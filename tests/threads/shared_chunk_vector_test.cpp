// SharedChunkVector behaves as a std::vector, copies share its chunks, and a change never
// shows in a copy made before it.
#include "threads/shared_chunk_vector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace storyline {
namespace {

using Strings = SharedChunkVector<std::string>;
constexpr std::size_t kChunk = Strings::kChunk;

std::vector<std::string> contents(const Strings& v) { return {v.begin(), v.end()}; }

Strings numbered(std::size_t n) {
  Strings v;
  for (std::size_t i = 0; i < n; ++i) v.push_back("member " + std::to_string(i));
  return v;
}

TEST(SharedChunkVector, ReadsLikeAVectorAcrossChunks) {
  const Strings v = numbered(2 * kChunk + 3);
  ASSERT_EQ(v.size(), 2 * kChunk + 3);
  EXPECT_EQ(v.front(), "member 0");
  EXPECT_EQ(v[kChunk], "member 64");
  EXPECT_EQ(v.back(), "member 130");
  EXPECT_EQ(std::distance(v.begin(), v.end()), std::ptrdiff_t(v.size()));
  EXPECT_EQ(*std::find(v.begin(), v.end(), "member 100"), "member 100");
  EXPECT_EQ(std::find(v.begin(), v.end(), "member 100") - v.begin(), 100);
  EXPECT_EQ(v.begin()[65], "member 65");
  EXPECT_TRUE(Strings{}.empty());
  EXPECT_EQ(contents(Strings{"a", "b"}), (std::vector<std::string>{"a", "b"}));
}

// What makes copying cheap: a copy shares every chunk, and a push_back copies only the last.
TEST(SharedChunkVector, ACopySharesChunksAndAnAppendCopiesOnlyTheLast) {
  Strings original = numbered(kChunk + 5);
  const Strings copy = original;
  EXPECT_EQ(&copy[0], &original[0]);
  EXPECT_EQ(&copy[kChunk + 4], &original[kChunk + 4]);
  original.push_back("joined");
  EXPECT_EQ(&copy[0], &original[0]);                    // a full chunk: still shared
  EXPECT_NE(&copy[kChunk + 4], &original[kChunk + 4]);  // the last: copied before the append
  EXPECT_EQ(copy.size(), kChunk + 5);
  EXPECT_EQ(original.back(), "joined");
}

// Random appends, erases and clears against std::vector, with copies taken along the way:
// each copy keeps what it had when it was taken.
TEST(SharedChunkVector, CopiesKeepTheirContentsWhileTheOriginalChanges) {
  std::mt19937 rng(7);
  Strings v;
  std::vector<std::string> model;
  std::vector<std::pair<Strings, std::vector<std::string>>> copies;
  for (int step = 0; step < 3000; ++step) {
    const unsigned op = rng() % 100;
    if (op < 60 || model.empty()) {
      std::string s = "s" + std::to_string(step);
      v.push_back(s);
      model.push_back(s);
    } else if (op < 90) {
      const std::size_t at = rng() % model.size();
      auto next = v.erase(v.begin() + std::ptrdiff_t(at));
      model.erase(model.begin() + std::ptrdiff_t(at));
      ASSERT_EQ(next - v.begin(), std::ptrdiff_t(at));
    } else if (op < 99) {
      copies.emplace_back(v, model);
    } else {
      v.clear();
      model.clear();
    }
    ASSERT_EQ(v.size(), model.size());
    ASSERT_EQ(contents(v), model) << "step " << step;
  }
  ASSERT_GT(copies.size(), 100u);
  for (const auto& [copy, expected] : copies) EXPECT_EQ(contents(copy), expected);
}

TEST(SharedChunkVector, ErasingTheLastOfAChunkDropsTheChunk) {
  Strings v = numbered(kChunk + 1);
  const Strings copy = v;
  v.erase(v.begin() + std::ptrdiff_t(kChunk));
  EXPECT_EQ(v.size(), kChunk);
  EXPECT_EQ(v.back(), "member 63");
  v.push_back("next");
  EXPECT_EQ(v[kChunk], "next");
  EXPECT_EQ(copy[kChunk], "member 64");
  EXPECT_EQ(&copy[0], &v[0]);  // the first chunk was never written: still shared
}

}  // namespace
}  // namespace storyline
