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

// Printable ASCII is copied a run at a time; everything else goes through the classifier.
TEST(Paragraphs, CollapseWhitespaceEveryAsciiByte) {
  for (int c = 1; c < 0x80; ++c) {
    const std::string text = std::string("ab") + char(c) + "cd";
    const bool blank = c <= 0x20 || c == 0x7F;  // controls, space and DEL become one space
    EXPECT_EQ(collapse_whitespace(text), blank ? "ab cd" : text) << "byte " << c;
  }
  EXPECT_EQ(collapse_whitespace("~Hello,\tworld!\x7F\xC2\xA0\xE2\x80\x8B"), "~Hello, world!");
  EXPECT_EQ(collapse_whitespace("x\xE2\x80\x8By z\xE3\x80\x80\xE3\x80\x80w"), "xy z w");
}

// ASCII keys are lower-cased directly; anything else is folded by ICU.
TEST(Paragraphs, FoldKey) {
  EXPECT_EQ(fold_key("  The QUICK\tbrown fox 42! "), "the quick brown fox 42!");
  EXPECT_EQ(fold_key("Stra\xC3\x9F" "e NEU"), "strasse neu");
  EXPECT_EQ(fold_key("\xD0\x9C\xD0\x98\xD0\xA0 World"), "\xD0\xBC\xD0\xB8\xD1\x80 world");  // МИР -> мир
}

// Text that is collapsed already skips the collapsing: random mixes of words, spaces and
// every kind of whitespace fold as their collapsed form does, whichever way each goes.
TEST(Paragraphs, FoldKeyCollapsesWhateverIsNotCollapsedAlready) {
  const char* const pieces[] = {"a", "B", " ", "  ", "\t", "\n", "\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBB\xBF",
                                "\xE3\x80\x80", "\xC3\x89", "x y", "\x7F", "\xFF", "\xE2\x80\x94"};
  std::uint32_t state = 7;
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (int k = int((state = state * 1664525u + 1013904223u) >> 29); k >= 0; --k)
      text += pieces[((state = state * 1664525u + 1013904223u) >> 28) % 15];
    EXPECT_EQ(fold_key(text), fold_key(collapse_whitespace(text))) << "round " << round;
  }
  EXPECT_EQ(fold_key("already collapsed"), "already collapsed");
  EXPECT_EQ(fold_key(" leading"), "leading");
  EXPECT_EQ(fold_key("trailing "), "trailing");
  EXPECT_EQ(fold_key("double  space"), "double space");
  EXPECT_EQ(fold_key(""), "");
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
  // A file name that is not UTF-8 gives an id that is: each bad byte as %XX.
  EXPECT_EQ(file_stem("dir/caf\xE9.txt"), "caf%E9");
  EXPECT_EQ(file_stem("\xFF\xFEx\xC3\xA9\xC3.json"), "%FF%FEx\xC3\xA9%C3");
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
