// A cross-lingual check of our own: one invented event (a motorway bridge collapsing in Genoa)
// reported in German and in English, and an unrelated English report (an earthquake in
// Chile), written for this test (tests/fixtures/crosslingual). The German and English reports
// share almost no word forms; only the dictionary bridge, the name keys and the numbers can
// tell that they are one story.
#include <gtest/gtest.h>

#include "compare/comparer.h"
#include "stories/engine.h"

#include "../support/shared_engine.h"

namespace storyline {
namespace {

const std::string kFixtures = std::string(STORYLINE_SOURCE_DIR) + "/tests/fixtures/crosslingual/";

struct CrossLingual : ::testing::Test {
  static Engine& engine() { return testing::shared_engine(); }
  static std::vector<Profile> profiles(const std::vector<std::string>& files) {
    std::vector<std::string> paths;
    for (const auto& f : files) paths.push_back(kFixtures + f);
    return testing::profile_files(paths);
  }
};

TEST_F(CrossLingual, DictionaryBridgesGermanAndEnglish) {
  auto p = profiles({"genoa_bridge_de.json", "genoa_bridge_en.json"});
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].lang, "de");
  EXPECT_FALSE(p[0].bridge_terms.empty()) << "no FreeDict translations for the German report";
  TermStats stats = engine().corpus_stats(p);
  WeightedProfile a = weigh(p[0], stats), b = weigh(p[1], stats);
  PairFeatures f = pair_features(a, b, stats);
  EXPECT_GT(f[kBridgeCosine], 0.15f);
  nlohmann::json why = explain(engine().model(), compare_profiles(engine().model(), a, b, stats), a, b);
  std::vector<std::string> terms;
  for (const auto& t : why["shared_terms"]) terms.push_back(t["term"]);
  EXPECT_NE(std::find(terms.begin(), terms.end(), "bridg"), terms.end()) << why.dump();
}

// The headline and the first two sentences say what happened; their bridge is kept apart so
// that two reports in different languages can be compared on that alone.
TEST_F(CrossLingual, TheLedeBridgeComesFromTheHeadlineAndOpeningSentences) {
  auto p = profiles({"genoa_bridge_de.json", "genoa_bridge_en.json", "chile_quake_en.json"});
  ASSERT_EQ(p.size(), 3u);
  for (const Profile& profile : p) {
    ASSERT_FALSE(profile.lede_bridge_terms.empty()) << profile.id;
    EXPECT_LT(profile.lede_bridge_terms.entries.size(), profile.bridge_terms.entries.size()) << profile.id;
    for (auto [id, weight] : profile.lede_bridge_terms.entries)
      EXPECT_GT(profile.bridge_terms.weight_of(id), 0.0f) << profile.id << ": " << id;
  }
  TermStats stats = engine().corpus_stats(p);
  WeightedProfile de = weigh(p[0], stats), en = weigh(p[1], stats), quake = weigh(p[2], stats);
  const float same = pair_features(de, en, stats)[kLedeBridgeCosine];
  const float other = pair_features(de, quake, stats)[kLedeBridgeCosine];
  EXPECT_GT(same, 0.1f);
  EXPECT_LT(other, same / 2);
}

TEST_F(CrossLingual, SameEventAcrossLanguagesIsOneStoryAnotherEventIsNot) {
  auto p = profiles({"genoa_bridge_de.json", "genoa_bridge_en.json", "chile_quake_en.json"});
  ASSERT_EQ(p.size(), 3u);
  TermStats stats = engine().corpus_stats(p);
  std::vector<WeightedProfile> w;
  for (const Profile& profile : p) w.push_back(weigh(profile, stats));
  Comparison same = compare_profiles(engine().model(), w[0], w[1], stats);
  Comparison other = compare_profiles(engine().model(), w[0], w[2], stats);
  EXPECT_TRUE(same.same_story) << same.probability;
  EXPECT_FALSE(other.same_story) << other.probability;
  EXPECT_LT(same.overall, other.overall);
  // The shared entities show both spellings: Genua / Genoa is one place.
  nlohmann::json why = explain(engine().model(), same, w[0], w[1]);
  bool genoa = false;
  for (const auto& e : why["shared_entities"])
    genoa = genoa || (e["a"][0] == "Genua" && e["b"][0] == "Genoa");
  EXPECT_TRUE(genoa) << why["shared_entities"].dump();
}

TEST_F(CrossLingual, ThreadsJoinTheTwoLanguages) {
  auto p = profiles({"genoa_bridge_de.json", "genoa_bridge_en.json", "chile_quake_en.json"});
  TermStats stats = engine().corpus_stats(p);
  auto threads = engine().thread_corpus(std::move(p), stats);
  ASSERT_EQ(threads.size(), 2u);
  std::vector<std::string> languages;
  for (const Thread& t : threads)
    if (t.members.size() == 2) languages = t.languages;
  EXPECT_EQ(languages, (std::vector<std::string>{"de", "en"}));
}

// Words the dictionaries lack still bridge: a German compound by its parts, and in other
// Latin-script languages a name or loan word as itself (src/features/bridge_translator.h).
TEST_F(CrossLingual, WordsTheDictionaryLacksStillBridge) {
  const Profile spanish = testing::profile_text(
      "Huelga de pilotos de Lufthansa", "Los pilotos de Lufthansa convocan una huelga de dos días.", "es");
  const Profile english = testing::profile_text(
      "Lufthansa pilots strike", "Lufthansa pilots called a two-day strike on Monday.", "en");
  const TermId lufthansa = term_id("b:", "lufthansa");
  EXPECT_GT(spanish.bridge_terms.weight_of(lufthansa), 0.0f);
  EXPECT_GT(english.bridge_terms.weight_of(lufthansa), 0.0f);

  const Profile german = testing::profile_text(
      "Polizeisprecher bestätigt Festnahme", "Ein Polizeisprecher bestätigte die Festnahme am Abend.", "de");
  EXPECT_GT(german.bridge_terms.weight_of(term_id("b:", "polic")), 0.0f);
  // German keeps no unknown word as itself.
  const Profile name = testing::profile_text("Lufthansa streicht Flüge", "Die Lufthansa streicht Flüge.", "de");
  EXPECT_EQ(name.bridge_terms.weight_of(lufthansa), 0.0f);
}

}  // namespace
}  // namespace storyline
