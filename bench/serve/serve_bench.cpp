// serve_bench: `storyline serve` under load, in-process, over loopback HTTP. Indexes N
// synthetic articles (default 100,000) through PUT /articles/{id}, then measures PUT and GET
// latency (p50/p99), PUT throughput (while filling, and with the index full), PUT latency at a
// fixed offered rate and while story pages are read, memory and disk per article, and the
// restore time after a restart.
// Prints one JSON object. Stops by itself (--max-seconds caps each phase).
//   serve_bench [--articles N] [--clients C] [--analysers A] [--max-seconds S] [--keep DIR]
//               [--rate R]     (PUTs per second offered in the fixed-rate phase; 0 skips it)
//   serve_bench --analysis N   (only: CPU per article of reading and analysing N PUT bodies on
//                               one thread, no HTTP, index or storage: steadier than the load
//                               figures when comparing changes to the analysis; under
//                               `valgrind --tool=callgrind --instr-atstart=no` only those N are
//                               counted, in instructions, which a busy VM does not move)
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <httplib.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <thread>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>  // --analysis under callgrind instruments the measured loop only
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif

#include "api/engine_pool.h"
#include "api/http_server.h"
#include "api/story_service.h"
#include "article/reader.h"
#include "store/profile_codec.h"
#include "store/store.h"
#include "loopback_client.h"
#include "measures.h"
#include "synthetic_corpus.h"

using namespace storyline;
using namespace storyline::bench;

namespace {

struct Options {
  std::size_t articles = 100000;
  std::size_t clients = 4;
  std::size_t analysers = 2;
  double max_seconds = 600;
  std::string data_dir;
  std::size_t analysis_only = 0;
  double rate = 2000;  // PUTs per second offered in phase 2b (0: skip it)
};

// PUTs articles [from, to) from `clients` keep-alive connections; latencies in ms. Adds the
// client threads' own CPU time (making articles, HTTP, their side of the sockets) to
// `client_cpu`, so that the server's share can be told apart.
// With a `rate` (PUTs per second offered), article k is due at the start + (k - from) / rate
// and its latency counts from then, not from when a connection came free to send it: a
// server that falls behind is charged for the wait, which a closed loop hides ("coordinated
// omission"). Without one, each client sends its next PUT as soon as the last is answered.
// With a `timeline`, each PUT's (due time since the first was due, latency) in ms goes there too.
std::vector<double> put_range(int port, const bench::SyntheticCorpus& corpus, std::size_t from, std::size_t to,
                              std::size_t total, std::size_t clients, Clock::time_point deadline, std::size_t& failures,
                              double* client_cpu = nullptr, double rate = 0,
                              std::vector<std::pair<double, double>>* timeline = nullptr) {
  const auto first_due = Clock::now();
  auto due = [&](std::size_t i) {
    return first_due + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(double(i - from) / rate));
  };
  std::atomic<std::size_t> next{from}, failed{0};
  std::vector<std::vector<double>> per_client(clients);
  std::vector<std::vector<std::pair<double, double>>> timelines(clients);
  std::vector<double> cpu(clients);
  std::vector<std::thread> threads;
  for (std::size_t c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      const double cpu_start = thread_cpu_seconds();
      LoopbackClient client(port);
      for (std::size_t i; (i = next.fetch_add(1)) < to && Clock::now() < deadline;) {
        Article a = corpus.make(i, total);
        std::string body = bench::put_body(a);
        auto start = Clock::now();
        if (rate > 0) {
          start = due(i);
          std::this_thread::sleep_until(start);
        }
        const int status = client.request("PUT", "/articles/" + a.id, body, "application/json");
        per_client[c].push_back(ms_since(start));
        if (timeline) timelines[c].emplace_back(std::chrono::duration<double, std::milli>(start - first_due).count(),
                                                per_client[c].back());
        if (status != 201 && status != 204) ++failed;
        if (c == 0 && i % 10000 < clients) spdlog::info("indexed ~{} articles", i);
      }
      cpu[c] = thread_cpu_seconds() - cpu_start;
    });
  for (auto& t : threads) t.join();
  failures += failed;
  if (client_cpu)
    for (double seconds : cpu) *client_cpu += seconds;
  std::vector<double> all;
  for (auto& v : per_client) all.insert(all.end(), v.begin(), v.end());
  if (timeline)
    for (auto& v : timelines) timeline->insert(timeline->end(), v.begin(), v.end());
  return all;
}

std::vector<double> get_many(httplib::Client& client, const std::vector<std::string>& paths, std::size_t n,
                             Clock::time_point deadline) {
  std::vector<double> ms;
  for (std::size_t i = 0; i < n && Clock::now() < deadline; ++i) {
    auto start = Clock::now();
    auto r = client.Get(paths[i % paths.size()]);
    ms.push_back(ms_since(start));
    if (!r || r->status != 200) spdlog::warn("GET {} failed", paths[i % paths.size()]);
  }
  return ms;
}

// storyline_store_commits_total from GET /metrics (-1 when it cannot be read).
double store_commits(int port) {
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/metrics");
  const std::string key = "\nstoryline_store_commits_total ";
  const auto at = r ? r->body.find(key) : std::string::npos;
  return at == std::string::npos ? -1 : std::strtod(r->body.c_str() + at + key.size(), nullptr);
}

// A timed put_range: the latencies, and the phase's rate and CPU per PUT (server and clients
// together, then apart: the clients share the cores with the server, so the server's own CPU
// per PUT says how many PUTs two cores of its own could take).
struct TimedPuts {
  std::vector<double> ms;
  std::vector<std::pair<double, double>> timeline;  // at a fixed rate: (due, latency) per PUT
  double seconds = 0;
  nlohmann::json figures;  // puts_per_second, cpu_ms_per_put, server_/client_cpu_ms_per_put,
                           // store_commits_per_put
};
TimedPuts timed_put_range(int port, const bench::SyntheticCorpus& corpus, std::size_t from, std::size_t to,
                          std::size_t total, std::size_t clients, Clock::time_point deadline, std::size_t& failures,
                          double rate = 0) {
  TimedPuts t;
  const auto start = Clock::now();
  const double commits_start = store_commits(port);
  const double cpu_start = cpu_seconds();
  double client_cpu = 0;
  t.ms = put_range(port, corpus, from, to, total, clients, deadline, failures, &client_cpu, rate,
                   rate > 0 ? &t.timeline : nullptr);
  t.seconds = ms_since(start) / 1000;
  const double cpu = cpu_seconds() - cpu_start;
  // Thread assignments included; those of a phase's last PUTs may commit in the next phase.
  const double commits_end = store_commits(port);
  const double puts = double(std::max<std::size_t>(t.ms.size(), 1));
  auto per_put = [&](double seconds) { return std::round(seconds * 1e6 / puts) / 1000; };
  t.figures = {{"puts_per_second", std::round(double(t.ms.size()) / t.seconds)},
               {"cpu_ms_per_put", per_put(cpu)},
               {"server_cpu_ms_per_put", per_put(cpu - client_cpu)},
               {"client_cpu_ms_per_put", per_put(client_cpu)},
               {"store_commits_per_put", commits_start < 0 || commits_end < 0
                                             ? nlohmann::json(nullptr)
                                             : nlohmann::json(std::round((commits_end - commits_start) * 1000 / puts) / 1000)}};
  return t;
}

// Phase 2 again with one reader polling GET /threads every second, as an open web UI does:
// what listings cost the writers (the reader's requests, and a listing that finds the ranking
// stale rebuilds it).
nlohmann::json put_while_polling(int port, const bench::SyntheticCorpus& corpus, std::size_t from, std::size_t to,
                                 const Options& o, Clock::time_point deadline, std::size_t& failures) {
  std::atomic<bool> polling{true};
  std::vector<double> polls;
  std::thread poller([&] {
    httplib::Client c("127.0.0.1", port);
    c.set_keep_alive(true);
    while (polling) {
      polls.push_back(get_many(c, {"/threads?limit=20"}, 1, deadline).at(0));
      for (int i = 0; i < 50 && polling; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  TimedPuts puts = timed_put_range(port, corpus, from, to, o.articles, o.clients, deadline, failures);
  polling = false;
  poller.join();
  nlohmann::json out = std::move(puts.figures);
  out["latency"] = percentiles(std::move(puts.ms));
  out["get_threads"] = percentiles(std::move(polls));
  return out;
}

// Unknown options, values that are not numbers and --help end the program before any work:
// a mistyped option must not start a three-minute run with the defaults.
Options parse(int argc, char** argv) {
  Options o;
  CLI::App app{"serve_bench: storyline serve under load, over loopback HTTP; prints one JSON object"};
  app.add_option("--articles", o.articles, "articles to index");
  app.add_option("--clients", o.clients, "keep-alive client connections");
  app.add_option("--analysers", o.analysers, "analysis engines of the server");
  app.add_option("--max-seconds", o.max_seconds, "cap on each phase");
  app.add_option("--keep", o.data_dir, "data directory kept after the run (must be new or empty)");
  app.add_option("--analysis", o.analysis_only, "only read and analyse N PUT bodies on one thread");
  app.add_option("--rate", o.rate, "PUTs per second offered in the fixed-rate phase (0 skips it)");
  try {
    app.parse(argc, argv);
    if (!o.articles || !o.clients || !o.analysers || !(o.max_seconds > 0 && o.max_seconds <= 1e6) ||
        !(o.rate >= 0 && o.rate <= 1e9))
      throw CLI::ValidationError(
          "--articles, --clients and --analysers must be positive, --max-seconds from 0 to 1e6, --rate from 0 to 1e9");
  } catch (const CLI::ParseError& e) {
    std::exit(app.exit(e));
  }
  return o;
}

// Reads and analyses `n` PUT bodies on this thread, as a PUT does outside the index lock. The
// engine's dictionaries load on the first article of each language, and its memos (gazetteer,
// stems, match keys) fill as words recur: a first pass over as many articles as the corpus has
// base texts warms both, as a server that has run a while is warm.
nlohmann::json analysis_only(const bench::SyntheticCorpus& corpus, std::size_t n) {
  EnginePool engines(ServiceOptions{}.engine, 1);
  std::vector<std::string> bodies;
  for (std::size_t i = 0; i < n; ++i) bodies.push_back(bench::put_body(corpus.make(i, n)));
  auto read = [](const std::string& body) {
    ReadBatch batch;
    read_json(body, "bench", batch);
    return std::move(batch.articles.at(0));
  };
  for (std::size_t i = 0; i < corpus.base_size(); ++i) engines.profile(read(bench::put_body(corpus.make(n + i, n))));
  double read_s = 0, profile_s = 0;
  // FNV-1a over the encoded profiles: a change meant to be faster must leave it as it was.
  std::uint64_t hash = 1469598103934665603ull;
  CALLGRIND_START_INSTRUMENTATION;
  for (const std::string& body : bodies) {
    const double t0 = cpu_seconds();
    Article article = read(body);
    const double t1 = cpu_seconds();
    const Profile profile = engines.profile(std::move(article));
    profile_s += cpu_seconds() - t1;
    read_s += t1 - t0;
    for (unsigned char c : encode_profile(profile)) hash = (hash ^ c) * 1099511628211ull;
  }
  CALLGRIND_STOP_INSTRUMENTATION;
  const double per = 1000.0 / double(std::max<std::size_t>(n, 1));
  return {{"articles", n}, {"read_cpu_ms_per_article", read_s * per},
          {"profile_cpu_ms_per_article", profile_s * per}, {"profiles_hash", fmt::format("{:016x}", hash)}};
}

}  // namespace

// put_body writes JSON by hand: a few hundred bodies read back must give the article again.
void check_bodies(const bench::SyntheticCorpus& corpus, std::size_t total) {
  for (std::size_t i = 0; i < std::min<std::size_t>(total, 300); ++i) {
    const Article a = corpus.make(i, total);
    const auto j = nlohmann::json::parse(bench::put_body(a));
    if (j.at("title") != a.title || j.at("text") != a.text || j.at("source") != a.source || j.at("url") != a.url ||
        j.at("lang") != a.lang || j.value("date", std::int64_t(-1)) != a.published.value_or(-1))
      throw std::runtime_error("put_body does not read back as article " + a.id);
  }
}

int main(int argc, char** argv) {
  Options o = parse(argc, argv);
  // The JSON report alone goes to stdout, so that it can be piped; the server's log and the
  // phases' progress go to stderr.
  spdlog::set_default_logger(spdlog::stderr_color_mt("serve_bench"));
  const bool keep = !o.data_dir.empty();
  if (!keep) o.data_dir = (std::filesystem::temp_directory_path() / ("serve-bench-" + std::to_string(getpid()))).string();
  // The run starts from an empty store; a kept directory is never emptied for it, so a
  // mistaken --keep cannot delete anyone's files.
  std::error_code ec;
  if (keep && std::filesystem::exists(o.data_dir, ec) && !std::filesystem::is_empty(o.data_dir, ec)) {
    std::cerr << "serve_bench: --keep " << o.data_dir << ": not empty; give a new or empty directory\n";
    return 2;
  }
  if (!keep) std::filesystem::remove_all(o.data_dir);
  auto phase_deadline = [&] { return Clock::now() + std::chrono::milliseconds(std::int64_t(o.max_seconds * 1000)); };

  bench::SyntheticCorpus corpus(STORYLINE_SHARED_DIR);
  if (o.analysis_only) {
    std::cout << analysis_only(corpus, o.analysis_only).dump(2) << std::endl;
    return 0;
  }
  check_bodies(corpus, o.articles);
  nlohmann::json report = {{"articles_requested", o.articles}, {"base_texts", corpus.base_size()},
                           {"clients", o.clients}, {"analysers", o.analysers},
                           {"cores", std::thread::hardware_concurrency()}};
  ServiceOptions service_options;
  service_options.engines = o.analysers;
  const double rss_start = rss_mb();
  auto service = std::make_unique<StoryService>(service_options, open_sqlite_store(o.data_dir));
  service->start();
  const double rss_ready = rss_mb();
  HttpOptions http;
  http.threads = std::max<std::size_t>(o.clients + 2, 8);
  auto server = std::make_unique<HttpServer>(*service, http);
  const int port = server->bind("127.0.0.1", 0);
  std::thread serving([&] { server->run(); });

  // 1. Index N articles from several clients: throughput and latency under saturation.
  std::size_t failures = 0;
  spdlog::info("phase: filling");
  TimedPuts filling = timed_put_range(port, corpus, 0, o.articles, o.articles, o.clients, phase_deadline(), failures);
  const double rss_indexed = rss_mb();
  const std::size_t indexed = service->article_count();
  report["index"] = std::move(filling.figures);
  report["index"].update({{"articles", indexed}, {"threads", service->thread_count()}, {"seconds", filling.seconds},
                          {"put_latency", percentiles(std::move(filling.ms))}, {"failures", failures}});
  report["memory"] = {{"rss_engine_mb", std::round(rss_ready - rss_start)},
                      {"rss_indexed_mb", std::round(rss_indexed)},
                      {"kb_per_article", std::round((rss_indexed - rss_ready) * 1024 / double(std::max<std::size_t>(indexed, 1)))}};

  // 2. PUTs with the index full (the figures the targets are about): `clients` saturating
  // it, then one client alone (no queueing behind other requests).
  spdlog::info("phase: PUTs at size");
  // How far GET /threads may be behind the store meanwhile, sampled: the index's lag behind
  // the store, plus the published list's age when a busy listing serves it as it is.
  auto listing_behind = [&] {
    return std::chrono::duration<double, std::milli>(service->index_lag() + service->listing_age()).count();
  };
  auto lag = std::make_unique<Sampler>(listing_behind);
  TimedPuts at_size =
      timed_put_range(port, corpus, o.articles, o.articles + 5000, o.articles, o.clients, phase_deadline(), failures);
  report["put_at_size"] = std::move(at_size.figures);
  report["put_at_size"]["latency"] = percentiles(std::move(at_size.ms));
  report["put_at_size"]["listing_behind_ms"] = lag->finish();
  spdlog::info("phase: one client");
  auto single = put_range(port, corpus, o.articles + 5000, o.articles + 7000, o.articles, 1, phase_deadline(), failures);
  report["put_single_client"] = percentiles(single);
  spdlog::info("phase: PUTs beside a polling reader");
  report["put_at_size_ui_polling"] =
      put_while_polling(port, corpus, o.articles + 7000, o.articles + 12000, o, phase_deadline(), failures);
  // Every later phase goes on from the article the one before stopped at. Articles are dated
  // by their number: one far ahead would move the index's clock past its whole window at once,
  // and the PUT that evicts it all would be timed as if it were a PUT like the others.
  std::size_t next_article = o.articles + 12000;

  // 2b. The same clients offered a fixed rate (--rate, default the 2,000 PUT/s of the target)
  // for 10 s: the latency at that rate, where the saturating phases above give it at whatever
  // rate the cores allow, and so grow with any slowdown of the machine.
  if (o.rate > 0) {
    const std::size_t n = std::size_t(o.rate * 10);
    spdlog::info("phase: {} PUT/s offered", o.rate);
    lag = std::make_unique<Sampler>(listing_behind);
    TimedPuts at_rate = timed_put_range(port, corpus, next_article, next_article + n, o.articles, o.clients,
                                        phase_deadline(), failures, o.rate);
    report["put_at_rate"] = std::move(at_rate.figures);
    report["put_at_rate"]["offered_per_second"] = o.rate;
    report["put_at_rate"]["latency"] = percentiles(std::move(at_rate.ms));
    report["put_at_rate"]["slow_windows"] = slow_windows(at_rate.timeline);
    report["put_at_rate"]["listing_behind_ms"] = lag->finish();
    next_article += n;
  }

  spdlog::info("phase: reads");
  // 3. Reads on the full index, idle.
  httplib::Client reader("127.0.0.1", port);
  reader.set_keep_alive(true);
  reader.set_tcp_nodelay(true);
  auto listing = nlohmann::json::parse(reader.Get("/threads?limit=50")->body);
  std::vector<std::string> story_paths, article_paths;
  for (const auto& t : listing["threads"]) story_paths.push_back("/threads/" + t["id"].get<std::string>());
  for (std::size_t i = 0; i < 1000; ++i) article_paths.push_back("/articles/syn-" + std::to_string(i * 97 % std::max<std::size_t>(indexed, 1)));
  report["get_threads"] = percentiles(get_many(reader, {"/threads"}, 500, phase_deadline()));
  report["get_threads_filtered"] = percentiles(get_many(reader, {"/threads?period=86400&lang=en&limit=20", "/threads?q=police"}, 300, phase_deadline()));
  report["get_story"] = percentiles(get_many(reader, story_paths.empty() ? std::vector<std::string>{"/health"} : story_paths, 200, phase_deadline()));
  report["get_article"] = percentiles(get_many(reader, article_paths, 1000, phase_deadline()));

  // 4. GET /threads while one client keeps writing.
  std::atomic<bool> writing{true};
  std::thread writer([&] {
    std::size_t f = 0;
    for (; writing; next_article += 50)
      put_range(port, corpus, next_article, next_article + 50, o.articles, 1, phase_deadline(), f);
  });
  lag = std::make_unique<Sampler>(listing_behind);
  report["get_threads_under_writes"] = percentiles(get_many(reader, {"/threads"}, 300, phase_deadline()));
  report["get_threads_under_writes"]["listing_behind_ms"] = lag->finish();
  writing = false;
  writer.join();

  // 5. One client PUTs while another keeps reading the top stories' pages: what a reader of
  // a large story costs the writers (the page is assembled outside the index lock).
  std::atomic<bool> reading{true};
  std::vector<double> story_ms;
  std::thread story_reader([&] {
    httplib::Client c("127.0.0.1", port);
    c.set_keep_alive(true);
    while (reading && !story_paths.empty()) {
      auto more = get_many(c, story_paths, story_paths.size(), phase_deadline());
      story_ms.insert(story_ms.end(), more.begin(), more.end());
    }
  });
  auto while_reading = put_range(port, corpus, next_article, next_article + 2000, o.articles, 1, phase_deadline(), failures);
  reading = false;
  story_reader.join();
  report["put_while_reading_stories"] = {{"put", percentiles(while_reading)}, {"get_story", percentiles(story_ms)}};

  spdlog::info("phase: restart");
  // 6. Restart: how long until the index is back (the HTTP side would answer 503 meanwhile).
  server->stop();
  serving.join();
  server.reset();
  const std::size_t before = service->article_count();
  service.reset();
  const auto start = Clock::now();
  service = std::make_unique<StoryService>(service_options, open_sqlite_store(o.data_dir));
  service->start();
  report["restore"] = {{"articles", service->article_count()}, {"seconds", std::round(ms_since(start)) / 1000},
                       {"matches", service->article_count() == before}};
  const std::size_t restored = service->article_count();
  service.reset();
  // Disk per article: the database and whatever WAL closing left, over the articles kept.
  std::uintmax_t disk = 0;
  for (const auto& file : std::filesystem::directory_iterator(o.data_dir))
    if (file.is_regular_file()) disk += file.file_size();
  report["disk"] = {{"mb", std::round(double(disk) / 1e6)},
                    {"kb_per_article", std::round(double(disk) / 1e2 / double(std::max<std::size_t>(restored, 1))) / 10}};
  if (!keep) std::filesystem::remove_all(o.data_dir);
  std::cout << report.dump(2) << std::endl;
  return 0;
}
