// The `eval` reports: a pairs file scored against its gold `Overall`, and a clustered corpus
// threaded and scored against its gold clusters.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "eval/metrics.h"
#include "stories/engine.h"

namespace storyline {

struct PairPrediction {
  std::string pair_id, lang_pair;
  double predicted = 0, gold = 0;
};

// {n, pearson, spearman, by_lang_pair: {pair: {n, pearson}}, auc (when gold is only 1 and 4)};
// a figure that is undefined (too few pairs, constant values, one class only) is null.
nlohmann::json pairs_report(const std::vector<PairPrediction>& predictions);

// {n, threads, b3_precision, b3_recall, b3_f1, pair_precision, pair_recall, pair_f1}
nlohmann::json clustering_report(const ClusteringScores& scores);

// Predicted thread label per article (in the order of `ids`) from a list of threads.
std::vector<std::string> thread_labels(const std::vector<Thread>& threads,
                                       const std::vector<std::string>& ids);

}  // namespace storyline
