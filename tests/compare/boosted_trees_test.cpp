#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <random>

#include "compare/boosted_trees.h"

namespace storyline {
namespace {

struct Data {
  std::vector<std::vector<float>> rows;
  std::vector<float> targets, weights;
};

// Two features: x in [0, 1] carries the signal, z is noise the model must ignore.
template <typename F>
Data synthetic(F target, std::size_t n = 400, std::uint64_t seed = 1) {
  Data d;
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  for (std::size_t i = 0; i < n; ++i) {
    float x = unit(random), z = unit(random);
    d.rows.push_back({x, z});
    d.targets.push_back(target(x));
    d.weights.push_back(1.0f);
  }
  return d;
}

TrainingOptions small_options() {
  TrainingOptions o;
  o.trees = 150;
  o.depth = 3;
  o.learning_rate = 0.1f;
  o.min_leaf_weight = 5;
  o.bins = 32;
  return o;
}

float predict(const BoostedTrees& m, float x, float z = 0.5f) {
  std::vector<float> row = {x, z};
  return m.predict(row);
}

TEST(BoostedTrees, LearnsAStepFunction) {
  auto d = synthetic([](float x) { return x > 0.5f ? 3.0f : 1.0f; });
  auto model = BoostedTrees::train(d.rows, d.targets, d.weights, small_options());
  for (float x : {0.05f, 0.2f, 0.4f}) EXPECT_NEAR(predict(model, x), 1.0f, 0.15f) << x;
  for (float x : {0.6f, 0.8f, 0.95f}) EXPECT_NEAR(predict(model, x), 3.0f, 0.15f) << x;
  // The noise feature does not move the prediction.
  EXPECT_NEAR(predict(model, 0.2f, 0.0f), predict(model, 0.2f, 1.0f), 0.2f);
}

TEST(BoostedTrees, LearnsALinearTrend) {
  auto d = synthetic([](float x) { return 1.0f + 2.0f * x; });
  auto model = BoostedTrees::train(d.rows, d.targets, d.weights, small_options());
  float previous = -1e9f;
  for (float x = 0.1f; x <= 0.91f; x += 0.2f) {
    float p = predict(model, x);
    EXPECT_NEAR(p, 1.0f + 2.0f * x, 0.2f) << x;
    EXPECT_GT(p, previous) << x;
    previous = p;
  }
}

TEST(BoostedTrees, ZeroTreesPredictsTheWeightedMean) {
  Data d;
  d.rows = {{0.0f}, {1.0f}};
  d.targets = {1.0f, 4.0f};
  d.weights = {3.0f, 1.0f};
  TrainingOptions o;
  o.trees = 0;
  auto model = BoostedTrees::train(d.rows, d.targets, d.weights, o);
  std::vector<float> row = {0.5f};
  EXPECT_FLOAT_EQ(model.predict(row), (3.0f * 1.0f + 1.0f * 4.0f) / 4.0f);
}

TEST(BoostedTrees, JsonRoundTripGivesIdenticalPredictions) {
  auto d = synthetic([](float x) { return x > 0.3f ? 2.0f + x : 1.0f; });
  auto model = BoostedTrees::train(d.rows, d.targets, d.weights, small_options());
  auto in_memory = BoostedTrees::from_json(model.to_json());
  auto through_text = BoostedTrees::from_json(nlohmann::json::parse(model.to_json().dump()));
  EXPECT_EQ(through_text.to_json(), model.to_json());
  std::mt19937 random(3);
  std::uniform_real_distribution<float> wide(-0.5f, 1.5f);
  for (int i = 0; i < 200; ++i) {
    float x = wide(random), z = wide(random);
    EXPECT_EQ(predict(in_memory, x, z), predict(model, x, z));
    EXPECT_EQ(predict(through_text, x, z), predict(model, x, z));
  }
}

// Predictions walk a compacted copy of the trees; they must equal, bit for bit, the sum of
// the serialised trees walked node by node (go left when value <= threshold, NaN goes right).
TEST(BoostedTrees, PredictionsEqualWalkingTheSerialisedTrees) {
  Data d = synthetic([](float x) { return x < 0.3f ? 1.0f : (x < 0.7f ? 2.0f : 4.0f); });
  TrainingOptions o = small_options();
  o.depth = 4;
  BoostedTrees model = BoostedTrees::train(d.rows, d.targets, d.weights, o);
  const nlohmann::json json = model.to_json();
  auto walk = [&](const std::vector<float>& x) {
    float sum = json["base"].get<float>();
    for (const auto& tree : json["trees"]) {
      int node = 0;
      while (tree[node][0].get<int>() >= 0) {
        const auto& n = tree[node];
        node = x[n[0].get<int>()] <= n[1].get<float>() ? n[2].get<int>() : n[3].get<int>();
      }
      sum += tree[node][4].get<float>();
    }
    return sum;
  };
  std::vector<std::vector<float>> probes = d.rows;
  probes.push_back({std::nanf(""), 0.5f});
  probes.push_back({0.3f, std::nanf("")});
  for (const auto& x : probes) EXPECT_EQ(model.predict(x), walk(x));
  BoostedTrees restored = BoostedTrees::from_json(json);
  for (const auto& x : probes) EXPECT_EQ(restored.predict(x), walk(x));
}

// A corrupt params/story_model.json (a child index of 1000000) made `storyline compare` hang;
// from_json now checks every node and names it. Tree 0 is a valid stump, tree 1 the broken one.
nlohmann::json stump() {
  return nlohmann::json::array({{0, 0.5, 1, 2, 0.0}, {-1, 0.0, -1, -1, 1.0}, {-1, 0.0, -1, -1, 2.0}});
}

std::string load_error(const nlohmann::json& tree) {
  try {
    BoostedTrees::from_json({{"base", 0.0}, {"trees", nlohmann::json::array({stump(), tree})}});
  } catch (const std::exception& e) {
    return e.what();
  }
  return "<loaded>";
}

TEST(BoostedTreesFromJson, ValidTreesLoad) { EXPECT_EQ(load_error(stump()), "<loaded>"); }

TEST(BoostedTreesFromJson, ChildOutOfRange) {
  nlohmann::json tree = stump();
  tree[0][2] = 1000000;
  EXPECT_THAT(load_error(tree), ::testing::HasSubstr("tree 1 node 0: child 1000000 is not a later node"));
  tree = stump();
  tree[0][3] = -1;
  EXPECT_THAT(load_error(tree), ::testing::HasSubstr("tree 1 node 0: child -1"));
}

// A child that is the node itself or an earlier one is a loop: flatten() queued nodes until
// memory ran out. Loaded in a child process with 1 GiB of address space, so that without the
// check the test fails in seconds instead of taking the machine's memory.
void load_with_little_memory(const nlohmann::json& tree) {
  const rlimit limit{rlim_t(1) << 30, rlim_t(1) << 30};
  setrlimit(RLIMIT_AS, &limit);
  std::cerr << load_error(tree);
  std::exit(0);
}

TEST(BoostedTreesFromJson, ChildLoop) {
  nlohmann::json tree = stump();
  tree[0][2] = 0;
  EXPECT_EXIT(load_with_little_memory(tree), ::testing::ExitedWithCode(0),
              "tree 1 node 0: child 0 is not a later node");
}

// Two splits sharing a child double the walk per level: a few dozen nodes would never flatten.
TEST(BoostedTreesFromJson, ChildOfTwoSplits) {
  nlohmann::json tree = stump();
  tree[0][3] = 1;
  EXPECT_THAT(load_error(tree), ::testing::HasSubstr("tree 1 node 0: node 1 is a child twice"));
}

TEST(BoostedTreesFromJson, NodeOfTheWrongShape) {
  nlohmann::json tree = stump();
  tree[2] = {-1, 0.0, -1, -1};  // n[4] on a const json array of four was read out of bounds
  EXPECT_THAT(load_error(tree), ::testing::HasSubstr("tree 1 node 2: expected [feature, threshold, left, right, value]"));
  tree = stump();
  tree[1][4] = "one";
  EXPECT_THAT(load_error(tree), ::testing::HasSubstr("tree 1 node 1: value is \"one\", expected a finite number"));
  EXPECT_THAT(load_error(nlohmann::json::object()), ::testing::HasSubstr("tree 1: expected an array of nodes"));
}

TEST(BoostedTreesFromJson, FeatureOutOfRange) {
  nlohmann::json tree = stump();
  tree[0][0] = 300;  // past the 255 features predict() has room for
  EXPECT_THAT(load_error(tree), ::testing::HasSubstr("tree 1 node 0: feature 300 is not one of"));
  tree[0][0] = -2;
  EXPECT_THAT(load_error(tree), ::testing::HasSubstr("tree 1 node 0: feature -2 is not one of"));
  tree[0][0] = 0.5;
  EXPECT_THAT(load_error(tree), ::testing::HasSubstr("tree 1 node 0: feature is 0.5, expected an integer"));
}

TEST(BoostedTrees, TrainingIsDeterministicForASeed) {
  auto d = synthetic([](float x) { return std::sin(6.0f * x); });
  TrainingOptions o = small_options();
  o.subsample = 0.7f;
  o.seed = 42;
  auto first = BoostedTrees::train(d.rows, d.targets, d.weights, o);
  auto second = BoostedTrees::train(d.rows, d.targets, d.weights, o);
  EXPECT_EQ(first.to_json(), second.to_json());
  for (float x : {0.1f, 0.33f, 0.7f}) EXPECT_EQ(predict(first, x), predict(second, x));
}

TEST(BoostedTrees, WeightsPullTowardsHeavierRows) {
  // Same x, conflicting targets: the prediction follows the heavier rows.
  Data d;
  for (int i = 0; i < 100; ++i) {
    d.rows.push_back({0.5f});
    d.targets.push_back(i % 2 ? 4.0f : 1.0f);
    d.weights.push_back(i % 2 ? 9.0f : 1.0f);
  }
  auto model = BoostedTrees::train(d.rows, d.targets, d.weights, small_options());
  std::vector<float> row = {0.5f};
  EXPECT_NEAR(model.predict(row), 0.9f * 4.0f + 0.1f * 1.0f, 0.05f);
}

}  // namespace
}  // namespace storyline
