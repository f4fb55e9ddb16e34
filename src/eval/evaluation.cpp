#include "eval/evaluation.h"

#include <cmath>
#include <map>
#include <unordered_map>

namespace storyline {
namespace {
double round4(double v) { return std::round(v * 10000) / 10000; }
// A correlation or AUC, or null where it is undefined (NaN: see metrics.h).
nlohmann::json figure(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(round4(v)); }
}  // namespace

nlohmann::json pairs_report(const std::vector<PairPrediction>& predictions) {
  std::vector<double> predicted, gold;
  std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> by_pair;
  bool binary = true;
  for (const PairPrediction& p : predictions) {
    predicted.push_back(p.predicted);
    gold.push_back(p.gold);
    by_pair[p.lang_pair].first.push_back(p.predicted);
    by_pair[p.lang_pair].second.push_back(p.gold);
    binary = binary && (p.gold == 1.0 || p.gold == 4.0);
  }
  nlohmann::json report = {{"n", predictions.size()},
                           {"pearson", figure(pearson(predicted, gold))},
                           {"spearman", figure(spearman(predicted, gold))}};
  nlohmann::json langs = nlohmann::json::object();
  for (const auto& [pair, values] : by_pair)
    langs[pair] = {{"n", values.first.size()}, {"pearson", figure(pearson(values.first, values.second))}};
  report["by_lang_pair"] = langs;
  if (binary && !predictions.empty()) {
    // Lower overall = more similar, so the score for "same story" is the negated prediction.
    std::vector<double> score;
    std::vector<bool> same;
    for (const PairPrediction& p : predictions) {
      score.push_back(-p.predicted);
      same.push_back(p.gold == 1.0);
    }
    report["auc"] = figure(roc_auc(score, same));
  }
  return report;
}

nlohmann::json clustering_report(const ClusteringScores& s) {
  return {{"n", s.items},
          {"threads", s.predicted_clusters},
          {"gold_clusters", s.gold_clusters},
          {"b3_precision", round4(s.b3_precision)},
          {"b3_recall", round4(s.b3_recall)},
          {"b3_f1", round4(s.b3_f1)},
          {"pair_precision", round4(s.pair_precision)},
          {"pair_recall", round4(s.pair_recall)},
          {"pair_f1", round4(s.pair_f1)}};
}

std::vector<std::string> thread_labels(const std::vector<Thread>& threads,
                                       const std::vector<std::string>& ids) {
  std::unordered_map<std::string, std::string> label;
  for (const Thread& t : threads)
    for (const ThreadMember& m : t.members) label[m.article_id] = t.id;
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    auto it = label.find(id);
    out.push_back(it != label.end() ? it->second : "missing:" + id);
  }
  return out;
}

}  // namespace storyline
