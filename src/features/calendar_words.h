// CalendarLexicon: the calendar vocabulary of each supported language, keyed by case-folded
// word: month names (every form ICU's DateFormatSymbols gives plus the case forms it lacks,
// e.g. Polish locative "czerwcu", Russian prepositional "июне"), weekday names (plus Polish and
// Russian accusatives: "w środę", "в среду"), and the small hand lists date patterns need
// (yesterday/today/tomorrow, last/next/this, week/month/year, prepositions before a year).
//
// Building it loads ICU locale data for a dozen languages, so the caller builds one and shares
// it; lookups afterwards are read-only and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "document/word_set.h"

namespace storyline {

enum class RelativeUnit : std::uint8_t { Day, Week, Month, Year };
// Which way a modifier ("last", "nächsten", "prochain", "этом") moves from the publication date.
enum class Direction : std::int8_t { Past = -1, This = 0, Next = 1 };

struct MonthWord {
  int month;          // 1..12
  bool abbreviation;  // "Feb", "févr": never a date without a day number or year beside it
};

struct CalendarWords {
  WordMap<MonthWord> months;
  WordMap<int> weekdays;        // 0 = Sunday .. 6 = Saturday
  WordMap<int> day_offsets;     // "yesterday" -> -1, "heute" -> 0
  WordMap<Direction> modifiers; // "last" -> Past, "next" -> Next
  WordMap<RelativeUnit> units;  // "week", "Monat", "году"
  // Every word above: only these can start a written-out date, so one lookup rules out the
  // other words of a text (most of them) where each pattern would look in its own table.
  WordSet starters;
  WordSet year_prepositions;    // "in", "since", "im", "seit", "в"
  WordSet year_words;           // "year", "Jahr", "roku", "года", "yılında"
  WordSet date_glue;            // "of", "de", "the": "17 de febrero de 2022"
  WordSet weekday_prepositions; // "в", "во": required where set
  // Day words that double as nouns: "morgen" is "tomorrow" only in lower case ("am Morgen" is
  // "in the morning"), Spanish "mañana" is "morning" after "la", "esta", "por".
  WordSet lowercase_only;
  WordSet day_word_blockers;
  // Turkish writes case endings after an apostrophe: "2020'de", "Şubat'ta".
  bool apostrophe_suffixes = false;
  // English and German capitalise month and weekday names, and a lower-case one is another
  // word: "may"/"march" (verbs). Elsewhere only the listed names must be capitalised (Turkish
  // "pazar" is also "market"; Turkish news writes "salı günü" in lower case too).
  bool names_capitalised = false;
  WordSet capitalised_only;
  // Words that may follow a year after a preposition ("in 2020 the ..."); any other lower-case
  // word makes the number a count ("in 2000 cases"). Empty: no such check.
  WordSet year_followers;
  // "February 17": the month may come before its day without a year following (English only;
  // elsewhere such a number belongs to the next phrase, as in Polish "września 1 października").
  bool month_before_day = false;
  // Day-month order of all-numeric dates that could be read both ways ("02/03/2022").
  bool month_first_numeric = false;

  // Whether a month or weekday name written so (`capitalised` or not) is that name.
  bool name_allowed(std::string_view folded, bool capitalised) const {
    return capitalised || (!names_capitalised && !capitalised_only.contains(folded));
  }
  // The month a word names, written so; none for another word.
  std::optional<MonthWord> month_named(std::string_view folded, bool capitalised) const {
    const MonthWord* month = months.find(folded);
    if (!month || !name_allowed(folded, capitalised)) return std::nullopt;
    return *month;
  }
};

class CalendarLexicon {
 public:
  CalendarLexicon();
  // Words for an ISO 639-1 code (region suffixes ignored); unknown languages get English.
  const CalendarWords& words(std::string_view lang) const;

 private:
  std::unordered_map<std::string, CalendarWords> by_lang_;
};

// NFKC-free but Unicode-aware case folding (ICU u_foldCase per code point), shared by the
// lexicon and the extractors so that table keys and looked-up words fold the same way.
std::string fold_word(std::string_view utf8);
// The same appended to `out` (ASCII words without a string of their own).
void append_folded_word(std::string& out, std::string_view utf8);

}  // namespace storyline
