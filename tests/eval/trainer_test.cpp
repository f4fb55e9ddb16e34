// The trainer checks its options before the minutes of profiling and fitting, not after.
#include "eval/trainer.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline {
namespace {

// What `train` throws, or "" when it does not.
std::string failure_of(const TrainerOptions& options) {
  EngineOptions engine_options;
  engine_options.use_dictionaries = false;
  Engine engine(engine_options);
  try {
    train_story_model(engine, options, nullptr);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

// No data directory at all: a check that came after reading the data would never be reached.
TrainerOptions without_data() {
  TrainerOptions options;
  options.data_dir = "/nonexistent/storyline-data";
  options.write = false;
  return options;
}

TEST(Trainer, AnUnknownSignalToLeaveOutStopsItBeforeAnyWork) {
  TrainerOptions options = without_data();
  options.without = {"entities", "no_such_signal"};
  EXPECT_NE(failure_of(options).find("unknown feature or feature group: no_such_signal"), std::string::npos)
      << failure_of(options);
}

TEST(Trainer, FewerThanThreeFoldsStopItBeforeAnyWork) {
  TrainerOptions options = without_data();
  options.folds = 2;
  EXPECT_EQ(failure_of(options), "cross-validation needs at least 3 folds, not 2");
}

TEST(Trainer, AnUnwritablePredictionsFileStopsItBeforeAnyWork) {
  TrainerOptions options = without_data();
  options.predictions_path = "/nonexistent/dir/cv.csv";
  EXPECT_EQ(failure_of(options), "cannot write /nonexistent/dir/cv.csv");
}

}  // namespace
}  // namespace storyline
