// NumberExtractor: the quantities a news text mentions ("1,500 people", "1.5 million",
// "five surfers", "3,5 Prozent") with the word they count, so that two reports can be matched on
// "16 years" or "five surfers" even when written differently. Four-digit years without a counted
// word are flagged for the date extractor, which owns them. A day number beside a month name
// ("8 November", "November 9", "8 ноября") is a date, not a count: it is marked with its month
// (the date extractor resolves it only when the year is known).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/token.h"
#include "document/word_set.h"

namespace storyline {

struct NumberMention {
  double value;          // "1,500" -> 1500, "1.5 million" -> 1.5e6, "two" -> 2, de "1.500" -> 1500,
                         // de/fr/es/it/pl/tr/ru "3,5" -> 3.5
  std::string counted;   // folded word counted ("16 years" -> "years", "3,5 %" -> "%"), else ""
  std::string surface;   // number (and multiplier) as written
  std::uint32_t begin, end;
  bool is_year_like;     // a plain 1900..2100 with nothing counted: probably a year
  int month;             // 1..12: the value is a day of this month ("8 November"), counted is ""
};

class CalendarLexicon;

// Owns the number-word and multiplier tables; extract() is const and thread-safe.
class NumberExtractor {
 public:
  // `calendar` must outlive the extractor (share the DateExtractor's: it is costly to build).
  explicit NumberExtractor(const CalendarLexicon& calendar);
  // `tokens` come from Analyzer::tokenize(text, lang); digits are re-read from `text` so that
  // separators ("1,500", "1 500") are interpreted per language.
  std::vector<NumberMention> extract(std::span<const Token> tokens, std::string_view text,
                                     std::string_view lang) const;

 private:
  struct LangWords {
    WordMap<double> numbers;      // "five" -> 5, "fünf" -> 5
    WordMap<double> multipliers;  // "million" -> 1e6, "mln" -> 1e6
  };
  const LangWords& words(std::string_view lang) const;
  int month_named(const Token& token, std::string_view lang) const;  // 1..12, 0: not a month
  std::unordered_map<std::string, LangWords> by_lang_;
  const CalendarLexicon* calendar_;
};

}  // namespace storyline
