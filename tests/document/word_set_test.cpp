// WordSet and WordMap: exact-match word tables keyed by string_view.
#include "document/word_set.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline {
namespace {

TEST(WordSet, HoldsExactlyTheWordsInserted) {
  WordSet set{"der", "die", "das", "москва", ""};
  EXPECT_TRUE(set.contains("die"));
  EXPECT_TRUE(set.contains("москва"));
  EXPECT_TRUE(set.contains(""));
  EXPECT_FALSE(set.contains("de"));  // a prefix
  EXPECT_FALSE(set.contains("dass"));
  EXPECT_FALSE(set.contains("Die"));  // no folding: callers fold first
  EXPECT_EQ(set.size(), 5u);
  EXPECT_FALSE(set.insert("das"));
  EXPECT_TRUE(set.insert("dem"));
  EXPECT_EQ(set.size(), 6u);
}

// Far past the initial capacity, every word stays found and no other is.
TEST(WordSet, GrowsWithoutLosingWords) {
  WordSet set(4);
  for (int i = 0; i < 20000; i += 2) set.insert("w" + std::to_string(i));
  EXPECT_EQ(set.size(), 10000u);
  for (int i = 0; i < 20000; ++i) EXPECT_EQ(set.contains("w" + std::to_string(i)), i % 2 == 0) << i;
  std::vector<std::string> order;
  set.for_each([&](std::string_view w) {
    if (order.size() < 3) order.emplace_back(w);
  });
  EXPECT_EQ(order, (std::vector<std::string>{"w0", "w2", "w4"}));  // first-inserted first
}

TEST(WordMap, TheFirstValueGivenAWordStays) {
  WordMap<int> map;
  EXPECT_TRUE(map.empty());
  EXPECT_TRUE(map.try_emplace("mai", 5));
  EXPECT_FALSE(map.try_emplace("mai", 6));
  map["juni"] = 6;
  map["juni"] += 0;
  ASSERT_NE(map.find("mai"), nullptr);
  EXPECT_EQ(*map.find("mai"), 5);
  EXPECT_EQ(map.at("juni"), 6);
  EXPECT_EQ(map.find("jun"), nullptr);
  EXPECT_FALSE(map.contains("juli"));
  EXPECT_EQ(map.size(), 2u);
  EXPECT_THROW(map.at("juli"), std::out_of_range);
}

}  // namespace
}  // namespace storyline
