#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace storyline {

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), terminal_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

ProgressBar::~ProgressBar() {
  if (shown_) std::fputs("\n", stderr);
}

void ProgressBar::operator()(std::size_t done, std::size_t total) {
  if (!terminal_ || total == 0) return;
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(2)) return;
  if (done != total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  shown_ = true;
  constexpr int kWidth = 30;
  int filled = int(double(done) / double(total) * kWidth);
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r%s [%.*s%*s] %zu/%zu %.0f/s", label_.c_str(), filled,
               "##############################", kWidth - filled, "", done, total,
               seconds > 0 ? double(done) / seconds : 0.0);
  std::fflush(stderr);
}

}  // namespace storyline
