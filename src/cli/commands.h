// The subcommands of the `storyline` binary. Each returns the process exit code. JSON goes to
// stdout, messages to stderr.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "threads/thread_builder.h"

namespace storyline {

struct CommonOptions {
  std::string params_dir;  // empty = default
  bool no_dictionaries = false;
  std::size_t members_compared = ThreadingOptions{}.members_compared;  // threading: per candidate thread
  std::size_t members_averaged = ThreadingOptions{}.members_averaged;  // threading: best links averaged
  bool online = false;               // batch threading as the server does, not by average linkage
  bool single_pass = false;          // online batch threading without the reconsideration pass
};

int run_threads(const CommonOptions& common, const std::vector<std::string>& paths, double window_hours);
int run_analyze(const CommonOptions& common, const std::vector<std::string>& paths);
int run_compare(const CommonOptions& common, const std::string& a, const std::string& b);
int run_compare_pairs(const CommonOptions& common, const std::string& pairs_file);
int run_eval_pairs(const CommonOptions& common, const std::string& pairs_file);
int run_eval_threads(const CommonOptions& common, const std::string& corpus_file, double window_hours);
// `storyline serve`: the HTTP API of docs/api.md.
struct ServeOptions {
  std::string data_dir = "./storyline-data";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;   // empty: writes are open
  std::string ui_dir;  // empty: the source tree's ui/dist
  std::size_t max_body_bytes = 4u << 20;
  std::size_t analysers = 2;
  std::size_t http_threads = 8;
  std::size_t max_http_threads = 256;
  double window_hours = 72;
  bool fsync = false;
  int restore_delay_ms = 0;  // tests only: holds the restore back to observe the 503s
  std::vector<std::string> load;  // files or directories stored (PUT) once the index is ready
};
int run_serve(const CommonOptions& common, const ServeOptions& options);

struct TrainCommandOptions {
  std::string data_dir = "../shared/data";
  std::string out_dir;  // empty: the params directory
  bool report_only = false;
  int trees = 300;
  int depth = 3;
  float learning_rate = 0.05f;
  int classifier_depth = 6;
  int fold_split = 0;
  std::vector<std::string> without;  // ablation: feature groups held constant (implies report_only)
  std::string predictions_path;      // out-of-fold predictions, CSV
};
int run_train(const CommonOptions& common, const TrainCommandOptions& train);

}  // namespace storyline
