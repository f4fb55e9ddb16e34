// `storyline serve`: the HTTP API and web UI over a persistent store. The port is bound first
// and the index restored in the background, so a restarted server answers at once (/health
// says "loading", other endpoints 503) instead of refusing connections.
#include <signal.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

#include "api/http_server.h"
#include "api/http_util.h"
#include "api/story_service.h"
#include "article/reader.h"
#include "cli/commands.h"
#include "store/store.h"

namespace storyline {

namespace {

// `--load`: the articles of local files, stored exactly as PUT /articles/{id} would store them.
void load(StoryService& service, const std::vector<std::string>& paths) {
  ReadBatch batch = read_paths(paths);
  for (const ReadError& e : batch.errors) spdlog::warn("{}: {}", e.origin, e.message);
  std::size_t created = 0, updated = 0, failed = 0;
  for (Article& article : batch.articles) {
    const std::string origin = article.origin;
    try {
      // What PUT /articles/{id} would refuse is refused here too: an id no URL can reach
      // would be stored where no GET or DELETE could find it.
      checked_id(article.id);
      if (is_empty(article)) throw BadRequest("the article has neither a title nor text");
      (service.put(std::move(article), std::nullopt) == PutOutcome::Created ? created : updated) += 1;
    } catch (const std::exception& e) {
      spdlog::warn("{}: not stored: {}", origin, e.what());
      ++failed;
    }
  }
  spdlog::info("loaded {} articles from {} ({} new, {} updated, {} unreadable or failed)", created + updated,
               fmt::join(paths, ", "), created, updated, failed + batch.errors.size());
}

}  // namespace

int run_serve(const CommonOptions& common, const ServeOptions& options) {
  ServiceOptions service_options;
  service_options.engine.params_dir = common.params_dir;
  service_options.engine.use_dictionaries = !common.no_dictionaries;
  service_options.engines = options.analysers;
  service_options.threading.window_seconds = static_cast<std::int64_t>(options.window_hours * 3600);
  service_options.threading.members_compared = std::max<std::size_t>(1, common.members_compared);
  service_options.threading.members_averaged = std::max<std::size_t>(1, common.members_averaged);
  StoryService service(service_options, open_sqlite_store(options.data_dir, {options.fsync}));

  HttpOptions http;
  http.token = options.token;
  http.max_body_bytes = options.max_body_bytes;
  http.ui_dir = options.ui_dir.empty() ? STORYLINE_UI_DIR : options.ui_dir;
  http.threads = options.http_threads;
  http.max_threads = options.max_http_threads;
  HttpServer server(service, http);

  // A client that hangs up while its answer is being written must cost that answer, not the
  // process: writes to a closed connection fail with EPIPE instead of raising SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  // SIGINT/SIGTERM stop the server cleanly (SQLite checkpoints on close); blocked here so that
  // every thread started below inherits the mask and only the watcher receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  const int port = server.bind(options.host, options.port);
  if (port < 0) {
    std::cerr << "storyline serve: cannot listen on " << options.host << ':' << options.port << '\n';
    return 1;
  }
  // Tests and scripts read this line to learn the port (--port 0 picks a free one).
  std::cout << "listening on http://" << options.host << ':' << port << std::endl;

  // server.stop() is a no-op until run() has started listening, so the watcher repeats it
  // until run() returns; a failed start raises SIGTERM itself.
  std::atomic<int> exit_code{0};
  std::atomic<bool> finished{false};
  std::thread watcher([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    while (!finished) {
      server.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  std::thread loader([&] {
    try {
      std::this_thread::sleep_for(std::chrono::milliseconds(options.restore_delay_ms));
      service.start();
      if (!options.load.empty()) load(service, options.load);
    } catch (const std::exception& e) {
      spdlog::error("cannot start: {}", e.what());
      exit_code = 1;
      kill(getpid(), SIGTERM);
    }
  });
  server.run();
  finished = true;
  kill(getpid(), SIGTERM);  // wakes the watcher if the server stopped for another reason
  watcher.join();
  loader.join();  // a restore in progress finishes first (it cannot be interrupted)
  return exit_code;
}

}  // namespace storyline
