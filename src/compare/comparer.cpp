#include "compare/comparer.h"

#include <algorithm>
#include <cmath>

namespace storyline {
namespace {

float clamp_scale(float score) { return std::clamp(score, 1.0f, 4.0f); }
double round3(double v) { return std::round(v * 1000) / 1000; }


// Counterfactual: how much better would the score be if this feature looked like a typical
// same-story pair? Features whose fix gains most are what pulled the score down.
nlohmann::json pulled_down(const StoryModel& model, const Comparison& c) {
  std::vector<std::pair<float, int>> gains;
  for (int f = 0; f < kPairFeatureCount; ++f) {
    if (f == kSameLanguage || f == kShorterLength || f == kLongerLength) continue;  // not faults
    PairFeatures fixed = c.features;
    fixed.values[f] = model.same_story_reference[f];
    float gain = c.overall - model.overall_score(fixed);
    if (gain > 0.1f) gains.emplace_back(gain, f);
  }
  std::sort(gains.rbegin(), gains.rend());
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < gains.size() && i < 5; ++i)
    out.push_back({{"feature", pair_feature_name(gains[i].second)},
                   {"value", round3(c.features[gains[i].second])},
                   {"typical_same_story", round3(model.same_story_reference[gains[i].second])},
                   {"costs", round3(gains[i].first)}});
  return out;
}

}  // namespace

std::vector<SharedEntity> shared_entity_list(const Profile& a, const Profile& b) {
  // b's keys sorted (then by position), so each of a's entities finds its fellows by search:
  // a story page asks this for every member.
  std::vector<std::pair<std::string_view, std::size_t>> keys_b;
  keys_b.reserve(b.entities.size());
  for (std::size_t j = 0; j < b.entities.size(); ++j) keys_b.emplace_back(b.entities[j].key, j);
  std::sort(keys_b.begin(), keys_b.end());
  std::vector<SharedEntity> shared;
  for (const ProfileEntity& ea : a.entities) {
    auto it = std::lower_bound(keys_b.begin(), keys_b.end(), std::pair<std::string_view, std::size_t>(ea.key, 0));
    for (; it != keys_b.end() && it->first == ea.key; ++it) {
      const ProfileEntity& eb = b.entities[it->second];
      shared.push_back({&ea, &eb, ea.count + eb.count});
    }
  }
  std::stable_sort(shared.begin(), shared.end(),
                   [](const SharedEntity& x, const SharedEntity& y) { return x.mentions > y.mentions; });
  return shared;
}

nlohmann::json shared_entities(const Profile& a, const Profile& b) {
  nlohmann::json out = nlohmann::json::array();
  for (const SharedEntity& e : shared_entity_list(a, b))
    out.push_back({{"key", e.a->key},
                   {"kind", to_string(e.a->kind != EntityKind::Other ? e.a->kind : e.b->kind)},
                   {"a", e.a->surfaces},
                   {"b", e.b->surfaces},
                   {"mentions", e.mentions}});
  return out;
}

// Shared terms ranked by their share of the cosine; the bridge vector covers other languages.
// Ranked by weight first and given words only as far as the limit reaches (words break ties):
// a story page asks this for every member.
std::vector<std::pair<float, std::string>> shared_term_list(const WeightedProfile& a, const WeightedProfile& b,
                                                            std::size_t limit) {
  const bool same_language = a.profile->lang == b.profile->lang;
  const SparseVector& va = same_language ? a.all : a.bridge;
  const SparseVector& vb = same_language ? b.all : b.bridge;
  std::vector<std::pair<float, TermId>> by_weight;
  auto j = vb.entries.begin();
  for (auto [id, wa] : va.entries) {
    while (j != vb.entries.end() && j->first < id) ++j;
    if (j != vb.entries.end() && j->first == id && j->second > 0) by_weight.emplace_back(wa * j->second, id);
  }
  std::sort(by_weight.begin(), by_weight.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<std::pair<float, std::string>> ranked;
  for (std::size_t k = 0; k < by_weight.size() && ranked.size() < limit;) {
    const std::size_t tied = ranked.size();  // one weight at a time, its words in order
    const float weight = by_weight[k].first;
    for (; k < by_weight.size() && by_weight[k].first == weight; ++k) {
      std::string_view word = a.profile->display_word(by_weight[k].second);
      if (word.empty()) word = b.profile->display_word(by_weight[k].second);
      if (!word.empty()) ranked.emplace_back(weight, std::string(word));
    }
    std::sort(ranked.begin() + std::ptrdiff_t(tied), ranked.end());
  }
  if (ranked.size() > limit) ranked.resize(limit);
  return ranked;
}

nlohmann::json shared_terms(const WeightedProfile& a, const WeightedProfile& b, std::size_t limit) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [weight, word] : shared_term_list(a, b, limit))
    out.push_back({{"term", word}, {"weight", round3(weight)}});
  return out;
}

Comparison compare_profiles(const StoryModel& model, const WeightedProfile& a,
                            const WeightedProfile& b, const TermStats& stats) {
  Comparison c;
  c.features = pair_features(a, b, stats);
  c.overall = model.overall_score(c.features);
  c.similarity = (4.0f - c.overall) / 3.0f;
  c.probability = model.same_story_probability(c.features, a.profile->lang, b.profile->lang);
  c.same_story = c.probability >= kSameStoryThreshold;
  for (const auto& [name, trees] : model.dimensions)
    c.dimensions[name] = clamp_scale(trees.predict(c.features.values));
  return c;
}

nlohmann::json explain(const StoryModel& model, const Comparison& c, const WeightedProfile& a,
                       const WeightedProfile& b) {
  nlohmann::json why;
  why["shared_entities"] = shared_entities(*a.profile, *b.profile);
  why["shared_terms"] = shared_terms(a, b, 12);
  if (a.profile->published && b.profile->published) {
    double hours = std::abs(double(*a.profile->published - *b.profile->published)) / 3600.0;
    why["time_gap_hours"] = std::round(hours * 10) / 10;
  } else {
    why["time_gap_hours"] = nullptr;
  }
  nlohmann::json features = nlohmann::json::object();
  for (int f = 0; f < kPairFeatureCount; ++f)
    features[std::string(pair_feature_name(f))] = round3(c.features[f]);
  why["features"] = features;
  why["pulled_down_by"] = pulled_down(model, c);
  return why;
}

nlohmann::json comparison_json(const StoryModel& model, const Comparison& c,
                               const WeightedProfile& a, const WeightedProfile& b) {
  nlohmann::json out;
  out["a"] = {{"id", a.profile->id}, {"lang", a.profile->lang}, {"title", a.profile->title}};
  out["b"] = {{"id", b.profile->id}, {"lang", b.profile->lang}, {"title", b.profile->title}};
  out["similarity"] = round3(c.similarity);
  out["overall"] = round3(c.overall);
  out["same_story"] = c.same_story;
  out["probability_same_story"] = round3(c.probability);
  for (const auto& [name, score] : c.dimensions) out[name] = round3(score);
  out["why"] = explain(model, c, a, b);
  return out;
}

}  // namespace storyline
