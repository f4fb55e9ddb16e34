// Test helper: a gate that holds every thread calling pass() until release(), counting those
// held and those let through, so a test can wait until work is blocked where it means it to be.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace storyline::testing {

struct Gate {
  std::mutex mutex;
  std::condition_variable changed;
  bool open = false;
  int inside = 0, passed = 0;

  void pass() {
    std::unique_lock lock(mutex);
    ++inside;
    changed.notify_all();
    changed.wait(lock, [this] { return open; });
    --inside;
    ++passed;
    changed.notify_all();
  }
  void release() {
    std::lock_guard lock(mutex);
    open = true;
    changed.notify_all();
  }
  // Until exactly `n` threads are held, or `n` have passed; false after 10 s.
  bool wait_inside(int n) { return wait_until([&] { return inside == n; }); }
  bool wait_passed(int n) { return wait_until([&] { return passed == n; }); }

 private:
  template <typename Done>
  bool wait_until(Done done) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, std::chrono::seconds(10), done);
  }
};

}  // namespace storyline::testing
