// Metrics: request latency histograms by route, rendered in the Prometheus text format with
// the article and thread gauges. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace storyline {

class Metrics {
 public:
  void observe(const std::string& route, double seconds);
  // What the service reports beside the request latencies.
  struct ServiceFigures {
    std::size_t articles = 0, threads = 0;
    std::size_t threading_backlog = 0;  // stored changes not yet in the index
    std::size_t store_commits = 0;      // StoryService::store_commits
  };
  std::string render(const ServiceFigures& service) const;

  // Upper bounds in seconds: from the fast paths (sub-millisecond reads) to slow story pages.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> counts{};  // non-cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Histogram> routes_;
};

}  // namespace storyline
