#include "features/entities.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <unicode/utf8.h>

#include "features/entity_lexicon.h"
#include "document/analyzer.h"
#include "features/gazetteer.h"
#include "features/gazetteer_memo.h"
#include "features/name_inflection.h"
#include "features/match_key.h"
#include "features/word_shape.h"

namespace storyline {

std::string_view to_string(EntityKind kind) {
  switch (kind) {
    case EntityKind::Person: return "person";
    case EntityKind::Place: return "place";
    case EntityKind::Organisation: return "organisation";
    case EntityKind::Other: return "other";
  }
  return "other";
}

namespace {

bool is_roman_numeral(std::string_view s) {
  return !s.empty() && s.find_first_not_of("IVXLC") == std::string_view::npos;
}

// "moscow's" -> "moscow": the possessive is not part of the name.
std::string_view strip_possessive(std::string_view s) {
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s"})
    if (s.size() > suffix.size() + 1 && s.ends_with(suffix)) return s.substr(0, s.size() - suffix.size());
  return s;
}

// English nationality words ("Russian", "Americans", "Chinese", "Turkish").
bool looks_like_demonym(std::string_view w) {
  for (std::string_view suffix : {"an", "ans", "ese", "ish"})
    if (w.size() > suffix.size() + 2 && w.ends_with(suffix)) return true;
  return false;
}

bool has_possessive(std::string_view s) { return strip_possessive(s).size() != s.size(); }

// "казахстана" -> "казахстан": the text without its last code point.
std::string_view drop_last_letter(std::string_view s) {
  int32_t end = int32_t(s.size());
  if (end == 0) return s;
  U8_BACK_1(reinterpret_cast<const uint8_t*>(s.data()), 0, end);
  return s.substr(0, std::size_t(end));
}

}  // namespace

// Working state of one extract() call: per-token facts computed once.
struct EntityExtractor::Scan {
  std::span<const Token> tokens;
  std::string lang;
  std::vector<WordShape> shapes;
  // Views into the tokens' norms: the norm without its possessive, and the words that keys are
  // made of (declension undone where names decline).
  std::vector<std::string_view> words, key_words;
  WordSet capitalised_mid{256}, lower_mid{256}, context_words{64};
  bool title_case = false;  // Title Case headline: capitals prove nothing
  bool all_caps = false;    // shouted text: acronyms prove nothing

  bool cased(std::size_t i) const { return shapes[i].cased > 0; }
  bool acronym(std::size_t i) const {
    const WordShape& s = shapes[i];
    return !all_caps && s.letters >= 2 && s.letters <= 6 && s.upper == s.letters &&
           s.cased == s.letters && !is_roman_numeral(tokens[i].surface);
  }
  // Same sentence and nothing but a space or a hyphen between (offsets 0 = unknown).
  bool adjacent(std::size_t i) const {
    const Token& a = tokens[i - 1];
    const Token& b = tokens[i];
    if (a.sentence != b.sentence || has_possessive(a.norm)) return false;
    return b.begin < a.end || b.begin - a.end <= 1;
  }
  std::string joined_keys(std::size_t a, std::size_t b) const {
    std::string s;
    for (std::size_t i = a; i < b; ++i) {
      if (i > a) s += ' ';
      s += key_words[i];
    }
    return s;
  }
  std::string joined(std::size_t a, std::size_t b, const char* sep = " ") const {
    std::string s;
    for (std::size_t i = a; i < b; ++i) {
      if (i > a) s += sep;
      s += words[i];
    }
    return s;
  }
};

EntityExtractor::EntityExtractor(const Gazetteer& gazetteer, const MatchKeyer& keyer)
    : places_(std::make_unique<GazetteerMemo>(gazetteer)),
      keyer_(keyer),
      lexicon_(std::make_unique<EntityLexicon>()) {}

EntityExtractor::~EntityExtractor() = default;

std::vector<EntityMention> EntityExtractor::extract(std::span<const Token> tokens,
                                                    std::string_view lang,
                                                    std::span<const EntityMention> context) const {
  const EntityLexicon& lex = *lexicon_;
  Scan scan;
  scan.tokens = tokens;
  scan.lang = std::string(lang);
  const std::size_t n = tokens.size();
  std::size_t content = 0, content_caps = 0, shouted = 0, cased_words = 0;
  for (const Token& t : tokens) {
    scan.shapes.push_back(shape_of(t.surface));
    scan.words.emplace_back(strip_possessive(t.norm));
    scan.key_words.emplace_back(uninflected_name(scan.words.back(), lang));
    const WordShape& s = scan.shapes.back();
    if (s.cased == 0 || t.is_number) continue;
    ++cased_words;
    if (s.letters >= 2 && s.upper == s.letters) ++shouted;
    if (t.stop || lex.is_function_word(scan.words.back())) continue;
    ++content;
    if (t.capitalized) ++content_caps;
    if (!t.sentence_start) (t.capitalized ? scan.capitalised_mid : scan.lower_mid).insert(scan.words.back());
  }
  // Title Case: a short text whose content words are (nearly) all capitalised. A body
  // sentence full of organisation names still has lower-case verbs.
  const std::size_t sentences = n == 0 ? 0 : tokens.back().sentence - tokens.front().sentence + 1;
  scan.title_case = content >= 3 && sentences <= 2 && (content - content_caps) * 10 <= content;
  scan.all_caps = cased_words >= 4 && shouted * 2 >= cased_words;
  for (const EntityMention& m : context) {
    std::string w;
    for (char c : m.surface + ' ') {
      if (c != ' ') { w += c; continue; }
      if (!w.empty()) scan.context_words.insert(w);  // surfaces; compared below via norms
      w.clear();
    }
  }

  auto place_at = [&](std::size_t i, std::size_t& len) -> const Place* {
    // Longest gazetteer name starting at token i, within one sentence. Caseless scripts also
    // try the words run together ("纽约" may be segmented "纽" "约").
    // Runs joined by spaces can only match names that start with this word (most words start
    // none longer than themselves); caseless scripts also try every run length unspaced.
    const std::size_t spaced = std::min(places_->max_words_from(scan.words[i]), n - i);
    const std::size_t max = scan.cased(i) ? spaced : std::max(spaced, std::min(places_->max_words(), n - i));
    for (std::size_t k = max; k >= 1; --k) {
      if (k > 1 && !scan.adjacent(i + k - 1)) continue;
      if (k <= spaced)
        if (const Place* p = places_->find(scan.joined(i, i + k))) { len = k; return p; }
      if (k > 1 && !scan.cased(i))
        if (const Place* p = places_->find(scan.joined(i, i + k, ""))) { len = k; return p; }
    }
    // Inflected languages decline place names ("в Ростове", "Омской области", "Berlins"):
    // a mid-sentence capitalised word may name a place through its stem, or its stem plus a
    // nominative ending ("Москве" -> "москв" + "а"). Sentence-initial words are left out: a
    // capital letter there is no evidence, and common-noun stems collide with small towns.
    if (const std::vector<std::string_view>* endings = nominative_endings(lang);
        endings && scan.cased(i) && !tokens[i].sentence_start && !scan.title_case) {
      const std::string& stem = tokens[i].stem;
      if (utf8_length(stem) >= 4 && stem != scan.words[i])
        for (std::string_view ending : *endings)
          if (const Place* p = places_->find(stem + std::string(ending))) { len = 1; return p; }
      // Snowball over-stems some names ("Казахстана" -> "казахста"): also the word with a
      // one-letter case ending cut ("казахстан", "москв" + "а"), when enough of it is left.
      if (endings->size() > 1)
        if (std::string_view cut = drop_last_letter(scan.words[i]); utf8_length(cut) >= 4 && cut != stem)
          for (std::string_view ending : *endings)
            if (const Place* p = places_->find(std::string(cut) + std::string(ending))) { len = 1; return p; }
    }
    // Arabic attaches "and", "in", "to", "for" to the next word ("وموسكو"): try without.
    if (lang == "ar" && scan.words[i].size() > 6) {
      for (std::string_view pre : {"و", "ب", "ل", "ف", "ك", "وب", "ول"}) {
        if (!scan.words[i].starts_with(pre)) continue;
        if (const Place* p = places_->find(scan.words[i].substr(pre.size()))) { len = 1; return p; }
      }
    }
    return nullptr;
  };
  auto title_at = [&](std::size_t i) -> std::size_t {
    for (std::size_t k = std::min(lex.max_title_words_from(scan.words[i]), n - i); k >= 1; --k) {
      if (k > 1 && !scan.adjacent(i + k - 1)) continue;
      if (lex.is_title(lang, scan.joined(i, i + k))) return k;
    }
    return 0;
  };
  // Could token i be part of a name? Sentence-initial words (and every word of a Title Case
  // headline) need evidence beyond their capital letter.
  auto candidate = [&](std::size_t i) -> bool {
    const Token& t = tokens[i];
    const std::string_view w = scan.words[i];
    if (!t.capitalized || t.is_number || scan.shapes[i].letters == 0 || lex.is_non_name(w)) return false;
    if (scan.acronym(i)) return false;  // acronyms stand alone
    bool weak = t.sentence_start || scan.title_case;
    bool function = t.stop || lex.is_function_word(w);
    // Mid-sentence capitalised function words only continue a name ("Theresa May") or start
    // one when a capitalised content word follows ("New York", "The Hague").
    if (!weak)
      return !function || (i > 0 && tokens[i - 1].capitalized && scan.adjacent(i)) ||
             (i + 1 < n && scan.adjacent(i + 1) && tokens[i + 1].capitalized && !tokens[i + 1].stop);
    if (function || scan.lower_mid.contains(w)) return false;
    if (scan.capitalised_mid.contains(w) || scan.context_words.contains(t.surface)) return true;
    std::size_t len = 0;
    if (place_at(i, len)) return true;
    // "followed by another capitalised word" proves nothing where every noun is capitalised.
    return !scan.title_case && !EntityLexicon::capitalises_nouns(lang) && i + 1 < n &&
           scan.adjacent(i + 1) && tokens[i + 1].capitalized &&
           !tokens[i + 1].stop && !lex.is_function_word(scan.words[i + 1]) &&
           !scan.acronym(i + 1) && title_at(i + 1) == 0;
  };

  std::vector<EntityMention> out;
  auto surface_of = [&](std::size_t a, std::size_t b) {
    std::string s;
    for (std::size_t i = a; i < b; ++i) {
      if (i > a) s += ' ';
      s += i + 1 == b ? std::string(strip_possessive(tokens[i].surface)) : tokens[i].surface;
    }
    return s;
  };
  auto emit = [&](std::size_t a, std::size_t b, EntityKind kind, std::string key, std::string role) {
    out.push_back({surface_of(a, b), std::move(key), kind, std::move(role),
                   std::uint32_t(a), std::uint32_t(b - a)});
  };
  auto person_like = [&](std::size_t i) {
    const std::string_view w = scan.words[i];
    const WordShape& s = scan.shapes[i];
    return s.letters >= 2 && s.upper < s.letters && !lex.is_org_head(w) &&
           !lex.is_facility_head(w) && !lex.is_non_name(w);
  };
  // Classifies the capitalised run [a, b) (connectors allowed inside) and emits it.
  auto classify = [&](auto& self, std::size_t a, std::size_t b, const std::string& role,
                      bool split_places) -> void {
    const std::string all = scan.joined(a, b);
    const std::string_view first = scan.words[a];
    const std::string_view last = scan.words[b - 1];
    const std::size_t len = b - a;
    if (lex.is_known_org(all)) return emit(a, b, EntityKind::Organisation, keyer_.name_key(all), "");
    const bool org = lex.is_org_head(last) || (len > 1 && lex.is_org_head(first)) ||
                     (scan.key_words[b - 1] != last && lex.is_declined_org_head(scan.key_words[b - 1]));
    const std::string_view last_key = scan.key_words[b - 1];
    // A city name opening two or three name-like words is a first name ("Владимир Путин",
    // "Paris Hilton"), not a place.
    auto first_name = [&](std::size_t i, std::size_t k, const Place& p) {
      if (i != a || k != 1 || len > 3 || !p.id.starts_with("G:")) return false;
      for (std::size_t j = i + 1; j < b; ++j)
        if (std::size_t m = 0; !person_like(j) || place_at(j, m)) return false;
      return true;
    };
    std::size_t plen = 0;
    const Place* head_place = place_at(a, plen);
    if (!role.empty() && !org) {
      // A place right after a title says whose title it is: "Президент России Владимир
      // Путин", "президента Казахстана Нурсултана Назарбаева", "мэр Москвы". Countries
      // always; cities only where names decline (in English "Mayor Lincoln" is a person).
      if (head_place && plen <= len && (head_place->id.starts_with("C:") || nominative_endings(lang)) &&
          !(plen < len && first_name(a, plen, *head_place))) {
        emit(a, a + plen, EntityKind::Place, head_place->id, "");
        if (a + plen < b) self(self, a + plen, b, role, false);
        return;
      }
      return emit(a, b, EntityKind::Person, keyer_.word_key(last_key), role);
    }
    if (head_place && plen == len) return emit(a, b, EntityKind::Place, head_place->id, "");
    if (org) return emit(a, b, EntityKind::Organisation, keyer_.name_key(all), "");
    if (lex.is_facility_head(last)) return emit(a, b, EntityKind::Place, keyer_.name_key(all), "");
    if (split_places && len > 1) {
      // Places inside a longer run ("Moscow Sheremetyevo") become their own mentions; the
      // rest is classified on its own.
      std::size_t start = a;
      bool split = false;
      for (std::size_t i = a; i < b;) {
        std::size_t k = 0;
        const Place* p = place_at(i, k);
        if (p && i + k <= b && k < len && !first_name(i, k, *p)) {
          if (i > start) self(self, start, i, role, false);
          emit(i, i + k, EntityKind::Place, p->id, "");
          i += k;
          start = i;
          split = true;
        } else {
          ++i;
        }
      }
      if (split) {
        if (start < b) self(self, start, b, role, false);
        return;
      }
    }
    // "Russian Konstantin Yaroshenko": a nationality word before a full name is not part of
    // it. Only for 3+ words, so a two-word name keeps a first name ending in "-an".
    // German capitalises nouns, so the word before a name is often one ("Amtskollegen Sergej
    // Lawrow", "Basketballerin Brittney Griner").
    const bool noun_prefix = EntityLexicon::capitalises_nouns(lang) || looks_like_demonym(first);
    if (len >= 3 && noun_prefix && person_like(a + 1) && person_like(a + 2)) {
      self(self, a, a + 1, "", false);
      return self(self, a + 1, b, role, false);
    }
    bool names = len >= 2 && len <= 4;
    for (std::size_t i = a; i < b && names; ++i) names = person_like(i) || lex.is_connector(scan.words[i]);
    if (names && person_like(b - 1)) return emit(a, b, EntityKind::Person, keyer_.word_key(last_key), "");
    emit(a, b, EntityKind::Other, keyer_.name_key(scan.joined_keys(a, b)), "");
  };

  const bool caseless_lang = lang == "ar" || lang == "fa" || lang == "ur" || lang == "he";
  for (std::size_t i = 0; i < n;) {
    // A title followed by a name: the name is a person ("Secretary of State Antony Blinken").
    std::string role;
    std::size_t start = i;
    if (std::size_t k = title_at(i); k > 0 && i + k < n && scan.adjacent(i + k)) {
      role = surface_of(i, i + k);
      start = i + k;
      if (caseless_lang && !scan.cased(start)) {
        // Arabic: skip attributes ("الخارجية الأمريكي"), then take up to two name words.
        std::size_t j = start;
        while (j < n && j < start + 3 && scan.words[j].starts_with("ال") && scan.adjacent(j)) ++j;
        std::size_t e = j;
        while (e < n && e < j + 2 && scan.adjacent(e) && !tokens[e].stop && !tokens[e].is_number &&
               !scan.words[e].starts_with("ال") && title_at(e) == 0 && scan.shapes[e].letters > 1)
          ++e;
        if (e > j) {
          emit(j, e, EntityKind::Person, keyer_.word_key(scan.words[e - 1]), role);
          i = e;
          continue;
        }
      }
      if (!candidate(start)) role.clear(), start = i;
    }
    if (scan.acronym(start)) {
      const Place* p = places_->find(scan.words[start]);
      if (p) emit(start, start + 1, EntityKind::Place, p->id, "");
      else emit(start, start + 1, EntityKind::Organisation, keyer_.ascii(scan.words[start]), "");
      i = start + 1;
      continue;
    }
    if (!candidate(start)) {
      // Caseless scripts: gazetteer matches are the only cue.
      std::size_t k = 0;
      if (!scan.cased(start) && scan.shapes[start].letters > 0)
        if (const Place* p = place_at(start, k)) {
          emit(start, start + k, EntityKind::Place, p->id, "");
          i = start + k;
          continue;
        }
      i = start + 1;
      continue;
    }
    // No name runs longer than this; a longer run of capitalised words (a list, a shouted
    // headline, junk) is read a piece at a time. Classifying peels words off a run one by one,
    // each step copying the rest: an unbroken run of 20,000 such words took 1.5 GB. At 16,
    // some German runs of the training data were cut (de-en CV Pearson -0.01 on each split);
    // at 64 none is.
    constexpr std::size_t kMaxRunWords = 64;
    std::size_t end = start + 1;
    while (end < n && end - start < kMaxRunWords && scan.adjacent(end)) {
      if (title_at(end) > 0 || scan.acronym(end)) break;
      if (candidate(end)) { ++end; continue; }
      // A connector joins only when a capitalised word follows ("Ministry of Justice").
      if (lex.is_connector(scan.words[end]) && end + 1 < n && scan.adjacent(end + 1) &&
          candidate(end + 1) && !tokens[end + 1].sentence_start) { end += 2; continue; }
      break;
    }
    // A lone capital letter is a unit or a label ("-22°C", "plan B"), not a name.
    if (end == start + 1 && scan.shapes[start].letters < 2) {
      i = end;
      continue;
    }
    classify(classify, start, end, role, true);
    i = end;
  }

  // Resolve within the document: a lone word equal to the surname of a person named in full
  // (here or in the context) is that person ("Griner" after "Brittney Griner").
  std::unordered_set<std::string> surnames;
  for (const EntityMention& m : out)
    if (m.kind == EntityKind::Person && (m.token_count > 1 || !m.role.empty())) surnames.insert(m.key);
  for (const EntityMention& m : context)
    if (m.kind == EntityKind::Person) surnames.insert(m.key);
  std::vector<EntityMention> kept;
  for (EntityMention& m : out) {
    if (m.token_count == 1 && m.kind != EntityKind::Person && m.kind != EntityKind::Organisation) {
      std::string k = keyer_.word_key(scan.key_words[m.first_token]);
      if (surnames.contains(k)) {
        m.kind = EntityKind::Person;
        m.key = std::move(k);
      } else if (m.kind == EntityKind::Other && EntityLexicon::capitalises_nouns(lang)) {
        continue;  // a German capitalised noun, most likely
      }
    }
    kept.push_back(std::move(m));
  }
  return kept;
}

}  // namespace storyline
