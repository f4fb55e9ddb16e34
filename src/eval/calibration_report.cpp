#include "eval/calibration_report.h"

#include <cmath>
#include <map>

namespace storyline {
namespace {

struct Tally {
  double weight = 0, same = 0, global_p = 0, pair_p = 0, global_brier = 0, pair_brier = 0;
  std::size_t n = 0;
};

double rounded(double x) { return std::round(x * 1000) / 1000; }

}  // namespace

nlohmann::json calibration_report(const std::vector<CalibrationRow>& rows, const std::vector<int>& fold,
                                  const std::vector<std::vector<CalibrationRow>>& training) {
  std::map<std::string, Tally> by_pair;
  for (int k = 0; k < int(training.size()); ++k) {
    Calibration fitted = fit_calibration(training[std::size_t(k)]);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (fold[i] != k) continue;
      const CalibrationRow& r = rows[i];
      std::size_t dash = r.language_pair.find('-');
      const std::string a = r.language_pair.substr(0, dash), b = r.language_pair.substr(dash + 1);
      const double pg = fitted.global(r.score), pp = fitted.curve(a, b)(r.score), y = r.same ? 1 : 0;
      Tally& t = by_pair[r.language_pair];
      t.n += 1;
      t.weight += r.weight;
      t.same += r.weight * y;
      t.global_p += r.weight * pg;
      t.pair_p += r.weight * pp;
      t.global_brier += r.weight * (pg - y) * (pg - y);
      t.pair_brier += r.weight * (pp - y) * (pp - y);
    }
  }
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [pair, t] : by_pair)
    out[pair] = {{"n", t.n},
                 {"observed_same", rounded(t.same / t.weight)},
                 {"mean_p_global_curve", rounded(t.global_p / t.weight)},
                 {"mean_p_language_pair_curve", rounded(t.pair_p / t.weight)},
                 {"brier_global_curve", rounded(t.global_brier / t.weight)},
                 {"brier_language_pair_curve", rounded(t.pair_brier / t.weight)}};
  return out;
}

}  // namespace storyline
