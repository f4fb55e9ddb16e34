// End-to-end throughput of `storyline threads`, phase by phase, single-threaded (so the figures
// are articles/s per core), on the shared data replicated to a large corpus.
//
//   threads_bench [--articles N] [--quick] [--detect-language] [--window-hours H] [--data DIR]
//                 [--online] [--single-pass]
//
// The base corpus is ecbplus_dev.jsonl + googlenews_titles.jsonl + the SemEval-2022 texts
// (multilingual), shuffled once (fixed seed) so any prefix mixes all three. Replica r gets its
// own ids ("<id>#r<r>") and its own slice of a 60-day span, so replicas fall in different time
// windows and never thread with each other; inside a replica the articles of one gold story
// (cluster / SemEval pair) are published within 36 hours of each other.
//
// The phases mirror Engine::profile_all / corpus_stats / thread_corpus (the `threads` command):
//   read       reading the files (excluded from the totals; done once, before replication)
//   analysis   Analyzer::analyze: language, ICU words + sentences, folding, stop words, stems
//   dicts      loading the dictionaries for the languages present (one-off per process)
//   features   Profiler::profile(Document): term bags, bridge, entities, dates, numbers
//   stats      TermStats: background table + the corpus
//   threading  ThreadBuilder::add_batch in publication order, both passes (weighting, index query, pair model)
//   summary    ThreadBuilder::threads(): titles, importance, ranking
// Prints one line per phase on stderr and one JSON object on stdout.
//
// --check: instead of timing, profiles the first 3000 distinct articles (all three sources,
// several languages) and prints FNV-1a hashes of the profiles and of the pair features of each
// with its 30 successors: they must not change when a performance fix claims identical results.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "article/reader.h"
#include "compare/pair_features.h"
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
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

struct Item {
  Article article;
  std::string story;  // gold cluster (or SemEval pair): published close together
};

// JSONL with a `cluster` field, through the eval library's reader (the real JSONL reader plus
// the gold labels).
void read_clustered(const std::string& path, const std::string& prefix, std::vector<Item>& out) {
  ClusteredCorpus corpus = read_clustered_corpus(path);
  for (std::size_t i = 0; i < corpus.articles.size(); ++i)
    out.push_back({std::move(corpus.articles[i]), prefix + corpus.clusters[i]});
}

// The texts of a pairs file, through the eval library's reader; a text that appears in several
// pairs is one article.
void read_semeval(const std::string& path, std::vector<Item>& out) {
  std::vector<ReadError> errors;
  std::set<std::string> seen;
  for (LabelledPair& pair : read_pairs_file(path, errors)) {
    int side = 0;
    for (Article* a : {&pair.a, &pair.b}) {
      ++side;
      if ((a->title.empty() && a->text.empty()) || !seen.insert(a->title + '\n' + a->text).second) continue;
      a->id = "semeval/" + pair.pair_id + "/" + std::to_string(side);
      a->origin = a->id;
      out.push_back({std::move(*a), "semeval/" + pair.pair_id});
    }
  }
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

template <typename T>
void hash_bytes(std::uint64_t& h, const T& value) {
  const auto* p = reinterpret_cast<const unsigned char*>(&value);
  for (std::size_t i = 0; i < sizeof(T); ++i) h = (h ^ p[i]) * 1099511628211ull;
}
void hash_string(std::uint64_t& h, std::string_view s) {
  hash_bytes(h, s.size());
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
}
void hash_vector(std::uint64_t& h, const SparseVector& v) {
  hash_bytes(h, v.entries.size());
  for (auto [id, w] : v.entries) hash_bytes(h, id), hash_bytes(h, w);
}

// The dictionaries of the non-English languages met, as the engine loads them; null when
// dictionaries are off or every article is English.
std::unique_ptr<TermDictionary> dictionaries_for(const std::set<std::string>& languages, bool use_dictionaries,
                                                 Analyzer& analyzer) {
  if (!use_dictionaries || languages.empty()) return nullptr;
  std::vector<std::string> wanted(languages.begin(), languages.end());
  return std::make_unique<TermDictionary>(load_term_dictionary(EngineOptions{}.dictd_dir, wanted, analyzer));
}

// Hashes of profiles and pair features (see --check above).
int run_check(std::vector<Item> base, bool use_dictionaries) {
  const std::size_t n = std::min<std::size_t>(base.size(), 3000);
  const std::string params = default_params_dir();
  Gazetteer gazetteer = Gazetteer::load_system();
  Analyzer analyzer;
  std::vector<Document> documents;
  std::set<std::string> languages;
  for (std::size_t i = 0; i < n; ++i) {
    documents.push_back(analyzer.analyze(std::move(base[i].article)));
    if (documents.back().lang != "en") languages.insert(documents.back().lang);
  }
  std::unique_ptr<TermDictionary> dictionary = dictionaries_for(languages, use_dictionaries, analyzer);
  std::uint64_t doc_hash = 1469598103934665603ull, profile_hash = doc_hash, pair_hash = doc_hash;
  for (const Document& d : documents) {
    hash_string(doc_hash, d.lang);
    for (const auto* tokens : {&d.title_tokens, &d.body_tokens})
      for (const Token& t : *tokens) {
        hash_string(doc_hash, t.surface), hash_string(doc_hash, t.norm), hash_string(doc_hash, t.stem);
        hash_bytes(doc_hash, t.begin), hash_bytes(doc_hash, t.end), hash_bytes(doc_hash, t.sentence);
        std::uint8_t flags = std::uint8_t(t.is_number | t.stop << 1 | t.capitalized << 2 | t.sentence_start << 3);
        hash_bytes(doc_hash, flags);
      }
  }
  Profiler profiler(gazetteer, dictionary.get(), true);
  std::vector<Profile> profiles;
  for (const Document& d : documents) profiles.push_back(profiler.profile(d));
  for (const Profile& p : profiles) {
    for (const auto* s : {&p.id, &p.lang, &p.title, &p.lede, &p.source, &p.url}) hash_string(profile_hash, *s);
    hash_bytes(profile_hash, p.published.value_or(-1));
    for (const auto* v : {&p.title_terms, &p.body_terms, &p.bridge_terms, &p.name_keys}) hash_vector(profile_hash, *v);
    for (const ProfileEntity& e : p.entities) {
      hash_string(profile_hash, e.key), hash_string(profile_hash, e.role);
      hash_bytes(profile_hash, int(e.kind)), hash_bytes(profile_hash, e.count), hash_bytes(profile_hash, e.in_title);
      for (const auto& s : e.surfaces) hash_string(profile_hash, s);
    }
    for (int d : p.mentioned_days) hash_bytes(profile_hash, d);
    for (int m : p.mentioned_months) hash_bytes(profile_hash, m);
    for (const auto& num : p.numbers) hash_bytes(profile_hash, num.value), hash_string(profile_hash, num.counted);
    hash_bytes(profile_hash, p.token_count);
    for (const auto& [id, word] : p.display) hash_bytes(profile_hash, id), hash_string(profile_hash, word);
  }
  TermStats stats;
  if (std::ifstream(params + "/background_df.tsv").good()) stats.load_background(params + "/background_df.tsv");
  for (const Profile& p : profiles) stats.add(p);
  std::vector<WeightedProfile> weighted;
  for (const Profile& p : profiles) weighted.push_back(weigh(p, stats));
  for (const WeightedProfile& w : weighted)
    for (const auto* v : {&w.title, &w.body, &w.all, &w.bridge, &w.names, &w.entities}) hash_vector(pair_hash, *v);
  std::size_t pairs = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < std::min(n, i + 31); ++j, ++pairs)
      for (float f : pair_features(weighted[i], weighted[j], stats).values) hash_bytes(pair_hash, f);
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "check: %zu documents %016llx, profiles %016llx, %zu pairs %016llx\n", n,
                (unsigned long long)doc_hash, (unsigned long long)profile_hash, pairs,
                (unsigned long long)pair_hash);
  std::cout << buffer;
  return 0;
}

struct Phase {
  std::string name;
  double seconds = 0;      // wall clock
  double cpu = 0;          // user + system CPU of this process (robust on a busy machine)
  double rss_mib = 0;
};

void usage() {
  std::cerr << "usage: threads_bench [--articles N] [--quick] [--detect-language] "
               "[--window-hours H] [--data DIR] [--no-dictionaries] [--online] [--single-pass] [--check]\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t target = 100000;
  bool detect_language = false;
  bool use_dictionaries = true;
  bool check = false;
  bool online = false;       // threading as the server does (not ThreadingOptions::average_link)
  bool single_pass = false;  // online, without the second look (ThreadingOptions::reconsider)
  double window_hours = 72;
  std::string data_dir = std::string(STORYLINE_SHARED_DIR) + "/data";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) { usage(); std::exit(2); }
      return argv[++i];
    };
    if (arg == "--articles") target = std::stoul(value());
    else if (arg == "--quick") target = 5000;
    else if (arg == "--detect-language") detect_language = true;
    else if (arg == "--no-dictionaries") use_dictionaries = false;
    else if (arg == "--window-hours") window_hours = std::stod(value());
    else if (arg == "--data") data_dir = value();
    else if (arg == "--check") check = true;
    else if (arg == "--single-pass") single_pass = true;
    else if (arg == "--online") online = true;
    else { usage(); return arg == "--help" || arg == "-h" ? 0 : 2; }
  }
  std::vector<Phase> phases;
  double cpu_mark = cpu_seconds();
  auto mark = [&](const std::string& name, Clock::time_point start) {
    double now = cpu_seconds();
    phases.push_back({name, seconds_since(start), now - cpu_mark, peak_rss_mib()});
    cpu_mark = now;
  };

  // ---- read (excluded) ----
  auto t = Clock::now();
  std::vector<Item> base;
  read_clustered(data_dir + "/ecbplus_dev.jsonl", "ecb/", base);
  read_clustered(data_dir + "/googlenews_titles.jsonl", "gn/", base);
  read_semeval(data_dir + "/semeval2022_pairs.csv", base);
  if (base.empty()) {
    std::cerr << "threads_bench: no data under " << data_dir << '\n';
    return 1;
  }
  std::shuffle(base.begin(), base.end(), std::mt19937_64(20240601));
  mark("read", t);
  if (check) return run_check(std::move(base), use_dictionaries);
  const std::size_t base_size = base.size();

  // ---- replicate (excluded) ----
  const std::size_t replicas = (target + base_size - 1) / base_size;
  const std::int64_t day = 86400;
  const std::int64_t start = 1704067200;  // 2024-01-01T00:00:00Z
  const std::int64_t span = 60 * day;
  const std::int64_t slice = std::max<std::int64_t>(span / std::int64_t(replicas), day);
  std::vector<Article> articles;
  articles.reserve(target);
  for (std::size_t r = 0; articles.size() < target; ++r)
    for (const Item& item : base) {
      if (articles.size() == target) break;
      Article a = item.article;
      a.id += "#r" + std::to_string(r);
      std::uint64_t hs = fnv1a(item.story + "#" + std::to_string(r));
      std::uint64_t ha = fnv1a(a.id);
      std::int64_t story_start = std::int64_t(hs % std::uint64_t(std::max<std::int64_t>(slice - day, day)));
      a.published = start + std::int64_t(r) * slice + story_start + std::int64_t(ha % std::uint64_t(36 * 3600));
      if (detect_language) a.lang.clear();
      articles.push_back(std::move(a));
    }
  std::size_t bytes = 0;
  for (const Article& a : articles) bytes += a.title.size() + a.text.size();
  const std::size_t n = articles.size();
  std::cerr << "threads_bench: " << n << " articles (" << base_size << " distinct x " << replicas
            << " replicas, " << bytes / (1 << 20) << " MiB of text, " << span / day << " days)\n";

  // ---- the `threads` pipeline (as Engine does it) ----
  const auto total_start = Clock::now();
  const double total_cpu_start = cpu_seconds();
  cpu_mark = total_cpu_start;
  const std::string params = default_params_dir();
  t = Clock::now();
  Gazetteer gazetteer = Gazetteer::load_system();
  StoryModel model = StoryModel::load(params + "/story_model.json");
  mark("setup", t);

  t = Clock::now();
  Analyzer analyzer;
  std::vector<Document> documents;
  documents.reserve(n);
  std::set<std::string> languages;
  for (Article& a : articles) {
    documents.push_back(analyzer.analyze(std::move(a)));
    if (documents.back().lang != "en") languages.insert(documents.back().lang);
  }
  articles.clear();
  articles.shrink_to_fit();
  mark("analysis", t);

  t = Clock::now();
  std::unique_ptr<TermDictionary> dictionary = dictionaries_for(languages, use_dictionaries, analyzer);
  mark("dicts", t);

  t = Clock::now();
  std::vector<Profile> profiles;
  {
    Profiler profiler(gazetteer, dictionary.get(), /*keep_display=*/true);
    profiles.reserve(n);
    for (const Document& d : documents) profiles.push_back(profiler.profile(d));
    documents.clear();
    documents.shrink_to_fit();
  }
  mark("features", t);

  t = Clock::now();
  TermStats stats;
  if (std::ifstream(params + "/background_df.tsv").good()) stats.load_background(params + "/background_df.tsv");
  for (const Profile& p : profiles) stats.add(p);
  mark("stats", t);

  t = Clock::now();
  ThreadingOptions options;
  options.window_seconds = static_cast<std::int64_t>(window_hours * 3600);
  options.average_link = !online && !single_pass;
  options.reconsider = !single_pass;
  ThreadBuilder builder(model, stats, options);
  builder.add_batch(in_publication_order(std::move(profiles)));  // both passes, as Engine::thread_corpus
  mark("threading", t);

  t = Clock::now();
  std::vector<Thread> threads = builder.threads();
  mark("summary", t);
  const double total = seconds_since(total_start);
  const double total_cpu = cpu_seconds() - total_cpu_start;

  std::size_t multi = 0;
  for (const Thread& th : threads) multi += th.members.size() > 1;

  // ---- report ----
  nlohmann::json out;
  out["articles"] = n;
  out["distinct_articles"] = base_size;
  out["replicas"] = replicas;
  out["text_mib"] = double(bytes) / (1 << 20);
  out["languages"] = languages;
  out["dictionaries"] = dictionary ? dictionary->loaded() : std::vector<std::string>{};
  out["threads"] = threads.size();
  out["online"] = online;
  out["single_pass"] = single_pass;
  out["threads_with_2_or_more"] = multi;
  // Rates are per CPU second (the run is single-threaded: articles/s per core); wall-clock
  // seconds are printed beside them and agree on an idle machine.
  std::fprintf(stderr, "%-10s %9s %9s %14s %12s\n", "phase", "wall s", "cpu s", "articles/s", "peak MiB");
  auto is_per_article = [](const std::string& name) {
    return name == "analysis" || name == "features" || name == "threading" || name == "stats" ||
           name == "summary";
  };
  double profiling = 0, profiling_wall = 0;
  for (const Phase& p : phases) {
    bool per_article = is_per_article(p.name);
    double rate = per_article && p.cpu > 0 ? double(n) / p.cpu : 0;
    std::fprintf(stderr, "%-10s %9.3f %9.3f %14s %12.0f\n", p.name.c_str(), p.seconds, p.cpu,
                 per_article ? std::to_string(std::int64_t(rate)).c_str() : "-", p.rss_mib);
    out["phases"][p.name] = {{"wall_seconds", p.seconds},
                             {"cpu_seconds", p.cpu},
                             {"articles_per_second", rate},
                             {"peak_rss_mib", p.rss_mib}};
    if (p.name == "analysis" || p.name == "features") profiling += p.cpu, profiling_wall += p.seconds;
  }
  std::fprintf(stderr, "%-10s %9.3f %9.3f %14lld %12s   (analysis + features)\n", "profiling", profiling_wall,
               profiling, (long long)(double(n) / profiling), "");
  std::fprintf(stderr, "%-10s %9.3f %9.3f %14lld %12.0f   (everything but reading, incl. setup + dicts)\n",
               "TOTAL", total, total_cpu, (long long)(double(n) / total_cpu), peak_rss_mib());
  out["profiling"] = {{"cpu_seconds", profiling}, {"articles_per_second", double(n) / profiling}};
  out["total"] = {{"wall_seconds", total}, {"cpu_seconds", total_cpu}, {"articles_per_second", double(n) / total_cpu}};
  out["peak_rss_mib"] = peak_rss_mib();
  std::cout << out.dump() << '\n';
  return 0;
}
