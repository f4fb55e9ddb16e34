// Gazetteer: one id per place across languages and scripts, multiword names, ranking of
// shared names, and the cost of loading the system gazetteer (printed for the record).
#include "features/gazetteer.h"
#include "features/gazetteer_memo.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "features/mo_catalog.h"

namespace storyline {
namespace {

// Loading takes a few hundred milliseconds: load once for the whole suite.
class GazetteerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto start = std::chrono::steady_clock::now();
    gazetteer_ = new Gazetteer(Gazetteer::load_system());
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("gazetteer: %zu names, %zu places, max %zu words, %.1f MiB, loaded in %.0f ms\n",
                gazetteer_->size(), gazetteer_->place_count(), gazetteer_->max_words(),
                gazetteer_->memory_bytes() / 1048576.0, ms);
  }
  static void TearDownTestSuite() { delete gazetteer_; }
  static std::string id_of(const char* folded) {
    const Place* p = gazetteer_->find(folded);
    return p ? p->id : std::string("<none>");
  }
  static Gazetteer* gazetteer_;
};
Gazetteer* GazetteerTest::gazetteer_ = nullptr;

struct Expect {
  const char* folded_name;
  const char* id;
};

TEST_F(GazetteerTest, CountriesInManyLanguagesShareOneId) {
  const std::vector<Expect> cases = {
      {"germany", "C:DE"},       {"deutschland", "C:DE"},   {"allemagne", "C:DE"},
      {"германия", "C:DE"},      {"ألمانيا", "C:DE"},       {"alemania", "C:DE"},
      {"niemcy", "C:DE"},        {"almanya", "C:DE"},       {"russia", "C:RU"},
      {"russland", "C:RU"},      {"россия", "C:RU"},        {"russian federation", "C:RU"},
      {"russische föderation", "C:RU"}, {"rusya", "C:RU"},  {"روسيا", "C:RU"},
      {"ukraine", "C:UA"},       {"украина", "C:UA"},       {"україна", "C:UA"},
      {"united states", "C:US"}, {"vereinigte staaten", "C:US"}, {"états-unis", "C:US"},
      {"estados unidos", "C:US"}, {"usa", "C:US"},          {"u s", "C:US"},
      {"united kingdom", "C:GB"}, {"britain", "C:GB"},      {"iran", "C:IR"},
      {"türkiye", "C:TR"},       {"turkey", "C:TR"},        {"syria", "C:SY"},
  };
  for (const auto& [name, id] : cases) EXPECT_EQ(id_of(name), id) << name;
}

TEST_F(GazetteerTest, CitiesWithTranslations) {
  const std::vector<Expect> cases = {
      {"moscow", "G:524901"}, {"moskau", "G:524901"}, {"москва", "G:524901"},
      {"moscou", "G:524901"}, {"موسكو", "G:524901"},  {"berlin", "G:2950159"},
      {"берлин", "G:2950159"}, {"kyiv", "G:703448"},  {"киев", "G:703448"},
      {"new york", "G:5128581"}, {"new york city", "G:5128581"}, {"нью-йорк", "G:5128581"},
  };
  for (const auto& [name, id] : cases) EXPECT_EQ(id_of(name), id) << name;
  const Place* moscow = gazetteer_->find("moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(moscow->name_en, "Moscow");
  EXPECT_EQ(moscow->country, "RU");
  EXPECT_GT(moscow->population, 1000000u);
}

TEST_F(GazetteerTest, SeparatorsAreCanonical) {
  EXPECT_EQ(id_of("new-york"), "G:5128581");
  EXPECT_EQ(id_of("  new   york "), "G:5128581");
  EXPECT_EQ(id_of("u.s."), "C:US");
  EXPECT_EQ(Gazetteer::canonical("rostov-on-don"), "rostov on don");
  EXPECT_EQ(Gazetteer::canonical("côte d’ivoire"), "côte d ivoire");
}

TEST_F(GazetteerTest, UnknownAndCommonWordsAreNotPlaces) {
  for (const char* w : {"the", "blinken", "lavrov", "griner", "", "a", "of", "phone"})
    EXPECT_EQ(gazetteer_->find(w), nullptr) << w;
}

TEST_F(GazetteerTest, SizeAndCost) {
  EXPECT_GT(gazetteer_->place_count(), 20000u);
  EXPECT_GE(gazetteer_->max_words(), 3u);
  EXPECT_LT(gazetteer_->memory_bytes(), std::size_t{200} << 20);
}

// The memo answers what the gazetteer answers, hits and misses alike, asked once or again.
TEST_F(GazetteerTest, MemoAnswersLikeTheGazetteer) {
  GazetteerMemo memo(*gazetteer_);
  const std::vector<std::string> names = {"berlin", "new york", "new", "москва", "deutschland",
                                          "the", "zzqx", "rio de janeiro", "rio", ""};
  for (int round = 0; round < 2; ++round)
    for (const std::string& name : names) {
      EXPECT_EQ(memo.find(name), gazetteer_->find(name)) << name;
      EXPECT_EQ(memo.max_words_from(name), gazetteer_->max_words_from(name)) << name;
    }
  EXPECT_EQ(memo.max_words(), gazetteer_->max_words());
}

TEST(GazetteerEntries, CountryOutranksCityAndLargerCityWins) {
  Gazetteer g = Gazetteer::from_entries({
      {"paris", {"G:4717560", "Paris", 25000, "US"}},
      {"paris", {"G:2988507", "Paris", 2138551, "FR"}},
      {"georgia", {"G:1", "Georgia", 9000000, "US"}},
      {"georgia", {"C:GE", "Georgia", 0, "GE"}},
  });
  ASSERT_NE(g.find("paris"), nullptr);
  EXPECT_EQ(g.find("paris")->id, "G:2988507");
  EXPECT_EQ(g.find("georgia")->id, "C:GE");
  EXPECT_EQ(g.find("london"), nullptr);
  EXPECT_EQ(g.max_words(), 1u);
}

TEST(MoCatalog, ReadsIsoCodesCatalog) {
  int n = 0;
  bool germany = false;
  bool ok = read_mo_catalog("/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo",
                            [&](std::string_view id, std::string_view str) {
                              ++n;
                              if (id == "Germany") germany = str == "Deutschland";
                            });
  if (!ok) GTEST_SKIP() << "iso-codes German catalog not installed";
  EXPECT_GT(n, 200);
  EXPECT_TRUE(germany);
  EXPECT_FALSE(read_mo_catalog("/nonexistent.mo", [](std::string_view, std::string_view) {}));
}

}  // namespace
}  // namespace storyline
