#include <gtest/gtest.h>

#include <string>

#include "document/bounded_memo.h"

namespace storyline {
namespace {

TEST(BoundedMemo, ComputesEachKeyOnceAndRemembersIt) {
  BoundedMemo<std::string> memo(100);
  int calls = 0;
  auto upper = [&](std::string_view s) {
    return memo.get(s, [&] {
      ++calls;
      std::string out(s);
      for (char& c : out) c = char(c - 'a' + 'A');
      return out;
    });
  };
  EXPECT_EQ(upper("abc"), "ABC");
  EXPECT_EQ(upper("abc"), "ABC");
  EXPECT_EQ(upper("xyz"), "XYZ");
  EXPECT_EQ(calls, 2);
}

// Full, it forgets everything and starts again: memory stays bounded, answers do not change.
TEST(BoundedMemo, ForgetsWhenFullWithoutChangingAnswers) {
  BoundedMemo<int> memo(3);
  int calls = 0;
  auto length = [&](std::string_view s) {
    return memo.get(s, [&] {
      ++calls;
      return int(s.size());
    });
  };
  for (std::string_view s : {"a", "bb", "ccc"}) EXPECT_EQ(length(s), int(s.size()));
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(length("dddd"), 4);  // the fourth key clears the memo
  EXPECT_EQ(calls, 4);
  EXPECT_EQ(length("a"), 1);  // forgotten: computed again, same answer
  EXPECT_EQ(calls, 5);
  EXPECT_EQ(length("dddd"), 4);  // kept after the clear
  EXPECT_EQ(calls, 5);
}

}  // namespace
}  // namespace storyline
