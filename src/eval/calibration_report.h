// Calibration report: does P(same story) mean the same thing in every language pair? For each
// held-out fold k, curves are fitted on training[k] (one global curve, and per language pair:
// rows of the other folds, scored by classifiers that never saw fold k) and applied to the rows
// of fold k; per language pair the report compares the observed share of same-story pairs with
// the mean predicted probability under each, plus Brier scores.
#pragma once

#include <nlohmann/json.hpp>

#include <vector>

#include "compare/calibration.h"

namespace storyline {

nlohmann::json calibration_report(const std::vector<CalibrationRow>& rows, const std::vector<int>& fold,
                                  const std::vector<std::vector<CalibrationRow>>& training);

}  // namespace storyline
