// A progress bar on stderr, shown only when stderr is a terminal and the run has taken more
// than two seconds, so pipes and logs stay clean.
#pragma once

#include <chrono>
#include <string>

namespace storyline {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  void operator()(std::size_t done, std::size_t total);

 private:
  std::string label_;
  bool terminal_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace storyline
