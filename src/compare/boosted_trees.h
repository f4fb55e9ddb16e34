// BoostedTrees: gradient-boosted regression trees (squared loss) over a small dense feature
// vector. Small enough to read: quantile-binned split search, depth-limited trees, shrinkage.
// Used for the story model (overall score and each SemEval dimension).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace storyline {

struct TrainingOptions {
  int trees = 300;
  int depth = 3;
  float learning_rate = 0.05f;
  float min_leaf_weight = 10.0f;
  int bins = 32;
  float subsample = 0.8f;       // rows per tree, for variance reduction
  std::uint64_t seed = 7;       // training is deterministic for a given seed
};

class BoostedTrees {
 public:
  struct Node {
    std::int32_t feature = -1;  // -1 = leaf
    float threshold = 0;        // go left when value <= threshold
    std::int32_t left = -1, right = -1;
    float value = 0;            // leaf output
  };

  // rows: n x width features; targets and weights: n.
  static BoostedTrees train(const std::vector<std::vector<float>>& rows,
                            const std::vector<float>& targets, const std::vector<float>& weights,
                            const TrainingOptions& options);

  float predict(std::span<const float> features) const;

  nlohmann::json to_json() const;
  // Checks every node (throwing std::runtime_error "tree T node N: ..."): children are later
  // nodes of the tree, each reached once, and splits use features below `input_width`, the
  // length of the vectors predict() will be given.
  static BoostedTrees from_json(const nlohmann::json& json, int input_width = kMaxFeatures);

 private:
  // All trees in one array for prediction, each node's children side by side (right = left + 1).
  // A leaf points to itself and compares a padding feature that is always -inf with its own
  // value, so every tree takes exactly `depth_` steps with no branch on the data: several
  // trees are walked in lockstep and the processor overlaps them, where the branchy walk of
  // 300 depth-6 trees mispredicted most of its ~1,500 branches for every candidate pair.
  // Same sums in the same order: predictions are bit-identical to walking `trees_`.
  struct FlatNode {
    std::int32_t feature = 0;  // the padding feature for a leaf
    float split = 0;           // the threshold, or a leaf's value
    std::uint32_t left = 0;    // a leaf's own index
  };
  void flatten();
  static constexpr int kMaxFeatures = 255;

  float base_ = 0;
  std::vector<std::vector<Node>> trees_;
  std::vector<FlatNode> flat_;
  std::vector<std::uint32_t> roots_;
  int depth_ = 0;      // of the deepest tree
  int padding_ = 0;    // index of the padding feature: one past the highest feature used
};

}  // namespace storyline
