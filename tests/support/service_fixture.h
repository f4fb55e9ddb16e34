// A StoryService as the in-process tests run it (no dictionaries, one engine), on a store in a
// temporary directory of the test's own, removed after it.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "api/story_service.h"

namespace storyline::testing {

class ServiceFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() / ("storyline-" + std::string(test->test_suite_name()) + "-" +
                                                     test->name() + "-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    restart();
  }
  // A new service on the same store, as after a restart.
  void restart() {
    service_.reset();
    ServiceOptions options;
    options.engine.use_dictionaries = false;
    options.engines = 1;
    service_ = std::make_unique<StoryService>(options, open_sqlite_store(dir_.string()));
    service_->start();
  }
  void TearDown() override {
    service_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
  std::unique_ptr<StoryService> service_;
};

}  // namespace storyline::testing
