// The category classifier on a labelled fixture written for this test
// (tests/fixtures/categories/categories.jsonl: realistic headlines + first sentences in English,
// Russian and German, one of the contest's seven categories each). Profiles are made by the real
// Engine (language detection, FreeDict bridge), so German exercises the dictionary path.
// The test lives here rather than in tests/features because it needs the Engine's profiles.
// It prints accuracies, a confusion table and every miss with the words that decided it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <cstdlib>
#include <map>

#include "features/category.h"
#include "stories/engine.h"

#include "../support/shared_engine.h"

namespace storyline {
namespace {

const std::string kFixture = std::string(STORYLINE_SOURCE_DIR) + "/tests/fixtures/categories/categories.jsonl";

struct Categories : ::testing::Test {
  static Engine& engine() { return testing::shared_engine(); }
  static const CategoryClassifier& classifier() {
    static Analyzer analyzer;
    static CategoryClassifier c{analyzer};
    return c;
  }
  static std::vector<Profile> profiles_of(const std::vector<std::string>& paths) {
    return testing::profile_files(paths);
  }
  static Profile profile_of(std::string title, std::string text, std::string lang = "en") {
    return testing::profile_text(std::move(title), std::move(text), std::move(lang));
  }
  // Fixture profiles with their gold labels, loaded once.
  struct Labelled {
    std::vector<Profile> profiles;
    std::vector<std::string> gold;
  };
  static const Labelled& fixture() {
    static Labelled l = [] {
      Labelled out;
      std::map<std::string, std::string> label;
      std::ifstream in(kFixture);
      for (std::string line; std::getline(in, line);)
        if (!line.empty()) {
          auto j = nlohmann::json::parse(line);
          label[j["id"]] = j["category"];
        }
      out.profiles = profiles_of({kFixture});
      for (const Profile& p : out.profiles) out.gold.push_back(label.at(p.id));
      return out;
    }();
    return l;
  }
  // Accuracy on the fixture items of one language; prints the misses.
  static double accuracy(const std::string& lang) {
    const Labelled& f = fixture();
    std::size_t n = 0, right = 0;
    std::map<std::string, std::map<std::string, int>> confusion;
    for (std::size_t i = 0; i < f.profiles.size(); ++i) {
      const Profile& p = f.profiles[i];
      if (p.id.rfind(lang + "-", 0) != 0) continue;
      ++n;
      const Category got = classifier().classify(p);
      confusion[f.gold[i]][std::string(category_name(got))] += 1;
      if (category_name(got) == f.gold[i]) {
        ++right;
        continue;
      }
      CategoryScores s = classifier().scores(p);
      std::cout << "  miss " << p.id << " -> " << category_name(got) << " [";
      for (std::size_t c = 0; c < kCategoryCount; ++c)
        std::cout << (c ? " " : "") << category_name(static_cast<Category>(c)).substr(0, 4) << "=" << s[c];
      std::cout << "] " << p.title << "\n";
    }
    std::cout << lang << ": " << right << "/" << n << " correct\n";
    for (const auto& [gold, row] : confusion) {
      std::cout << "  " << gold << ":";
      for (const auto& [got, count] : row) std::cout << " " << got << "=" << count;
      std::cout << "\n";
    }
    return n ? static_cast<double>(right) / static_cast<double>(n) : 0.0;
  }
};

TEST_F(Categories, NamesRoundTrip) {
  for (std::size_t i = 0; i < kCategoryCount; ++i) {
    Category c{};
    ASSERT_TRUE(parse_category(category_name(static_cast<Category>(i)), c));
    EXPECT_EQ(c, static_cast<Category>(i));
  }
  Category c{};
  EXPECT_FALSE(parse_category("any", c));
  EXPECT_EQ(category_name(Category::Sports), "sports");
}

TEST_F(Categories, LexiconsAreBuilt) {
  for (std::size_t i = 0; i < kCategoryCount - 1; ++i)
    EXPECT_GE(classifier().lexicon_size(static_cast<Category>(i)), 60u) << category_name(static_cast<Category>(i));
}

TEST_F(Categories, EmptyProfileIsOther) {
  Profile empty;
  EXPECT_EQ(classifier().classify(empty), Category::Other);
  empty.lang = "ru";
  EXPECT_EQ(classifier().classify(empty), Category::Other);
  EXPECT_EQ(classifier().classify_thread({}), Category::Other);
}

TEST_F(Categories, SportsHeadlineIsSports) {
  Profile p = profile_of("Liverpool striker scores hat-trick in 4-1 win over Chelsea",
                         "The forward netted three goals in the second half as the league leaders extended "
                         "their unbeaten run to 15 matches.");
  EXPECT_EQ(classifier().classify(p), Category::Sports);
  auto why = classifier().explain(p, Category::Sports);
  ASSERT_FALSE(why.empty());
  EXPECT_GT(why.front().second, 0.0f);
}

TEST_F(Categories, RussianHeadlineWithoutEnglishIsClassified) {
  Profile p = profile_of("Хоккеисты СКА обыграли Динамо в матче КХЛ",
                         "Победную шайбу в овертайме забросил нападающий петербургского клуба.", "ru");
  EXPECT_EQ(classifier().classify(p), Category::Sports);
}

TEST_F(Categories, ThreadIsLabelledByItsMajority) {
  Profile sport1 = profile_of("Coach sacked after fifth straight defeat", "The club's board dismissed the manager after the team lost 3-0 at home, leaving it bottom of the league.");
  Profile sport2 = profile_of("Club confirms manager's departure", "The Premier League side said the coach had left by mutual consent after a poor start to the season.");
  Profile money = profile_of("Club owner's shares fall on stock exchange", "Investors sold the company's stock after it reported a quarterly loss and cut its revenue forecast.");
  std::vector<const Profile*> thread = {&sport1, &money, &sport2};
  ASSERT_EQ(classifier().classify(sport1), Category::Sports);
  ASSERT_EQ(classifier().classify(money), Category::Economy);
  EXPECT_EQ(classifier().classify_thread(thread), Category::Sports);
  // A single member decides a thread of one; empty evidence still gives "other".
  std::vector<const Profile*> alone = {&money};
  EXPECT_EQ(classifier().classify_thread(alone), Category::Economy);
  Profile empty;
  std::vector<const Profile*> nothing = {&empty};
  EXPECT_EQ(classifier().classify_thread(nothing), Category::Other);
}

TEST_F(Categories, FixtureAccuracyEnglish) { EXPECT_GE(accuracy("en"), 0.8); }

TEST_F(Categories, FixtureAccuracyRussian) { EXPECT_GE(accuracy("ru"), 0.7); }

// German has no native lexicon: every hit comes through the FreeDict bridge.
TEST_F(Categories, FixtureAccuracyGermanThroughTheBridge) {
  bool bridged = false;
  for (const Profile& p : fixture().profiles)
    if (p.lang == "de" && !p.bridge_terms.empty()) bridged = true;
  if (!bridged) GTEST_SKIP() << "no FreeDict German dictionary";
  EXPECT_GE(accuracy("de"), 0.5);
}

// Unlabelled real data: the category distribution of ECB+ (disasters, crime, politics, sports,
// entertainment). A sanity check, printed; it only asserts that most articles get a category.
TEST_F(Categories, EcbPlusDistribution) {
  const std::string path = std::string(STORYLINE_SHARED_DIR) + "/data/ecbplus_dev.jsonl";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  std::vector<Profile> profiles = profiles_of({path});
  std::map<std::string, int> total;
  std::map<int, std::map<std::string, int>> by_topic;  // ECB+ ids are "<topic>_<doc>"
  for (const Profile& p : profiles) {
    const std::string name(category_name(classifier().classify(p)));
    total[name] += 1;
    by_topic[std::atoi(p.id.c_str())][name] += 1;
  }
  for (const auto& [topic, counts] : by_topic) {
    std::cout << "  topic " << topic << ":";
    for (const auto& [name, count] : counts) std::cout << " " << name << "=" << count;
    std::cout << "\n";
  }
  std::cout << "ECB+ (" << profiles.size() << " articles):";
  for (const auto& [name, count] : total) std::cout << " " << name << "=" << count;
  std::cout << "\n";
  EXPECT_LT(total["other"], static_cast<int>(profiles.size()) / 2);
}

}  // namespace
}  // namespace storyline
