#include "measures.h"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <string>

namespace storyline::bench {

double rss_mb() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

nlohmann::json percentiles(std::vector<double> ms) {
  if (ms.empty()) return nullptr;
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return std::round(ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size())))] * 1000) / 1000; };
  return {{"n", ms.size()}, {"p50_ms", at(0.5)}, {"p90_ms", at(0.9)}, {"p99_ms", at(0.99)}, {"max_ms", at(1.0)}};
}

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

nlohmann::json slow_windows(const std::vector<std::pair<double, double>>& timeline) {
  constexpr double kWindowMs = 100, kSlowMs = 5;
  std::vector<bool> slow;
  for (auto [due, ms] : timeline) {
    const auto w = std::size_t(std::max(due, 0.0) / kWindowMs);
    if (w >= slow.size()) slow.resize(w + 1, false);
    if (ms > kSlowMs) slow[w] = true;
  }
  std::size_t count = 0, run = 0, longest = 0;
  for (bool s : slow) {
    count += s;
    run = s ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return {{"window_ms", kWindowMs}, {"windows", slow.size()}, {"windows_with_a_put_over_5_ms", count},
          {"longest_run_of_them_ms", double(longest) * kWindowMs}};
}

Sampler::Sampler(std::function<double()> read) : read_(std::move(read)) {
  thread_ = std::thread([this] {
    while (running_) {
      samples_.push_back(read_());
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
}

void Sampler::stop() {
  running_ = false;
  if (thread_.joinable()) thread_.join();
}

nlohmann::json Sampler::finish() {
  stop();
  return percentiles(std::move(samples_));
}

}  // namespace storyline::bench
