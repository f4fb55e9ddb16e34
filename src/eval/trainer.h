// Trainer: learns the story model from the labelled development data and measures it by
// cross-validation. Pairs come from the SemEval-2022 and Telegram pairs files and from the
// ECB+ clusters (same incident = 1, same topic but another incident = 3, other topic = 4).
// Folds are grouped (pairs sharing an article in one fold, ECB+ by topic) and the second stages
// (stacked regressor, calibration) learn from scores that nest inside the folds (eval/folds.h), so
// no held-out figure comes from data used to fit it.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "stories/engine.h"

namespace storyline {

struct TrainerOptions {
  std::string data_dir;   // ../shared/data
  std::string out_dir;    // where story_model.json and background_df.tsv are written
  int folds = 5;
  int fold_split = 0;      // which assignment of pairs to folds (0: the one README quotes)
  TrainingOptions trees;       // overall score and dimensions (≈1,000 graded rows)
  TrainingOptions classifier{.depth = 6};  // same story (≈12,000 rows: room for deeper trees)
  ThreadingOptions threading;  // for the cross-validated ECB+ threads (window: unbounded)
  bool write = true;      // false: only report cross-validated figures
  // Ablation: pair features (names, or the group names of eval/feature_groups.h) held constant, so
  // the figures say what the model loses without those signals.
  std::vector<std::string> without;
  std::string predictions_path;  // when set: the out-of-fold prediction of every pair (CSV)
};


// Returns the cross-validated report (and writes the parameters when options.write).
nlohmann::json train_story_model(Engine& engine, const TrainerOptions& options, const Progress& progress);

}  // namespace storyline
