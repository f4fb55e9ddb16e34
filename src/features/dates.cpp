#include "features/dates.h"

#include <date/date.h>

#include <array>

#include "features/calendar_words.h"
#include "features/date_atoms.h"

namespace storyline {
namespace {

using Kind = DateAtom::Kind;

// News reports past events: a yearless "17 February" more than this far after publication is
// last year's February (a January article about "December 30"), not next year's.
constexpr std::int32_t kFutureSlackDays = 61;

std::optional<std::int32_t> civil_day(int y, int m, int d) {
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<std::int32_t>(date::sys_days(ymd).time_since_epoch().count());
}

date::year_month_day civil(std::int32_t day) { return date::year_month_day{date::sys_days{date::days{day}}}; }

struct Match {
  std::size_t end;  // one past the last atom of the mention
  std::int32_t day;
  DatePrecision precision;
  bool relative;
};

// Words that may follow an ordinal day number: "17th", "1er", "1re", "1º".
bool is_ordinal_suffix(std::string_view w) {
  static constexpr std::array<std::string_view, 8> kSuffixes = {"st", "nd", "rd", "th", "er", "re", "º", "ª"};
  for (auto s : kSuffixes) if (w == s) return true;
  return false;
}

// One extraction: the text's atoms, the language's words and the publication day.
class Matcher {
 public:
  Matcher(std::string_view text, const CalendarWords& words, std::optional<std::int32_t> pub)
      : text_(text), atoms_(split_date_atoms(text, folded_)), w_(words), pub_(pub) {}
  Matcher(const Matcher&) = delete;  // its atoms point into its own folded_
  Matcher& operator=(const Matcher&) = delete;

  std::vector<DateMention> run() const {
    std::vector<DateMention> out;
    for (std::size_t i = 0; i < atoms_.size();) {
      std::optional<Match> m;
      if (atoms_[i].kind == Kind::Number) {
        if (!(m = numeric(i)) && !(m = day_month(i))) m = bare_year(i);
      } else if (atoms_[i].kind == Kind::Word && w_.starters.contains(atoms_[i].folded)) {
        if (!(m = month_first(i)) && !(m = weekday(i)) && !(m = day_word(i))) m = modifier_unit(i);
      }
      if (!m) { ++i; continue; }
      const auto begin = atoms_[i].begin, end = atoms_[m->end - 1].end;
      out.push_back({m->day, m->precision, std::string(text_.substr(begin, end - begin)), begin, end,
                     m->relative});
      i = m->end;
    }
    return out;
  }

 private:
  const DateAtom* at(std::size_t i) const { return i < atoms_.size() ? &atoms_[i] : nullptr; }
  bool mark(std::size_t i, char c, bool tight = true) const {
    return at(i) && atoms_[i].is_mark(c) && !(tight && atoms_[i].space_before);
  }
  template <class Set>
  bool word_in(std::size_t i, const Set& set) const {
    return at(i) && atoms_[i].kind == Kind::Word && set.contains(atoms_[i].folded);
  }
  bool apostrophe(std::size_t i) const {
    return at(i) && !atoms_[i].space_before && (atoms_[i].folded == "'" || atoms_[i].folded == "\u2019");
  }
  bool names_ok(std::size_t i) const { return w_.name_allowed(atoms_[i].folded, atoms_[i].capitalised); }

  std::optional<MonthWord> month_at(std::size_t i) const {
    if (!at(i) || atoms_[i].kind != Kind::Word) return std::nullopt;
    return w_.month_named(atoms_[i].folded, atoms_[i].capitalised);
  }
  std::optional<int> day_number(std::size_t i) const {
    if (!at(i) || atoms_[i].digits() < 1 || atoms_[i].digits() > 2) return std::nullopt;
    const int d = static_cast<int>(atoms_[i].value);
    return d >= 1 && d <= 31 ? std::optional<int>(d) : std::nullopt;
  }
  std::optional<int> year_number(std::size_t i, int lo = 1000, int hi = 2199) const {
    if (!at(i) || atoms_[i].digits() != 4) return std::nullopt;
    const int y = static_cast<int>(atoms_[i].value);
    return y >= lo && y <= hi ? std::optional<int>(y) : std::nullopt;
  }
  // A digit run glued by punctuation to another digit run on either side ("1.17.02.2022",
  // "12:30") is part of a longer numeric expression, not a date on its own.
  bool glued_before(std::size_t i) const {
    return i >= 2 && !atoms_[i].space_before && atoms_[i - 1].kind == Kind::Mark &&
           !atoms_[i - 1].space_before && atoms_[i - 2].kind == Kind::Number;
  }
  bool glued_after(std::size_t i) const {
    return at(i + 2) && atoms_[i + 1].kind == Kind::Mark && !atoms_[i + 1].space_before &&
           atoms_[i + 2].kind == Kind::Number && !atoms_[i + 2].space_before;
  }

  // The year of a month/day written without one: the publication year, or the one before when
  // that would put the date well after publication.
  std::optional<std::int32_t> yearless(int month, int d) const {
    if (!pub_) return std::nullopt;
    const int year = static_cast<int>(civil(*pub_).year());
    auto day = civil_day(year, month, d);
    if (day && *day > *pub_ + kFutureSlackDays) day = civil_day(year - 1, month, d);
    return day;
  }

  std::optional<Match> dated(std::size_t end, std::optional<int> year, int month, int d,
                             DatePrecision p) const {
    auto day = year ? civil_day(*year, month, d) : yearless(month, d);
    if (!day) return std::nullopt;
    return Match{end, *day, p, !year};
  }

  // A day or month without a year, unless "this year" / "last year" follows and names it.
  std::optional<Match> yearless_match(std::size_t end, int month, int d, DatePrecision p) const {
    if (auto year = modifier_unit(end); year && year->precision == DatePrecision::Year) {
      auto day = civil_day(static_cast<int>(civil(year->day).year()), month, d);
      if (day) return Match{year->end, *day, p, true};
    }
    return dated(end, std::nullopt, month, d, p);
  }

  // "2022-02-17", "17.02.2022", "17/02/2022", "02/17/2022" (month first only where usual).
  std::optional<Match> numeric(std::size_t i) const {
    if (glued_before(i) || !at(i + 4)) return std::nullopt;
    const DateAtom& sep = atoms_[i + 1];
    if (sep.kind != Kind::Mark || sep.space_before || !(sep.is_mark('-') || sep.is_mark('/') || sep.is_mark('.')))
      return std::nullopt;
    if (!mark(i + 3, sep.folded[0]) || atoms_[i + 2].space_before || atoms_[i + 4].space_before ||
        glued_after(i + 4))
      return std::nullopt;
    const auto mid = day_number(i + 2);
    if (!mid) return std::nullopt;
    if (auto y = year_number(i); y && sep.folded[0] != '.') {
      // ISO dates pad month and day; "1321-2-2" is a legal reference.
      if (auto d = day_number(i + 4); d && atoms_[i + 2].digits() == 2 && atoms_[i + 4].digits() == 2) return dated(i + 5, y, *mid, *d, DatePrecision::Day);
      return std::nullopt;
    }
    const auto first = day_number(i);
    const auto year = year_number(i + 4);
    if (!first || !year) return std::nullopt;
    const bool month_first = w_.month_first_numeric && sep.folded[0] != '.' && *first <= 12;
    auto m = month_first ? dated(i + 5, year, *first, *mid, DatePrecision::Day)
                         : dated(i + 5, year, *mid, *first, DatePrecision::Day);
    if (!m) m = month_first ? dated(i + 5, year, *mid, *first, DatePrecision::Day)
                            : dated(i + 5, year, *first, *mid, DatePrecision::Day);
    return m;
  }

  // After a month name: optional "," or "de", then a year. Returns the atom after the year.
  std::optional<std::pair<int, std::size_t>> year_after(std::size_t j) const {
    if (mark(j, ',', false) || word_in(j, w_.date_glue)) ++j;
    if (auto y = year_number(j); y && !glued_after(j)) return std::make_pair(*y, j + 1);
    return std::nullopt;
  }

  // "17 February", "17. Februar 2022", "17th of February", "17 de febrero de 2022",
  // "17 lutego 2022", "1er mars".
  std::optional<Match> day_month(std::size_t i) const {
    const auto d = day_number(i);
    if (!d || glued_before(i)) return std::nullopt;
    std::size_t j = i + 1;
    if (at(j) && atoms_[j].kind == Kind::Word && !atoms_[j].space_before && is_ordinal_suffix(atoms_[j].folded)) ++j;
    if (mark(j, '.')) ++j;
    for (int k = 0; k < 2 && word_in(j, w_.date_glue); ++k) ++j;
    const auto month = month_at(j);
    if (!month) return std::nullopt;
    std::size_t end = j + 1;
    std::size_t after = mark(end, '.') ? end + 1 : end;  // "17 Feb. 2022"
    if (auto y = year_after(after)) return dated(y->second, y->first, month->month, *d, DatePrecision::Day);
    return yearless_match(end, month->month, *d, DatePrecision::Day);
  }

  // "February 17", "Feb. 17, 2022", "June 2020", "junio de 2020", "in June" / "w czerwcu".
  std::optional<Match> month_first(std::size_t i) const {
    const auto month = month_at(i);
    if (!month) return std::nullopt;
    std::size_t j = mark(i + 1, '.') ? i + 2 : i + 1;
    if (const auto d = day_number(j); d && !glued_after(j)) {
      std::size_t k = j + 1;
      if (at(k) && atoms_[k].kind == Kind::Word && !atoms_[k].space_before && is_ordinal_suffix(atoms_[k].folded)) ++k;
      if (auto y = year_after(k)) return dated(y->second, y->first, month->month, *d, DatePrecision::Day);
      if (w_.month_before_day) return yearless_match(k, month->month, *d, DatePrecision::Day);
    }
    if (auto y = year_after(j)) return dated(y->second, y->first, month->month, 1, DatePrecision::Month);
    // A bare month name is a date only after a preposition ("in May", "im Mai", "w maju") or
    // with a Turkish case ending ("Haziran'da"); abbreviations never.
    const bool introduced = (i > 0 && word_in(i - 1, w_.year_prepositions)) ||
                            (w_.apostrophe_suffixes && apostrophe(i + 1));
    if (month->abbreviation || !introduced) return std::nullopt;
    return yearless_match(i + 1, month->month, 1, DatePrecision::Month);
  }

  // Does a written-out date start at atom i? ("Wednesday, February 17": the date wins.)
  bool date_follows(std::size_t i) const {
    if (mark(i, ',', false)) ++i;
    auto starts = [this](std::size_t k) { return at(k) && (numeric(k) || day_month(k) || month_first(k)); };
    // An article may sit in between: "am Sonntag, dem 1. Mai", "mercredi le 17 février".
    return starts(i) || (at(i) && atoms_[i].kind == Kind::Word && atoms_[i].folded.size() <= 3 && starts(i + 1));
  }

  // "on Wednesday", "am Mittwoch", "mercredi dernier", "next Wednesday", "в среду".
  std::optional<Match> weekday(std::size_t i) const {
    const int* weekday = w_.weekdays.find(atoms_[i].folded);
    if (!weekday || !names_ok(i) || !pub_) return std::nullopt;
    if (!w_.weekday_prepositions.empty() && !(i > 0 && word_in(i - 1, w_.weekday_prepositions)))
      return std::nullopt;
    if (date_follows(i + 1)) return std::nullopt;
    Direction dir = Direction::This;
    std::size_t end = i + 1;
    if (i > 0 && word_in(i - 1, w_.modifiers)) {
      dir = w_.modifiers.at(atoms_[i - 1].folded);
    } else if (word_in(i + 1, w_.modifiers)) {
      dir = w_.modifiers.at(atoms_[i + 1].folded);
      end = i + 2;
    }
    const int pub_wd = static_cast<int>(date::weekday{date::sys_days{date::days{*pub_}}}.c_encoding());
    const int wd = *weekday;
    std::int32_t day;
    if (dir == Direction::Next) {
      const int ahead = (wd - pub_wd + 7) % 7;
      day = *pub_ + (ahead == 0 ? 7 : ahead);
    } else {
      // News reports past events: the latest such weekday on or before publication ("last
      // Wednesday" on a Wednesday means a week ago).
      const int back = (pub_wd - wd + 7) % 7;
      day = *pub_ - (back == 0 && dir == Direction::Past ? 7 : back);
    }
    return Match{end, day, DatePrecision::Day, true};
  }

  // "yesterday", "gestern", "hier", "ayer", "вчера", "aujourd'hui".
  std::optional<Match> day_word(std::size_t i) const {
    const int* offset = w_.day_offsets.find(atoms_[i].folded);
    if (!offset || !pub_) return std::nullopt;
    if (w_.lowercase_only.contains(atoms_[i].folded) && atoms_[i].capitalised) return std::nullopt;
    if (i > 0 && word_in(i - 1, w_.day_word_blockers)) return std::nullopt;
    std::size_t end = i + 1;
    if (at(i + 2) && atoms_[i + 1].kind == Kind::Mark && !atoms_[i + 1].space_before &&
        atoms_[i + 2].folded == "hui")
      end = i + 3;  // the apostrophe of "aujourd'hui" splits it in two
    return Match{end, *pub_ + *offset, DatePrecision::Day, true};
  }

  // "last week", "letzten Monat", "l'année dernière", "w zeszłym roku", "geçen yıl".
  std::optional<Match> modifier_unit(std::size_t i) const {
    if (!pub_ || !at(i + 1)) return std::nullopt;
    Direction dir;
    RelativeUnit unit;
    if (word_in(i, w_.modifiers) && word_in(i + 1, w_.units)) {
      dir = w_.modifiers.at(atoms_[i].folded);
      unit = w_.units.at(atoms_[i + 1].folded);
    } else if (word_in(i, w_.units) && word_in(i + 1, w_.modifiers)) {
      dir = w_.modifiers.at(atoms_[i + 1].folded);
      unit = w_.units.at(atoms_[i].folded);
    } else {
      return std::nullopt;
    }
    const int step = static_cast<int>(dir);
    const date::year_month_day today = civil(*pub_);
    switch (unit) {
      case RelativeUnit::Week: {  // the Monday starting that week
        const int iso = static_cast<int>(date::weekday{date::sys_days{date::days{*pub_}}}.iso_encoding());
        return Match{i + 2, *pub_ - (iso - 1) + 7 * step, DatePrecision::Day, true};
      }
      case RelativeUnit::Month: {
        const auto ym = date::year_month{today.year(), today.month()} + date::months{step};
        return Match{i + 2, *civil_day(int(ym.year()), unsigned(ym.month()), 1), DatePrecision::Month, true};
      }
      case RelativeUnit::Year:
        return Match{i + 2, *civil_day(int(today.year()) + step, 1, 1), DatePrecision::Year, true};
      case RelativeUnit::Day:
        break;
    }
    return std::nullopt;
  }

  // "in 2020", "seit 2020", "im Jahr 2020", "w 2020 roku", "2020 yılında", "2020'de": a bare
  // four-digit number is a year only with such company.
  std::optional<Match> bare_year(std::size_t i) const {
    const auto year = year_number(i);
    if (!year || glued_before(i) || glued_after(i)) return std::nullopt;
    const bool year_word = (i > 0 && word_in(i - 1, w_.year_words)) || word_in(i + 1, w_.year_words);
    const bool suffixed = w_.apostrophe_suffixes && apostrophe(i + 1);
    const bool preposition = i > 0 && word_in(i - 1, w_.year_prepositions);
    if (!year_word && !suffixed) {
      if (!preposition || *year < 1800 || *year > 2100) return std::nullopt;
      // "in 2000 cases": a lower-case word right after makes it a count.
      if (!w_.year_followers.empty() && at(i + 1) && atoms_[i + 1].kind == Kind::Word &&
          !atoms_[i + 1].capitalised && !w_.year_followers.contains(atoms_[i + 1].folded))
        return std::nullopt;
    }
    return Match{i + 1, *civil_day(*year, 1, 1), DatePrecision::Year, false};
  }

  std::string_view text_;
  std::string folded_;  // the atoms' folded forms (declared first: atoms_ points into it)
  std::vector<DateAtom> atoms_;
  const CalendarWords& w_;
  std::optional<std::int32_t> pub_;
};

std::int32_t floor_day(std::int64_t seconds) {
  std::int64_t day = seconds / 86400;
  if (seconds % 86400 < 0) --day;
  return static_cast<std::int32_t>(day);
}

}  // namespace

DateExtractor::DateExtractor() : lexicon_(std::make_unique<const CalendarLexicon>()) {}
DateExtractor::~DateExtractor() = default;
DateExtractor::DateExtractor(DateExtractor&&) noexcept = default;
DateExtractor& DateExtractor::operator=(DateExtractor&&) noexcept = default;

std::vector<DateMention> DateExtractor::extract(std::string_view text, std::string_view lang,
                                                std::optional<std::int64_t> published) const {
  std::optional<std::int32_t> pub_day;
  if (published) pub_day = floor_day(*published);
  return Matcher(text, lexicon_->words(lang), pub_day).run();
}

}  // namespace storyline
