#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <fstream>
#include <random>

#include "../support/scratch_dir.h"
#include "compare/story_model.h"

namespace storyline {
namespace {

BoostedTrees tiny_trees(std::uint64_t seed) {
  std::vector<std::vector<float>> rows;
  std::vector<float> targets, weights;
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  for (int i = 0; i < 200; ++i) {
    std::vector<float> row(kPairFeatureCount);
    for (float& v : row) v = unit(random);
    targets.push_back(1.0f + 3.0f * row[kAllCosine] * row[kEntityOverlap]);
    weights.push_back(1.0f);
    rows.push_back(std::move(row));
  }
  TrainingOptions o;
  o.trees = 20;
  o.min_leaf_weight = 5;
  o.seed = seed;
  return BoostedTrees::train(rows, targets, weights, o);
}

StoryModel tiny_model() {
  StoryModel m;
  m.overall = tiny_trees(1);
  m.same_story = tiny_trees(2);
  m.dimensions["entities"] = tiny_trees(3);
  m.dimensions["time"] = tiny_trees(4);
  m.calibration.global = {-1.25f, 0.75f};
  m.calibration.language_pairs["de-en"] = {-2.0f, 1.5f};
  m.calibration.cross_language = Logistic{-1.75f, 1.25f};
  for (int i = 0; i < kPairFeatureCount; ++i) m.same_story_reference[i] = 0.1f * float(i);
  return m;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "<no exception>";
}

TEST(StoryModel, FeatureNamesAreUniqueAndNonEmpty) {
  std::set<std::string_view> names;
  for (int i = 0; i < kPairFeatureCount; ++i) {
    EXPECT_FALSE(pair_feature_name(i).empty()) << i;
    names.insert(pair_feature_name(i));
  }
  EXPECT_EQ(names.size(), std::size_t(kPairFeatureCount));
}

TEST(StoryModel, FromJsonRejectsARenamedFeature) {
  nlohmann::json json = tiny_model().to_json();
  json["features"][3] = "bogus_feature";
  std::string message = message_of([&] { StoryModel::from_json(json); });
  EXPECT_NE(message.find("bogus_feature"), std::string::npos) << message;
  EXPECT_NE(message.find(std::string(pair_feature_name(3))), std::string::npos) << message;
  EXPECT_NE(message.find("storyline train"), std::string::npos) << message;
}

TEST(StoryModel, FromJsonRejectsAFeatureCountMismatch) {
  nlohmann::json json = tiny_model().to_json();
  json["features"].erase(json["features"].size() - 1);
  std::string message = message_of([&] { StoryModel::from_json(json); });
  EXPECT_NE(message.find(std::to_string(int(kPairFeatureCount) - 1)), std::string::npos) << message;
  EXPECT_NE(message.find(std::to_string(int(kPairFeatureCount))), std::string::npos) << message;
  EXPECT_NE(message.find("storyline train"), std::string::npos) << message;
}

// Each forest may split only on the features it is given: the pair features, and for the
// overall score one more (the classifier's score). predict() read past its input before.
TEST(StoryModel, FromJsonRejectsASplitOnAFeatureTheForestIsNotGiven) {
  nlohmann::json json = tiny_model().to_json();
  json["same_story"]["trees"][0][0][0] = int(kPairFeatureCount);
  std::string message = message_of([&] { StoryModel::from_json(json); });
  EXPECT_NE(message.find("same_story: tree 0 node 0: feature " + std::to_string(int(kPairFeatureCount)) + " is not one of"),
            std::string::npos)
      << message;
  json = tiny_model().to_json();
  json["overall"]["trees"][0][0][0] = int(kPairFeatureCount);  // the stacked classifier score
  EXPECT_EQ(message_of([&] { StoryModel::from_json(json); }), "<no exception>");
  json["overall"]["trees"][0][0][0] = int(kPairFeatureCount) + 1;
  EXPECT_NE(message_of([&] { StoryModel::from_json(json); }).find("overall: tree 0 node 0: feature"), std::string::npos);
}

// The loader's message names the file as well as the forest, tree and node.
TEST(StoryModel, LoadNamesTheFileOfACorruptModel) {
  nlohmann::json json = tiny_model().to_json();
  json["dimensions"]["time"]["trees"][2][0][2] = 1000000;
  const testing::ScratchDir dir("story-model");
  std::string path = dir.path() + "/story_model.json";
  std::ofstream(path) << json.dump();
  std::string message = message_of([&] { StoryModel::load(path); });
  EXPECT_EQ(message.rfind(path + ": dimensions.time: tree 2 node 0: child 1000000", 0), 0u) << message;
}

TEST(StoryModel, SaveLoadRoundTrip) {
  StoryModel original = tiny_model();
  const testing::ScratchDir dir("story-model");
  std::string path = dir.path() + "/model.json";
  original.save(path);
  StoryModel loaded = StoryModel::load(path);
  EXPECT_EQ(loaded.to_json(), original.to_json());
  EXPECT_FLOAT_EQ(loaded.calibration.global.bias, original.calibration.global.bias);
  EXPECT_FLOAT_EQ(loaded.calibration.global.slope, original.calibration.global.slope);
  EXPECT_EQ(loaded.calibration.language_pairs.size(), 1u);
  ASSERT_TRUE(loaded.calibration.cross_language.has_value());
  EXPECT_EQ(loaded.same_story_reference, original.same_story_reference);
  ASSERT_EQ(loaded.dimensions.size(), 2u);
  std::mt19937 random(9);
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  for (int i = 0; i < 50; ++i) {
    PairFeatures f;
    for (float& v : f.values) v = unit(random);
    EXPECT_EQ(loaded.overall.predict(f.values), original.overall.predict(f.values));
    EXPECT_EQ(loaded.same_story_probability(f, "en", "en"), original.same_story_probability(f, "en", "en"));
    EXPECT_EQ(loaded.same_story_probability(f, "en", "de"), original.same_story_probability(f, "en", "de"));
    EXPECT_EQ(loaded.dimensions.at("time").predict(f.values),
              original.dimensions.at("time").predict(f.values));
  }
}

TEST(StoryModel, ProbabilityIsTheCalibratedSigmoid) {
  StoryModel m = tiny_model();
  PairFeatures f;
  f.values.fill(0.5f);
  float score = m.same_story.predict(f.values);
  float expected = 1.0f / (1.0f + std::exp(-(-1.25f + 0.75f * score)));
  EXPECT_FLOAT_EQ(m.same_story_probability(f, "en", "en"), expected);
  EXPECT_GT(m.same_story_probability(f, "en", "en"), 0.0f);
  EXPECT_LT(m.same_story_probability(f, "en", "en"), 1.0f);
  // A language pair with its own curve uses it, in either order.
  float de_en = 1.0f / (1.0f + std::exp(-(-2.0f + 1.5f * score)));
  EXPECT_FLOAT_EQ(m.same_story_probability(f, "de", "en"), de_en);
  EXPECT_FLOAT_EQ(m.same_story_probability(f, "en", "de"), de_en);
  // An unseen pair of two languages takes the cross-language curve; one language, the global.
  float cross = 1.0f / (1.0f + std::exp(-(-1.75f + 1.25f * score)));
  EXPECT_FLOAT_EQ(m.same_story_probability(f, "fr", "ru"), cross);
  EXPECT_FLOAT_EQ(m.same_story_probability(f, "fr", "fr"), expected);
}

TEST(StoryModel, LoadErrorsNameTheFile) {
  std::string missing = "/nonexistent/storyline/story_model.json";
  EXPECT_NE(message_of([&] { StoryModel::load(missing); }).find(missing), std::string::npos);

  const testing::ScratchDir dir("story-model");
  std::string bad = dir.path() + "/bad.json";
  {
    nlohmann::json json = tiny_model().to_json();
    json["features"][0] = "renamed";
    std::ofstream(bad) << json.dump();
  }
  std::string message = message_of([&] { StoryModel::load(bad); });
  EXPECT_NE(message.find(bad), std::string::npos) << message;
  EXPECT_NE(message.find("renamed"), std::string::npos) << message;

  {
    std::ofstream(bad) << "{ not json";
  }
  message = message_of([&] { StoryModel::load(bad); });
  EXPECT_NE(message.find(bad), std::string::npos) << message;
}

TEST(StoryModel, CommittedModelMatchesThisBuild) {
  // Not the learned numbers: only that the committed file loads and fits this build's features.
  StoryModel m = StoryModel::load(std::string(STORYLINE_SOURCE_DIR) + "/params/story_model.json");
  for (const char* dim : kDimensions) EXPECT_TRUE(m.dimensions.count(dim)) << dim;
  PairFeatures f;
  float p = m.same_story_probability(f, "de", "en");
  EXPECT_GE(p, 0.0f);
  EXPECT_LE(p, 1.0f);
}

}  // namespace
}  // namespace storyline
