#include "features/calendar_words.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <initializer_list>
#include <utility>

#include "article/ascii.h"

namespace storyline {

std::string fold_word(std::string_view utf8) {
  std::string out;
  append_folded_word(out, utf8);
  return out;
}

void append_folded_word(std::string& out, std::string_view utf8) {
  if (is_ascii(utf8)) return append_ascii_lower(out, utf8);
  // toUTF8String appends.
  icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))
      .foldCase()
      .toUTF8String(out);
}

namespace {

using Words = std::initializer_list<const char*>;
using Numbered = std::initializer_list<std::pair<const char*, int>>;

// What ICU does not know: relative words and the case forms of month/weekday names that only
// occur after a preposition. Lower-case; fold_word() is applied when loading.
struct HandList {
  const char* lang;
  Numbered day_offsets;
  Words past, this_, next;
  Words weeks, months_unit, years_unit;
  Words year_prepositions, year_words, glue, weekday_prepositions;
  Numbered extra_months, extra_weekdays;
  Words lowercase_only, day_word_blockers;
};

// Each entry is kept short on purpose: frequent news phrasings, not a grammar.
const HandList kHandLists[] = {
    {"en", {{"yesterday", -1}, {"today", 0}, {"tonight", 0}, {"tomorrow", 1}},
     {"last", "past", "previous"}, {"this"}, {"next", "coming"},
     {"week"}, {"month"}, {"year"},
     {"in", "since", "until", "by", "during", "from", "before", "after", "through"}, {"year"},
     {"of", "the"}, {}, {{"sept", 9}}, {}, {}, {}},
    {"de", {{"vorgestern", -2}, {"gestern", -1}, {"heute", 0}, {"morgen", 1}, {"übermorgen", 2}},
     {"letzte", "letzten", "letzter", "letztes", "vergangene", "vergangenen", "vergangener",
      "vergangenes", "vorige", "vorigen", "voriges"},
     {"diese", "diesen", "dieser", "dieses"},
     {"nächste", "nächsten", "nächster", "nächstes", "kommende", "kommenden"},
     {"woche"}, {"monat", "monats"}, {"jahr", "jahres"},
     {"in", "im", "seit", "bis", "ab", "von"}, {"jahr", "jahre", "jahres"},
     {}, {}, {}, {}, {"morgen"}, {"am", "der", "den", "dem", "vom", "jeden", "einen", "heute",
                                  "gestern"}},
    {"fr", {{"hier", -1}, {"aujourd", 0}, {"demain", 1}},
     {"dernier", "dernière", "passé", "passée"}, {"ce", "cet", "cette"},
     {"prochain", "prochaine"},
     {"semaine"}, {"mois"}, {"année", "an"},
     {"en", "depuis", "dès", "avant", "après"}, {"année", "an"},
     {}, {}, {}, {}, {}, {}},
    {"es", {{"anteayer", -2}, {"ayer", -1}, {"hoy", 0}, {"mañana", 1}},
     {"pasado", "pasada", "último", "última"}, {"este", "esta"}, {"próximo", "próxima"},
     {"semana"}, {"mes"}, {"año"},
     {"en", "desde", "hasta", "durante"}, {"año"},
     {"de", "del"}, {}, {{"setiembre", 9}}, {}, {},
     {"la", "esta", "una", "cada", "por", "de", "media", "toda"}},
    {"it", {{"ieri", -1}, {"oggi", 0}, {"domani", 1}},
     {"scorso", "scorsa", "passato", "passata"}, {"questo", "questa", "quest"},
     {"prossimo", "prossima"},
     {"settimana"}, {"mese"}, {"anno"},
     {"nel", "dal", "al", "entro"}, {"anno"},
     {"del"}, {}, {}, {}, {}, {}},
    {"pt", {{"ontem", -1}, {"hoje", 0}, {"amanhã", 1}},
     {"passado", "passada", "último", "última"}, {"este", "esta"}, {"próximo", "próxima"},
     {"semana"}, {"mês"}, {"ano"},
     {"em", "desde", "até"}, {"ano"},
     {"de"}, {}, {}, {}, {}, {"a", "esta", "uma", "cada", "de", "pela", "toda"}},
    {"nl", {{"gisteren", -1}, {"vandaag", 0}, {"morgen", 1}},
     {"vorige", "vorig", "afgelopen"}, {"deze", "dit"}, {"volgende", "volgend"},
     {"week"}, {"maand"}, {"jaar"},
     {"in", "sinds", "tot"}, {"jaar"},
     {}, {}, {}, {}, {}, {"de", "deze", "elke", "van"}},
    {"pl", {{"przedwczoraj", -2}, {"wczoraj", -1}, {"dziś", 0}, {"dzisiaj", 0}, {"jutro", 1}},
     {"zeszłym", "zeszłej", "zeszły", "zeszła", "zeszłą", "ubiegłym", "ubiegłej", "ubiegły",
      "ubiegła", "ubiegłą", "poprzednim", "poprzedniej"},
     {"tym", "tej", "ten", "bieżącym"},
     {"przyszłym", "przyszłej", "przyszły", "przyszła", "przyszłą", "następnym", "następnej",
      "najbliższą", "najbliższy", "najbliższym", "najbliższej"},
     {"tygodniu", "tydzień", "tygodnia"}, {"miesiącu", "miesiąc", "miesiąca"}, {"roku", "rok"},
     {"w", "we", "od", "do"}, {"roku", "rok", "r"},
     {}, {},
     {{"styczniu", 1}, {"lutym", 2}, {"marcu", 3}, {"kwietniu", 4}, {"maju", 5}, {"czerwcu", 6},
      {"lipcu", 7}, {"sierpniu", 8}, {"wrześniu", 9}, {"październiku", 10},
      {"listopadzie", 11}, {"grudniu", 12}},
     {{"środę", 3}, {"sobotę", 6}, {"niedzielę", 0}}, {}, {}},
    {"tr", {{"dün", -1}, {"bugün", 0}, {"yarın", 1}},
     {"geçen", "geçtiğimiz"}, {"bu"}, {"gelecek", "önümüzdeki"},
     {"hafta"}, {"ay"}, {"yıl", "sene"},
     {}, {"yıl", "yılı", "yılında", "yılının", "senesi"},
     {}, {}, {}, {}, {}, {}},
    {"ru", {{"позавчера", -2}, {"вчера", -1}, {"сегодня", 0}, {"завтра", 1}, {"послезавтра", 2}},
     {"прошлой", "прошлом", "прошлую", "прошлый", "прошедшей", "прошедшем", "минувшей",
      "минувшем"},
     {"этой", "этом", "эту", "этот", "текущем", "текущей"},
     {"следующей", "следующем", "следующую", "следующий", "будущем", "будущей"},
     {"неделе", "неделю", "неделя"}, {"месяце", "месяц"}, {"году", "год"},
     {"в", "во", "с", "со", "до"}, {"году", "года", "год", "г"},
     {}, {"в", "во"},
     {{"январе", 1}, {"феврале", 2}, {"марте", 3}, {"апреле", 4}, {"мае", 5}, {"июне", 6},
      {"июле", 7}, {"августе", 8}, {"сентябре", 9}, {"октябре", 10}, {"ноябре", 11},
      {"декабре", 12}},
     {{"среду", 3}, {"пятницу", 5}, {"субботу", 6}}, {}, {}},
    {"uk", {{"вчора", -1}, {"сьогодні", 0}, {"завтра", 1}},
     {"минулого", "минулому", "минулий", "минулої", "минулій"}, {"цього", "цьому", "цей"},
     {"наступного", "наступному", "наступний", "наступної"},
     {"тижня", "тиждень"}, {"місяця", "місяці"}, {"року", "рік"},
     {"в", "у", "з", "до"}, {"року", "рік", "р"},
     {}, {"в", "у"}, {}, {{"середу", 3}, {"суботу", 6}, {"неділю", 0}}, {}, {}},
    {"ar", {{"أمس", -1}, {"امس", -1}, {"الأمس", -1}, {"اليوم", 0}, {"غدا", 1}},
     {"الماضي", "الماضية"}, {"الحالي", "الحالية", "هذا", "هذه"}, {"المقبل", "المقبلة", "القادم"},
     {"الأسبوع"}, {"الشهر"}, {"العام", "السنة"},
     {"في", "منذ", "حتى"}, {"عام", "العام", "سنة"},
     {}, {}, {}, {}, {}, {}},
};

void add_all(WordSet& set, Words words) {
  for (const char* w : words) set.insert(fold_word(w));
}

template <class Value>
void add_all(WordMap<Value>& map, Words words, Value value) {
  for (const char* w : words) map.try_emplace(fold_word(w), value);
}

std::string icu_word(const icu::UnicodeString& name) {
  std::string utf8;
  icu::UnicodeString(name).foldCase().toUTF8String(utf8);
  // Abbreviations come with their period ("Feb.", "févr."); the text's period is a separate token.
  while (!utf8.empty() && utf8.back() == '.') utf8.pop_back();
  return utf8;
}

// Month and weekday names in every context (format: "lutego", standalone: "luty") and width ICU
// has; wide names first so that a short name equal to a wide one ("Mai") stays a full name.
void load_icu_names(const char* lang, CalendarWords& out) {
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(icu::Locale(lang), status);
  if (U_FAILURE(status)) return;
  using S = icu::DateFormatSymbols;
  for (auto width : {S::WIDE, S::ABBREVIATED}) {
    for (auto context : {S::FORMAT, S::STANDALONE}) {
      int32_t count = 0;
      const icu::UnicodeString* months = symbols.getMonths(count, context, width);
      for (int32_t i = 0; i < count && i < 12; ++i) {
        std::string word = icu_word(months[i]);
        if (!word.empty()) out.months.try_emplace(word, MonthWord{i + 1, width != S::WIDE});
      }
      const icu::UnicodeString* days = symbols.getWeekdays(count, context, width);
      // ICU's weekday array is indexed by UCAL_SUNDAY (1) .. UCAL_SATURDAY (7); [0] is empty.
      for (int32_t i = 1; i < count && i <= 7; ++i) {
        std::string word = icu_word(days[i]);
        // Abbreviated weekdays ("Mi", "mer", "sob") are too often ordinary words.
        if (!word.empty() && width == S::WIDE) out.weekdays.try_emplace(word, i - 1);
      }
    }
  }
}

}  // namespace

CalendarLexicon::CalendarLexicon() {
  for (const HandList& hand : kHandLists) {
    CalendarWords& out = by_lang_[hand.lang];
    load_icu_names(hand.lang, out);
    for (auto [word, month] : hand.extra_months) out.months.try_emplace(fold_word(word), MonthWord{month, false});
    for (auto [word, day] : hand.extra_weekdays) out.weekdays.try_emplace(fold_word(word), day);
    for (auto [word, offset] : hand.day_offsets) out.day_offsets.try_emplace(fold_word(word), offset);
    add_all(out.modifiers, hand.past, Direction::Past);
    add_all(out.modifiers, hand.this_, Direction::This);
    add_all(out.modifiers, hand.next, Direction::Next);
    add_all(out.units, hand.weeks, RelativeUnit::Week);
    add_all(out.units, hand.months_unit, RelativeUnit::Month);
    add_all(out.units, hand.years_unit, RelativeUnit::Year);
    add_all(out.year_prepositions, hand.year_prepositions);
    add_all(out.year_words, hand.year_words);
    add_all(out.date_glue, hand.glue);
    add_all(out.weekday_prepositions, hand.weekday_prepositions);
    add_all(out.lowercase_only, hand.lowercase_only);
    add_all(out.day_word_blockers, hand.day_word_blockers);
    const std::string_view lang = hand.lang;
    out.names_capitalised = lang == "en" || lang == "de";
    if (lang == "tr") out.capitalised_only.insert("pazar");
    if (lang == "en")
      add_all(out.year_followers, {"and", "or", "to", "when", "as", "after", "before", "the", "a",
                                   "an", "with", "while", "that", "which", "was", "were", "is", "but",
                                   "for", "in", "on", "at", "it", "there", "he", "she", "they", "we"});
    out.month_before_day = lang == "en";
    out.month_first_numeric = lang == "en";
    out.apostrophe_suffixes = lang == "tr";
    auto add_starters = [&](const auto& map) { map.for_each_word([&](std::string_view w) { out.starters.insert(w); }); };
    add_starters(out.months);
    add_starters(out.weekdays);
    add_starters(out.day_offsets);
    add_starters(out.modifiers);
    add_starters(out.units);
  }
}

const CalendarWords& CalendarLexicon::words(std::string_view lang) const {
  std::string code(lang.substr(0, std::min<std::size_t>(lang.size(), 2)));
  for (char& c : code) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  auto it = by_lang_.find(code);
  return it != by_lang_.end() ? it->second : by_lang_.at("en");
}

}  // namespace storyline
