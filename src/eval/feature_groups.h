// Feature groups: the pair features that one signal (dictionary bridging, entity keys, numbers,
// dates, ...) contributes, named so that an ablation can retrain the model without them and
// README can say what each signal is worth.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace storyline {

struct FeatureGroup {
  std::string name;
  std::string signal;  // what the group measures, for reports
  std::vector<int> features;
};

const std::vector<FeatureGroup>& feature_groups();

// The feature indices named by `names`, each a group name or a pair-feature name; throws
// std::invalid_argument naming the first unknown one.
std::vector<int> features_named(const std::vector<std::string>& names);

}  // namespace storyline
