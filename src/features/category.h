// CategoryClassifier: labels an article (a Profile) with one of the seven categories of the
// Telegram Data Clustering Contest: society, economy, technology, sports, entertainment,
// science, other. There is no labelled category data, so this is a transparent lexicon
// classifier rather than a learned one: every score is a sum of listed words, and
// `explain` shows which words decided.
//
// Evidence comes from three term bags of the Profile:
//  * bridge_terms ("b:" English stems): English articles' own stems, and the FreeDict
//    translations of de/ar/fr/es/pl/tr/it/ru articles. One English lexicon per category
//    therefore covers every bridged language.
//  * title_terms ("s:" own-language stems), English and Russian only: the headline says what
//    the article is about, so its words count again (title_weight).
//  * body_terms ("s:"), Russian only: a native Russian lexicon, so Russian works without the
//    dictionaries (the eng-rus bridge is an inverted dictionary, thinner than the others).
//
// The word lists (category_lexicon.cpp) are plain words; they are stemmed at construction by
// the same Analyzer::stem(fold(word), lang) that makes Profile stems, so both sides agree.
// Construction needs an Analyzer (not thread-safe); classify() only reads immutable tables and
// is safe to call from many threads at once.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "features/profile.h"
#include "features/sparse_vector.h"

namespace storyline {

class Analyzer;

enum class Category : std::uint8_t { Society, Economy, Technology, Sports, Entertainment, Science, Other };
inline constexpr std::size_t kCategoryCount = 7;

// "society", "economy", ... "other": the contest's names (also the API's).
std::string_view category_name(Category category);
// The inverse; false for an unknown name ("any" included).
bool parse_category(std::string_view name, Category& out);

using CategoryScores = std::array<float, kCategoryCount>;  // indexed by Category

struct CategoryOptions {
  float title_weight = 1.5f;  // extra weight of a headline word (on top of its bridge count)
  // An article needs this much evidence (about two distinctive body words, or one in the
  // headline) before it gets a news category; below it is "other".
  float min_evidence = 2.0f;
  // ... and the best category must hold this share of all evidence: an article split between
  // several domains with no clear leader is "other" rather than a coin toss.
  float min_share = 0.34f;
  // A thread needs this many "member votes" of evidence (each member contributes at most 1).
  float thread_min_mass = 0.5f;
};

class CategoryClassifier {
 public:
  // Stems the built-in word lists with `analyzer` (used only during construction).
  explicit CategoryClassifier(Analyzer& analyzer, CategoryOptions options = {});

  // Raw evidence per category (the "other" slot holds not-news evidence: horoscopes, recipes).
  CategoryScores scores(const Profile& profile) const;
  Category classify(const Profile& profile) const;
  // The decision rule on a score vector (any scale): "other" below min_evidence or min_share.
  Category decide(const CategoryScores& scores) const;

  // One thread from its members: each member's scores are scaled to at most one vote
  // (scores / max(total, min_evidence)), summed, and the best category wins when it holds
  // min_share of the mass and the mass reaches thread_min_mass. So a long article cannot
  // outvote several short ones, and weak members count less than confident ones.
  Category classify_thread(std::span<const Profile* const> members) const;
  CategoryScores thread_scores(std::span<const Profile* const> members) const;
  // The same in two steps, for callers that keep each member's vote (a server computes it
  // once per article): an article's vote, and the decision on a sum of votes.
  CategoryScores vote(const CategoryScores& article_scores) const;
  Category decide_thread(const CategoryScores& summed_votes) const;

  // The words that contributed to `category` in this profile, best first, with their share
  // of the score: for debugging and explanations (needs Profile::display for readable words).
  std::vector<std::pair<std::string, float>> explain(const Profile& profile, Category category,
                                                     std::size_t limit = 10) const;

  const CategoryOptions& options() const { return options_; }
  // Distinct stems per category in the bridge ("b:") lexicon, for tests and logs.
  std::size_t lexicon_size(Category category) const;

 private:
  struct Entry {
    Category category;
    float weight;
  };
  using Table = std::unordered_map<TermId, std::vector<Entry>>;

  void add_words(Table& table, std::string_view prefix, std::string_view lang, Category category,
                 float weight, std::string_view words, Analyzer& analyzer);
  template <typename Fn>
  void for_each_hit(const Profile& profile, Fn&& fn) const;

  CategoryOptions options_;
  Table bridge_;     // "b:" English stems -> categories
  Table native_en_;  // "s:" English stems (headline boost)
  Table native_ru_;  // "s:" Russian stems (headline boost and body)
};

}  // namespace storyline
