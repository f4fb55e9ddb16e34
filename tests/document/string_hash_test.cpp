#include "document/string_hash.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace storyline {
namespace {

// Every length takes its own path (0, 1-3, 4-7, 8-16, longer): each byte of a key must move
// the hash, wherever it sits.
TEST(StringHash, EveryByteOfEveryLengthCounts) {
  const std::string text = "Brittney Griner was released in a prisoner swap on Thursday, officials said.";
  for (std::size_t n = 0; n <= 40; ++n) {
    const std::string key = text.substr(0, n);
    const std::uint64_t h = string_hash(key);
    for (std::size_t i = 0; i < n; ++i) {
      std::string changed = key;
      changed[i] = static_cast<char>(changed[i] ^ 0x01);
      EXPECT_NE(string_hash(changed), h) << "length " << n << ", byte " << i;
    }
    if (n > 0) {
      EXPECT_NE(string_hash(text.substr(0, n - 1)), h) << "length " << n;
    }
  }
}

// A key is its bytes, not where they are stored.
TEST(StringHash, DependsOnTheBytesOnly) {
  const std::string a = "xxKazakhstanxx";
  const std::string b = "Kazakhstan";
  EXPECT_EQ(string_hash(std::string_view(a).substr(2, 10)), string_hash(b));
}

// Words of one shape (as the tables hold: "w0", "w1", ...) spread over the low bits that pick a
// slot and the high bits kept as tags, with no full collisions.
TEST(StringHash, SimilarWordsSpreadOverSlotsAndTags) {
  constexpr std::size_t kWords = 1 << 16, kBuckets = 1024;
  std::vector<std::size_t> low(kBuckets), high(kBuckets);
  std::set<std::uint64_t> seen;
  for (std::size_t i = 0; i < kWords; ++i) {
    const std::uint64_t h = string_hash("w" + std::to_string(i));
    seen.insert(h);
    ++low[h % kBuckets];
    ++high[h >> 54];
  }
  EXPECT_EQ(seen.size(), kWords);
  // 64 per bucket expected; a fair hash stays well inside [32, 100] over 1024 buckets.
  for (std::size_t b = 0; b < kBuckets; ++b) {
    EXPECT_GT(low[b], 32u) << b;
    EXPECT_LT(low[b], 100u) << b;
    EXPECT_GT(high[b], 32u) << b;
    EXPECT_LT(high[b], 100u) << b;
  }
}

}  // namespace
}  // namespace storyline
