// StoryModel: the learned judgement. Boosted trees map pair features to the SemEval-2022
// scale (1 = same story ... 4 = unrelated) for the overall score and each dimension. A
// separate boosted-tree classifier scores "same story" (trained on 0/1 labels), and a logistic
// calibration of its output per language pair gives P(same story), whose 0.5 point is the
// threading threshold.
// Parameters live in params/story_model.json, written by `storyline train`.
#pragma once

#include <map>
#include <string>

#include "compare/boosted_trees.h"
#include "compare/calibration.h"
#include "compare/pair_features.h"

namespace storyline {

// P(same story) at which two articles are judged one story: the comparer's verdict, and the
// threshold of online threading and of average linkage.
inline constexpr float kSameStoryThreshold = 0.5f;

inline constexpr const char* kDimensions[] = {"entities", "geography", "time", "narrative", "style"};

struct StoryModel {
  BoostedTrees overall;
  BoostedTrees same_story;  // raw score, calibrated below
  std::map<std::string, BoostedTrees> dimensions;
  Calibration calibration;  // P(same) = sigmoid(bias + slope * same_story score), per language pair
  // Feature values typical of same-story pairs (medians), used to explain a low score.
  std::array<float, kPairFeatureCount> same_story_reference{};

  float same_story_probability(const PairFeatures& features, std::string_view lang_a, std::string_view lang_b) const;
  // The overall score reads the pair features plus the classifier's raw same-story score
  // (stacking: the classifier learned from far more pairs where one event ends).
  float overall_score(const PairFeatures& features) const;

  nlohmann::json to_json() const;
  static StoryModel from_json(const nlohmann::json& json);
  static StoryModel load(const std::string& path);  // throws std::runtime_error naming the file
  void save(const std::string& path) const;
};

}  // namespace storyline
