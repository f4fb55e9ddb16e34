// Dates as news inputs write them: ISO 8601 (feeds, JSON, <meta>), RFC 1123 (HTTP, RSS) and
// "May 03, 2013" (ECB+). Hand-written because libstdc++ 12 has no std::chrono::parse.
#include <array>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "article/ascii.h"
#include "article/reader.h"

namespace storyline {
namespace {

struct Cursor {
  std::string_view s;
  std::size_t i = 0;

  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  void skip_spaces() {
    while (!done() && (s[i] == ' ' || s[i] == '\t')) ++i;
  }
  // Exactly `n` digits (n == 0: one or more, at most 9).
  std::optional<int> digits(int n) {
    std::size_t start = i;
    int value = 0;
    while (!done() && std::isdigit(static_cast<unsigned char>(s[i])) && (n == 0 ? i - start < 9 : static_cast<int>(i - start) < n)) {
      value = value * 10 + (s[i] - '0');
      ++i;
    }
    const auto count = static_cast<int>(i - start);
    if (count == 0 || (n != 0 && count != n)) {
      i = start;
      return std::nullopt;
    }
    return value;
  }
  std::string_view word() {
    std::size_t start = i;
    while (!done() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(start, i - start);
  }
};

// "Jan", "January", "Sept" -> 1..12; 0 when not a month.
int month_from_name(std::string_view w) {
  static constexpr std::array<std::string_view, 12> names = {"january", "february", "march",     "april",
                                                             "may",     "june",     "july",      "august",
                                                             "september", "october", "november", "december"};
  if (w.size() < 3) return 0;
  if (ascii_iequals(w, "sept")) return 9;
  for (std::size_t m = 0; m < names.size(); ++m)
    if (w.size() <= names[m].size() && (w.size() == 3 || w.size() == names[m].size()) && ascii_iequals(w, names[m].substr(0, w.size())))
      return static_cast<int>(m) + 1;
  return 0;
}

bool is_weekday(std::string_view w) {
  static constexpr std::array<std::string_view, 7> days = {"monday", "tuesday", "wednesday", "thursday",
                                                           "friday", "saturday", "sunday"};
  for (auto d : days)
    if (ascii_iequals(w, d) || (w.size() == 3 && ascii_iequals(w, d.substr(0, 3)))) return true;
  return false;
}

std::optional<std::int64_t> to_epoch(int y, int mo, int d, int h, int mi, int sec, int offset_minutes) {
  using namespace std::chrono;
  // Checked before the chrono types hold them: day and month keep one byte and year two, so
  // "July 258" would have been July 2.
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  // 24:00:00 is ISO's end of day; 60 seconds is a leap second, folded into the next minute's start.
  if (h > 24 || mi > 59 || sec > 60 || (h == 24 && (mi != 0 || sec != 0))) return std::nullopt;
  const std::int64_t days = sys_days{ymd}.time_since_epoch().count();
  return days * 86400 + h * 3600 + mi * 60 + sec - static_cast<std::int64_t>(offset_minutes) * 60;
}

// "Z", "+02:00", "+0200", "+02", "-05:30"; absent = UTC. Returns false on malformed input.
bool parse_numeric_zone(Cursor& c, int& offset) {
  offset = 0;
  if (c.eat('Z') || c.eat('z')) return true;
  const char sign = c.peek();
  if (sign != '+' && sign != '-') return c.done();
  ++c.i;
  auto hh = c.digits(2);
  if (!hh) return false;
  int mm = 0;
  c.eat(':');
  if (auto m = c.digits(2)) mm = *m;
  if (*hh > 23 || mm > 59) return false;
  offset = (sign == '-' ? -1 : 1) * (*hh * 60 + mm);
  return true;
}

// "14:05", "14:05:00", "14:05:00.123" (fractions are dropped).
bool parse_clock(Cursor& c, int& h, int& mi, int& sec) {
  auto hh = c.digits(0);
  if (!hh || *hh > 99 || !c.eat(':')) return false;
  auto mm = c.digits(2);
  if (!mm) return false;
  h = *hh;
  mi = *mm;
  sec = 0;
  if (c.eat(':')) {
    auto ss = c.digits(2);
    if (!ss) return false;
    sec = *ss;
    if (c.eat('.') || c.eat(',')) {
      if (!c.digits(0)) return false;
      while (std::isdigit(static_cast<unsigned char>(c.peek()))) ++c.i;  // more than 9 digits
    }
  }
  return true;
}

std::optional<std::int64_t> parse_iso(std::string_view s) {
  Cursor c{s};
  auto y = c.digits(4);
  if (!y || !c.eat('-')) return std::nullopt;
  auto mo = c.digits(2);
  if (!mo || !c.eat('-')) return std::nullopt;
  auto d = c.digits(2);
  if (!d) return std::nullopt;
  int h = 0, mi = 0, sec = 0, offset = 0;
  if (!c.done()) {
    if (!(c.eat('T') || c.eat('t') || c.eat(' '))) return std::nullopt;
    if (!parse_clock(c, h, mi, sec)) return std::nullopt;
    c.skip_spaces();
    if (!c.done() && std::isalpha(static_cast<unsigned char>(c.peek())) && c.peek() != 'Z' && c.peek() != 'z') {
      auto w = c.word();
      if (!ascii_iequals(w, "utc") && !ascii_iequals(w, "gmt")) return std::nullopt;
    } else if (!parse_numeric_zone(c, offset)) {
      return std::nullopt;
    }
    if (!c.done()) return std::nullopt;
  }
  return to_epoch(*y, *mo, *d, h, mi, sec, offset);
}

// RFC 822 zone names that feeds still use.
std::optional<int> named_zone(std::string_view w) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr std::array<Zone, 12> zones = {{{"gmt", 0}, {"utc", 0}, {"ut", 0}, {"z", 0},
                                                  {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
                                                  {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}}};
  for (const auto& z : zones)
    if (ascii_iequals(w, z.name)) return z.minutes;
  return std::nullopt;
}

// "Wed, 27 Jul 2022 14:05:00 GMT", "27 July 2022", "May 03, 2013", "May 3 2013 10:00 +0200".
std::optional<std::int64_t> parse_worded(std::string_view s) {
  Cursor c{s};
  std::string_view w = c.word();
  if (!w.empty() && is_weekday(w)) {
    c.eat(',');
    c.skip_spaces();
    w = c.word();
  }
  int y = 0, mo = 0, d = 0;
  if (!w.empty()) {  // "May 03, 2013"
    mo = month_from_name(w);
    if (mo == 0) return std::nullopt;
    c.skip_spaces();
    auto dd = c.digits(0);
    if (!dd) return std::nullopt;
    d = *dd;
    c.eat(',');
    c.skip_spaces();
    auto yy = c.digits(4);
    if (!yy) return std::nullopt;
    y = *yy;
  } else {  // "27 Jul 2022"
    auto dd = c.digits(0);
    if (!dd) return std::nullopt;
    d = *dd;
    c.skip_spaces();
    mo = month_from_name(c.word());
    if (mo == 0) return std::nullopt;
    c.eat(',');
    c.skip_spaces();
    auto yy = c.digits(4);
    if (!yy) return std::nullopt;
    y = *yy;
  }
  int h = 0, mi = 0, sec = 0, offset = 0;
  c.eat(',');
  c.skip_spaces();
  if (!c.done()) {
    if (!parse_clock(c, h, mi, sec)) return std::nullopt;
    c.skip_spaces();
    if (std::isalpha(static_cast<unsigned char>(c.peek()))) {
      auto zone = named_zone(c.word());
      if (!zone) return std::nullopt;
      offset = *zone;
    } else if (!parse_numeric_zone(c, offset)) {
      return std::nullopt;
    }
    c.skip_spaces();
    if (!c.done()) return std::nullopt;
  }
  return to_epoch(y, mo, d, h, mi, sec, offset);
}

}  // namespace

std::optional<std::int64_t> parse_datetime(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty() || text.size() > 64) return std::nullopt;
  if (auto t = parse_iso(text)) return t;
  return parse_worded(text);
}

}  // namespace storyline
