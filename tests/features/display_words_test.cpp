// DisplayWords keeps one word per term id in id order, finds them by id, refuses ids out of
// order (a damaged stored profile), and holds them in far less memory than (id, string) pairs.
#include "features/display_words.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace storyline {
namespace {

TEST(DisplayWords, FindsEachWordByItsIdAndNothingForOtherIds) {
  const DisplayWords words{{3, "griner"}, {10, ""}, {42, "Лавров"}, {~TermId(0), "last"}};
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(words.find(3), "griner");
  EXPECT_EQ(words.find(42), "Лавров");
  EXPECT_EQ(words.find(~TermId(0)), "last");
  EXPECT_EQ(words.find(10), "");
  EXPECT_EQ(words.find(4), "");
  EXPECT_EQ(words.find(0), "");
  EXPECT_EQ(words[2].first, 42u);
  EXPECT_EQ(words[2].second, "Лавров");
  std::vector<std::string> seen;
  for (const auto& [id, word] : words) seen.emplace_back(std::to_string(id) + "=" + std::string(word));
  EXPECT_EQ(seen, (std::vector<std::string>{"3=griner", "10=", "42=Лавров", std::to_string(~TermId(0)) + "=last"}));
  EXPECT_TRUE(DisplayWords().empty());
  EXPECT_EQ(DisplayWords().find(3), "");
}

TEST(DisplayWords, RefusesIdsThatDoNotIncrease) {
  DisplayWords words;
  EXPECT_TRUE(words.push_back(5, "five"));
  EXPECT_FALSE(words.push_back(5, "again"));
  EXPECT_FALSE(words.push_back(4, "four"));
  EXPECT_EQ(words.size(), 1u);
  EXPECT_EQ(words.find(5), "five");
  const std::vector<std::pair<TermId, std::string>> unsorted{{1, "a"}, {9, "b"}, {2, "c"}};
  EXPECT_FALSE(words.assign(unsorted.begin(), unsorted.end()));
  EXPECT_TRUE(words.empty());  // nothing half-kept
  const std::map<TermId, std::string> sorted{{2, "c"}, {1, "a"}, {9, "b"}};
  EXPECT_TRUE(words.assign(sorted.begin(), sorted.end()));
  EXPECT_EQ(words, (DisplayWords{{1, "a"}, {2, "c"}, {9, "b"}}));
  EXPECT_FALSE(words == (DisplayWords{{1, "a"}, {2, "cb"}}));  // same bytes, other boundaries
}

TEST(DisplayWords, ANewsArticlesWordsTakeLessThanHalfTheMemoryOfStringPairs) {
  // 205 words of 7 bytes, as a news article has on average (serve_bench's corpus).
  std::vector<std::pair<TermId, std::string>> pairs;
  DisplayWords words;
  for (TermId id = 0; id < 205; ++id) {
    pairs.emplace_back(id * 7919, "word" + std::to_string(100 + id));
    ASSERT_TRUE(words.push_back(pairs.back().first, pairs.back().second));
  }
  words.shrink_to_fit();
  pairs.shrink_to_fit();
  const std::size_t as_pairs = pairs.capacity() * sizeof(pairs[0]);  // the words fit in-place
  EXPECT_LT(words.memory_bytes() * 2, as_pairs) << words.memory_bytes() << " against " << as_pairs;
  for (const auto& [id, word] : pairs) EXPECT_EQ(words.find(id), word);
}

}  // namespace
}  // namespace storyline
