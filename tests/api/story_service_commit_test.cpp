// StoryService over a store whose commits can be made to fail: a PUT or DELETE whose commit
// fails is not acknowledged and leaves the index as it was (the previous version back in its
// thread); once the store recovers, writes go through again.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "../store/forwarding_store.h"
#include "api/story_service.h"

namespace storyline {
namespace {

class FlakyStore final : public testing::ForwardingStore {
 public:
  using ForwardingStore::ForwardingStore;
  std::atomic<bool> fail{false};

  std::vector<bool> apply(std::span<const StoreWrite> writes) override {
    if (fail) throw std::runtime_error("disk full");
    return ForwardingStore::apply(writes);
  }
};

Article article(const std::string& id, const std::string& title, const std::string& text) {
  Article a;
  a.id = id;
  a.title = title;
  a.text = text;
  a.lang = "en";
  a.published = 1650000000;
  a.source = "Outlet " + id;
  return a;
}

TEST(StoryServiceCommit, AFailedCommitIsNotAcknowledgedAndLeavesTheIndexAsStored) {
  const auto dir = std::filesystem::temp_directory_path() / ("storyline-service-commit-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  auto flaky = std::make_unique<FlakyStore>(open_sqlite_store(dir.string()));
  FlakyStore& store = *flaky;
  ServiceOptions options;
  options.engine.use_dictionaries = false;
  options.engines = 1;
  StoryService service(options, std::move(flaky));
  service.start();

  EXPECT_EQ(service.put(article("a", "Flood in Valencia", "Rain flooded the streets of Valencia overnight."), {}),
            PutOutcome::Created);
  const std::string thread = (*service.article("a"))["thread"];

  store.fail = true;
  EXPECT_THROW(service.put(article("b", "Election results announced", "Votes were counted overnight."), {}),
               std::runtime_error);
  EXPECT_FALSE(service.article("b"));
  EXPECT_THROW(service.put(article("a", "Storm hits Valencia", "A different text entirely."), {}), std::runtime_error);
  EXPECT_EQ((*service.article("a"))["title"], "Flood in Valencia");  // the stored version, back in its thread
  EXPECT_EQ((*service.article("a"))["thread"], thread);
  EXPECT_THROW(service.remove("a"), std::runtime_error);
  EXPECT_TRUE(service.article("a"));
  EXPECT_EQ(service.article_count(), 1u);

  store.fail = false;
  EXPECT_EQ(service.put(article("b", "Election results announced", "Votes were counted overnight."), {}),
            PutOutcome::Created);
  EXPECT_EQ(store.size(), 2u);
  EXPECT_TRUE(service.remove("a"));
  EXPECT_FALSE(service.article("a"));
  EXPECT_EQ(store.size(), 1u);
}

}  // namespace
}  // namespace storyline
