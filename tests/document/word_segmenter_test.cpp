// WordSegmenter against its reference, ICU's root word break iterator: on hand-picked edge
// cases, on random strings of the characters the rules treat differently, and on every text of
// the shared SemEval and ECB+ data (12 languages) when ../shared is present.
#include "document/word_segmenter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <utility>

#include "eval/pairs_file.h"

namespace storyline {
namespace {

// ICU's root word break iterator, through the Analyzer's own reading of it.
class Reference {
 public:
  Reference() {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  }
  std::vector<WordSpan> spans(std::string_view text) {
    std::vector<WordSpan> out;
    EXPECT_TRUE(icu_word_spans(*words_, text, out));
    return out;
  }

 private:
  std::unique_ptr<icu::BreakIterator> words_;
};

std::string show(std::string_view text, const std::vector<WordSpan>& spans) {
  std::string out;
  for (const WordSpan& s : spans)
    out += "[" + std::string(text.substr(s.begin, s.end - s.begin)) + (s.is_number ? "|#] " : "] ");
  return out;
}

// True when the segmenter took the text; then its spans must be ICU's.
bool agrees(WordSegmenter& segmenter, Reference& icu, std::string_view text) {
  std::vector<WordSpan> fast;
  if (!segmenter.segment(text, fast)) return false;
  EXPECT_EQ(show(text, fast), show(text, icu.spans(text))) << "text: " << text;
  return true;
}

TEST(WordSegmenter, MatchesIcuOnEdgeCases) {
  WordSegmenter segmenter;
  Reference icu;
  const char* cases[] = {
      "", " ", "a", "1", "a1.5", "1.5a", "e.g.", "don't", "a:b", "1,500", "3;4", "U.S.", "'tis",
      "x'", "1'000", "a.1", "1.a", "a,b", "a;b", "x.y.z", "a1b2", "1a2", "1a.5", "a1,5", "i.e.,",
      "a\"b", "a. b", "a..b", "1..2", "1.,2", "é'a", "l’été", "1’000", "a·b", "a—b", "MH17,",
      "2020s", "COVID-19", "a\u0301b", "1\u03012", "\u0301a", "a\u00ADb", "a\u200Bb",
      "x\u00A0y", "a\uFE13b", "a\uFE55b", "a\uFF1Ab", "1\u066C2", "a\u2018b", "a\uFF07b",
      "a\u0085b", "a\u2028b", "a😀b", "\u0627\u064E\u0644", "a\u0301\u0301.\u0301b",
      "a.\u0301b", "\u00ADa", "\n\u0301a", "\r\n\u0301\u0301b", "Сергей Лавров заявил, что",
      "Ελλάδα 3,5%", "مصر ٢٠٢٢ ٣٫٥", "नमस्ते दुनिया", "Łódź: 1.200,50 zł", "a.\n.b", "1.\r\n2",
      "Mr. Smith's car—it's 3:45 p.m.", "\"Quoted,\" he said.", "@", "@@a", "a@b.org", "1@2", "\uFF20a"};
  for (const char* text : cases) EXPECT_TRUE(agrees(segmenter, icu, text)) << text;
}

TEST(WordSegmenter, RefusesWhatIcuSegmentsByOtherRules) {
  WordSegmenter segmenter;
  std::vector<WordSpan> spans;
  for (const char* text : {"東京で", "ひらがな", "カタカナ", "한국어", "สวัสดีครับ", "ລາວ",
                           "שלום", "\U00017965", "snake_case", "a\u200Db", "🇩🇪", "ok \xff bytes"})
    EXPECT_FALSE(segmenter.segment(text, spans)) << text;
}

// Random strings over the characters whose rules differ: letters of several scripts, digits
// (ASCII and Arabic-Indic), every kind of mid character, spaces, line breaks, combining marks,
// format characters and plain punctuation.
TEST(WordSegmenter, MatchesIcuOnRandomStrings) {
  const char* alphabet[] = {"a", "Z", "é", "ß", "Ж", "λ", "ب", "क", "0", "7", "٣", ".", "'", ",",
                            ";", ":", "’", "·", "\u066C", "\uFE13", "\uFF1A", " ", "\u00A0", "\n",
                            "\r", "\v", "\u0085", "\u2028", "\u0301", "\u064E", "\u00AD",
                            "\u200B", "-", "\"", "!", "(", "—", "€", "😀", "@"};
  WordSegmenter segmenter;
  Reference icu;
  std::mt19937 random(20261206);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(alphabet) - 1);
  std::uniform_int_distribution<int> length(1, 12);
  int taken = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int i = length(random); i > 0; --i) text += alphabet[pick(random)];
    taken += agrees(segmenter, icu, text);
    if (HasFailure()) break;
  }
  EXPECT_EQ(taken, 20000);  // nothing in this alphabet is refused
}

// Every code point, alone and between letters, digits, mid characters, spaces, line breaks
// and combining marks: a character class the rules get wrong cannot hide in an alphabet nobody
// thought to list (the fuzzer found Tangut ideographs this way, which ICU makes words of).
TEST(WordSegmenter, MatchesIcuOnEveryCodePointInContext) {
  const std::pair<const char*, const char*> contexts[] = {
      {"", ""},     {"a", "a"},   {"1", "1"},           {" ", " "},          {"a", ""},
      {"", "a"},    {"1", ""},    {"", "1"},            {"a.", "b"},         {"", "\u0301"},
      {"\n", "\u0301"}, {"a", "\u0301b"}, {"\u0434", "\u0434"}};
  WordSegmenter segmenter;
  Reference icu;
  std::vector<WordSpan> fast;
  int differences = 0;
  long taken = 0;
  for (UChar32 c = 0; c <= 0x10FFFF && differences < 20; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    char bytes[U8_MAX_LENGTH];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, c);
    for (const auto& [before, after] : contexts) {
      const std::string text = before + std::string(bytes, length) + after;
      if (!segmenter.segment(text, fast)) continue;
      ++taken;
      const std::vector<WordSpan> reference = icu.spans(text);
      if (fast != reference) {
        ++differences;
        ADD_FAILURE() << "U+" << std::hex << c << ": " << show(text, fast) << "vs ICU "
                      << show(text, reference);
      }
    }
  }
  EXPECT_EQ(differences, 0);
  EXPECT_GT(taken, 10'000'000);  // most code points, in every context, are taken
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(WordSegmenter, MatchesIcuOnTheSharedTexts) {
  const std::filesystem::path data = std::filesystem::path(STORYLINE_SHARED_DIR) / "data";
  if (!std::filesystem::exists(data / "semeval2022_pairs.csv")) GTEST_SKIP() << "no ../shared";
  WordSegmenter segmenter;
  Reference icu;
  int texts = 0, taken = 0;
  for (const auto& row : parse_csv(read_file(data / "semeval2022_pairs.csv"))) {
    for (std::size_t column : {10, 11}) {
      if (row.size() <= column) continue;
      ++texts;
      taken += agrees(segmenter, icu, row[column]);
    }
    if (HasFailure()) return;
  }
  std::ifstream ecb(data / "ecbplus_dev.jsonl");
  for (std::string line; std::getline(ecb, line);) {
    const auto record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object()) continue;
    for (const char* field : {"title", "text"}) {
      if (!record.contains(field) || !record[field].is_string()) continue;
      ++texts;
      taken += agrees(segmenter, icu, record[field].get<std::string>());
    }
    if (HasFailure()) return;
  }
  // Only the texts with CJK, Thai, Hebrew or "_" and the like go to ICU.
  EXPECT_GT(texts, 3000);
  EXPECT_GT(taken, texts * 95 / 100);
}

}  // namespace
}  // namespace storyline
