#include "features/profiler.h"

#include <date/date.h>

#include <algorithm>
#include <map>
#include <regex>
#include <unordered_map>

#include "document/bounded_memo.h"
#include "features/bridge_translator.h"
#include "features/dates.h"
#include "features/entities.h"
#include "features/gazetteer.h"
#include "features/match_key.h"
#include "features/numbers.h"
#include "features/sort_by_term_id.h"
#include "features/term_dictionary.h"

namespace storyline {
namespace {

// Words that carry topic: not stop words, not numbers, not single letters.
bool is_content(const Token& token) {
  return !token.stop && !token.is_number && token.norm.size() >= 2;
}

void count_terms(const std::vector<Token>& tokens, TermCounter& counts) {
  for (const Token& token : tokens)
    if (is_content(token)) counts.add(term_id("s:", token.stem));
}

// Consecutive content stems, stop words skipped (a rewrite changes those first), of the
// headline and the body's first `sentences` sentences.
void count_phrases(const std::vector<Token>& tokens, std::uint32_t sentences, TermCounter& counts) {
  const Token* previous = nullptr;
  for (const Token& token : tokens) {
    if (token.sentence >= sentences) break;
    if (!is_content(token)) continue;
    if (previous) counts.add(term_id("g:", previous->stem + ' ' + token.stem));
    previous = &token;
  }
}

// The first word met for each id, sorted by id: terms repeat, so the distinct ids are
// found first and only they are sorted and copied.
DisplayWords first_word_of_each(
    const std::vector<std::pair<TermId, std::string_view>>& met) {
  std::vector<std::pair<TermId, std::string_view>> first;
  TermPositions positions(met.size());
  auto id_at = [&first](std::uint32_t position) { return first[position].first; };
  for (const auto& entry : met) {
    const auto next = static_cast<std::uint32_t>(first.size());
    if (positions.find_or_add(entry.first, next, id_at) == next) first.push_back(entry);
  }
  sort_by_term_id(first);
  std::size_t bytes = 0;
  for (const auto& entry : first) bytes += entry.second.size();
  DisplayWords words;
  words.reserve(first.size(), bytes);
  for (const auto& [id, word] : first) words.push_back(id, word);  // ids sorted and unique
  return words;
}

std::string first_paragraph(const std::string& text) {
  std::size_t end = text.find("\n\n");
  std::string lede = text.substr(0, end);
  if (lede.size() > 600) {
    std::size_t cut = lede.rfind(' ', 600);
    if (cut == std::string::npos) {  // no spaces (Chinese, Japanese): cut between characters
      cut = 600;
      while (cut > 0 && (static_cast<unsigned char>(lede[cut]) & 0xC0) == 0x80) --cut;
    }
    lede = lede.substr(0, cut) + "…";
  }
  return lede;
}

}  // namespace

struct Profiler::Parts {
  explicit Parts(const Gazetteer& gazetteer) : entities(gazetteer, keyer), numbers(dates.calendar()) {}
  Analyzer analyzer;
  MatchKeyer keyer;
  EntityExtractor entities;
  DateExtractor dates;
  NumberExtractor numbers;
  // Name term ids memoised per surface (the keyer's transliteration, phonetic key and the
  // hash): capitalised words repeat a lot across a corpus.
  BoundedMemo<TermId> name_ids{1 << 18};
  std::unique_ptr<BridgeTranslator> bridge;            // when there is a dictionary
  std::vector<BridgeTranslator::Term> bridge_terms;  // reused buffer

  TermId name_id(const std::string& surface) {
    return name_ids.get(surface, [&] { return term_id("k:", keyer.word_key(surface)); });
  }
};

Profiler::Profiler(const Gazetteer& gazetteer, const TermDictionary* dictionary,
                   bool keep_display, ProfilerSignals signals)
    : parts_(std::make_unique<Parts>(gazetteer)),
      dictionary_(dictionary),
      keep_display_(keep_display),
      signals_(signals) {
  if (dictionary_ != nullptr)
    parts_->bridge = std::make_unique<BridgeTranslator>(*dictionary_, parts_->analyzer, signals_.bridge_fallbacks);
}

Profiler::~Profiler() = default;

Analyzer& Profiler::analyzer() { return parts_->analyzer; }

Profile Profiler::profile(Article article) { return profile(parts_->analyzer.analyze(std::move(article))); }

Profile Profiler::profile(const Document& doc) {
  const Article& article = doc.article;
  Profile p;
  p.id = article.id;
  p.lang = doc.lang;
  p.title = article.title;
  p.lede = first_paragraph(article.text);
  p.source = article.source;
  p.url = article.url;
  p.published = publication_time(article);
  p.token_count = static_cast<std::uint32_t>(doc.title_tokens.size() + doc.body_tokens.size());

  TermCounter title_counts, body_counts, bridge, lede_bridge, names, prefixes, title_prefixes, lede, phrases;
  if (signals_.phrases) {
    count_phrases(doc.title_tokens, ~0u, phrases);
    count_phrases(doc.body_tokens, 3, phrases);
  }
  if (signals_.prefixes)
    for (const Token& token : doc.title_tokens)
      if (is_content(token)) title_prefixes.add(term_id("p:", utf8_prefix(token.norm, 5)));
  for (const Token& token : doc.body_tokens)
    if (token.sentence < 2 && is_content(token)) lede.add(term_id("s:", token.stem));
  // Every (id, word) in the order met; the first word of each id is the one shown. Views into
  // the tokens and the dictionary, copied once per id at the end (a map from id to string
  // cost a node per word).
  std::vector<std::pair<TermId, std::string_view>> display;
  auto remember = [&](TermId id, std::string_view word) {
    if (keep_display_) display.emplace_back(id, word);
  };
  const bool english = doc.lang == "en";
  count_terms(doc.title_tokens, title_counts);
  count_terms(doc.body_tokens, body_counts);
  for (const auto* tokens : {&doc.title_tokens, &doc.body_tokens}) {
    for (const Token& token : *tokens) {
      if (!is_content(token)) continue;
      const bool in_lede = tokens == &doc.title_tokens || token.sentence < 2;
      remember(term_id("s:", token.stem), token.norm);
      if (signals_.prefixes) prefixes.add(term_id("p:", utf8_prefix(token.norm, 5)));
      if (token.capitalized && signals_.entities) {
        // Inflected languages decline names ("Путина", "Putins"): key the stem there, so the
        // key matches the nominative and the English spelling.
        TermId id = parts_->name_id(english ? token.surface : token.stem);
        names.add(id);
        remember(id, token.surface);
      }
      if (english) {
        TermId id = term_id("b:", token.stem);
        bridge.add(id);
        if (in_lede) lede_bridge.add(id);
        remember(id, token.norm);
      } else if (dictionary_ != nullptr) {
        auto& terms = parts_->bridge_terms;
        parts_->bridge->translate(doc.lang, token, terms);
        for (const auto& t : terms) {
          TermId id = term_id("b:", t.english_stem);
          bridge.add(id, t.weight);
          if (in_lede) lede_bridge.add(id, t.weight);
          remember(id, t.display);
        }
      }
    }
  }
  p.title_terms = title_counts.vector();
  p.body_terms = body_counts.vector();
  p.bridge_terms = bridge.vector();
  p.lede_bridge_terms = lede_bridge.vector();
  p.name_keys = names.vector();
  p.prefixes = prefixes.vector();
  p.title_prefixes = title_prefixes.vector();
  p.lede_terms = lede.vector();
  p.lede_phrases = phrases.vector();
  p.display = first_word_of_each(display);

  // Entities of the title and body, merged by key; surfaces kept for the variant ledger.
  std::map<std::string, ProfileEntity> by_key;
  // Body first: its mentions are the context that resolves a Title Case headline.
  std::vector<EntityMention> body_mentions, title_mentions;
  if (signals_.entities) {
    body_mentions = parts_->entities.extract(doc.body_tokens, doc.lang);
    title_mentions = parts_->entities.extract(doc.title_tokens, doc.lang, body_mentions);
  }
  auto add_entities = [&](std::vector<EntityMention>& mentions, bool in_title) {
    for (EntityMention& m : mentions) {
      if (m.key.empty()) continue;
      ProfileEntity& e = by_key[m.key];
      e.key = m.key;
      if (e.count == 0 || e.kind == EntityKind::Other) e.kind = m.kind;
      if (e.role.empty()) e.role = m.role;
      e.count += 1;
      e.in_title = e.in_title || in_title;
      if (std::find(e.surfaces.begin(), e.surfaces.end(), m.surface) == e.surfaces.end())
        e.surfaces.push_back(m.surface);
    }
  };
  add_entities(title_mentions, true);
  add_entities(body_mentions, false);
  // Reserved exactly: the profile lives as long as its article, and growing by doubling left
  // up to half of the entities' array unused.
  p.entities.reserve(by_key.size());
  for (auto& [key, entity] : by_key) p.entities.push_back(std::move(entity));

  for (const std::string* text : {&article.title, &article.text}) {
    if (!signals_.dates) break;
    for (const DateMention& d : parts_->dates.extract(*text, doc.lang, p.published)) {
      if (d.precision == DatePrecision::Day) {
        p.mentioned_days.push_back(d.day);
      } else if (d.precision == DatePrecision::Month) {
        auto ymd = date::year_month_day{date::sys_days{date::days{d.day}}};
        p.mentioned_months.push_back(int(ymd.year()) * 12 + int(unsigned(ymd.month())) - 1);
      }
    }
  }
  std::sort(p.mentioned_days.begin(), p.mentioned_days.end());
  p.mentioned_days.erase(std::unique(p.mentioned_days.begin(), p.mentioned_days.end()),
                         p.mentioned_days.end());
  std::sort(p.mentioned_months.begin(), p.mentioned_months.end());
  p.mentioned_months.erase(std::unique(p.mentioned_months.begin(), p.mentioned_months.end()),
                           p.mentioned_months.end());

  std::vector<NumberMention> numbers;
  if (signals_.numbers) numbers = parts_->numbers.extract(doc.body_tokens, article.text, doc.lang);
  for (const NumberMention& n : numbers) {
    if (n.is_year_like) {
      p.years.push_back(static_cast<std::int32_t>(n.value));
      continue;
    }
    if (n.month) {
      p.numbers.push_back({n.value, day_of_month_key(n.month)});
      continue;
    }
    p.numbers.push_back({n.value, n.counted.empty() ? std::string() : parts_->analyzer.stem(n.counted, doc.lang)});
  }
  std::sort(p.years.begin(), p.years.end());
  p.years.erase(std::unique(p.years.begin(), p.years.end()), p.years.end());
  return p;
}

std::string_view Profile::display_word(TermId id) const { return display.find(id); }

std::optional<std::int64_t> publication_time(const Article& article) {
  return article.published ? article.published : date_from_url(article.url);
}

std::optional<std::int64_t> date_from_url(std::string_view url) {
  static const std::regex kPattern(
      R"((?:^|[/_-])((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$))");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_search(url.begin(), url.end(), match, kPattern)) return std::nullopt;
  date::year_month_day ymd{date::year{std::stoi(match[1].str())},
                           date::month{unsigned(std::stoi(match[2].str()))},
                           date::day{unsigned(std::stoi(match[3].str()))}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_seconds{date::sys_days{ymd}}.time_since_epoch().count();
}

}  // namespace storyline
