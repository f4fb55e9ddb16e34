#include "article/article_finish.h"
#include "article/paragraphs.h"
#include "test_util.h"

namespace storyline::detail {
namespace {

using V = std::vector<std::string>;

TEST(Paragraphs, CollapseWhitespace) {
  EXPECT_EQ(collapse_whitespace("  a \t\n b\xC2\xA0\xE2\x80\x83 c  "), "a b c");
  EXPECT_EQ(collapse_whitespace("zero\xE2\x80\x8Bwidth"), "zerowidth");
  EXPECT_EQ(collapse_whitespace(" \n "), "");
}

TEST(Paragraphs, Split) {
  EXPECT_EQ(split_blank_line_paragraphs("a\nb\n\n\nc\r\n\r\nd"), (V{"a b", "c", "d"}));
  EXPECT_EQ(split_lines("a\n\n b \nc"), (V{"a", "b", "c"}));
}

TEST(Paragraphs, DropsHeadlineAndEarlierRepeats) {
  EXPECT_EQ(drop_repeated({"The  HEADLINE", "one", "two", "ONE"}, "The headline"), (V{"one", "two"}));
}

TEST(Paragraphs, KeepsExtendedLedeOnly) {
  EXPECT_EQ(drop_repeated({"Lede here.", "Other.", "Lede here. And more."}, ""), (V{"Other.", "Lede here. And more."}));
  // A truncated lede ending in an ellipsis is a prefix too.
  EXPECT_EQ(drop_repeated({"Lede he\xE2\x80\xA6", "Lede here. And more."}, ""), (V{"Lede here. And more."}));
}

TEST(Paragraphs, PrefixMustEndAtAWordBoundary) {
  EXPECT_EQ(drop_repeated({"Photo", "Photographers gathered."}, ""), (V{"Photo", "Photographers gathered."}));
}

TEST(Paragraphs, CaseFoldingIsUnicode) {
  EXPECT_EQ(drop_repeated({"STRASSE", "Straße"}, ""), (V{"STRASSE"}));
  EXPECT_EQ(drop_repeated({"ПРИВЕТ мир", "привет МИР"}, ""), (V{"ПРИВЕТ мир"}));
}

TEST(Paragraphs, ManyParagraphsStayFast) {
  V many;
  for (int i = 0; i < 50000; ++i) many.push_back("paragraph number " + std::to_string(i));
  // "number 1" is not a word-boundary prefix of "number 10", so nothing is dropped.
  EXPECT_EQ(drop_repeated(many, "").size(), 50000u);
}

TEST(ArticleFinish, Helpers) {
  EXPECT_EQ(file_stem("a/b/000_97f.txt"), "000_97f");
  EXPECT_EQ(file_stem("x.tar.json"), "x.tar");
  EXPECT_EQ(file_stem(".hidden"), ".hidden");
  EXPECT_EQ(url_host("https://www.Example.com:8080/path?q"), "example.com");
  EXPECT_EQ(url_host("//cdn.example.org/x"), "cdn.example.org");
  EXPECT_EQ(url_host("not a url"), "");
  EXPECT_EQ(normalize_lang("en-US"), "en");
  EXPECT_EQ(normalize_lang("ru_RU"), "ru");
  EXPECT_EQ(normalize_lang("fil"), "");
  EXPECT_EQ(normalize_lang("x"), "");
}

}  // namespace
}  // namespace storyline::detail
