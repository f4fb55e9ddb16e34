// The subcommands of the `storyline` binary. Each returns the process exit code. JSON goes to
// stdout, messages to stderr.
#pragma once

#include <string>
#include <vector>

namespace storyline {

struct CommonOptions {
  std::string params_dir;  // empty = default
  bool no_dictionaries = false;
};

int run_threads(const CommonOptions& common, const std::vector<std::string>& paths, double window_hours);
int run_analyze(const CommonOptions& common, const std::vector<std::string>& paths);
int run_compare(const CommonOptions& common, const std::string& a, const std::string& b);
int run_compare_pairs(const CommonOptions& common, const std::string& pairs_file);
int run_eval_pairs(const CommonOptions& common, const std::string& pairs_file);
int run_eval_threads(const CommonOptions& common, const std::string& corpus_file, double window_hours);
int run_train(const CommonOptions& common, const std::string& data_dir, const std::string& out_dir,
              bool report_only);

}  // namespace storyline
