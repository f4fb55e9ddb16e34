#include "compare/story_model.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>

namespace storyline {

float StoryModel::same_story_probability(const PairFeatures& features, std::string_view lang_a,
                                         std::string_view lang_b) const {
  return calibration.curve(lang_a, lang_b)(same_story.predict(features.values));
}

float StoryModel::overall_score(const PairFeatures& features) const {
  std::array<float, kPairFeatureCount + 1> stacked;
  std::copy(features.values.begin(), features.values.end(), stacked.begin());
  stacked[kPairFeatureCount] = same_story.predict(features.values);
  return std::clamp(overall.predict(stacked), 1.0f, 4.0f);
}

nlohmann::json StoryModel::to_json() const {
  nlohmann::json features = nlohmann::json::array();
  for (int i = 0; i < kPairFeatureCount; ++i) features.push_back(pair_feature_name(i));
  nlohmann::json dims = nlohmann::json::object();
  for (const auto& [name, model] : dimensions) dims[name] = model.to_json();
  return {{"format", "storyline-story-model-1"},
          {"features", features},
          {"calibration", calibration.to_json()},
          {"same_story_reference", same_story_reference},
          {"overall", overall.to_json()},
          {"same_story", same_story.to_json()},
          {"dimensions", dims}};
}

StoryModel StoryModel::from_json(const nlohmann::json& json) {
  StoryModel model;
  const auto& features = json.at("features");
  if (features.size() != kPairFeatureCount)
    throw std::runtime_error("model was trained on " + std::to_string(features.size()) +
                             " features, this build computes " +
                             std::to_string(int(kPairFeatureCount)) + ": run `storyline train`");
  for (int i = 0; i < kPairFeatureCount; ++i)
    if (features[i].get<std::string>() != pair_feature_name(i))
      throw std::runtime_error("model feature " + std::to_string(i) + " is '" +
                               features[i].get<std::string>() + "', expected '" +
                               std::string(pair_feature_name(i)) + "': run `storyline train`");
  model.calibration = Calibration::from_json(json.at("calibration"));
  model.same_story_reference = json.at("same_story_reference").get<std::array<float, kPairFeatureCount>>();
  // Each forest named in its errors; the overall score also reads the classifier's score.
  auto trees = [&](const std::string& name, const nlohmann::json& forest, int width) {
    try {
      return BoostedTrees::from_json(forest, width);
    } catch (const std::exception& e) {
      throw std::runtime_error(name + ": " + e.what());
    }
  };
  model.overall = trees("overall", json.at("overall"), kPairFeatureCount + 1);
  model.same_story = trees("same_story", json.at("same_story"), kPairFeatureCount);
  for (const auto& [name, forest] : json.at("dimensions").items())
    model.dimensions[name] = trees("dimensions." + name, forest, kPairFeatureCount);
  return model;
}

StoryModel StoryModel::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open the story model");
  try {
    return from_json(nlohmann::json::parse(in));
  } catch (const std::exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

void StoryModel::save(const std::string& path) const {
  std::ofstream out(path);
  if (!out) throw std::runtime_error(path + ": cannot write");
  out << to_json().dump() << '\n';
}

}  // namespace storyline
