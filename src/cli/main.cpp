// storyline: which news articles report the same story, why, and the story threads of a corpus.
#include <CLI/CLI.hpp>

#include <cmath>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace storyline;
  CLI::App app{"storyline: recognise which news articles report the same story, explain why, "
               "and thread a corpus into stories. JSON on stdout, messages on stderr."};
  app.require_subcommand(1);
  CommonOptions common;
  app.add_option("--params", common.params_dir, "Directory with story_model.json and background_df.tsv")
      ->envname("STORYLINE_PARAMS");
  app.add_flag("--no-dictionaries", common.no_dictionaries,
               "Do not load the FreeDict cross-lingual dictionaries");
  // Average linkage (the batch default) compares every pair it needs and has no such limits.
  auto* members_compared = app.add_option("--members-compared", common.members_compared,
                 "Online threading only (--online, --single-pass, serve): members of a candidate thread "
                 "compared with a new article")->capture_default_str();
  auto* members_averaged = app.add_option("--members-averaged", common.members_averaged,
                 "Online threading only (--online, --single-pass, serve): the best links averaged into "
                 "the thread score")->capture_default_str();
  app.add_flag("--online", common.online,
               "Batch threading as the server threads: each article joins a thread when it arrives, "
               "with a second look (see --single-pass), instead of average linkage");

  // A window the int64 seconds of ThreadingOptions can hold: a negative, NaN or huge value
  // used to go into the cast unchecked (undefined behaviour).
  const CLI::Validator window_hours_check(
      [](std::string& value) -> std::string {
        double hours = 0;
        if (!CLI::detail::lexical_cast(value, hours) || !std::isfinite(hours) || hours < 0 || hours > 1e9)
          return "expected a number of hours from 0 (no limit) to 1e9, got " + value;
        return {};
      },
      "HOURS>=0");

  std::vector<std::string> paths;
  double window_hours = 168;
  auto* threads = app.add_subcommand("threads", "Group articles (files, directories, - for JSONL on stdin) into story threads");
  threads->add_option("paths", paths, "Files or directories (.txt .html .json .jsonl), or -")->required();
  threads->add_option("--window-hours", window_hours, "Time window for joining a thread; 0 = unbounded")
      ->check(window_hours_check)
      ->capture_default_str();
  const char* single_pass_help = "Thread online, keeping each article where it first landed (no second look once later articles are in)";
  threads->add_flag("--single-pass", common.single_pass, single_pass_help);

  auto* analyze = app.add_subcommand("analyze", "Print each article's analysis: language, entities with match keys, dates, numbers");
  analyze->add_option("paths", paths, "Files or directories, or -")->required();

  std::string a, b, pairs_file;
  auto* compare = app.add_subcommand("compare", "Compare two articles (A B), or every row of a pairs file (--pairs)");
  compare->add_option("a", a, "First article file");
  compare->add_option("b", b, "Second article file");
  compare->add_option("--pairs", pairs_file, "Pairs CSV (schema of shared/data/*_pairs.csv): one JSON line per pair_id");

  auto* eval = app.add_subcommand("eval", "Measure against labelled data");
  eval->require_subcommand(1);
  std::string eval_file;
  auto* eval_pairs = eval->add_subcommand("pairs", "Pearson/Spearman (and AUC) of predicted overall vs gold Overall");
  eval_pairs->add_option("file", eval_file, "Pairs CSV")->required();
  auto* eval_threads = eval->add_subcommand("threads", "B-cubed and pairwise scores of threads vs the gold `cluster` field");
  eval_threads->add_option("file", eval_file, "JSONL with a cluster field")->required();
  double eval_window_hours = 0;
  eval_threads->add_option("--window-hours", eval_window_hours,
                           "Time window; 0 = unbounded (labelled sets are small, and ECB+ follow-ups come weeks later)")
      ->check(window_hours_check)
      ->capture_default_str();
  eval_threads->add_flag("--single-pass", common.single_pass, single_pass_help);

  TrainCommandOptions train_options;
  auto* train = app.add_subcommand("train", "Re-learn the story model and background statistics; prints cross-validated figures");
  train->add_option("--data", train_options.data_dir, "Directory with the labelled data sets")->capture_default_str();
  train->add_option("--out", train_options.out_dir, "Where to write the parameters (default: the params directory)");
  train->add_flag("--report-only", train_options.report_only, "Only cross-validate; write nothing");
  train->add_option("--trees", train_options.trees, "Boosting rounds")->capture_default_str();
  train->add_option("--depth", train_options.depth, "Depth of each tree")->capture_default_str();
  train->add_option("--learning-rate", train_options.learning_rate, "Shrinkage")->capture_default_str();
  train->add_option("--classifier-depth", train_options.classifier_depth, "Depth of the same-story classifier's trees")
      ->capture_default_str();
  train->add_option("--without", train_options.without,
                    "Ablation: retrain without these feature groups or features (dictionary, entities, places, "
                    "numbers, dates, publication_time, prefixes, lede, phrases, source); implies --report-only");
  train->add_option("--fold-split", train_options.fold_split,
                    "Another assignment of pairs to folds (0 = the default): how far the figures move with the "
                    "split; implies --report-only")
      ->capture_default_str();
  train->add_option("--predictions", train_options.predictions_path,
                    "Write every pair's out-of-fold prediction to this CSV (error analysis)");

  ServeOptions serve_options;
  auto* serve = app.add_subcommand("serve", "HTTP API (docs/api.md) and web UI over a persistent index");
  serve->add_option("--data", serve_options.data_dir, "Directory of the article store")->capture_default_str();
  serve->add_option("--host", serve_options.host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", serve_options.port, "Port (0 = any free port)")->capture_default_str();
  serve->add_option("--token", serve_options.token, "Bearer token required for writes")->envname("STORYLINE_TOKEN");
  serve->add_option("--ui", serve_options.ui_dir, "Web UI folder (default: the source tree's ui/dist)");
  serve->add_option("--max-body", serve_options.max_body_bytes, "Largest request body in bytes")->capture_default_str();
  serve->add_option("--analysers", serve_options.analysers, "Articles analysed in parallel")->capture_default_str();
  serve->add_option("--http-threads", serve_options.http_threads,
                    "HTTP workers kept ready (one per open connection; more start as needed)")->capture_default_str();
  serve->add_option("--max-http-threads", serve_options.max_http_threads,
                    "At most this many HTTP workers; further connections wait")->capture_default_str();
  serve->add_option("--window-hours", serve_options.window_hours, "Time window for joining a thread; 0 = unbounded")
      ->check(window_hours_check)
      ->capture_default_str();
  serve->add_flag("--fsync", serve_options.fsync, "fsync every write (survives power loss, slower)");
  serve->add_option("--load", serve_options.load,
                    "Files or directories (.txt .html .json .jsonl) to store once the index is ready, as if PUT "
                    "one by one (articles already stored are updated)");
  serve->add_option("--debug-restore-delay-ms", serve_options.restore_delay_ms)->group("");  // hidden: tests

  CLI11_PARSE(app, argc, argv);
  if ((members_compared->count() || members_averaged->count()) && (*threads || *eval_threads || *train) &&
      !common.online && !common.single_pass)
    std::cerr << "storyline: --members-compared and --members-averaged apply to online threading only "
                 "(--online, --single-pass); average linkage ignores them\n";
  try {
    if (*threads) return run_threads(common, paths, window_hours);
    if (*analyze) return run_analyze(common, paths);
    if (*compare) {
      if (!pairs_file.empty()) return run_compare_pairs(common, pairs_file);
      if (a.empty() || b.empty()) {
        std::cerr << "storyline compare: give two article files, or --pairs FILE\n";
        return 2;
      }
      return run_compare(common, a, b);
    }
    if (*eval_pairs) return run_eval_pairs(common, eval_file);
    if (*eval_threads) return run_eval_threads(common, eval_file, eval_window_hours);
    if (*train) return run_train(common, train_options);
    if (*serve) return run_serve(common, serve_options);
  } catch (const std::exception& e) {
    std::cerr << "storyline: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
