#include "eval/trainer.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "eval/datasets.h"
#include "eval/calibration_report.h"
#include "eval/evaluation.h"
#include "eval/feature_groups.h"
#include "eval/folds.h"
#include "eval/pairs_file.h"

namespace storyline {
namespace {

enum Dataset { kSemEval, kTelegram, kEcb };

struct Rows {
  std::vector<std::vector<float>> features;
  std::vector<float> target, weight;
  std::vector<int> fold, dataset;
  std::vector<bool> same;
  std::vector<std::string> id, lang_pair;
  std::vector<std::map<std::string, double>> dimensions;
};

void add_pairs_file(Engine& engine, const std::string& background, const std::string& path, Dataset dataset,
                    int folds, int split, Rows& rows, std::vector<ReadError>& errors) {
  std::vector<LabelledPair> pairs = read_pairs_file(path, errors);
  std::vector<Article> articles;
  for (const LabelledPair& p : pairs) {
    articles.push_back(p.a);
    articles.push_back(p.b);
  }
  std::vector<Profile> profiles = engine.profile_all(std::move(articles));
  TermStats stats = corpus_stats(background, profiles);
  const std::vector<int> fold = pair_folds(pairs, folds, split);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    if (!pairs[i].overall) continue;
    WeightedProfile a = weigh(profiles[2 * i], stats), b = weigh(profiles[2 * i + 1], stats);
    PairFeatures f = pair_features(a, b, stats);
    rows.features.emplace_back(f.values.begin(), f.values.end());
    rows.target.push_back(float(*pairs[i].overall));
    // The Telegram pairs are the only binary same-event grades, and only 75: they weigh three
    // rows each so that their definition of "one event" is heard (chosen by cross-validation).
    rows.weight.push_back(dataset == kTelegram ? 3.0f : 1.0f);
    rows.fold.push_back(fold[i]);
    rows.dataset.push_back(dataset);
    rows.same.push_back(*pairs[i].overall <= 1.5);  // "very similar": the same story
    rows.id.push_back(pairs[i].pair_id);
    rows.lang_pair.push_back(pairs[i].a.lang + "-" + pairs[i].b.lang);
    rows.dimensions.push_back(pairs[i].dimensions);
  }
}

struct EcbData {
  ClusteredCorpus corpus;
  std::vector<Profile> profiles;
  std::vector<int> fold;  // by topic
};

void add_ecb_pairs(const EcbData& ecb, const TermStats& stats, float total_weight, Rows& rows) {
  const auto& c = ecb.corpus;
  std::vector<WeightedProfile> weighted;
  for (const Profile& p : ecb.profiles) weighted.push_back(weigh(p, stats));
  // Every same-topic pair (the hard cases), and four other-topic negatives per article, all
  // inside one fold so held-out topics never meet training topics.
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < weighted.size(); ++i) {
    for (std::size_t j = i + 1; j < weighted.size(); ++j)
      if (c.topics[i] == c.topics[j]) pairs.emplace_back(i, j);
    int negatives = 0;
    for (std::size_t step = 1; step < weighted.size() && negatives < 4; ++step) {
      std::size_t k = (i + step * 37) % weighted.size();
      if (c.topics[k] != c.topics[i] && ecb.fold[k] == ecb.fold[i]) {
        pairs.emplace_back(i, k);
        ++negatives;
      }
    }
  }
  float weight = total_weight / float(std::max<std::size_t>(1, pairs.size()));
  for (auto [i, j] : pairs) {
    PairFeatures f = pair_features(weighted[i], weighted[j], stats);
    bool same = c.clusters[i] == c.clusters[j];
    rows.features.emplace_back(f.values.begin(), f.values.end());
    rows.target.push_back(same ? 1.0f : c.topics[i] == c.topics[j] ? 3.0f : 4.0f);
    rows.weight.push_back(weight);
    rows.fold.push_back(ecb.fold[i]);
    rows.dataset.push_back(kEcb);
    rows.same.push_back(same);
    rows.id.push_back(c.articles[i].id + "|" + c.articles[j].id);
    rows.lang_pair.push_back("en-en");
    rows.dimensions.emplace_back();
  }
}

// The classifier's out-of-fold scores with their labels, weights and language pairs.
std::vector<CalibrationRow> calibration_rows(const Rows& rows, const std::vector<float>& score,
                                             const std::vector<bool>& use) {
  std::vector<CalibrationRow> out;
  for (std::size_t i = 0; i < score.size(); ++i) {
    if (!use[i]) continue;
    const std::string& pair = rows.lang_pair[i];
    std::size_t dash = pair.find('-');
    out.push_back({score[i], rows.same[i], rows.weight[i], language_pair_key(pair.substr(0, dash), pair.substr(dash + 1))});
  }
  return out;
}

BoostedTrees fit(const Rows& rows, const std::vector<bool>& use, const std::vector<float>& target,
                 const TrainingOptions& options, float ecb_scale = 1.0f) {
  std::vector<std::vector<float>> x;
  std::vector<float> y, w;
  for (std::size_t i = 0; i < use.size(); ++i)
    if (use[i]) {
      x.push_back(rows.features[i]);
      y.push_back(target[i]);
      w.push_back(rows.weight[i] * (rows.dataset[i] == kEcb ? ecb_scale : 1.0f));
    }
  return BoostedTrees::train(x, y, w, options);
}

}  // namespace

nlohmann::json train_story_model(Engine& engine, const TrainerOptions& options, const Progress& progress) {
  namespace fs = std::filesystem;
  const std::string semeval = options.data_dir + "/semeval2022_pairs.csv";
  const std::string telegram = options.data_dir + "/tgcontest_pairs.csv";
  const std::string ecb_path = options.data_dir + "/ecbplus_dev.jsonl";

  // Mistakes in the options stop the run before the minutes of work, not after.
  if (options.folds < 3)  // the nested scores of fold k need two other folds: one to fit, one to score
    throw std::invalid_argument("cross-validation needs at least 3 folds, not " + std::to_string(options.folds));
  const std::vector<int> held_constant = features_named(options.without);
  std::ofstream predictions;
  if (!options.predictions_path.empty()) {
    predictions.open(options.predictions_path);
    if (!predictions) throw std::runtime_error("cannot write " + options.predictions_path);
  }

  // Background statistics first: every feature below is computed with them, as at run time.
  const std::string background = (options.write ? options.out_dir : engine.params_dir()) + "/background_df.tsv";
  if (options.write) {
    std::vector<Article> all;
    std::vector<ReadError> errors;
    for (const std::string& path : {semeval, telegram})
      for (LabelledPair& p : read_pairs_file(path, errors)) {
        all.push_back(std::move(p.a));
        all.push_back(std::move(p.b));
      }
    for (Article& a : read_clustered_corpus(ecb_path).articles) all.push_back(std::move(a));
    TermStats table;
    for (const Profile& p : engine.profile_all(std::move(all))) table.add(p);
    fs::create_directories(options.out_dir);
    table.save(background, 3);
  }
  if (progress) progress(1, 4);

  Rows rows;
  std::vector<ReadError> skipped;  // records of the data files that could not be used
  add_pairs_file(engine, background, semeval, kSemEval, options.folds, options.fold_split, rows, skipped);
  add_pairs_file(engine, background, telegram, kTelegram, options.folds, options.fold_split, rows, skipped);
  EcbData ecb{read_clustered_corpus(ecb_path), {}, {}};
  skipped.insert(skipped.end(), ecb.corpus.errors.begin(), ecb.corpus.errors.end());
  ecb.profiles = engine.profile_all(ecb.corpus.articles);
  for (const std::string& topic : ecb.corpus.topics) ecb.fold.push_back(fold_of("topic:" + topic, options.folds, options.fold_split));
  TermStats ecb_stats = corpus_stats(background, ecb.profiles);
  std::size_t semeval_rows = rows.features.size();
  // The ECB+ pairs (about ten times as many rows) weigh twice the SemEval file in all: they
  // are the hard negatives that teach the same-story classifier where one event ends.
  add_ecb_pairs(ecb, ecb_stats, 2.0f * float(semeval_rows), rows);
  // A constant column is one no tree can split on: the model learns as if the signal were absent.
  for (int f : held_constant)
    for (std::vector<float>& x : rows.features) x[f] = 0.0f;
  if (progress) progress(2, 4);

  // Cross-validated predictions of the same-story classifier and of the overall score. The
  // ECB+ targets (1/3/4) are our mapping of cluster labels, not human grades, so the
  // regressor gives them little weight (see ecb_scale).
  const std::size_t n = rows.features.size();
  // The ECB+ rows join the regressor at a tenth of their weight: enough to anchor the scale's
  // end (same incident = 1, which SemEval's truncated texts rarely reach), little enough to
  // leave the human grades in charge.
  const float ecb_scale = 0.1f;
  std::vector<float> cv(n, 2.5f), same_target(n);
  for (std::size_t i = 0; i < n; ++i) same_target[i] = rows.same[i] ? 1.0f : 0.0f;
  std::vector<BoostedTrees> fold_same;  // fold_same[k]: fitted without fold k
  for (int k = 0; k < options.folds; ++k) {
    std::vector<bool> use(n);
    for (std::size_t i = 0; i < n; ++i) use[i] = rows.fold[i] != k;
    fold_same.push_back(fit(rows, use, same_target, options.classifier));
  }
  std::vector<float> cv_same(n);
  for (std::size_t i = 0; i < n; ++i) cv_same[i] = fold_same[std::size_t(rows.fold[i])].predict(rows.features[i]);
  // inner[k]: the classifier's scores of the rows outside fold k from models fitted without
  // fold k as well as the row's own. Fold k's stacked regressor and calibrations learn from
  // these, so no held-out label reaches them through the classifier (cv_same of a row outside
  // fold k came from a model fitted on fold k).
  auto classifier = [&](const std::vector<bool>& train, const std::vector<bool>& predict) {
    BoostedTrees model = fit(rows, train, same_target, options.classifier);
    std::vector<float> out(n);
    for (std::size_t i = 0; i < n; ++i)
      if (predict[i]) out[i] = model.predict(rows.features[i]);
    return out;
  };
  std::vector<std::vector<float>> inner;
  for (int k = 0; k < options.folds; ++k) inner.push_back(out_of_fold(rows.fold, options.folds, k, classifier));
  // Stacking: the regressor reads the classifier's score as one more feature (out of fold).
  auto stacked_with = [&](const std::vector<float>& score) {
    Rows stacked = rows;
    for (std::size_t i = 0; i < n; ++i) stacked.features[i].push_back(score[i]);
    return stacked;
  };
  for (int k = 0; k < options.folds; ++k) {
    std::vector<bool> use(n);
    for (std::size_t i = 0; i < n; ++i) use[i] = rows.fold[i] != k;
    BoostedTrees overall = fit(stacked_with(inner[std::size_t(k)]), use, rows.target, options.trees, ecb_scale);
    std::vector<float> x;
    for (std::size_t i = 0; i < n; ++i)
      if (rows.fold[i] == k) {
        x = rows.features[i];
        x.push_back(cv_same[i]);
        cv[i] = std::clamp(overall.predict(x), 1.0f, 4.0f);
      }
  }
  if (progress) progress(3, 4);
  if (predictions.is_open()) {
    std::ofstream& out = predictions;
    out << "dataset,pair_id,lang_pair,gold_overall,cv_overall,cv_same_story\n";
    static constexpr const char* kNames[] = {"semeval", "tgcontest", "ecbplus"};
    for (std::size_t i = 0; i < n; ++i)
      out << kNames[rows.dataset[i]] << ',' << rows.id[i] << ',' << rows.lang_pair[i] << ',' << rows.target[i] << ','
          << cv[i] << ',' << cv_same[i] << '\n';
    if (!out) throw std::runtime_error("cannot write " + options.predictions_path);
  }

  nlohmann::json report;
  if (!options.without.empty()) report["without"] = options.without;
  if (!skipped.empty()) {
    report["skipped_records"] = nlohmann::json::array();
    for (const ReadError& e : skipped) report["skipped_records"].push_back(e.origin + ": " + e.message);
  }
  std::vector<PairPrediction> sem, tg;
  for (std::size_t i = 0; i < n; ++i) {
    if (rows.dataset[i] == kSemEval) sem.push_back({rows.id[i], rows.lang_pair[i], cv[i], rows.target[i]});
    if (rows.dataset[i] == kTelegram) tg.push_back({rows.id[i], rows.lang_pair[i], cv[i], rows.target[i]});
  }
  report["semeval_cv"] = pairs_report(sem);
  {
    // Pair-level view of the hard cases: same-topic ECB+ pairs, same incident or not.
    std::vector<double> score;
    std::vector<bool> label;
    for (std::size_t i = 0; i < n; ++i)
      if (rows.dataset[i] == kEcb && rows.target[i] < 3.5f) {
        score.push_back(cv_same[i]);
        label.push_back(rows.same[i]);
      }
    report["ecbplus_same_topic_pairs_cv_auc"] = std::round(roc_auc(score, label) * 10000) / 10000;
  }
  report["tgcontest_cv"] = pairs_report(tg);
  {
    std::vector<double> score;
    std::vector<bool> label;
    for (std::size_t i = 0; i < n; ++i)
      if (rows.dataset[i] == kTelegram) {
        score.push_back(cv_same[i]);
        label.push_back(rows.same[i]);
      }
    report["tgcontest_classifier_cv_auc"] = std::round(roc_auc(score, label) * 10000) / 10000;
  }

  // Threads on held-out ECB+ topics, each fold with its own model and its own calibration
  // (fitted on the other folds' rows).
  std::vector<std::string> predicted(ecb.profiles.size()), gold = ecb.corpus.clusters;
  for (int k = 0; k < options.folds; ++k) {
    std::vector<bool> use(n);
    for (std::size_t i = 0; i < n; ++i) use[i] = rows.fold[i] != k;
    StoryModel model;
    model.same_story = fold_same[k];
    model.calibration = fit_calibration(calibration_rows(rows, inner[std::size_t(k)], use));
    std::vector<Profile> held_out;
    std::vector<std::size_t> index;
    for (std::size_t i = 0; i < ecb.profiles.size(); ++i)
      if (ecb.fold[i] == k) {
        held_out.push_back(ecb.profiles[i]);
        index.push_back(i);
      }
    std::vector<std::string> ids;
    for (const Profile& p : held_out) ids.push_back(p.id);
    ThreadingOptions threading = options.threading;
    threading.window_seconds = 0;  // ECB+ follow-ups come weeks to years later; see README
    ThreadBuilder builder(model, ecb_stats, threading);
    std::vector<std::shared_ptr<const Profile>> in_order;
    for (Profile& p : held_out) in_order.push_back(std::make_shared<const Profile>(std::move(p)));
    builder.add_batch(std::move(in_order));
    std::vector<std::string> labels = thread_labels(builder.threads(), ids);
    for (std::size_t j = 0; j < index.size(); ++j) predicted[index[j]] = std::to_string(k) + ":" + labels[j];
  }
  report["ecbplus_threads_cv"] = clustering_report(score_clustering(predicted, gold));

  // The final model: every row; calibration on the cross-validated predictions.
  StoryModel final_model;
  std::vector<bool> all(n, true);
  final_model.overall = fit(stacked_with(cv_same), all, rows.target, options.trees, ecb_scale);
  final_model.same_story = fit(rows, all, same_target, options.classifier);
  final_model.calibration = fit_calibration(calibration_rows(rows, cv_same, all));
  for (int f = 0; f < kPairFeatureCount; ++f) {
    std::vector<float> values;
    for (std::size_t i = 0; i < n; ++i)
      if (rows.same[i]) values.push_back(rows.features[i][f]);
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    final_model.same_story_reference[f] = values.empty() ? 0 : values[values.size() / 2];
  }
  // Dimensions: SemEval rows only; cross-validated Pearson reported.
  nlohmann::json dims;
  for (const char* name : kDimensions) {
    std::vector<bool> has(n);
    std::vector<float> target(n, 0);
    for (std::size_t i = 0; i < n; ++i)
      if (auto it = rows.dimensions[i].find(name); it != rows.dimensions[i].end()) {
        has[i] = true;
        target[i] = float(it->second);
      }
    std::vector<double> p, g;
    for (int k = 0; k < options.folds; ++k) {
      std::vector<bool> use(n);
      for (std::size_t i = 0; i < n; ++i) use[i] = has[i] && rows.fold[i] != k;
      BoostedTrees m = fit(rows, use, target, options.trees);
      for (std::size_t i = 0; i < n; ++i)
        if (has[i] && rows.fold[i] == k) {
          p.push_back(m.predict(rows.features[i]));
          g.push_back(target[i]);
        }
    }
    dims[name] = std::round(pearson(p, g) * 10000) / 10000;
    final_model.dimensions[name] = fit(rows, has, target, options.trees);
  }
  report["semeval_dimensions_cv_pearson"] = dims;
  report["calibration"] = final_model.calibration.to_json();
  std::vector<std::vector<CalibrationRow>> calibration_training;
  for (int k = 0; k < options.folds; ++k) {
    std::vector<bool> outside(n);
    for (std::size_t i = 0; i < n; ++i) outside[i] = rows.fold[i] != k;
    calibration_training.push_back(calibration_rows(rows, inner[std::size_t(k)], outside));
  }
  report["calibration_by_language_pair_cv"] =
      calibration_report(calibration_rows(rows, cv_same, all), rows.fold, calibration_training);
  report["rows"] = n;
  if (options.write) final_model.save(options.out_dir + "/story_model.json");
  if (progress) progress(4, 4);
  return report;
}

}  // namespace storyline
