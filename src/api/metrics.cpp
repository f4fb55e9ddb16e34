#include "api/metrics.h"

#include <fmt/format.h>

namespace storyline {

void Metrics::observe(const std::string& route, double seconds) {
  std::lock_guard lock(mutex_);
  Histogram& h = routes_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) {
      ++h.counts[i];
      break;
    }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::render(const ServiceFigures& service) const {
  std::string out;
  out += "# HELP storyline_articles Articles in the index.\n# TYPE storyline_articles gauge\n";
  out += fmt::format("storyline_articles {}\n", service.articles);
  out += "# HELP storyline_threads Story threads in the index.\n# TYPE storyline_threads gauge\n";
  out += fmt::format("storyline_threads {}\n", service.threads);
  out += "# HELP storyline_threading_backlog Stored article changes not yet threaded into the index.\n"
         "# TYPE storyline_threading_backlog gauge\n";
  out += fmt::format("storyline_threading_backlog {}\n", service.threading_backlog);
  out += "# HELP storyline_store_commits_total Store transactions committed (concurrent writes share one).\n"
         "# TYPE storyline_store_commits_total counter\n";
  out += fmt::format("storyline_store_commits_total {}\n", service.store_commits);
  out += "# HELP storyline_request_seconds HTTP request latency by route.\n";
  out += "# TYPE storyline_request_seconds histogram\n";
  std::lock_guard lock(mutex_);
  for (const auto& [route, h] : routes_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.counts[i];
      out += fmt::format("storyline_request_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route, kBuckets[i], cumulative);
    }
    out += fmt::format("storyline_request_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route, h.count);
    out += fmt::format("storyline_request_seconds_sum{{route=\"{}\"}} {}\n", route, h.sum);
    out += fmt::format("storyline_request_seconds_count{{route=\"{}\"}} {}\n", route, h.count);
  }
  return out;
}

}  // namespace storyline
