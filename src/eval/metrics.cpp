#include "eval/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace storyline {
namespace {

std::vector<double> ranks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> r(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    double average = 0.5 * double(i + j) + 1.0;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = average;
    i = j + 1;
  }
  return r;
}

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

// std::sort needs a strict weak order, which `<` is not once a NaN is among the values.
bool any_nan(const std::vector<double>& v) {
  return std::any_of(v.begin(), v.end(), [](double x) { return std::isnan(x); });
}

}  // namespace

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  std::size_t n = std::min(x.size(), y.size());
  if (n < 2) return kUndefined;
  double mx = std::accumulate(x.begin(), x.begin() + n, 0.0) / double(n);
  double my = std::accumulate(y.begin(), y.begin() + n, 0.0) / double(n);
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : kUndefined;
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  if (any_nan(x) || any_nan(y)) return kUndefined;
  return pearson(ranks(x), ranks(y));
}

double roc_auc(const std::vector<double>& score, const std::vector<bool>& label) {
  if (any_nan(score)) return kUndefined;
  std::vector<double> r = ranks(score);
  double positives = 0, rank_sum = 0;
  for (std::size_t i = 0; i < r.size(); ++i)
    if (label[i]) {
      ++positives;
      rank_sum += r[i];
    }
  double negatives = double(r.size()) - positives;
  if (positives == 0 || negatives == 0) return kUndefined;
  return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives);
}

ClusteringScores score_clustering(const std::vector<std::string>& predicted,
                                  const std::vector<std::string>& gold) {
  ClusteringScores s;
  s.items = predicted.size();
  std::map<std::string, std::size_t> predicted_size, gold_size;
  std::map<std::pair<std::string, std::string>, std::size_t> both;
  for (std::size_t i = 0; i < s.items; ++i) {
    ++predicted_size[predicted[i]];
    ++gold_size[gold[i]];
    ++both[{predicted[i], gold[i]}];
  }
  s.predicted_clusters = predicted_size.size();
  s.gold_clusters = gold_size.size();
  if (s.items == 0) return s;
  // B-cubed: per item, the share of its predicted cluster that is gold-correct, and vice versa.
  double precision = 0, recall = 0;
  for (std::size_t i = 0; i < s.items; ++i) {
    double overlap = double(both[{predicted[i], gold[i]}]);
    precision += overlap / double(predicted_size[predicted[i]]);
    recall += overlap / double(gold_size[gold[i]]);
  }
  s.b3_precision = precision / double(s.items);
  s.b3_recall = recall / double(s.items);
  s.b3_f1 = f1(s.b3_precision, s.b3_recall);
  auto pairs = [](double n) { return n * (n - 1) / 2; };
  double together_both = 0, together_predicted = 0, together_gold = 0;
  for (auto& [key, n] : both) together_both += pairs(double(n));
  for (auto& [key, n] : predicted_size) together_predicted += pairs(double(n));
  for (auto& [key, n] : gold_size) together_gold += pairs(double(n));
  s.pair_precision = together_predicted > 0 ? together_both / together_predicted : 1;
  s.pair_recall = together_gold > 0 ? together_both / together_gold : 1;
  s.pair_f1 = f1(s.pair_precision, s.pair_recall);
  return s;
}

}  // namespace storyline
