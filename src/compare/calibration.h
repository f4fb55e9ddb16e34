// Calibration: the probability that a pair reports one story, from the same-story classifier's
// raw score. Scores across languages run lower for the same story (fewer shared words, noisier
// dictionary bridges), so one logistic curve per language pair makes P = 0.5 — the threading
// threshold — mean the same thing for en-en and de-en. Pairs never seen in training fall back
// to the curve of all cross-language pairs, then to the global curve.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

struct Logistic {
  float bias = 0;
  float slope = 1;
  float operator()(float score) const;  // sigmoid(bias + slope * score)
};

// "de-en" for ("en", "de") and ("de", "en"): calibration does not depend on the order.
std::string language_pair_key(std::string_view lang_a, std::string_view lang_b);

struct Calibration {
  Logistic global;
  std::map<std::string, Logistic> language_pairs;  // by language_pair_key
  std::optional<Logistic> cross_language;          // any pair of two different languages

  const Logistic& curve(std::string_view lang_a, std::string_view lang_b) const;

  nlohmann::json to_json() const;
  static Calibration from_json(const nlohmann::json& json);  // language curves optional
};

// Weighted logistic regression of `same` on `score` by Newton's method. With a prior, the fit
// is pulled towards it as if `prior_weight` rows agreed with it (small groups stay sane).
Logistic fit_logistic(const std::vector<float>& score, const std::vector<bool>& same,
                      const std::vector<float>& weight, const Logistic* prior = nullptr,
                      double prior_weight = 0);

struct CalibrationRow {
  float score;
  bool same;
  float weight;
  std::string language_pair;  // language_pair_key
};

struct CalibrationOptions {
  std::size_t min_rows = 30;       // a language pair gets its own curve from this many rows
  std::size_t min_per_class = 5;   // ... with at least this many of each label
  double prior_weight = 20;        // rows' worth of pull towards the global curve
};

Calibration fit_calibration(const std::vector<CalibrationRow>& rows, const CalibrationOptions& options = {});

}  // namespace storyline
