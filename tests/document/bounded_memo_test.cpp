#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// Its memory is bounded in bytes too: a long key is answered but not kept, and keys longer
// than the average budget clear the memo before its entry count is reached.
TEST(BoundedMemo, LongKeysAreNotKeptAndKeyBytesAreBounded) {
  BoundedMemo<int> memo(8);
  int calls = 0;
  auto length = [&](const std::string& s) {
    return memo.get(s, [&] {
      ++calls;
      return int(s.size());
    });
  };
  const std::string blob(1000, '7');
  EXPECT_EQ(length(blob), 1000);
  EXPECT_EQ(length(blob), 1000);
  EXPECT_EQ(calls, 2);  // not kept
  // 8 entries x 32 bytes: the budget holds one key of 200 bytes, not two.
  const std::string a(200, 'a'), b(200, 'b');
  EXPECT_EQ(length(a), 200);
  EXPECT_EQ(length(a), 200);
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(length(b), 200);  // clears the memo to fit
  EXPECT_EQ(length(a), 200);
  EXPECT_EQ(calls, 5);
}

// Thousands of keys, many sharing prefixes: the table grows several times and probes past
// collisions, and every key keeps its own answer.
TEST(BoundedMemo, KeepsEveryAnswerWhileGrowing) {
  BoundedMemo<std::size_t> memo(100000);
  int calls = 0;
  auto twice_length = [&](const std::string& s) {
    return memo.get(s, [&] {
      ++calls;
      return 2 * s.size();
    });
  };
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back("k" + std::string(std::size_t(i % 7), 'x') + std::to_string(i));
  for (const std::string& k : keys) EXPECT_EQ(twice_length(k), 2 * k.size());
  EXPECT_EQ(calls, 5000);
  for (const std::string& k : keys) EXPECT_EQ(twice_length(k), 2 * k.size());
  EXPECT_EQ(calls, 5000);  // all remembered across the growth
  EXPECT_EQ(twice_length(""), 0u);  // the empty key is a key like any other
  EXPECT_EQ(twice_length(""), 0u);
  EXPECT_EQ(calls, 5001);
}

}  // namespace
}  // namespace storyline
