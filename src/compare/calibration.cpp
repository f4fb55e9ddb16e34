#include "compare/calibration.h"

#include <cmath>
#include <optional>
#include <set>

namespace storyline {

float Logistic::operator()(float score) const { return 1.0f / (1.0f + std::exp(-(bias + slope * score))); }

std::string language_pair_key(std::string_view lang_a, std::string_view lang_b) {
  if (lang_b < lang_a) std::swap(lang_a, lang_b);
  return std::string(lang_a) + "-" + std::string(lang_b);
}

const Logistic& Calibration::curve(std::string_view lang_a, std::string_view lang_b) const {
  if (!language_pairs.empty()) {
    auto it = language_pairs.find(language_pair_key(lang_a, lang_b));
    if (it != language_pairs.end()) return it->second;
  }
  if (cross_language && lang_a != lang_b) return *cross_language;
  return global;
}

namespace {

nlohmann::json curve_json(const Logistic& l) { return {{"bias", l.bias}, {"slope", l.slope}}; }
Logistic curve_from(const nlohmann::json& j) { return {j.at("bias").get<float>(), j.at("slope").get<float>()}; }

}  // namespace

nlohmann::json Calibration::to_json() const {
  nlohmann::json j = curve_json(global);
  nlohmann::json pairs = nlohmann::json::object();
  for (const auto& [key, l] : language_pairs) pairs[key] = curve_json(l);
  j["language_pairs"] = pairs;
  if (cross_language) j["cross_language"] = curve_json(*cross_language);
  return j;
}

Calibration Calibration::from_json(const nlohmann::json& json) {
  Calibration c;
  c.global = curve_from(json);
  if (json.contains("language_pairs"))
    for (const auto& [key, l] : json.at("language_pairs").items()) c.language_pairs[key] = curve_from(l);
  if (json.contains("cross_language")) c.cross_language = curve_from(json.at("cross_language"));
  return c;
}

Logistic fit_logistic(const std::vector<float>& score, const std::vector<bool>& same,
                      const std::vector<float>& weight, const Logistic* prior, double prior_weight) {
  double b0 = prior ? prior->bias : 0, b1 = prior ? prior->slope : 1;
  // The prior acts as a Gaussian penalty on the distance from its parameters, scaled like
  // `prior_weight` rows of curvature p(1-p) = 1/4.
  const double lambda = prior ? prior_weight * 0.25 : 0;
  for (int iteration = 0; iteration < 50; ++iteration) {
    double g0 = 0, g1 = 0, h00 = 1e-6 + lambda, h01 = 0, h11 = 1e-6 + lambda;
    if (prior) {
      g0 -= lambda * (b0 - prior->bias);
      g1 -= lambda * (b1 - prior->slope);
    }
    for (std::size_t i = 0; i < score.size(); ++i) {
      double p = 1 / (1 + std::exp(-(b0 + b1 * score[i])));
      double r = (same[i] ? 1.0 : 0.0) - p, w = weight[i] * p * (1 - p);
      g0 += weight[i] * r;
      g1 += weight[i] * r * score[i];
      h00 += w;
      h01 += w * score[i];
      h11 += w * score[i] * score[i];
    }
    double det = h00 * h11 - h01 * h01;
    if (std::abs(det) < 1e-12) break;
    double d0 = (h11 * g0 - h01 * g1) / det, d1 = (h00 * g1 - h01 * g0) / det;
    b0 += d0;
    b1 += d1;
    if (std::abs(d0) + std::abs(d1) < 1e-7) break;
  }
  return {float(b0), float(b1)};
}

Calibration fit_calibration(const std::vector<CalibrationRow>& rows, const CalibrationOptions& options) {
  auto fit_where = [&](auto&& keep, const Logistic* prior) -> std::optional<Logistic> {
    std::vector<float> score, weight;
    std::vector<bool> same;
    std::size_t positives = 0;
    for (const CalibrationRow& r : rows)
      if (keep(r)) {
        score.push_back(r.score);
        same.push_back(r.same);
        weight.push_back(r.weight);
        positives += r.same;
      }
    if (score.size() < options.min_rows || positives < options.min_per_class ||
        score.size() - positives < options.min_per_class)
      return std::nullopt;
    // Weights are rescaled to sum to the row count so that the prior's strength is in rows.
    double total = 0;
    for (float w : weight) total += w;
    for (float& w : weight) w = float(w * double(weight.size()) / total);
    return fit_logistic(score, same, weight, prior, options.prior_weight);
  };
  Calibration c;
  c.global = fit_where([](const CalibrationRow&) { return true; }, nullptr).value_or(Logistic{});
  std::set<std::string> keys;
  for (const CalibrationRow& r : rows) keys.insert(r.language_pair);
  for (const std::string& key : keys)
    if (auto l = fit_where([&](const CalibrationRow& r) { return r.language_pair == key; }, &c.global))
      c.language_pairs[key] = *l;
  auto cross = [](const CalibrationRow& r) {
    std::size_t dash = r.language_pair.find('-');
    return dash != std::string::npos && r.language_pair.compare(0, dash, r.language_pair, dash + 1) != 0;
  };
  c.cross_language = fit_where(cross, &c.global);
  return c;
}

}  // namespace storyline
