// Evaluation metrics: correlation for graded pair scores, ROC AUC for binary pair labels, and
// B-cubed / pairwise precision-recall for clusterings.
#pragma once

#include <string>
#include <vector>

namespace storyline {

// Each is NaN where it is undefined: fewer than two values, a constant side, a NaN among the
// values, or (AUC) only one class. A 0 or 0.5 there would read as a measured figure; reports
// write NaN as JSON null (nlohmann::json does so too).
double pearson(const std::vector<double>& x, const std::vector<double>& y);
double spearman(const std::vector<double>& x, const std::vector<double>& y);  // average ranks for ties
// AUC of `score` for separating positives (label true); ties count half.
double roc_auc(const std::vector<double>& score, const std::vector<bool>& label);

struct ClusteringScores {
  std::size_t items = 0, predicted_clusters = 0, gold_clusters = 0;
  double b3_precision = 0, b3_recall = 0, b3_f1 = 0;
  double pair_precision = 0, pair_recall = 0, pair_f1 = 0;
};
// predicted[i] and gold[i] are the cluster labels of item i.
ClusteringScores score_clustering(const std::vector<std::string>& predicted,
                                  const std::vector<std::string>& gold);

}  // namespace storyline
