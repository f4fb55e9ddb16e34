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

nlohmann::json shared_entities(const Profile& a, const Profile& b) {
  nlohmann::json out = nlohmann::json::array();
  for (const ProfileEntity& ea : a.entities)
    for (const ProfileEntity& eb : b.entities)
      if (ea.key == eb.key)
        out.push_back({{"key", ea.key},
                       {"kind", to_string(ea.kind != EntityKind::Other ? ea.kind : eb.kind)},
                       {"a", ea.surfaces},
                       {"b", eb.surfaces},
                       {"mentions", ea.count + eb.count}});
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return x["mentions"].template get<int>() > y["mentions"].template get<int>();
  });
  return out;
}

// Shared terms ranked by their share of the cosine; the bridge vector covers other languages.
nlohmann::json shared_terms(const WeightedProfile& a, const WeightedProfile& b, std::size_t limit) {
  std::vector<std::pair<float, std::string>> ranked;
  const bool same_language = a.profile->lang == b.profile->lang;
  const SparseVector& va = same_language ? a.all : a.bridge;
  const SparseVector& vb = same_language ? b.all : b.bridge;
  for (auto [id, wa] : va.entries) {
    float wb = vb.weight_of(id);
    if (wb <= 0) continue;
    std::string_view word = a.profile->display_word(id);
    if (word.empty()) word = b.profile->display_word(id);
    if (!word.empty()) ranked.emplace_back(wa * wb, std::string(word));
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < ranked.size() && i < limit; ++i)
    out.push_back({{"term", ranked[i].second}, {"weight", round3(ranked[i].first)}});
  return out;
}

Comparison compare_profiles(const StoryModel& model, const WeightedProfile& a,
                            const WeightedProfile& b, const TermStats& stats) {
  Comparison c;
  c.features = pair_features(a, b, stats);
  c.overall = model.overall_score(c.features);
  c.similarity = (4.0f - c.overall) / 3.0f;
  c.probability = model.same_story_probability(c.features, a.profile->lang, b.profile->lang);
  c.same_story = c.probability >= 0.5f;
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
