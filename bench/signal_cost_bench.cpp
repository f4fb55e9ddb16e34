// What each signal costs in throughput: the labelled development articles (ECB+, SemEval-2022
// in 7 languages, Telegram en/ru) profiled and threaded with every signal on, then with one
// signal off at a time. Single-threaded CPU time (getrusage), so figures are per core and stay
// meaningful on a busy machine. The quality side of each signal is the ablation table in
// README (`storyline train --report-only --without GROUP`).
//
//   signal_cost_bench [--data DIR] [--rounds R]
//
// Prints one line per configuration on stderr and a JSON array on stdout. The threading phase
// runs the committed model on profiles that lack a signal: its grouping is then meaningless,
// but its cost is the point (pair features over fewer entities, dates, ...).
#include <sys/resource.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compare/story_model.h"
#include "document/analyzer.h"
#include "eval/datasets.h"
#include "eval/pairs_file.h"
#include "features/gazetteer.h"
#include "features/profiler.h"
#include "features/term_dictionary.h"
#include "index/term_stats.h"
#include "stories/engine.h"
#include "threads/thread_builder.h"

namespace {

using namespace storyline;

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Configuration {
  std::string name;
  ProfilerSignals signals;
  bool dictionary = true;
};

std::vector<Configuration> configurations() {
  std::vector<Configuration> out = {{"all signals", {}, true}, {"without dictionary", {}, false}};
  auto without = [&](const char* name, bool ProfilerSignals::*signal) {
    Configuration c{std::string("without ") + name, {}, true};
    c.signals.*signal = false;
    out.push_back(c);
  };
  without("entities", &ProfilerSignals::entities);
  without("dates", &ProfilerSignals::dates);
  without("numbers", &ProfilerSignals::numbers);
  without("phrases", &ProfilerSignals::phrases);
  without("prefixes", &ProfilerSignals::prefixes);
  without("bridge fallbacks", &ProfilerSignals::bridge_fallbacks);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir = std::string(STORYLINE_SHARED_DIR) + "/data";
  int rounds = 2;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--data" && i + 1 < argc) data_dir = argv[++i];
    else if (arg == "--rounds" && i + 1 < argc) rounds = std::max(1, std::stoi(argv[++i]));
    else {
      std::cerr << "usage: signal_cost_bench [--data DIR] [--rounds R]\n";
      return arg == "--help" ? 0 : 2;
    }
  }
  std::vector<Article> articles = read_clustered_corpus(data_dir + "/ecbplus_dev.jsonl").articles;
  for (const char* file : {"/semeval2022_pairs.csv", "/tgcontest_pairs.csv"}) {
    std::vector<ReadError> errors;
    for (LabelledPair& p : read_pairs_file(data_dir + file, errors)) {
      articles.push_back(std::move(p.a));
      articles.push_back(std::move(p.b));
    }
  }
  Gazetteer gazetteer = Gazetteer::load_system();
  Analyzer analyzer;
  std::vector<Document> documents;
  std::set<std::string> languages;
  for (Article& a : articles) {
    documents.push_back(analyzer.analyze(std::move(a)));
    if (documents.back().lang != "en") languages.insert(documents.back().lang);
  }
  std::vector<std::string> wanted(languages.begin(), languages.end());
  TermDictionary dictionary = load_term_dictionary(EngineOptions{}.dictd_dir, wanted, analyzer);
  const std::string params = default_params_dir();
  StoryModel model = StoryModel::load(params + "/story_model.json");
  TermStats background;
  background.load_background(params + "/background_df.tsv");
  const std::size_t n = documents.size();
  std::cerr << "signal_cost_bench: " << n << " articles, " << languages.size() + 1 << " languages, " << rounds
            << " rounds each\n";

  // Profiles every document with `profiler`, then threads them: CPU seconds of each part.
  struct Cost {
    double features = 0, threading = 0;
  };
  auto profile_and_thread = [&](Profiler& profiler) {
    double t0 = cpu_seconds();
    std::vector<Profile> profiles;
    profiles.reserve(n);
    for (const Document& d : documents) profiles.push_back(profiler.profile(d));
    double t1 = cpu_seconds();
    TermStats stats = background;
    for (const Profile& p : profiles) stats.add(p);
    // Online, with the second look: what the server does per article (and what the figures in
    // README measured before batches moved to average linkage, which costs about 1.7x).
    ThreadingOptions online;
    online.average_link = false;
    ThreadBuilder builder(model, stats, online);
    builder.add_batch(in_publication_order(std::move(profiles)));
    return Cost{t1 - t0, cpu_seconds() - t1};
  };

  // One untimed pass first: the first configuration would otherwise pay for cold caches and
  // the allocator's growth, and look more expensive than it is.
  {
    Profiler warm(gazetteer, &dictionary, false);
    profile_and_thread(warm);
  }
  // Rounds go round-robin over the configurations, so that a machine slowing down or
  // speeding up during the run (shared VMs do) moves every configuration alike.
  const std::vector<Configuration> configs = configurations();
  std::vector<double> feature_seconds(configs.size()), threading_seconds(configs.size());
  for (int round = 0; round < rounds; ++round)
    for (std::size_t k = 0; k < configs.size(); ++k) {
      const Configuration& c = configs[k];
      Profiler profiler(gazetteer, c.dictionary ? &dictionary : nullptr, false, c.signals);
      const Cost cost = profile_and_thread(profiler);
      feature_seconds[k] += cost.features;
      threading_seconds[k] += cost.threading;
    }
  nlohmann::json out = nlohmann::json::array();
  double baseline = 0;
  for (std::size_t k = 0; k < configs.size(); ++k) {
    const Configuration& c = configs[k];
    double features = feature_seconds[k], threading = threading_seconds[k];
    features /= rounds;
    threading /= rounds;
    const double total = features + threading;
    if (baseline == 0) baseline = total;
    char line[200];
    std::snprintf(line, sizeof line, "%-20s features %6.1f us/article  threading %6.1f us/article  %7.0f articles/s  %+5.1f%%\n",
                  c.name.c_str(), 1e6 * features / double(n), 1e6 * threading / double(n), double(n) / total,
                  100.0 * (total - baseline) / baseline);
    std::cerr << line;
    out.push_back({{"configuration", c.name},
                   {"features_us_per_article", std::round(1e7 * features / double(n)) / 10},
                   {"threading_us_per_article", std::round(1e7 * threading / double(n)) / 10},
                   {"articles_per_second", std::round(double(n) / total)},
                   {"time_vs_all_signals", std::round(1000.0 * (total - baseline) / baseline) / 1000}});
  }
  std::cout << out.dump(2) << '\n';
  return 0;
}
