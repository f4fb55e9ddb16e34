// What serve_bench measures with: CPU and memory of the process, latency percentiles, and the
// windows of a fixed-rate phase that held a slow PUT.
#pragma once

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>
#include <utility>
#include <vector>

namespace storyline::bench {

using Clock = std::chrono::steady_clock;

double rss_mb();

// CPU seconds of the whole process (server and the in-process clients): on a shared machine
// wall-clock rates depend on the neighbours, CPU per PUT much less.
double cpu_seconds();

// CPU seconds of the calling thread, user and system.
double thread_cpu_seconds();

double ms_since(Clock::time_point t);

// n, p50, p90, p99 and max of latencies in ms (null when there are none).
nlohmann::json percentiles(std::vector<double> ms);

// A phase by 100 ms windows of due time, from each PUT's (due time, latency) in ms: how many
// windows held a PUT over 5 ms, and the longest run of such windows. A tail of a few long
// episodes (the server a second behind while the costliest articles pass) reads differently
// from one spread over the phase.
nlohmann::json slow_windows(const std::vector<std::pair<double, double>>& timeline);

// Samples a figure in ms every 5 ms from a thread of its own, while it lives; percentiles()
// of the samples when asked (serve_bench: how far a listing may be behind the store).
class Sampler {
 public:
  explicit Sampler(std::function<double()> read);
  ~Sampler() { stop(); }
  Sampler(const Sampler&) = delete;
  Sampler& operator=(const Sampler&) = delete;
  nlohmann::json finish();

 private:
  void stop();
  std::function<double()> read_;
  std::atomic<bool> running_{true};
  std::vector<double> samples_;
  std::thread thread_;
};

}  // namespace storyline::bench
