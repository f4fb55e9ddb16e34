#include <gtest/gtest.h>

#include <cmath>
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
