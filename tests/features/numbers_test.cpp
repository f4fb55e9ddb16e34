#include "features/numbers.h"

#include <gtest/gtest.h>

#include "features/calendar_words.h"

#include <cctype>
#include <set>

namespace storyline {
namespace {

// A stand-in for Analyzer::tokenize, so these tests do not depend on the document stage: word
// and number tokens the way ICU's word break iterator cuts them ("1,500" and "3,5" stay whole),
// ASCII-lower-cased norm, a few stop words, sentences split at ". ".
std::vector<Token> tokenize(std::string_view text) {
  static const std::set<std::string> kStop = {"the", "of", "a", "and", "in", "die", "der", "und"};
  std::vector<Token> tokens;
  std::uint32_t sentence = 0;
  auto word_byte = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  for (std::uint32_t i = 0; i < text.size();) {
    const unsigned char c = text[i];
    if (!word_byte(c)) {
      if (c == '.' && i + 1 < text.size() && text[i + 1] == ' ') ++sentence;
      ++i;
      continue;
    }
    std::uint32_t j = i;
    while (j < text.size()) {
      if (word_byte(text[j])) { ++j; continue; }
      const bool mid_num = (text[j] == ',' || text[j] == '.') && j + 1 < text.size() &&
                           std::isdigit(static_cast<unsigned char>(text[j - 1])) &&
                           std::isdigit(static_cast<unsigned char>(text[j + 1]));
      if (!mid_num) break;
      ++j;
    }
    Token t;
    t.surface = std::string(text.substr(i, j - i));
    for (char ch : t.surface) t.norm += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    t.stem = t.norm;
    t.begin = i;
    t.end = j;
    t.sentence = sentence;
    t.is_number = std::isdigit(c);
    t.capitalized = std::isupper(c);
    t.stop = kStop.count(t.norm) > 0;
    tokens.push_back(std::move(t));
    i = j;
  }
  return tokens;
}

struct Case {
  const char* lang;
  const char* text;
  const char* expected;  // "surface=value:counted[Y][@month]" per mention, "; "-joined; Y = year-like
};

// Readable parameter names in failure reports.
void PrintTo(const Case& c, std::ostream* os) { *os << c.lang << ": \"" << c.text << '"'; }

std::string render(const std::vector<NumberMention>& mentions) {
  std::string out;
  for (const auto& m : mentions) {
    if (!out.empty()) out += "; ";
    char value[32];
    std::snprintf(value, sizeof value, "%g", m.value);
    out += m.surface + "=" + value + ":" + m.counted + (m.is_year_like ? "Y" : "");
    if (m.month) out += "@" + std::to_string(m.month);
  }
  return out;
}

class NumbersTest : public ::testing::TestWithParam<Case> {};

TEST_P(NumbersTest, Extracts) {
  static const CalendarLexicon calendar;  // costly to build: once per test binary
  static const NumberExtractor extractor(calendar);
  const Case& c = GetParam();
  const std::string text = c.text;
  const auto tokens = tokenize(text);
  EXPECT_EQ(render(extractor.extract(tokens, text, c.lang)), c.expected) << c.lang << ": " << c.text;
}

INSTANTIATE_TEST_SUITE_P(All, NumbersTest, ::testing::Values(
    Case{"en", "sentenced to 16 years in prison", "16=16:years"},
    Case{"en", "1,500 people marched", "1,500=1500:people"},
    Case{"en", "a 1500 people march", "1500=1500:people"},
    Case{"en", "it cost 1.5 million dollars", "1.5 million=1.5e+06:dollars"},
    Case{"en", "$2 billion.", "2 billion=2e+09:"},
    Case{"en", "five surfers were rescued", "five=5:surfers"},
    Case{"en", "twenty-five people", "twenty-five=25:people"},
    Case{"en", "one of the", "one=1:"},
    Case{"en", "a 16-year-old girl", "16=16:year"},
    Case{"en", "a 10km race", "10=10:km"},
    Case{"en", "up 3.5% on", "3.5=3.5:%"},
    Case{"en", "in 2022 and 1999. Then 2101", "2022=2022:Y; 1999=1999:Y; 2101=2101:"},
    Case{"en", "2020 cases", "2020=2020:cases"},
    Case{"en", "on 2022-02-17 at 12:30 on the 17th", ""},
    Case{"en", "between 5–10 people and 7-12 houses", ""},  // ranges, with an en dash too
    // A day beside its month is a date, even with no year to resolve it.
    Case{"en", "snow on 8 November and 3 people hurt on November 9, 2022",
         "8=8:@11; 3=3:people; 9=9:@11; 2022=2022:Y"},
    Case{"en", "all 8 may go home by 12 March", "8=8:may; 12=12:@3"},  // lower-case "may": the verb
    Case{"ru", "8 ноября ожидается снег, 12 человек", "8=8:@11; 12=12:человек"},
    Case{"de", "am 9. November 1989 kamen 5 Menschen", "9=9:@11; 1989=1989:Y; 5=5:menschen"},
    Case{"de", "Im Juni 2020 kamen 5 Menschen", "2020=2020:Y; 5=5:menschen"},
    Case{"de", "1.500 Menschen", "1.500=1500:menschen"},
    Case{"de", "um 3,5 Prozent", "3,5=3.5:prozent"},
    Case{"de", "1,5 Millionen Euro", "1,5 Millionen=1.5e+06:euro"},
    Case{"de", "1.234.567,89 Euro", "1.234.567,89=1.23457e+06:euro"},
    Case{"de", "fünf Surfer", "fünf=5:surfer"},
    Case{"de", "am 17.02.2022", ""},
    Case{"fr", "1 500 personnes", "1 500=1500:personnes"},
    Case{"fr", "3,5 %", "3,5=3.5:%"},
    Case{"es", "dos millones de personas", "dos millones=2e+06:personas"},
    Case{"pl", "3,5 mln zł", "3,5 mln=3.5e+06:zł"},
    Case{"ru", "2,5 млн рублей", "2,5 млн=2.5e+06:рублей"},
    Case{"tr", "3,5 milyon kişi", "3,5 milyon=3.5e+06:kişi"}));

}  // namespace
}  // namespace storyline
