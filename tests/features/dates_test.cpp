#include "features/dates.h"
#include "features/calendar_words.h"

#include <gtest/gtest.h>

#include <date/date.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace storyline {
namespace {

// 2022-07-27 12:00 UTC, a Wednesday: the publication date of the sample article.
constexpr std::int64_t kPublished = 1658923200;

const DateExtractor& extractor() {
  static const DateExtractor instance;  // costly to build: once per test binary
  return instance;
}

std::string iso(std::int32_t day) {
  return date::format("%F", date::sys_days{date::days{day}});
}

const char* name(DatePrecision p) {
  return p == DatePrecision::Day ? "Day" : p == DatePrecision::Month ? "Month" : "Year";
}

// One mention as "surface=YYYY-MM-DD/Precision" plus "~" when relative, all joined by "; ".
std::string render(const std::vector<DateMention>& mentions) {
  std::string out;
  for (const auto& m : mentions) {
    if (!out.empty()) out += "; ";
    out += m.surface + "=" + iso(m.day) + "/" + name(m.precision) + (m.relative ? "~" : "");
  }
  return out;
}

struct Case {
  const char* lang;
  const char* text;
  const char* expected;
};

// Readable parameter names in failure reports.
void PrintTo(const Case& c, std::ostream* os) { *os << c.lang << ": \"" << c.text << '"'; }

class DatesTest : public ::testing::TestWithParam<Case> {};

TEST_P(DatesTest, Extracts) {
  const Case& c = GetParam();
  EXPECT_EQ(render(extractor().extract(c.text, c.lang, kPublished)), c.expected) << c.lang << ": " << c.text;
}

INSTANTIATE_TEST_SUITE_P(Absolute, DatesTest, ::testing::Values(
    Case{"en", "arrested on February 17 for", "February 17=2022-02-17/Day~"},
    Case{"en", "arrested on 17 February.", "17 February=2022-02-17/Day~"},
    Case{"en", "on Feb. 17, 2022 the", "Feb. 17, 2022=2022-02-17/Day"},
    Case{"en", "the 17th of February 2022", "17th of February 2022=2022-02-17/Day"},
    Case{"en", "on February 17th, 2022.", "February 17th, 2022=2022-02-17/Day"},
    Case{"de", "am 17. Februar 2022 wurde", "17. Februar 2022=2022-02-17/Day"},
    Case{"fr", "le 1er mars 2022", "1er mars 2022=2022-03-01/Day"},
    Case{"es", "el 17 de febrero de 2022", "17 de febrero de 2022=2022-02-17/Day"},
    Case{"it", "il 17 febbraio 2022", "17 febbraio 2022=2022-02-17/Day"},
    Case{"pl", "17 lutego 2022 r.", "17 lutego 2022=2022-02-17/Day"},
    Case{"ru", "17 февраля 2022 года", "17 февраля 2022=2022-02-17/Day"},
    Case{"tr", "17 Şubat 2022'de", "17 Şubat 2022=2022-02-17/Day"},
    Case{"en", "on 17/02/2022", "17/02/2022=2022-02-17/Day"},
    Case{"en", "on 02/17/2022", "02/17/2022=2022-02-17/Day"},
    Case{"en", "released 2022-02-17.", "2022-02-17=2022-02-17/Day"},
    Case{"de", "am 17.02.2022 um", "17.02.2022=2022-02-17/Day"},
    Case{"en", "In June 2020, he was", "June 2020=2020-06-01/Month"},
    Case{"de", "im Juni 2020", "Juni 2020=2020-06-01/Month"},
    Case{"es", "en junio de 2020", "junio de 2020=2020-06-01/Month"},
    Case{"pl", "w czerwcu 2020", "czerwcu 2020=2020-06-01/Month"},
    Case{"ru", "в июне 2020 года", "июне 2020=2020-06-01/Month"},
    Case{"en", "arrested in Russia in December 2018 and", "December 2018=2018-12-01/Month"},
    Case{"en", "since 2020 the", "2020=2020-01-01/Year"},
    Case{"de", "im Jahr 2020", "2020=2020-01-01/Year"},
    Case{"de", "von 2003 bis 2009 Minister", "2003=2003-01-01/Year; 2009=2009-01-01/Year"},
    Case{"tr", "Haziran 08 2020", "Haziran 08 2020=2020-06-08/Day"},
    Case{"pl", "w 2020 roku", "2020=2020-01-01/Year"},
    Case{"ru", "в 2020 году", "2020=2020-01-01/Year"},
    Case{"tr", "2020 yılında", "2020=2020-01-01/Year"},
    Case{"en", "Wednesday, February 16, 2022", "February 16, 2022=2022-02-16/Day"},
    Case{"de", "Mittwoch, 16. Februar 2022", "16. Februar 2022=2022-02-16/Day"},
    Case{"de", "am Sonntag, dem 1. Mai 2022", "1. Mai 2022=2022-05-01/Day"},
    // Only English puts the day after the month.
    Case{"pl", "września 1 października", "1 października=2021-10-01/Day~"}));

INSTANTIATE_TEST_SUITE_P(YearInferred, DatesTest, ::testing::Values(
    // More than ~2 months after publication: last year's.
    Case{"en", "on December 30", "December 30=2021-12-30/Day~"},
    Case{"en", "on September 10", "September 10=2022-09-10/Day~"},
    Case{"en", "in May", "May=2022-05-01/Month~"},
    Case{"de", "im Mai", "Mai=2022-05-01/Month~"},
    Case{"en", "since September this year", "September this year=2022-09-01/Month~"},
    Case{"en", "on November 2 last year", "November 2 last year=2021-11-02/Day~"}));

INSTANTIATE_TEST_SUITE_P(Relative, DatesTest, ::testing::Values(
    Case{"en", "announced on Wednesday that", "Wednesday=2022-07-27/Day~"},
    Case{"en", "on Monday", "Monday=2022-07-25/Day~"},
    Case{"en", "last Wednesday", "Wednesday=2022-07-20/Day~"},
    Case{"en", "next Monday", "Monday=2022-08-01/Day~"},
    Case{"de", "am Mittwoch", "Mittwoch=2022-07-27/Day~"},
    Case{"de", "am nächsten Montag", "Montag=2022-08-01/Day~"},
    Case{"fr", "a déclaré mercredi", "mercredi=2022-07-27/Day~"},
    Case{"fr", "lundi prochain", "lundi prochain=2022-08-01/Day~"},
    Case{"es", "el martes", "martes=2022-07-26/Day~"},
    Case{"it", "lunedì", "lunedì=2022-07-25/Day~"},
    Case{"pl", "w środę", "środę=2022-07-27/Day~"},
    Case{"ru", "в среду", "среду=2022-07-27/Day~"},
    Case{"tr", "Salı günü", "Salı=2022-07-26/Day~"},
    Case{"pl", "w najbliższą niedzielę", "niedzielę=2022-07-31/Day~"},
    Case{"tr", "Malavi'de salı günü", "salı=2022-07-26/Day~"},
    Case{"en", "said yesterday", "yesterday=2022-07-26/Day~"},
    Case{"de", "sagte gestern", "gestern=2022-07-26/Day~"},
    Case{"fr", "a dit hier", "hier=2022-07-26/Day~"},
    Case{"es", "dijo ayer", "ayer=2022-07-26/Day~"},
    Case{"ru", "заявил вчера", "вчера=2022-07-26/Day~"},
    Case{"pl", "wczoraj", "wczoraj=2022-07-26/Day~"},
    Case{"tr", "dün", "dün=2022-07-26/Day~"},
    Case{"en", "today", "today=2022-07-27/Day~"},
    Case{"de", "heute", "heute=2022-07-27/Day~"},
    Case{"fr", "aujourd'hui", "aujourd'hui=2022-07-27/Day~"},
    Case{"en", "tomorrow", "tomorrow=2022-07-28/Day~"},
    Case{"de", "erst morgen", "morgen=2022-07-28/Day~"},
    Case{"en", "last week", "last week=2022-07-18/Day~"},
    Case{"de", "letzte Woche", "letzte Woche=2022-07-18/Day~"},
    Case{"en", "last month", "last month=2022-06-01/Month~"},
    Case{"de", "letzten Monat", "letzten Monat=2022-06-01/Month~"},
    Case{"fr", "le mois dernier", "mois dernier=2022-06-01/Month~"},
    Case{"es", "el mes pasado", "mes pasado=2022-06-01/Month~"},
    Case{"pl", "w zeszłym miesiącu", "zeszłym miesiącu=2022-06-01/Month~"},
    Case{"ru", "в прошлом месяце", "прошлом месяце=2022-06-01/Month~"},
    Case{"tr", "geçen ay", "geçen ay=2022-06-01/Month~"},
    Case{"en", "last year", "last year=2021-01-01/Year~"},
    Case{"fr", "l'année dernière", "année dernière=2021-01-01/Year~"},
    Case{"ru", "в прошлом году", "прошлом году=2021-01-01/Year~"},
    Case{"en", "next year", "next year=2023-01-01/Year~"}));

INSTANTIATE_TEST_SUITE_P(FalsePositives, DatesTest, ::testing::Values(
    Case{"en", "you may go", ""},
    Case{"en", "it may be 5 days", ""},
    Case{"en", "the march began", ""},
    Case{"en", "they march 5 miles", ""},
    Case{"en", "1500 people", ""},
    Case{"en", "in 2000 cases", ""},
    Case{"en", "the 2020 election", ""},
    Case{"en", "at 12:30", ""},
    Case{"en", "version 1.17.02.2022", ""},
    Case{"de", "am Morgen", ""},
    Case{"es", "esta mañana", ""},
    Case{"ru", "окружающая среда", ""},
    Case{"tr", "pazar yeri", ""},
    Case{"fr", "aux articles L. 1321-2-2 du code", ""},
    Case{"en", "Mar 5", "Mar 5=2022-03-05/Day~"}));  // abbreviations are fine beside a day

TEST(Dates, RelativeNeedsPublication) {
  const auto m = extractor().extract("yesterday, on Wednesday, February 17, 17 February 2022", "en", std::nullopt);
  EXPECT_EQ(render(m), "17 February 2022=2022-02-17/Day");
}

TEST(Dates, OffsetsPointIntoText) {
  const std::string text = "Am 17. Februar 2022 und gestern.";
  for (const auto& m : extractor().extract(text, "de", kPublished))
    EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.surface);
}

TEST(Dates, SampleArticle) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(STORYLINE_SHARED_DIR) / "samples";
  if (!fs::exists(dir)) GTEST_SKIP() << "no shared samples";
  std::string text;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind("000_", 0) == 0) {
      std::ifstream in(entry.path());
      std::stringstream buf;
      buf << in.rdbuf();
      text = buf.str();
    }
  }
  if (text.empty()) GTEST_SKIP() << "no sample 000_*";
  const std::string got = render(extractor().extract(text, "en", kPublished));
  EXPECT_NE(got.find("February 17=2022-02-17/Day~"), std::string::npos) << got;
  EXPECT_NE(got.find("Wednesday=2022-07-27/Day~"), std::string::npos) << got;
  EXPECT_NE(got.find("June 2020=2020-06-01/Month"), std::string::npos) << got;
}

// The matcher looks a word up in `starters` before any pattern: a calendar word missing from it
// would never start a date. Every word of every table must be there, in every language.
TEST(CalendarLexicon, EveryCalendarWordStartsAMatch) {
  const CalendarLexicon lexicon;
  for (const char* lang : {"en", "de", "fr", "es", "it", "pl", "ru", "tr", "ar", "pt", "nl"}) {
    const CalendarWords& w = lexicon.words(lang);
    std::size_t words = 0;
    auto check = [&](const auto& map) {
      map.for_each_word([&](std::string_view word) {
        ++words;
        EXPECT_TRUE(w.starters.contains(word)) << lang << ": " << word;
      });
    };
    check(w.months);
    check(w.weekdays);
    check(w.day_offsets);
    check(w.modifiers);
    check(w.units);
    EXPECT_GT(words, 30u) << lang;
    EXPECT_FALSE(w.starters.contains("the")) << lang;
  }
}

}  // namespace
}  // namespace storyline
