// Comparer: two profiles -> a judgement (SemEval-scale overall, per-dimension scores,
// P(same story)) and its explanation: shared entities with each side's spellings, the strongest
// shared terms, the time gap, and the features that pulled the score down.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "compare/pair_features.h"
#include "compare/story_model.h"

namespace storyline {

struct Comparison {
  PairFeatures features;
  float overall = 4;      // 1 = same story ... 4 = unrelated
  float similarity = 0;   // 0..1, (4 - overall) / 3
  float probability = 0;  // P(same story)
  bool same_story = false;
  std::map<std::string, float> dimensions;  // SemEval scale, like overall
};

Comparison compare_profiles(const StoryModel& model, const WeightedProfile& a,
                            const WeightedProfile& b, const TermStats& stats);

// Entities of both articles (by match key), most mentioned first; pointers into a and b.
struct SharedEntity {
  const ProfileEntity* a;
  const ProfileEntity* b;
  std::uint32_t mentions;  // in both together
};
std::vector<SharedEntity> shared_entity_list(const Profile& a, const Profile& b);
// The same as JSON, with each side's spellings: [{key, kind, a: [surfaces], b: [surfaces], mentions}].
nlohmann::json shared_entities(const Profile& a, const Profile& b);

// The terms that carry most of the pair's cosine (the bridge vector across languages), as
// (weight, word), at most `limit`.
std::vector<std::pair<float, std::string>> shared_term_list(const WeightedProfile& a, const WeightedProfile& b,
                                                            std::size_t limit);
// The same as JSON: [{term, weight}].
nlohmann::json shared_terms(const WeightedProfile& a, const WeightedProfile& b, std::size_t limit);

// The `why` object of `storyline compare`.
nlohmann::json explain(const StoryModel& model, const Comparison& comparison,
                       const WeightedProfile& a, const WeightedProfile& b);

// The whole JSON of `storyline compare` for one pair.
nlohmann::json comparison_json(const StoryModel& model, const Comparison& comparison,
                               const WeightedProfile& a, const WeightedProfile& b);

}  // namespace storyline
