#include "features/bridge_translator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "dictd_test_normaliser.h"
#include "document/analyzer.h"
#include "document/token.h"
#include "features/term_dictionary.h"

namespace storyline {
namespace {

using testing::dictd_dir;

// German, Russian, Spanish and Turkish FreeDict, loaded once for the suite, folded and stemmed by the Analyzer
// as the engine does.
class BridgeTranslatorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(dictd_dir() + "/freedict-deu-eng.index")) return;
    analyzer_ = std::make_unique<Analyzer>();
    const std::vector<std::string> langs{"de", "ru", "es", "tr"};
    dict_ = std::make_unique<TermDictionary>(load_term_dictionary(dictd_dir(), langs, *analyzer_));
  }
  static void TearDownTestSuite() {
    dict_.reset();
    analyzer_.reset();
  }
  void SetUp() override {
    if (!dict_) GTEST_SKIP() << "FreeDict dictionaries not installed under " << dictd_dir();
    translator_ = std::make_unique<BridgeTranslator>(*dict_, *analyzer_);
  }

  // The word as a document token carries it.
  Token token(std::string_view word, std::string_view lang) {
    auto tokens = analyzer_->tokenize(word, lang);
    EXPECT_EQ(tokens.size(), 1u) << word;
    return tokens.empty() ? Token{} : tokens.front();
  }

  struct Result {
    BridgeTranslator::Source source;
    std::vector<std::string> stems;
    std::vector<float> weights;
    std::vector<std::string> displays;
  };
  Result translate(std::string_view word, std::string_view lang) {
    const Token t = token(word, lang);
    std::vector<BridgeTranslator::Term> terms;
    Result r{translator_->translate(lang, t, terms), {}, {}, {}};
    for (const auto& term : terms) {
      r.stems.emplace_back(term.english_stem);
      r.weights.push_back(term.weight);
      r.displays.emplace_back(term.display);
    }
    return r;
  }
  bool has(const Result& r, std::string_view english_word) {
    const std::string stem = analyzer_->stem(english_word, "en");
    return std::find(r.stems.begin(), r.stems.end(), stem) != r.stems.end();
  }

  static std::unique_ptr<Analyzer> analyzer_;
  static std::unique_ptr<TermDictionary> dict_;
  std::unique_ptr<BridgeTranslator> translator_;
};
std::unique_ptr<Analyzer> BridgeTranslatorTest::analyzer_;
std::unique_ptr<TermDictionary> BridgeTranslatorTest::dict_;

TEST_F(BridgeTranslatorTest, AWordInTheDictionaryTakesItsEntry) {
  const Result r = translate("Gefängnis", "de");
  EXPECT_EQ(r.source, BridgeTranslator::Source::Dictionary);
  EXPECT_TRUE(has(r, "prison")) << ::testing::PrintToString(r.stems);
}

TEST_F(BridgeTranslatorTest, ACompoundTheDictionaryLacksIsTranslatedByItsTwoParts) {
  // Both compounds lack an entry (checked: the assertion on the source fails otherwise).
  const Result spokesman = translate("Polizeisprecher", "de");
  EXPECT_EQ(spokesman.source, BridgeTranslator::Source::Compound);
  EXPECT_TRUE(has(spokesman, "police")) << ::testing::PrintToString(spokesman.stems);
  EXPECT_TRUE(has(spokesman, "speaker")) << ::testing::PrintToString(spokesman.stems);
  // Each part's translations, head first, at the part weight of what the part alone has.
  std::vector<TermDictionary::Translation> expected = dict_->translate("de", analyzer_->stem("sprecher", "de"));
  for (const auto& t : dict_->translate("de", analyzer_->stem("polizei", "de"))) expected.push_back(t);
  ASSERT_EQ(spokesman.stems.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(spokesman.stems[i], expected[i].english_stem);
    EXPECT_FLOAT_EQ(spokesman.weights[i], expected[i].weight * BridgeTranslator::kCompoundPartWeight);
  }
  // A linking "-es-" between the parts (the stemmer removes it here: "todes" stems to "tod").
  const Result threats = translate("Todesdrohungen", "de");
  EXPECT_EQ(threats.source, BridgeTranslator::Source::Compound);
  EXPECT_TRUE(has(threats, "death")) << ::testing::PrintToString(threats.stems);
  EXPECT_TRUE(has(threats, "threat")) << ::testing::PrintToString(threats.stems);
}

TEST_F(BridgeTranslatorTest, TheSplitKeepsTheLongestKnownHead) {
  // Wasser + Kraftwerk and Wasserkraft + Werk are both known: the longer head wins.
  const auto [modifier, head] = translator_->split_compound("de", "wasserkraftwerke");
  EXPECT_EQ(modifier, analyzer_->stem("wasser", "de"));
  EXPECT_EQ(head, analyzer_->stem("kraftwerke", "de"));
  // Asked again, the remembered split is the same.
  EXPECT_EQ(translator_->split_compound("de", "wasserkraftwerke"), std::make_pair(modifier, head));
  EXPECT_EQ(translator_->split_compound("de", "neuinfektionen"),
            std::make_pair(analyzer_->stem("neu", "de"), analyzer_->stem("infektionen", "de")));
}

TEST_F(BridgeTranslatorTest, ShortWordsAndOtherLanguagesAreNotSplit) {
  // Seven characters (eight bytes): its parts would be too short to trust ("hau" + "stür").
  EXPECT_EQ(translator_->split_compound("de", "haustür"), (std::pair<std::string, std::string>{}));
  EXPECT_EQ(translator_->split_compound("ru", "полицейский"), (std::pair<std::string, std::string>{}));
  EXPECT_EQ(translator_->split_compound("fr", "portemonnaie"), (std::pair<std::string, std::string>{}));
}

TEST_F(BridgeTranslatorTest, ALatinWordWithoutAnEntryIsKeptAsItself) {
  for (const auto& [word, lang] : std::vector<std::pair<std::string_view, std::string_view>>{
           {"Lufthansa", "es"}, {"coronavirus", "es"}, {"Lufthansa", "tr"}, {"Washington", "tr"},
           {"Lufthansa", "pt"},    // Portuguese: no dictionary at all
           {"NATO", "ru"}}) {      // a Latin name in a Russian text
    SCOPED_TRACE(std::string(word) + " in " + std::string(lang));
    const Result r = translate(word, lang);
    EXPECT_EQ(r.source, BridgeTranslator::Source::Identity) << word;
    ASSERT_EQ(r.stems.size(), 1u) << word;
    EXPECT_EQ(r.stems[0], analyzer_->stem(analyzer_->fold(word), "en")) << word;
    EXPECT_EQ(r.displays[0], analyzer_->fold(word)) << word;
    EXPECT_EQ(r.weights[0], BridgeTranslator::kIdentityWeight) << word;
  }
}

TEST_F(BridgeTranslatorTest, GermanKeepsNoUnknownWordAsItself) {
  for (std::string_view word : {"Lufthansa", "konnte", "Washington"}) {
    const Result r = translate(word, "de");
    EXPECT_EQ(r.source, BridgeTranslator::Source::None) << word;
    EXPECT_TRUE(r.stems.empty()) << word;
  }
}

TEST_F(BridgeTranslatorTest, AWordOfAnotherScriptWithoutAnEntryContributesNothing) {
  const Result r = translate("Лукашенко", "ru");
  EXPECT_EQ(r.source, BridgeTranslator::Source::None);
  EXPECT_TRUE(r.stems.empty());
}

TEST_F(BridgeTranslatorTest, WithoutFallbacksOnlyTheDictionarySpeaks) {
  BridgeTranslator plain(*dict_, *analyzer_, /*fallbacks=*/false);
  std::vector<BridgeTranslator::Term> terms;
  EXPECT_EQ(plain.translate("de", token("Polizeisprecher", "de"), terms), BridgeTranslator::Source::None);
  EXPECT_EQ(plain.translate("es", token("Lufthansa", "es"), terms), BridgeTranslator::Source::None);
  EXPECT_TRUE(terms.empty());
  EXPECT_EQ(plain.translate("de", token("Gefängnis", "de"), terms), BridgeTranslator::Source::Dictionary);
  EXPECT_FALSE(terms.empty());
}

}  // namespace
}  // namespace storyline
