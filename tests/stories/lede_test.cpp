// The lede a profile keeps (the story page shows it): a long first paragraph is cut at a
// space, or, in scripts written without spaces, between characters, never inside one.
#include <gtest/gtest.h>

#include "article/utf8.h"
#include "../support/shared_engine.h"

namespace storyline {
namespace {

TEST(Lede, LongParagraphsAreCutBetweenCharacters) {
  std::string chinese = "A";  // so that byte 600 falls inside a character
  for (int i = 0; i < 300; ++i) chinese += "地震";  // 1,801 bytes, no spaces
  const Profile zh = testing::profile_text("地震", chinese + "\n\n第二段。", "zh");
  EXPECT_FALSE(detail::find_invalid_utf8(zh.lede)) << zh.lede;
  EXPECT_TRUE(zh.lede.ends_with("…"));
  EXPECT_LE(zh.lede.size(), 600u + std::string("…").size());

  std::string english;
  for (int i = 0; i < 200; ++i) english += "storm ";
  const Profile en = testing::profile_text("Storm", english, "en");
  EXPECT_TRUE(en.lede.ends_with("storm…")) << en.lede;
}

}  // namespace
}  // namespace storyline
