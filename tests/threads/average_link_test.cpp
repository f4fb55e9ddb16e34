// average_link() end to end, with a model of one feature whose P(same story) per pair is set by
// the test: the agglomeration tests check the rule, this checks that batch threading applies
// it (linkage, then lone articles adopted when ThreadingOptions says so).
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "../support/shared_engine.h"
#include "threads/average_link.h"
#include "threads/thread_builder.h"

namespace storyline {
namespace {

float logit(float p) { return std::log(p / (1 - p)); }

// P(same story) by the Jaccard overlap of the two articles' numbers: above 0.9 → 0.99, above
// 0.5 → 0.95, above 0.1 → 0.8, else (none shared, or no numbers) 0.05. One tree; the default
// calibration is sigmoid(score), so the leaves hold the logits.
StoryModel number_overlap_model() {
  const int f = kNumberOverlap;
  nlohmann::json tree = nlohmann::json::array({
      {f, 0.5, 1, 2, 0.0},   // 0
      {f, 0.1, 3, 4, 0.0},   // 1: <= 0.5
      {f, 0.9, 5, 6, 0.0},   // 2: > 0.5
      {-1, 0, -1, -1, logit(0.05f)},  // 3
      {-1, 0, -1, -1, logit(0.8f)},   // 4
      {-1, 0, -1, -1, logit(0.95f)},  // 5
      {-1, 0, -1, -1, logit(0.99f)},  // 6
  });
  StoryModel model;
  model.same_story = BoostedTrees::from_json({{"base", 0.0}, {"trees", nlohmann::json::array({tree})}});
  return model;
}

Article report(std::string id, const std::string& numbers) {
  Article a;
  a.id = std::move(id);
  a.lang = "en";
  a.title = "Harbour officials count the vessels after the storm";
  a.text = "After the storm, harbour officials counted the vessels in port: " + numbers +
           ". The count will be repeated on Friday.";
  a.published = 1700000000;
  return a;
}

class AverageLinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A and B share their numbers; C, D and E theirs; the two groups four of six (0.95); X shares
    // one of seven with A and B (0.8) and none with C, D, E (0.05).
    const char* a = "101 ferries, 102 barges, 103 tugs, 104 yachts and 201 dinghies";
    const char* c = "101 ferries, 102 barges, 103 tugs, 104 yachts and 301 dinghies";
    std::vector<Article> articles = {report("A", a), report("B", a), report("C", c), report("D", c),
                                     report("E", c), report("X", "201 dinghies, 501 canoes and 502 rafts")};
    for (Profile& p : testing::shared_engine().profile_all(std::move(articles))) {
      stats_.add(p);
      profiles_.push_back(std::make_shared<const Profile>(std::move(p)));
    }
  }

  // Clusters as ids of their first member, in input order.
  std::vector<std::string> clusters(bool adopt) {
    ThreadingOptions options;
    options.adopt_lone_articles = adopt;
    std::vector<std::string> out;
    for (const LinkedArticle& a : average_link(profiles_, model_, stats_, options))
      out.push_back(profiles_[a.cluster]->id);
    return out;
  }

  StoryModel model_ = number_overlap_model();
  TermStats stats_;
  std::vector<std::shared_ptr<const Profile>> profiles_;
};

TEST_F(AverageLinkTest, TheModelSeesTheDesignedOverlaps) {
  auto p = [&](std::size_t i, std::size_t j) {
    return model_.same_story_probability(pair_features(weigh(*profiles_[i], stats_), weigh(*profiles_[j], stats_), stats_),
                                         "en", "en");
  };
  EXPECT_NEAR(p(0, 1), 0.99f, 1e-4);  // A-B
  EXPECT_NEAR(p(2, 4), 0.99f, 1e-4);  // C-E
  EXPECT_NEAR(p(0, 2), 0.95f, 1e-4);  // A-C
  EXPECT_NEAR(p(5, 0), 0.8f, 1e-4);   // X-A
  EXPECT_NEAR(p(5, 3), 0.05f, 1e-4);  // X-D
}

// The five reports merge (every pair between A, B and C, D, E reads 0.95); X's mean with them,
// (2 × 0.8 + 3 × 0.05) / 5 = 0.35, keeps linkage from taking it in, but its best two read 0.8.
TEST_F(AverageLinkTest, AnArticleLinkageLeavesAloneJoinsWhereItsBestTwoAgree) {
  const std::vector<std::string> story(5, "A");
  std::vector<std::string> linked = story, adopted = story;
  linked.push_back("X");
  adopted.push_back("A");
  EXPECT_EQ(clusters(false), linked);
  EXPECT_EQ(clusters(true), adopted);
}

}  // namespace
}  // namespace storyline
