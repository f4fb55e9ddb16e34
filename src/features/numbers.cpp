#include "features/numbers.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <utility>

#include "features/calendar_words.h"

namespace storyline {
namespace {

using Pairs = std::initializer_list<std::pair<const char*, double>>;

struct NumberWordList {
  const char* lang;
  Pairs numbers;
  Pairs multipliers;
};

// Small number words only: larger ones are written in digits in news. Words that are also
// articles or common words are left out on purpose: "ein"/"un"/"una"/"bir" (a/an), Italian "sei"
// (you are), Turkish "yüz" (face).
const NumberWordList kLists[] = {
    {"en", {{"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
            {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},
            {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
            {"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
            {"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100},
            {"dozen", 12}},
     {{"thousand", 1e3}, {"million", 1e6}, {"millions", 1e6}, {"mln", 1e6}, {"mn", 1e6},
      {"billion", 1e9}, {"billions", 1e9}, {"bn", 1e9}, {"trillion", 1e12}}},
    {"de", {{"eins", 1}, {"zwei", 2}, {"drei", 3}, {"vier", 4}, {"fünf", 5}, {"sechs", 6},
            {"sieben", 7}, {"acht", 8}, {"neun", 9}, {"zehn", 10}, {"elf", 11}, {"zwölf", 12},
            {"zwanzig", 20}, {"dreißig", 30}, {"hundert", 100}},
     {{"tausend", 1e3}, {"million", 1e6}, {"millionen", 1e6}, {"mio", 1e6}, {"milliarde", 1e9},
      {"milliarden", 1e9}, {"mrd", 1e9}, {"billion", 1e12}, {"billionen", 1e12}}},
    {"fr", {{"deux", 2}, {"trois", 3}, {"quatre", 4}, {"cinq", 5}, {"six", 6}, {"sept", 7},
            {"huit", 8}, {"neuf", 9}, {"dix", 10}, {"onze", 11}, {"douze", 12}, {"vingt", 20},
            {"trente", 30}, {"cent", 100}},
     {{"mille", 1e3}, {"million", 1e6}, {"millions", 1e6}, {"milliard", 1e9}, {"milliards", 1e9}}},
    {"es", {{"dos", 2}, {"tres", 3}, {"cuatro", 4}, {"cinco", 5}, {"seis", 6}, {"siete", 7},
            {"ocho", 8}, {"nueve", 9}, {"diez", 10}, {"once", 11}, {"doce", 12}, {"veinte", 20},
            {"treinta", 30}, {"cien", 100}},
     {{"mil", 1e3}, {"millón", 1e6}, {"millones", 1e6}, {"millardo", 1e9}, {"billón", 1e12}}},
    {"it", {{"due", 2}, {"tre", 3}, {"quattro", 4}, {"cinque", 5}, {"sette", 7}, {"otto", 8},
            {"nove", 9}, {"dieci", 10}, {"undici", 11}, {"dodici", 12}, {"trenta", 30}, {"cento", 100}},
     {{"mila", 1e3}, {"mille", 1e3}, {"milione", 1e6}, {"milioni", 1e6}, {"miliardo", 1e9},
      {"miliardi", 1e9}}},
    {"pt", {{"dois", 2}, {"duas", 2}, {"três", 3}, {"quatro", 4}, {"cinco", 5}, {"seis", 6},
            {"sete", 7}, {"oito", 8}, {"nove", 9}, {"dez", 10}, {"onze", 11}, {"doze", 12},
            {"vinte", 20}, {"cem", 100}},
     {{"mil", 1e3}, {"milhão", 1e6}, {"milhões", 1e6}, {"bilhão", 1e9}, {"bilhões", 1e9}}},
    {"nl", {{"twee", 2}, {"drie", 3}, {"vier", 4}, {"vijf", 5}, {"zes", 6}, {"zeven", 7},
            {"acht", 8}, {"negen", 9}, {"tien", 10}, {"twaalf", 12}, {"twintig", 20}},
     {{"duizend", 1e3}, {"miljoen", 1e6}, {"miljard", 1e9}}},
    {"pl", {{"dwa", 2}, {"dwie", 2}, {"dwóch", 2}, {"trzy", 3}, {"trzech", 3}, {"cztery", 4},
            {"czterech", 4}, {"pięć", 5}, {"pięciu", 5}, {"sześć", 6}, {"siedem", 7}, {"osiem", 8},
            {"dziewięć", 9}, {"dziesięć", 10}, {"dwanaście", 12}, {"dwadzieścia", 20}, {"sto", 100}},
     {{"tys", 1e3}, {"tysiąc", 1e3}, {"tysiące", 1e3}, {"tysięcy", 1e3}, {"mln", 1e6},
      {"milion", 1e6}, {"miliony", 1e6}, {"milionów", 1e6}, {"mld", 1e9}, {"miliard", 1e9},
      {"miliardy", 1e9}, {"miliardów", 1e9}}},
    {"tr", {{"iki", 2}, {"üç", 3}, {"dört", 4}, {"beş", 5}, {"altı", 6}, {"yedi", 7}, {"sekiz", 8},
            {"dokuz", 9}, {"on", 10}, {"yirmi", 20}, {"otuz", 30}},
     {{"bin", 1e3}, {"milyon", 1e6}, {"milyar", 1e9}}},
    {"ru", {{"два", 2}, {"две", 2}, {"двух", 2}, {"три", 3}, {"трех", 3}, {"трёх", 3},
            {"четыре", 4}, {"пять", 5}, {"шесть", 6}, {"семь", 7}, {"восемь", 8}, {"девять", 9},
            {"десять", 10}, {"двадцать", 20}, {"сто", 100}},
     {{"тыс", 1e3}, {"тысяча", 1e3}, {"тысячи", 1e3}, {"тысяч", 1e3}, {"млн", 1e6},
      {"миллион", 1e6}, {"миллиона", 1e6}, {"миллионов", 1e6}, {"млрд", 1e9},
      {"миллиард", 1e9}, {"миллиарда", 1e9}, {"миллиардов", 1e9}}},
    {"uk", {{"два", 2}, {"дві", 2}, {"три", 3}, {"чотири", 4}, {"п'ять", 5}, {"десять", 10}},
     {{"тис", 1e3}, {"млн", 1e6}, {"млрд", 1e9}}},
    {"ar", {}, {{"ألف", 1e3}, {"مليون", 1e6}, {"مليار", 1e9}}},
};

// Languages that group thousands with a plain space ("1 500 personnes", "2 000 человек").
bool groups_with_space(std::string_view lang) {
  for (std::string_view l : {"fr", "pl", "ru", "uk", "cs", "sk", "sv", "nb", "no", "fi", "hu", "bg", "et"})
    if (lang == l) return true;
  return false;
}

UChar32 code_point_at(std::string_view text, std::uint32_t pos, std::uint32_t* next = nullptr) {
  if (pos >= text.size()) return -1;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
  if (next) *next = static_cast<std::uint32_t>(i);
  return c;
}

// The code point ending at `pos`; `start` gets where it begins.
UChar32 code_point_before(std::string_view text, std::uint32_t pos, std::uint32_t* start = nullptr) {
  if (pos == 0) return -1;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(s, 0, i, c);
  if (start) *start = static_cast<std::uint32_t>(i);
  return c;
}

bool is_digit(UChar32 c) { return c >= 0 && u_isdigit(c); }
bool is_glue(UChar32 c) { return c == '-' || c == '/' || c == ':' || c == 0x2013; }
bool is_thin_space(UChar32 c) { return c == 0x00A0 || c == 0x202F || c == 0x2009; }

bool only_space(std::string_view text, std::uint32_t begin, std::uint32_t end, bool allow_hyphen) {
  int hyphens = 0;
  for (std::uint32_t p = begin; p < end;) {
    const UChar32 c = code_point_at(text, p, &p);
    if (allow_hyphen && c == '-' && ++hyphens == 1) continue;
    if (c < 0 || !u_isUWhiteSpace(c)) return false;
  }
  return true;
}

struct Numeral {
  std::uint32_t end;
  std::optional<double> value;  // empty: a date, time, version or score, not a quantity
  bool plain = true;            // digits only, no separator
};

// Reads digits and separators from `begin`. Which of "," and "." groups thousands depends on
// the language; the other is the decimal mark, unless both appear (then the last is decimal).
Numeral read_numeral(std::string_view text, std::uint32_t begin, std::string_view lang) {
  std::vector<std::string> groups(1);
  std::string seps;  // one per boundary between groups: ',', '.' or ' '
  std::uint32_t p = begin;
  for (;;) {
    std::uint32_t next;
    const UChar32 c = code_point_at(text, p, &next);
    if (is_digit(c)) { groups.back().push_back(static_cast<char>('0' + u_charDigitValue(c))); p = next; continue; }
    std::uint32_t after;
    const bool digit_after = is_digit(code_point_at(text, next, &after));
    if (!digit_after || !(c == ',' || c == '.' || is_thin_space(c) || (c == ' ' && groups_with_space(lang)))) break;
    if (c == ' ' || is_thin_space(c)) {  // a space groups only before exactly three digits
      std::uint32_t q = next;
      int n = 0;
      while (is_digit(code_point_at(text, q, &after))) { q = after; ++n; }
      if (n != 3 || groups.back().size() > 3) break;
    }
    seps.push_back(c == ',' || c == '.' ? static_cast<char>(c) : ' ');
    groups.emplace_back();
    p = next;
  }
  Numeral out{p, std::nullopt, seps.empty()};
  // Part of a range, a date or a time ("5–10", "7-12", "3/4", "10:30"): not a count. The glue
  // may be several bytes long (an en dash is three).
  if (std::uint32_t glue; is_glue(code_point_before(text, begin, &glue)) && is_digit(code_point_before(text, glue)))
    return out;
  if (std::uint32_t n; is_glue(code_point_at(text, p, &n)) && is_digit(code_point_at(text, n))) return out;
  // Decide which separator (if any) is the decimal mark.
  const char group_char = lang.substr(0, 2) == "en" || lang.empty() ? ',' : '.';
  std::size_t decimal = seps.size();  // index into seps; seps.size() = none
  const auto commas = std::count(seps.begin(), seps.end(), ','), dots = std::count(seps.begin(), seps.end(), '.');
  if (commas && dots) {
    decimal = seps.size() - 1;
    if (seps[decimal] == ' ' || std::count(seps.begin(), seps.end(), seps[decimal]) != 1) return out;
  } else if (commas + dots == 1) {
    const std::size_t at = seps.find_first_of(",.");
    const bool grouping = groups[at + 1].size() == 3 && seps[at] == group_char;
    if (!grouping) decimal = at;
  }
  std::string number = groups[0];
  for (std::size_t i = 0; i < seps.size(); ++i) {
    if (i == decimal) {
      if (i + 1 != seps.size()) return out;  // a decimal mark before another separator
      number += '.';
    } else if (groups[i + 1].size() != 3 || groups[0].size() > 3) {
      return out;  // "17.02.2022", "1.2.3": not a grouped number
    }
    number += groups[i + 1];
  }
  out.value = std::strtod(number.c_str(), nullptr);
  return out;
}

bool is_ordinal_suffix(std::string_view w) {
  for (std::string_view s : {"st", "nd", "rd", "th", "er", "re", "e", "ème", "º", "ª"})
    if (w == s) return true;
  return false;
}

}  // namespace

NumberExtractor::NumberExtractor(const CalendarLexicon& calendar) : calendar_(&calendar) {
  for (const auto& list : kLists) {
    LangWords& out = by_lang_[list.lang];
    for (auto [w, v] : list.numbers) out.numbers.try_emplace(fold_word(w), v);
    for (auto [w, v] : list.multipliers) out.multipliers.try_emplace(fold_word(w), v);
  }
}

const NumberExtractor::LangWords& NumberExtractor::words(std::string_view lang) const {
  auto it = by_lang_.find(std::string(lang.substr(0, 2)));
  return it != by_lang_.end() ? it->second : by_lang_.at("en");
}

int NumberExtractor::month_named(const Token& token, std::string_view lang) const {
  // Where month names are capitalised, a lower-case one is another word ("may", "march").
  const auto month = calendar_->words(lang).month_named(fold_word(token.surface), token.capitalized);
  return month ? month->month : 0;
}

std::vector<NumberMention> NumberExtractor::extract(std::span<const Token> tokens, std::string_view text,
                                                    std::string_view lang) const {
  const LangWords& w = words(lang);
  const std::string_view code = lang.substr(0, 2);
  std::vector<NumberMention> out;
  for (std::size_t t = 0; t < tokens.size();) {
    const Token& tok = tokens[t];
    NumberMention m{0, "", "", tok.begin, tok.end, false, 0};
    bool plain = false;
    if (is_digit(code_point_at(text, tok.begin))) {
      const Numeral num = read_numeral(text, tok.begin, code);
      m.end = num.end;
      plain = num.plain;
      // Letters glued on: an ordinal ("17th", "1er") is a rank, not a quantity; a unit ("10km") is counted.
      std::uint32_t letters_end = num.end;
      for (std::uint32_t n; u_isalpha(code_point_at(text, letters_end, &n));) letters_end = n;
      const std::string glued = fold_word(text.substr(num.end, letters_end - num.end));
      bool skip = !num.value || is_ordinal_suffix(glued);
      if (!skip) {
        m.value = *num.value;
        m.counted = glued;
      }
      if (skip) {
        while (t < tokens.size() && tokens[t].begin < std::max(letters_end, tok.end)) ++t;
        continue;
      }
    } else if (const double* number = w.numbers.find(tok.norm)) {
      m.value = *number;
      // "twenty-five"
      if (t + 1 < tokens.size() && *number >= 20 && *number < 100 &&
          text.substr(tok.end, tokens[t + 1].begin - tok.end) == "-") {
        if (const double* unit = w.numbers.find(tokens[t + 1].norm); unit && *unit < 10) {
          m.value += *unit;
          m.end = tokens[t + 1].end;
        }
      }
    } else {
      ++t;
      continue;
    }
    std::size_t n = t;
    while (n < tokens.size() && tokens[n].begin < m.end) ++n;
    bool multiplied = false;
    for (; n < tokens.size() && only_space(text, m.end, tokens[n].begin, false); ++n) {
      const double* multiplier = w.multipliers.find(tokens[n].norm);
      if (!multiplier) break;
      m.value *= *multiplier;
      m.end = tokens[n].end;
      multiplied = true;
    }
    // Romance multipliers take a preposition before the counted noun: "2 millions de personnes".
    std::uint32_t counted_from = m.end;
    if (multiplied && n + 1 < tokens.size() && only_space(text, m.end, tokens[n].begin, false)) {
      const std::string& w = tokens[n].norm;
      if (w == "de" || w == "di" || w == "d" || w == "of") counted_from = tokens[n++].end;
    }
    if (m.counted.empty()) {
      std::uint32_t after = m.end;
      while (u_isUWhiteSpace(code_point_at(text, after)) && after - m.end < 4) code_point_at(text, after, &after);
      if (code_point_at(text, after) == '%') {
        m.counted = "%";
      } else if (n < tokens.size() && tokens[n].sentence == tok.sentence && !tokens[n].stop &&
                 !is_digit(code_point_at(text, tokens[n].begin)) &&
                 only_space(text, counted_from, tokens[n].begin, true)) {
        m.counted = tokens[n].norm;  // "16 years", "16-year-old" -> "year"
      }
    }
    // A day of a month: "8 November", "8 ноября", "November 9". Found here too, not only by the
    // date extractor, because that one needs the year, and undated texts mention days as well.
    const bool day_like = plain && !multiplied && m.value >= 1 && m.value <= 31;
    const bool year_range = plain && !multiplied && m.value >= 1900 && m.value <= 2100 &&
                            m.value == std::floor(m.value);
    const int month_before = (day_like || year_range) && t > 0 &&
                                     only_space(text, tokens[t - 1].end, tok.begin, false)
                                 ? month_named(tokens[t - 1], lang)
                                 : 0;
    if (day_like) {
      // German and Polish write the day as an ordinal with a dot: "9. November".
      const std::uint32_t day_end = m.end < text.size() && text[m.end] == '.' ? m.end + 1 : m.end;
      const int month_after =
          n < tokens.size() && only_space(text, day_end, tokens[n].begin, false) ? month_named(tokens[n], lang) : 0;
      m.month = month_after ? month_after : month_before;
      if (m.month) m.counted.clear();
      if (month_after) ++n;
    }
    // After a month name it is the year whatever follows: "im Juni 2020 kamen ...".
    if (year_range && month_before) m.counted.clear();
    m.surface.assign(text.substr(m.begin, m.end - m.begin));
    m.is_year_like = year_range && m.counted.empty();
    out.push_back(std::move(m));
    t = n;
  }
  return out;
}

}  // namespace storyline
