#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "eval/datasets.h"

namespace storyline {
namespace {

class ClusteredCorpusTest : public ::testing::Test {
 protected:
  std::string write(const std::string& content) {
    path_ = std::filesystem::temp_directory_path() /
            ("storyline-clusters-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".jsonl");
    std::ofstream(path_, std::ios::binary) << content;
    return path_.string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::filesystem::path path_;
};

// Two lines with one id used to give n 2, one gold cluster and a perfect score: the threads
// (keyed by id) kept one of them and the gold map the later label.
TEST_F(ClusteredCorpusTest, DuplicateIdKeepsTheFirstLineAndItsCluster) {
  std::string path = write("{\"id\": \"x\", \"title\": \"One\", \"cluster\": \"c1\"}\n"
                           "{\"id\": \"x\", \"title\": \"Two\", \"cluster\": \"c2\"}\n"
                           "{\"id\": \"y\", \"title\": \"Three\", \"cluster\": \"c2\"}\n");
  ClusteredCorpus corpus = read_clustered_corpus(path);
  ASSERT_EQ(corpus.articles.size(), 2u);
  EXPECT_EQ(corpus.articles[0].title, "One");
  EXPECT_EQ(corpus.clusters, (std::vector<std::string>{"c1", "c2"}));
  ASSERT_EQ(corpus.errors.size(), 1u);
  EXPECT_EQ(corpus.errors[0].origin, path + ":2");
  EXPECT_NE(corpus.errors[0].message.find("is also the id of " + path + ":1"), std::string::npos)
      << corpus.errors[0].message;
}

// A line without an id gets one from the reader ("stem#line"); its cluster was then looked up
// by that id, not found, and reported as missing.
TEST_F(ClusteredCorpusTest, LineWithoutIdKeepsItsCluster) {
  std::string path = write("{\"title\": \"No id\", \"cluster\": \"c1\", \"topic\": \"t\"}\n"
                           "{\"id\": \"y\", \"title\": \"No cluster\"}\n");
  ClusteredCorpus corpus = read_clustered_corpus(path);
  ASSERT_EQ(corpus.articles.size(), 1u);
  EXPECT_EQ(corpus.clusters, (std::vector<std::string>{"c1"}));
  EXPECT_EQ(corpus.topics, (std::vector<std::string>{"t"}));
  ASSERT_EQ(corpus.errors.size(), 1u);
  EXPECT_EQ(corpus.errors[0].origin, path + ":2");
  EXPECT_EQ(corpus.errors[0].message, "no gold 'cluster' field");
}

}  // namespace
}  // namespace storyline
