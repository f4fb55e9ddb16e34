// DateExtractor: the calendar dates a news text mentions, absolute ("17. Februar 2022",
// "2022-02-17", "in June 2020") and relative to the publication date ("on Wednesday",
// "yesterday", "last month"), so that two reports can be compared by when their events happened.
//
// Languages: en, de, fr, es, it, pt, nl, pl, tr, ru, uk, ar (month/weekday names from ICU plus
// hand lists); other languages get English words and the all-numeric forms.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

enum class DatePrecision : std::uint8_t { Day, Month, Year };

struct DateMention {
  std::int32_t day;         // days since 1970-01-01 of the first day of the span (UTC calendar date)
  DatePrecision precision;
  std::string surface;      // as written
  std::uint32_t begin, end; // byte offsets in the text
  bool relative;            // resolved against the publication date ("on Wednesday", "yesterday",
                            // "last month", and a day or month written without its year)
};

class CalendarLexicon;

// Owns the per-language calendar vocabulary (costly to build: load ICU data once and share the
// extractor); extract() is const and thread-safe.
class DateExtractor {
 public:
  DateExtractor();
  ~DateExtractor();
  DateExtractor(DateExtractor&&) noexcept;
  DateExtractor& operator=(DateExtractor&&) noexcept;

  // `lang`: ISO 639-1. `published`: publication time in UTC seconds; relative expressions and
  // dates without a year are resolved against it and skipped when it is unknown.
  std::vector<DateMention> extract(std::string_view text, std::string_view lang,
                                   std::optional<std::int64_t> published) const;
  // The vocabulary, for other extractors that must recognise calendar words (numbers).
  const CalendarLexicon& calendar() const { return *lexicon_; }

 private:
  std::unique_ptr<const CalendarLexicon> lexicon_;
};

}  // namespace storyline
