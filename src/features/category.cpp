#include "features/category.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "document/analyzer.h"
#include "features/category_lexicon.h"

namespace storyline {
namespace {

constexpr std::array<std::string_view, kCategoryCount> kNames = {
    "society", "economy", "technology", "sports", "entertainment", "science", "other"};

// A word repeated in a long article is more evidence than one mention, but not ten times more:
// 1 + ln(count). Fractional counts (dictionary translations, weight <= 1) count as they are.
float damp(float count) { return count <= 1.0f ? count : 1.0f + std::log(count); }

std::size_t index_of(Category c) { return static_cast<std::size_t>(c); }

float total_of(const CategoryScores& s) {
  float total = 0;
  for (float v : s) total += v;
  return total;
}

// The leading category when the scores add up to `min_total` and it holds `min_share` of them.
Category leader(const CategoryScores& s, float min_total, float min_share) {
  const float total = total_of(s);
  if (total < min_total) return Category::Other;
  std::size_t best = 0;
  for (std::size_t i = 1; i < s.size(); ++i)
    if (s[i] > s[best]) best = i;  // ties go to the earlier (more general) category
  if (s[best] < min_share * total) return Category::Other;
  return static_cast<Category>(best);
}

}  // namespace

std::string_view category_name(Category category) { return kNames[index_of(category)]; }

bool parse_category(std::string_view name, Category& out) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) {
      out = static_cast<Category>(i);
      return true;
    }
  return false;
}

CategoryClassifier::CategoryClassifier(Analyzer& analyzer, CategoryOptions options) : options_(options) {
  for (const CategoryWordList& list : category_word_lists()) {
    if (list.lang == "en") {
      add_words(bridge_, "b:", "en", list.category, list.weight, list.words, analyzer);
      add_words(native_en_, "s:", "en", list.category, list.weight, list.words, analyzer);
    } else if (list.lang == "ru") {
      add_words(native_ru_, "s:", "ru", list.category, list.weight, list.words, analyzer);
    }
  }
}

void CategoryClassifier::add_words(Table& table, std::string_view prefix, std::string_view lang,
                                   Category category, float weight, std::string_view words,
                                   Analyzer& analyzer) {
  std::size_t pos = 0;
  while (pos < words.size()) {
    std::size_t begin = words.find_first_not_of(" \t\n", pos);
    if (begin == std::string_view::npos) break;
    std::size_t end = words.find_first_of(" \t\n", begin);
    if (end == std::string_view::npos) end = words.size();
    pos = end;
    const std::string stem = analyzer.stem(analyzer.fold(words.substr(begin, end - begin)), lang);
    if (stem.empty()) continue;
    std::vector<Entry>& entries = table[term_id(prefix, stem)];
    // Two list words with one stem ("economy", "economies") are one piece of evidence: keep the
    // larger weight per category instead of adding them up.
    auto same = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.category == category; });
    if (same == entries.end())
      entries.push_back({category, weight});
    else
      same->weight = std::max(same->weight, weight);
  }
}

// Calls fn(term id, evidence multiplier, entry) for every lexicon hit of the profile.
template <typename Fn>
void CategoryClassifier::for_each_hit(const Profile& profile, Fn&& fn) const {
  const bool english = profile.lang == "en";
  const bool russian = profile.lang == "ru";
  auto scan = [&](const SparseVector& terms, const Table& table, float multiplier) {
    if (table.empty() || multiplier <= 0) return;
    for (const auto& [id, count] : terms.entries) {
      auto it = table.find(id);
      if (it == table.end()) continue;
      const float evidence = damp(count) * multiplier;
      for (const Entry& e : it->second) fn(id, evidence, e);
    }
  };
  // Russian has its own lexicon for the same words: the dictionary bridge then only tops it
  // up (half weight), or Russian articles would count every word twice.
  scan(profile.bridge_terms, bridge_, russian ? 0.5f : 1.0f);
  if (english) scan(profile.title_terms, native_en_, options_.title_weight);
  if (russian) {
    scan(profile.title_terms, native_ru_, 1.0f + options_.title_weight);
    scan(profile.body_terms, native_ru_, 1.0f);
  }
}

CategoryScores CategoryClassifier::scores(const Profile& profile) const {
  CategoryScores s{};
  for_each_hit(profile, [&](TermId, float evidence, const Entry& e) { s[index_of(e.category)] += evidence * e.weight; });
  return s;
}

Category CategoryClassifier::decide(const CategoryScores& s) const {
  return leader(s, options_.min_evidence, options_.min_share);
}

Category CategoryClassifier::classify(const Profile& profile) const { return decide(scores(profile)); }

CategoryScores CategoryClassifier::vote(const CategoryScores& s) const {
  const float scale = 1.0f / std::max(total_of(s), options_.min_evidence);
  CategoryScores out;
  for (std::size_t i = 0; i < s.size(); ++i) out[i] = s[i] * scale;
  return out;
}

CategoryScores CategoryClassifier::thread_scores(std::span<const Profile* const> members) const {
  CategoryScores sum{};
  for (const Profile* p : members) {
    if (p == nullptr) continue;
    CategoryScores v = vote(scores(*p));
    for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += v[i];
  }
  return sum;
}

Category CategoryClassifier::decide_thread(const CategoryScores& s) const {
  return leader(s, options_.thread_min_mass, options_.min_share);
}

Category CategoryClassifier::classify_thread(std::span<const Profile* const> members) const {
  return decide_thread(thread_scores(members));
}

std::vector<std::pair<std::string, float>> CategoryClassifier::explain(const Profile& profile, Category category,
                                                                       std::size_t limit) const {
  std::map<std::string, float> by_word;
  float total = 0;
  for_each_hit(profile, [&](TermId id, float evidence, const Entry& e) {
    if (e.category != category) return;
    std::string word(profile.display_word(id));
    if (word.empty()) word = std::to_string(id);
    by_word[word] += evidence * e.weight;
    total += evidence * e.weight;
  });
  std::vector<std::pair<std::string, float>> out(by_word.begin(), by_word.end());
  for (auto& [word, score] : out) score /= total;
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::size_t CategoryClassifier::lexicon_size(Category category) const {
  std::size_t n = 0;
  for (const auto& [id, entries] : bridge_)
    for (const Entry& e : entries) n += e.category == category;
  return n;
}

}  // namespace storyline
