// Test helper: a Store that hands every call to a real one, for test stores that change one
// call (apply(): made to fail, or held at a gate) and keep the rest.
#pragma once

#include <memory>
#include <utility>

#include "store/store.h"

namespace storyline::testing {

class ForwardingStore : public Store {
 public:
  explicit ForwardingStore(std::unique_ptr<Store> inner) : inner_(std::move(inner)) {}

  bool put(const StoredArticle& a) override { return inner_->put(a); }
  bool remove(const std::string& id, RemovalReason r, std::int64_t at) override { return inner_->remove(id, r, at); }
  std::vector<bool> apply(std::span<const StoreWrite> writes) override { return inner_->apply(writes); }
  void scan(const std::function<void(StoredArticle&&)>& visit) override { inner_->scan(visit); }
  std::size_t size() override { return inner_->size(); }
  std::vector<AssignmentEvent> history(const std::string& id) override { return inner_->history(id); }

 private:
  std::unique_ptr<Store> inner_;
};

}  // namespace storyline::testing
