// Folds for cross-validation, and out-of-fold predictions that nest properly.
//
// A held-out figure must come from a model that never saw the held-out rows, directly or
// through another model: pairs that share an article share a fold, and a score that a second
// stage learns from (stacking, calibration) is itself predicted without the held-out fold.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "eval/pairs_file.h"

namespace storyline {

// The fold of a key: a hash, so folds do not depend on file order. `split` salts it: another
// assignment of the same data, to see how far the figures move with it.
int fold_of(const std::string& key, int folds, int split);

// The fold of each pair. Pairs linked by an article (the same text, or the same link) are one
// group, in the fold of its first pair id in byte order; a pair alone keeps fold_of(its id).
std::vector<int> pair_folds(const std::vector<LabelledPair>& pairs, int folds, int split);

// Fits a model on the rows marked in `train` and returns a prediction for every row marked in
// `predict` (others: any value).
using FitPredict = std::function<std::vector<float>(const std::vector<bool>& train, const std::vector<bool>& predict)>;

// Out-of-fold predictions: row i is predicted by a model fitted on the other folds, leaving
// out `held_out` too when it is a fold (>= 0); rows of `held_out` keep `fill`. With a held-out
// fold k, these are the scores that a second stage evaluated on fold k may be fitted on.
std::vector<float> out_of_fold(const std::vector<int>& fold, int folds, int held_out, const FitPredict& fit_predict,
                               float fill = 0);

}  // namespace storyline
