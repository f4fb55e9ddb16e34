#include "article/datetime_scan.h"

#include <array>
#include <cctype>
#include <chrono>
#include <string>
#include <vector>

namespace storyline::detail {
namespace {

struct Token {
  bool number = false;
  std::string_view text;
  int value = 0;
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t j = i;
    if (std::isdigit(c)) {
      int value = 0;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) {
        if (j - i < 6) value = value * 10 + (s[j] - '0');
        ++j;
      }
      out.push_back({true, s.substr(i, j - i), j - i <= 6 ? value : -1});
    } else if (std::isalpha(c)) {
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({false, s.substr(i, j - i), 0});
    } else {
      ++j;  // punctuation and spaces only separate tokens
    }
    i = j;
  }
  return out;
}

int month_of(std::string_view w) {
  static constexpr std::array<std::string_view, 12> names = {"january", "february", "march",     "april",
                                                             "may",     "june",     "july",      "august",
                                                             "september", "october", "november", "december"};
  if (w.size() < 3) return 0;
  std::string lw(w);
  for (char& c : lw) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lw == "sept") return 9;
  for (std::size_t m = 0; m < names.size(); ++m)
    if (lw == names[m] || lw == names[m].substr(0, 3)) return static_cast<int>(m) + 1;
  return 0;
}

bool is_ordinal_suffix(const Token& t) {
  return !t.number && (t.text == "st" || t.text == "nd" || t.text == "rd" || t.text == "th");
}

std::optional<std::int64_t> midnight(int y, int m, int d) {
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (y < 1900 || y > 2200 || !ymd.ok()) return std::nullopt;
  return static_cast<std::int64_t>(sys_days{ymd}.time_since_epoch().count()) * 86400;
}

bool is_year(const Token& t) { return t.number && t.text.size() == 4; }
bool is_day(const Token& t) { return t.number && t.text.size() <= 2 && t.value >= 1 && t.value <= 31; }

}  // namespace

std::optional<std::int64_t> scan_date(std::string_view text) {
  if (text.size() > 256) text = text.substr(0, 256);
  const std::vector<Token> t = tokenize(text);
  auto at = [&](std::size_t i) -> const Token* { return i < t.size() ? &t[i] : nullptr; };
  for (std::size_t i = 0; i < t.size(); ++i) {
    // Month D[th] YYYY
    if (int m = t[i].number ? 0 : month_of(t[i].text); m != 0) {
      std::size_t k = i + 1;
      if (at(k) && is_day(*at(k))) {
        const int d = at(k)->value;
        if (at(k + 1) && is_ordinal_suffix(*at(k + 1))) ++k;
        if (at(k + 1) && is_year(*at(k + 1)))
          if (auto r = midnight(at(k + 1)->value, m, d)) return r;
      }
    }
    // D[th] Month YYYY
    if (is_day(t[i])) {
      std::size_t k = i + 1;
      if (at(k) && is_ordinal_suffix(*at(k))) ++k;
      if (at(k) && !at(k)->number)
        if (int m = month_of(at(k)->text); m != 0 && at(k + 1) && is_year(*at(k + 1)))
          if (auto r = midnight(at(k + 1)->value, m, t[i].value)) return r;
    }
    // YYYY MM DD (ISO order, whatever the separators)
    if (is_year(t[i]) && at(i + 1) && at(i + 2) && at(i + 1)->number && at(i + 1)->text.size() == 2 &&
        at(i + 2)->number && at(i + 2)->text.size() == 2)
      if (auto r = midnight(t[i].value, at(i + 1)->value, at(i + 2)->value)) return r;
  }
  return std::nullopt;
}

}  // namespace storyline::detail
