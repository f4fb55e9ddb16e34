#include "document/analyzer.h"

#include <gtest/gtest.h>

#include "document/language_id.h"

namespace storyline {
namespace {

std::vector<std::string> norms(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.norm);
  return out;
}

TEST(Analyzer, FoldsWithNfkcAndCaseFolding) {
  Analyzer analyzer;
  EXPECT_EQ(analyzer.fold("STRASSE"), "strasse");
  EXPECT_EQ(analyzer.fold("Straße"), "strasse");
  EXPECT_EQ(analyzer.fold("ＡＢＣ"), "abc");  // full-width forms
  EXPECT_EQ(analyzer.fold("ﬁnal"), "final");  // ligature
  EXPECT_EQ(analyzer.fold("ΣΊΣΥΦΟΣ"), "σίσυφοσ");
}

TEST(Analyzer, SegmentsWordsWithByteOffsets) {
  Analyzer analyzer;
  std::string text = "Griner, 31, was arrested on Feb. 17 at Sheremetyevo.";
  auto tokens = analyzer.tokenize(text, "en");
  ASSERT_GE(tokens.size(), 8u);
  EXPECT_EQ(tokens[0].surface, "Griner");
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_TRUE(tokens[0].sentence_start);
  EXPECT_TRUE(tokens[1].is_number);
  EXPECT_EQ(tokens[1].norm, "31");
  for (const auto& t : tokens) EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.surface);
  EXPECT_TRUE(tokens[2].stop);  // "was"
}

TEST(Analyzer, SegmentsChineseAndThaiWithoutSpaces) {
  Analyzer analyzer;
  auto zh = analyzer.tokenize("美国国务卿布林肯与俄罗斯外长拉夫罗夫通电话", "zh");
  EXPECT_GE(zh.size(), 6u);  // dictionary segmentation, not one run of characters
  auto th = analyzer.tokenize("นายกรัฐมนตรีเดินทางไปกรุงเทพ", "th");
  EXPECT_GE(th.size(), 3u);
}

TEST(Analyzer, MarksSentenceStarts) {
  Analyzer analyzer;
  auto tokens = analyzer.tokenize("He left. Then Lavrov spoke.", "en");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_TRUE(tokens[0].sentence_start);
  EXPECT_FALSE(tokens[1].sentence_start);
  EXPECT_TRUE(tokens[2].sentence_start);
  EXPECT_EQ(tokens[2].sentence, 1u);
  EXPECT_FALSE(tokens[3].sentence_start);
}

TEST(Analyzer, StemsPerLanguage) {
  Analyzer analyzer;
  EXPECT_EQ(analyzer.stem("released", "en"), analyzer.stem("releasing", "en"));
  EXPECT_EQ(analyzer.stem("gefangenen", "de"), analyzer.stem("gefangene", "de"));
  EXPECT_EQ(analyzer.stem("переговоры", "ru"), analyzer.stem("переговоров", "ru"));
  EXPECT_EQ(analyzer.stem("word", "xx"), "word");  // no stemmer: unchanged
}

TEST(Analyzer, DetectsLanguages) {
  Analyzer analyzer;
  EXPECT_EQ(analyzer.detect_language("Fünf Surfer vor niederländischer Küste ums Leben gekommen",
                                     "Bei einem Unglück vor der niederländischen Küste sind fünf "
                                     "Surfer ums Leben gekommen. Sie waren laut Polizei am Montag "
                                     "vor einem Strand in Scheveningen."),
            "de");
  EXPECT_EQ(analyzer.detect_language("Учёные связали потребление сладкого с воспалением",
                                     "Учёные обнаружили ещё одну опасность для здоровья, "
                                     "вызванную потреблением сахара."),
            "ru");
  EXPECT_EQ(analyzer.detect_language("", ""), "und");
}

TEST(Analyzer, StatedLanguageWins) {
  Analyzer analyzer;
  Article article;
  article.title = "Das ist ein deutscher Satz über Politik";
  article.lang = "EN-gb";
  EXPECT_EQ(analyzer.analyze(article).lang, "en");
  EXPECT_EQ(normalise_language_tag("deu"), "de");
  EXPECT_EQ(normalise_language_tag("12"), "und");
}

TEST(Analyzer, AnalyzeTokenizesTitleAndBody) {
  Analyzer analyzer;
  Article article;
  article.title = "Blinken calls Lavrov";
  article.text = "US Secretary of State Antony Blinken spoke to Sergei Lavrov.";
  Document doc = analyzer.analyze(article);
  EXPECT_EQ(norms(doc.title_tokens), (std::vector<std::string>{"blinken", "calls", "lavrov"}));
  EXPECT_EQ(doc.body_tokens.size(), 10u);
  EXPECT_EQ(doc.article.title, article.title);
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

TEST(Analyzer, PolishFallsBackToPrefixStems) {
  Analyzer analyzer;
  // No Snowball stemmer for Polish: inflected forms share a prefix stem.
  EXPECT_EQ(analyzer.stem("więzienia", "pl"), analyzer.stem("więzieniu", "pl"));
  EXPECT_EQ(analyzer.stem("prezydenta", "pl"), "prezyd");
  EXPECT_EQ(utf8_prefix("żółwia", 3), "żół");
}

}  // namespace
}  // namespace storyline
