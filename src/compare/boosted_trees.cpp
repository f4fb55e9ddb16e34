#include "compare/boosted_trees.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <numeric>
#include <random>

#include <fmt/format.h>

namespace storyline {
namespace {

// Values closer than this count as one when choosing thresholds. Without it, a refactor that
// moves a feature by one float ulp (another summation order) turns one distinct value into
// two, shifts every quantile after it and trains a different model; the cross-validated
// figures then moved by up to 0.02 AUC on the Telegram pairs with no change in the signal.
constexpr float kThresholdResolution = 1.0f / 4096;

// Candidate thresholds per feature: midpoints between quantiles of the distinct training
// values, each rounded to kThresholdResolution.
std::vector<std::vector<float>> quantile_thresholds(const std::vector<std::vector<float>>& rows,
                                                    int bins) {
  std::size_t width = rows.empty() ? 0 : rows[0].size();
  std::vector<std::vector<float>> thresholds(width);
  for (std::size_t f = 0; f < width; ++f) {
    std::vector<float> values;
    values.reserve(rows.size());
    for (const auto& row : rows)
      values.push_back(std::round(row[f] / kThresholdResolution) * kThresholdResolution);
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    if (values.size() <= 1) continue;
    for (int b = 1; b < bins; ++b) {
      std::size_t i = values.size() * b / bins;
      if (i == 0 || i >= values.size()) continue;
      float t = 0.5f * (values[i - 1] + values[i]);
      if (thresholds[f].empty() || thresholds[f].back() != t) thresholds[f].push_back(t);
    }
  }
  return thresholds;
}

struct TreeBuilder {
  const std::vector<std::vector<float>>& rows;
  const std::vector<float>& residuals;
  const std::vector<float>& weights;
  const std::vector<std::vector<float>>& thresholds;
  const TrainingOptions& options;
  std::vector<BoostedTrees::Node> nodes;

  std::int32_t build(std::vector<std::size_t>& index, int depth) {
    double sum_w = 0, sum_wr = 0;
    for (std::size_t i : index) {
      sum_w += weights[i];
      sum_wr += weights[i] * residuals[i];
    }
    std::int32_t id = static_cast<std::int32_t>(nodes.size());
    nodes.push_back({});
    nodes[id].value = sum_w > 0 ? float(sum_wr / sum_w) * options.learning_rate : 0.0f;
    if (depth >= options.depth || sum_w < 2 * options.min_leaf_weight) return id;

    // Best split by reduction of weighted squared error: maximise sum^2/weight on both sides.
    double best_gain = 1e-9;
    int best_feature = -1;
    float best_threshold = 0;
    double parent = sum_wr * sum_wr / sum_w;
    for (std::size_t f = 0; f < thresholds.size(); ++f) {
      const auto& cuts = thresholds[f];
      if (cuts.empty()) continue;
      std::vector<double> bin_w(cuts.size() + 1, 0), bin_wr(cuts.size() + 1, 0);
      for (std::size_t i : index) {
        std::size_t bin = std::lower_bound(cuts.begin(), cuts.end(), rows[i][f]) - cuts.begin();
        bin_w[bin] += weights[i];
        bin_wr[bin] += weights[i] * residuals[i];
      }
      double left_w = 0, left_wr = 0;
      for (std::size_t c = 0; c < cuts.size(); ++c) {
        left_w += bin_w[c];
        left_wr += bin_wr[c];
        double right_w = sum_w - left_w, right_wr = sum_wr - left_wr;
        if (left_w < options.min_leaf_weight || right_w < options.min_leaf_weight) continue;
        double gain = left_wr * left_wr / left_w + right_wr * right_wr / right_w - parent;
        if (gain > best_gain) {
          best_gain = gain;
          best_feature = static_cast<int>(f);
          best_threshold = cuts[c];
        }
      }
    }
    if (best_feature < 0) return id;
    std::vector<std::size_t> left, right;
    for (std::size_t i : index)
      (rows[i][best_feature] <= best_threshold ? left : right).push_back(i);
    nodes[id].feature = best_feature;
    nodes[id].threshold = best_threshold;
    std::int32_t l = build(left, depth + 1);
    std::int32_t r = build(right, depth + 1);
    nodes[id].left = l;
    nodes[id].right = r;
    return id;
  }
};

float evaluate(const std::vector<BoostedTrees::Node>& tree, std::span<const float> features) {
  std::int32_t node = 0;
  while (tree[node].feature >= 0)
    node = features[tree[node].feature] <= tree[node].threshold ? tree[node].left : tree[node].right;
  return tree[node].value;
}

}  // namespace

BoostedTrees BoostedTrees::train(const std::vector<std::vector<float>>& rows,
                                 const std::vector<float>& targets,
                                 const std::vector<float>& weights,
                                 const TrainingOptions& options) {
  BoostedTrees model;
  double sum_w = std::accumulate(weights.begin(), weights.end(), 0.0);
  double sum_wt = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) sum_wt += weights[i] * targets[i];
  model.base_ = sum_w > 0 ? float(sum_wt / sum_w) : 0.0f;
  auto thresholds = quantile_thresholds(rows, options.bins);
  std::vector<float> prediction(rows.size(), model.base_), residuals(rows.size());
  std::mt19937_64 random(options.seed);
  std::bernoulli_distribution keep(options.subsample);
  for (int t = 0; t < options.trees; ++t) {
    for (std::size_t i = 0; i < rows.size(); ++i) residuals[i] = targets[i] - prediction[i];
    std::vector<std::size_t> index;
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (keep(random)) index.push_back(i);
    TreeBuilder builder{rows, residuals, weights, thresholds, options, {}};
    builder.build(index, 0);
    for (std::size_t i = 0; i < rows.size(); ++i) prediction[i] += evaluate(builder.nodes, rows[i]);
    model.trees_.push_back(std::move(builder.nodes));
  }
  model.flatten();
  return model;
}

void BoostedTrees::flatten() {
  flat_.clear();
  roots_.clear();
  depth_ = 0;
  padding_ = 0;
  for (const auto& tree : trees_)
    for (const Node& n : tree) padding_ = std::max(padding_, n.feature + 1);
  if (padding_ >= kMaxFeatures) throw std::runtime_error("BoostedTrees: too many features");
  for (const auto& tree : trees_) {
    if (tree.empty()) continue;
    // Breadth first: a node's two children are appended together.
    struct Step {
      std::int32_t from;
      std::uint32_t to;
      int depth;
    };
    std::vector<Step> queue = {{0, std::uint32_t(flat_.size()), 0}};
    flat_.emplace_back();
    roots_.push_back(queue[0].to);
    for (std::size_t q = 0; q < queue.size(); ++q) {
      const Step step = queue[q];
      const Node& n = tree[step.from];
      if (n.feature < 0) {
        flat_[step.to] = {padding_, n.value, step.to};
        depth_ = std::max(depth_, step.depth);
        continue;
      }
      const auto left = std::uint32_t(flat_.size());
      flat_[step.to] = {n.feature, n.threshold, left};
      flat_.emplace_back();
      flat_.emplace_back();
      queue.push_back({n.left, left, step.depth + 1});
      queue.push_back({n.right, left + 1, step.depth + 1});
    }
  }
}

float BoostedTrees::predict(std::span<const float> features) const {
  std::array<float, kMaxFeatures + 1> x;
  std::copy_n(features.begin(), std::min<std::size_t>(features.size(), std::size_t(padding_)), x.begin());
  x[padding_] = -std::numeric_limits<float>::infinity();
  // One step down: left when value <= threshold, otherwise (NaN too) right, as `evaluate`.
  auto step = [&](std::uint32_t node) {
    const FlatNode& n = flat_[node];
    return n.left + std::uint32_t(!(x[n.feature] <= n.split));
  };
  float sum = base_;
  constexpr std::size_t kLanes = 8;
  std::size_t t = 0;
  for (; t + kLanes <= roots_.size(); t += kLanes) {
    std::array<std::uint32_t, kLanes> node;
    for (std::size_t k = 0; k < kLanes; ++k) node[k] = roots_[t + k];
    for (int d = 0; d < depth_; ++d)
      for (std::size_t k = 0; k < kLanes; ++k) node[k] = step(node[k]);
    for (std::size_t k = 0; k < kLanes; ++k) sum += flat_[node[k]].split;
  }
  for (; t < roots_.size(); ++t) {
    std::uint32_t node = roots_[t];
    for (int d = 0; d < depth_; ++d) node = step(node);
    sum += flat_[node].split;
  }
  return sum;
}

nlohmann::json BoostedTrees::to_json() const {
  nlohmann::json trees = nlohmann::json::array();
  for (const auto& tree : trees_) {
    // Compact: one array per node [feature, threshold, left, right, value].
    nlohmann::json nodes = nlohmann::json::array();
    for (const Node& n : tree) nodes.push_back({n.feature, n.threshold, n.left, n.right, n.value});
    trees.push_back(std::move(nodes));
  }
  return {{"base", base_}, {"trees", std::move(trees)}};
}

namespace {

// One serialised tree, checked so that loading and walking it end and read only the features
// given: a split's children are later nodes of its own tree, each the child of one split only
// (no loop, no node shared by two paths), and it splits on one of the first `width` features.
// A corrupt file used to send flatten() out of bounds or round a cycle forever.
// A value for a message: a corrupt file can hold anything, so at most 40 characters of it.
std::string brief(const nlohmann::json& value) {
  std::string text = value.dump();
  return text.size() <= 40 ? text : text.substr(0, 37) + "...";
}

std::vector<BoostedTrees::Node> read_tree(const nlohmann::json& tree, std::size_t t, int width) {
  if (!tree.is_array()) throw std::runtime_error(fmt::format("tree {}: expected an array of nodes, found {}", t, tree.type_name()));
  const auto size = std::int64_t(tree.size());
  std::vector<BoostedTrees::Node> nodes;
  std::vector<bool> is_child(tree.size(), false);
  for (std::int64_t n = 0; n < size; ++n) {
    auto fail = [&](const std::string& problem) {
      throw std::runtime_error(fmt::format("tree {} node {}: {}", t, n, problem));
    };
    const nlohmann::json& node = tree[std::size_t(n)];
    if (!node.is_array() || node.size() != 5) fail("expected [feature, threshold, left, right, value], found " + brief(node));
    auto integer = [&](std::size_t k, const char* name) {
      if (!node[k].is_number_integer()) fail(fmt::format("{} is {}, expected an integer", name, brief(node[k])));
      constexpr std::int64_t kLargest = std::numeric_limits<std::int64_t>::max();
      return node[k].is_number_unsigned() && node[k].get<std::uint64_t>() > std::uint64_t(kLargest)
                 ? kLargest : node[k].get<std::int64_t>();
    };
    auto finite = [&](std::size_t k, const char* name) {
      const float v = node[k].is_number() ? node[k].get<float>() : NAN;
      if (!std::isfinite(v)) fail(fmt::format("{} is {}, expected a finite number", name, brief(node[k])));
      return v;
    };
    const std::int64_t feature = integer(0, "feature"), left = integer(2, "left"), right = integer(3, "right");
    BoostedTrees::Node parsed{-1, finite(1, "threshold"), -1, -1, finite(4, "value")};
    if (feature != -1) {
      if (feature < 0 || feature >= width)
        fail(fmt::format("feature {} is not one of the model's {} inputs (or -1 for a leaf)", feature, width));
      for (std::int64_t child : {left, right}) {
        if (child <= n || child >= size)
          fail(fmt::format("child {} is not a later node of the tree (it has {} nodes)", child, size));
        if (is_child[std::size_t(child)]) fail(fmt::format("node {} is a child twice", child));
        is_child[std::size_t(child)] = true;
      }
      parsed = {std::int32_t(feature), parsed.threshold, std::int32_t(left), std::int32_t(right), parsed.value};
    }
    nodes.push_back(parsed);
  }
  return nodes;
}

}  // namespace

BoostedTrees BoostedTrees::from_json(const nlohmann::json& json, int input_width) {
  BoostedTrees model;
  model.base_ = json.at("base").get<float>();
  const nlohmann::json& trees = json.at("trees");
  if (!trees.is_array()) throw std::runtime_error(fmt::format("\"trees\" is {}, expected an array", trees.type_name()));
  // flatten() needs one feature index past the highest split feature for its padding.
  const int width = std::min(input_width, kMaxFeatures - 1);
  for (std::size_t t = 0; t < trees.size(); ++t) model.trees_.push_back(read_tree(trees[t], t, width));
  model.flatten();
  return model;
}

}  // namespace storyline
