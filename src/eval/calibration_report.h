// Calibration report: does P(same story) mean the same thing in every language pair? For each
// held-out fold, curves are fitted on the other folds (one global curve, and per language pair)
// and applied to the fold; per language pair the report compares the observed share of
// same-story pairs with the mean predicted probability under each, plus Brier scores.
#pragma once

#include <nlohmann/json.hpp>

#include <vector>

#include "compare/calibration.h"

namespace storyline {

nlohmann::json calibration_report(const std::vector<CalibrationRow>& rows, const std::vector<int>& fold, int folds);

}  // namespace storyline
