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
  // `threading_backlog`: stored changes not yet in the index (StoryService::threading_backlog).
  std::string render(std::size_t articles, std::size_t threads, std::size_t threading_backlog) const;

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
