#include <filesystem>

#include "test_util.h"

namespace storyline {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using test::slurp;

TEST(TextReader, HeadlineThenParagraphs) {
  ReadBatch b;
  read_txt("\n\n  The headline  \n\nFirst line\nstill first paragraph.\n\n\nSecond paragraph.\n", "dir/sub/a_1.txt", b);
  ASSERT_TRUE(b.errors.empty()) << test::describe_errors(b);
  ASSERT_EQ(b.articles.size(), 1u);
  const Article& a = b.articles[0];
  EXPECT_EQ(a.id, "a_1");
  EXPECT_EQ(a.origin, "dir/sub/a_1.txt");
  EXPECT_EQ(a.title, "The headline");
  EXPECT_EQ(a.text, "First line still first paragraph.\n\nSecond paragraph.");
  EXPECT_FALSE(a.published);
}

TEST(TextReader, CrLfBomAndUnicodeSpaces) {
  ReadBatch b;
  read_txt("\xEF\xBB\xBFTitle\r\n\r\nOne\xC2\xA0two\r\nthree\r\n \t\r\nFour", "x.txt", b);
  ASSERT_EQ(b.articles.size(), 1u) << test::describe_errors(b);
  EXPECT_EQ(b.articles[0].title, "Title");
  EXPECT_EQ(b.articles[0].text, "One two three\n\nFour");
}

TEST(TextReader, HeadlineOnlyIsAnArticle) {
  ReadBatch b;
  read_txt("Only a headline\n", "h.txt", b);
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].text, "");
}

TEST(TextReader, BadInputs) {
  ReadBatch b;
  read_txt("", "empty.txt", b);
  read_txt(" \n\t\n  \n", "blank.txt", b);
  read_txt(std::string("Title\n\nbody\0more", 17), "nul.txt", b);
  read_txt("Title\n\nCaf\xE9 au lait\n", "latin1.txt", b);
  read_txt("Title\n\n\xED\xA0\x80 surrogate\n", "surrogate.txt", b);
  read_txt("Title\n\n\xC0\xAF overlong\n", "overlong.txt", b);
  read_txt("Title\n\ntruncated \xE2\x82", "truncated.txt", b);
  EXPECT_TRUE(b.articles.empty());
  ASSERT_EQ(b.errors.size(), 7u) << test::describe_errors(b);
  EXPECT_EQ(b.errors[0].origin, "empty.txt");
  EXPECT_THAT(b.errors[0].message, HasSubstr("empty"));
  EXPECT_THAT(b.errors[1].message, HasSubstr("no text"));
  EXPECT_THAT(b.errors[2].message, HasSubstr("binary"));
  EXPECT_EQ(b.errors[3].origin, "latin1.txt");
  EXPECT_THAT(b.errors[3].message, HasSubstr("invalid UTF-8 at byte offset 10"));
  for (std::size_t i = 4; i < 7; ++i) EXPECT_THAT(b.errors[i].message, HasSubstr("invalid UTF-8"));
}

// The real sample prints the headline twice and the lede twice (short, then extended).
TEST(TextReader, RealSampleRepeatsCountOnce) {
  const std::string path = std::string(STORYLINE_SHARED_DIR) + "/samples/000_97f2943d0885677f.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  ReadBatch b;
  read_txt(slurp(path), path, b);
  ASSERT_EQ(b.articles.size(), 1u) << test::describe_errors(b);
  const Article& a = b.articles[0];
  EXPECT_EQ(a.id, "000_97f2943d0885677f");
  EXPECT_EQ(a.title, "First phone call since the war: Blinken has an \"open\" conversation with Lavrov");
  EXPECT_THAT(a.text, Not(HasSubstr("First phone call since the war")));
  const std::string lede = "After months of radio silence, it is the first conversation";
  ASSERT_NE(a.text.find(lede), std::string::npos);
  EXPECT_EQ(a.text.find(lede), a.text.rfind(lede)) << "lede kept twice";
  EXPECT_TRUE(a.text.starts_with(lede)) << a.text.substr(0, 200);
  EXPECT_THAT(a.text.substr(0, a.text.find("\n\n")), HasSubstr("detention of two Americans in Russia."))
      << "the extended lede is the one kept";
  EXPECT_THAT(a.text, HasSubstr("US Secretary of State Antony Blinken has spoken"));
}

TEST(TextReader, SecondSample) {
  const std::string path = std::string(STORYLINE_SHARED_DIR) + "/samples/001_3fb660b0b4e710bb.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  ReadBatch b;
  read_txt(slurp(path), path, b);
  ASSERT_EQ(b.articles.size(), 1u) << test::describe_errors(b);
  EXPECT_FALSE(b.articles[0].title.empty());
  EXPECT_THAT(b.articles[0].text, HasSubstr("Greiner"));
}

}  // namespace
}  // namespace storyline
