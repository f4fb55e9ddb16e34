// Test helper: a real store whose apply() can be held at a gate (so that writes queue up
// behind it) and made to fail.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "forwarding_store.h"

namespace storyline::testing {

class GatedStore final : public ForwardingStore {
 public:
  using ForwardingStore::ForwardingStore;

  void close_gate() {
    std::lock_guard lock(mutex_);
    open_ = false;
  }
  void open_gate() {
    {
      std::lock_guard lock(mutex_);
      open_ = true;
    }
    changed_.notify_all();
  }
  void wait_until_applying() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return applying_; });
  }
  std::atomic<bool> fail{false};
  std::atomic<std::size_t> applies{0};
  std::thread::id applied_on;  // the thread of the latest apply()

  std::vector<bool> apply(std::span<const StoreWrite> writes) override {
    {
      std::unique_lock lock(mutex_);
      applying_ = true;
      changed_.notify_all();
      changed_.wait(lock, [&] { return open_; });
      applying_ = false;
      applied_on = std::this_thread::get_id();
    }
    ++applies;
    if (fail) throw std::runtime_error("disk full");
    return ForwardingStore::apply(writes);
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = true, applying_ = false;
};

}  // namespace storyline::testing
