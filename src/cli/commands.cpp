#include "cli/commands.h"

#include <iostream>

#include "article/reader.h"
#include "stories/story_json.h"
#include "cli/progress.h"
#include "eval/datasets.h"
#include "eval/evaluation.h"
#include "eval/pairs_file.h"
#include "eval/trainer.h"
#include "stories/engine.h"
#include "stories/variant_ledger.h"

#include <unordered_map>

namespace storyline {
namespace {

Engine make_engine(const CommonOptions& common, bool require_model = true) {
  EngineOptions options;
  options.params_dir = common.params_dir;
  options.use_dictionaries = !common.no_dictionaries;
  return Engine(options, require_model);
}

void report(const std::vector<ReadError>& errors) {
  for (const ReadError& e : errors) std::cerr << "storyline: " << e.origin << ": " << e.message << '\n';
}

// Reads inputs; reports problems; nullopt (exit 1) when nothing at all could be read.
std::optional<std::vector<Article>> read_inputs(const std::vector<std::string>& paths) {
  ReadBatch batch = read_paths(paths);
  drop_duplicate_ids(batch);
  report(batch.errors);
  if (batch.articles.empty()) {
    std::cerr << "storyline: no article could be read\n";
    return std::nullopt;
  }
  return std::move(batch.articles);
}

ThreadingOptions threading(const CommonOptions& common, double window_hours) {
  ThreadingOptions options;
  options.window_seconds = static_cast<std::int64_t>(window_hours * 3600);
  options.members_compared = std::max<std::size_t>(1, common.members_compared);
  options.members_averaged = std::max<std::size_t>(1, common.members_averaged);
  options.average_link = !common.online && !common.single_pass;
  options.reconsider = !common.single_pass;
  return options;
}

}  // namespace

int run_threads(const CommonOptions& common, const std::vector<std::string>& paths, double window_hours) {
  auto articles = read_inputs(paths);
  if (!articles) return 1;
  Engine engine = make_engine(common);
  std::vector<Profile> profiles = engine.profile_all(std::move(*articles), ProgressBar("analysing"));
  TermStats stats = engine.corpus_stats(profiles);
  // The variant ledger needs only ids and entities: keep those, not whole profiles.
  std::unordered_map<std::string, Profile> entities_of;
  for (const Profile& p : profiles) {
    Profile& light = entities_of[p.id];
    light.id = p.id;
    light.entities = p.entities;
  }
  auto threads = engine.thread_corpus(std::move(profiles), stats, threading(common, window_hours), ProgressBar("threading"));
  MatchKeyer keyer;
  nlohmann::json out = nlohmann::json::array();
  for (const Thread& t : threads) {
    nlohmann::json thread = thread_json(t);
    std::vector<const Profile*> members;
    for (const ThreadMember& m : t.members) members.push_back(&entities_of[m.article_id]);
    // Entities named by two or more members, every spelling and who used it.
    thread["variants"] = ledger_json(variant_ledger(members, keyer, false));
    out.push_back(std::move(thread));
  }
  std::cout << out.dump(2) << '\n';
  return 0;
}

int run_analyze(const CommonOptions& common, const std::vector<std::string>& paths) {
  auto articles = read_inputs(paths);
  if (!articles) return 1;
  Engine engine = make_engine(common, false);
  for (const Profile& p : engine.profile_all(std::move(*articles), ProgressBar("analysing")))
    std::cout << profile_json(p).dump() << '\n';
  return 0;
}

namespace {
// The one article of `path`; nullopt after a message when it gives none or several. A and B
// are read apart: read together, a directory of two files passed for A compared those two
// even when B did not exist.
std::optional<Article> read_one(const std::string& path) {
  ReadBatch batch = read_paths({path});
  report(batch.errors);
  if (batch.articles.size() == 1) return std::move(batch.articles[0]);
  std::cerr << "storyline compare: " << path << ": need exactly one article, got " << batch.articles.size() << '\n';
  return std::nullopt;
}
}  // namespace

int run_compare(const CommonOptions& common, const std::string& a, const std::string& b) {
  std::optional<Article> article_a = read_one(a), article_b = read_one(b);
  if (!article_a || !article_b) return 1;
  std::vector<Article> articles;
  articles.push_back(std::move(*article_a));
  articles.push_back(std::move(*article_b));
  Engine engine = make_engine(common);
  std::vector<Profile> profiles = engine.profile_all(std::move(articles));
  TermStats stats = engine.corpus_stats(profiles);
  WeightedProfile wa = weigh(profiles[0], stats), wb = weigh(profiles[1], stats);
  Comparison c = compare_profiles(engine.model(), wa, wb, stats);
  std::cout << comparison_json(engine.model(), c, wa, wb).dump(2) << '\n';
  return 0;
}

namespace {
struct ScoredPairs {
  std::vector<LabelledPair> pairs;
  std::vector<Comparison> comparisons;
  std::vector<Profile> profiles;
};

ScoredPairs score_pairs_file(Engine& engine, const std::string& path, std::vector<ReadError>& errors) {
  ScoredPairs out;
  out.pairs = read_pairs_file(path, errors);
  std::vector<Article> articles;
  for (const LabelledPair& p : out.pairs) {
    articles.push_back(p.a);
    articles.push_back(p.b);
  }
  out.profiles = engine.profile_all(std::move(articles), ProgressBar("analysing"));
  TermStats stats = engine.corpus_stats(out.profiles);
  for (std::size_t i = 0; i < out.pairs.size(); ++i) {
    WeightedProfile a = weigh(out.profiles[2 * i], stats), b = weigh(out.profiles[2 * i + 1], stats);
    out.comparisons.push_back(compare_profiles(engine.model(), a, b, stats));
  }
  return out;
}
}  // namespace

int run_compare_pairs(const CommonOptions& common, const std::string& pairs_file) {
  Engine engine = make_engine(common);
  std::vector<ReadError> errors;
  ScoredPairs scored = score_pairs_file(engine, pairs_file, errors);
  report(errors);
  TermStats stats = engine.corpus_stats(scored.profiles);
  for (std::size_t i = 0; i < scored.pairs.size(); ++i) {
    WeightedProfile a = weigh(scored.profiles[2 * i], stats), b = weigh(scored.profiles[2 * i + 1], stats);
    nlohmann::json line = comparison_json(engine.model(), scored.comparisons[i], a, b);
    line["pair_id"] = scored.pairs[i].pair_id;
    std::cout << line.dump() << '\n';
  }
  return scored.pairs.empty() ? 1 : 0;
}

int run_eval_pairs(const CommonOptions& common, const std::string& pairs_file) {
  Engine engine = make_engine(common);
  std::vector<ReadError> errors;
  ScoredPairs scored = score_pairs_file(engine, pairs_file, errors);
  report(errors);
  std::vector<PairPrediction> predictions;
  for (std::size_t i = 0; i < scored.pairs.size(); ++i)
    if (scored.pairs[i].overall)
      predictions.push_back({scored.pairs[i].pair_id, scored.pairs[i].a.lang + "-" + scored.pairs[i].b.lang,
                             scored.comparisons[i].overall, *scored.pairs[i].overall});
  if (predictions.empty()) {
    std::cerr << "storyline: " << pairs_file << ": no labelled pair\n";
    return 1;
  }
  std::cout << pairs_report(predictions).dump(2) << '\n';
  return 0;
}

int run_eval_threads(const CommonOptions& common, const std::string& corpus_file, double window_hours) {
  ClusteredCorpus corpus = read_clustered_corpus(corpus_file);
  report(corpus.errors);
  if (corpus.articles.empty()) {
    std::cerr << "storyline: " << corpus_file << ": no article with a gold cluster\n";
    return 1;
  }
  Engine engine = make_engine(common);
  std::vector<std::string> ids;
  for (const Article& a : corpus.articles) ids.push_back(a.id);
  std::vector<Profile> profiles = engine.profile_all(std::move(corpus.articles), ProgressBar("analysing"));
  TermStats stats = engine.corpus_stats(profiles);
  auto threads = engine.thread_corpus(std::move(profiles), stats, threading(common, window_hours), ProgressBar("threading"));
  std::cout << clustering_report(score_clustering(thread_labels(threads, ids), corpus.clusters)).dump(2) << '\n';
  return 0;
}

int run_train(const CommonOptions& common, const TrainCommandOptions& train) {
  Engine engine = make_engine(common, false);
  TrainerOptions options;
  options.data_dir = train.data_dir;
  options.out_dir = train.out_dir.empty() ? engine.params_dir() : train.out_dir;
  options.write = !train.report_only && train.without.empty() && train.fold_split == 0;
  options.threading = threading(common, 0);
  options.trees.trees = train.trees;
  options.trees.depth = train.depth;
  options.trees.learning_rate = train.learning_rate;
  options.classifier.trees = train.trees;
  options.classifier.learning_rate = train.learning_rate;
  options.classifier.depth = train.classifier_depth;
  options.without = train.without;
  options.fold_split = train.fold_split;
  options.predictions_path = train.predictions_path;
  nlohmann::json report = train_story_model(engine, options, ProgressBar("training"));
  std::cout << report.dump(2) << '\n';
  if (options.write) std::cerr << "storyline: wrote " << options.out_dir << "/story_model.json and background_df.tsv\n";
  return 0;
}

}  // namespace storyline
