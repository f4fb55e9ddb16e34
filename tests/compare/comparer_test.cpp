// The comparer on the two shared samples (one story, two outlets, different spellings), with the
// committed model through the Engine. Only robust behaviour is checked, not learned numbers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "article/reader.h"
#include "compare/comparer.h"
#include "stories/engine.h"

namespace storyline {
namespace {

const std::string kSamples = std::string(STORYLINE_SHARED_DIR) + "/samples";

class ComparerOnSamples : public ::testing::Test {
 protected:
  struct Shared {
    std::unique_ptr<Engine> engine;
    std::vector<Profile> profiles;
    std::unique_ptr<TermStats> stats;
    std::string error;
  };
  // One Engine per test binary (loading it costs about half a second).
  static Shared& shared() {
    static Shared s = [] {
      Shared s;
      try {
        s.engine = std::make_unique<Engine>(EngineOptions{});
        ReadBatch batch = read_paths({kSamples});
        s.profiles = s.engine->profile_all(std::move(batch.articles));
        s.stats = std::make_unique<TermStats>(s.engine->corpus_stats(s.profiles));
      } catch (const std::exception& e) {
        s.error = e.what();
      }
      return s;
    }();
    return s;
  }
  void SetUp() override {
    if (!std::filesystem::exists(kSamples)) GTEST_SKIP() << kSamples << " is absent";
    ASSERT_TRUE(shared().error.empty()) << "Engine: " << shared().error;
    ASSERT_EQ(shared().profiles.size(), 2u);
  }
  const Profile& a() { return shared().profiles[0]; }
  const Profile& b() { return shared().profiles[1]; }
  const StoryModel& model() { return shared().engine->model(); }
  const TermStats& stats() { return *shared().stats; }
};

// The shared entity whose surfaces on side a contain `on_a` and on side b contain `on_b`.
const nlohmann::json* find_shared(const nlohmann::json& entities, const std::string& on_a,
                                  const std::string& on_b) {
  auto has = [](const nlohmann::json& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  };
  for (const auto& e : entities)
    if (has(e["a"], on_a) && has(e["b"], on_b)) return &e;
  return nullptr;
}

TEST_F(ComparerOnSamples, SamplesAreOneStory) {
  WeightedProfile wa = weigh(a(), stats()), wb = weigh(b(), stats());
  Comparison c = compare_profiles(model(), wa, wb, stats());
  EXPECT_TRUE(c.same_story) << "P = " << c.probability;
  EXPECT_GE(c.probability, 0.5f);
  EXPECT_GE(c.overall, 1.0f);
  EXPECT_LT(c.overall, 2.5f);  // nearer "same" than "unrelated" (the strict bound is below)
  EXPECT_NEAR(c.similarity, (4.0f - c.overall) / 3.0f, 1e-6);
  for (const char* dim : kDimensions) {
    ASSERT_TRUE(c.dimensions.count(dim)) << dim;
    EXPECT_GE(c.dimensions[dim], 1.0f);
    EXPECT_LE(c.dimensions[dim], 4.0f);
  }
}

TEST_F(ComparerOnSamples, ComparisonIsSymmetric) {
  WeightedProfile wa = weigh(a(), stats()), wb = weigh(b(), stats());
  Comparison ab = compare_profiles(model(), wa, wb, stats());
  Comparison ba = compare_profiles(model(), wb, wa, stats());
  EXPECT_NEAR(ab.overall, ba.overall, 1e-4);
  EXPECT_NEAR(ab.probability, ba.probability, 1e-4);
}

TEST_F(ComparerOnSamples, WhyListsSpellingVariantsPerSide) {
  WeightedProfile wa = weigh(a(), stats()), wb = weigh(b(), stats());
  Comparison c = compare_profiles(model(), wa, wb, stats());
  nlohmann::json why = explain(model(), c, wa, wb);
  const nlohmann::json& entities = why["shared_entities"];
  const nlohmann::json* griner = find_shared(entities, "Brittney Griner", "Britney Greiner");
  ASSERT_NE(griner, nullptr) << entities.dump(1);
  EXPECT_EQ((*griner)["kind"], "person");
  const nlohmann::json* lavrov = find_shared(entities, "Sergei Lavrov", "Sergey Lavrov");
  ASSERT_NE(lavrov, nullptr) << entities.dump(1);
  EXPECT_EQ((*lavrov)["kind"], "person");
  // Mentions are sorted, most first.
  for (std::size_t i = 1; i < entities.size(); ++i)
    EXPECT_GE(entities[i - 1]["mentions"].get<int>(), entities[i]["mentions"].get<int>());
  EXPECT_FALSE(why["shared_terms"].empty());
  EXPECT_EQ(why["features"].size(), std::size_t(kPairFeatureCount));
  EXPECT_TRUE(why["pulled_down_by"].is_array());
}

// "Why grouped" shows each shared term by the first word that produced it: one word per id,
// sorted by id for lookup.
TEST_F(ComparerOnSamples, DisplayWordIsTheFirstMetPerTerm) {
  Article article;
  article.id = "display";
  article.lang = "en";
  article.title = "Vienna talks resume";
  article.text = "Sergey Ivanov said the Vienna talks resumed on Monday. Sergei Ivanov agreed on Tuesday.";
  std::vector<Article> one;
  one.push_back(article);
  const Profile p = shared().engine->profile_all(std::move(one)).at(0);
  ASSERT_FALSE(p.display.empty());
  for (std::size_t i = 1; i < p.display.size(); ++i) EXPECT_LT(p.display[i - 1].first, p.display[i].first);
  EXPECT_EQ(p.display_word(term_id("s:", "talk")), "talks");
  std::vector<std::string> words;
  for (const auto& [id, word] : p.display) words.emplace_back(word);
  // Sergey and Sergei share one name key: the first spelling names it.
  EXPECT_NE(std::find(words.begin(), words.end(), "Sergey"), words.end());
  EXPECT_EQ(std::find(words.begin(), words.end(), "Sergei"), words.end()) << "a later spelling replaced the first";
}

TEST_F(ComparerOnSamples, ComparisonJsonHasBothSides) {
  WeightedProfile wa = weigh(a(), stats()), wb = weigh(b(), stats());
  Comparison c = compare_profiles(model(), wa, wb, stats());
  nlohmann::json out = comparison_json(model(), c, wa, wb);
  EXPECT_EQ(out["a"]["id"], a().id);
  EXPECT_EQ(out["b"]["id"], b().id);
  EXPECT_EQ(out["same_story"], true);
  EXPECT_NEAR(out["overall"].get<double>(), c.overall, 1e-3);
  EXPECT_TRUE(out.contains("why"));
}

TEST_F(ComparerOnSamples, AnArticleIsItsOwnStory) {
  WeightedProfile wa = weigh(a(), stats());
  Comparison c = compare_profiles(model(), wa, wa, stats());
  EXPECT_TRUE(c.same_story);
  EXPECT_LT(c.overall, 2.0f);
}

// BUG (reported to the lead): with the model retrained on the 25 features (params of
// 2023-11-23 14:10) the two samples score overall 2.10 (P(same) 0.94), and an article compared
// with itself 1.57; the expected behaviour is <= 1.5 for both. Enable once the model is fixed.
TEST_F(ComparerOnSamples, SamplesOverallIsAtMostOnePointFive) {
  WeightedProfile wa = weigh(a(), stats()), wb = weigh(b(), stats());
  EXPECT_LE(compare_profiles(model(), wa, wb, stats()).overall, 1.5f);
}

TEST_F(ComparerOnSamples, AnArticleWithItselfIsAtMostOnePointFive) {
  WeightedProfile wa = weigh(a(), stats()), wb = weigh(b(), stats());
  EXPECT_LE(compare_profiles(model(), wa, wa, stats()).overall, 1.5f);
  EXPECT_LE(compare_profiles(model(), wb, wb, stats()).overall, 1.5f);
}

}  // namespace
}  // namespace storyline
