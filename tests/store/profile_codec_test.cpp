#include "store/profile_codec.h"

#include <gtest/gtest.h>

#include "compare/pair_features.h"
#include "features/gazetteer.h"
#include "features/profiler.h"

namespace storyline {
namespace {

Profile sample() {
  Profile p;
  p.id = "a-1";
  p.lang = "de";
  p.title = "Blinken spricht mit Lawrow";
  p.lede = "Erstes Telefonat";
  p.source = "Spiegel";
  p.url = "https://example.org/x";
  p.published = 1658930700;
  p.title_terms.entries = {{1, 2.0f}, {7, 1.0f}};
  p.body_terms.entries = {{3, 4.0f}};
  p.bridge_terms.entries = {{9, 0.5f}};
  p.name_keys.entries = {{11, 1.0f}};
  p.prefixes.entries = {{13, 2.0f}};
  p.title_prefixes.entries = {{15, 1.0f}};
  p.lede_terms.entries = {{17, 1.0f}};
  p.lede_phrases.entries = {{19, 1.0f}};
  p.lede_bridge_terms.entries = {{21, 0.25f}};
  p.years = {2021, 2022};
  p.entities.push_back({"blnkn", EntityKind::Person, {"Blinken", "Antony Blinken"}, "Außenminister", 3, true});
  p.entities.push_back({"moscow", EntityKind::Place, {"Moskau"}, "", 1, false});
  p.mentioned_days = {19200, 19201};
  p.mentioned_months = {24270};
  p.numbers = {{2, "amerikan"}, {0.5, ""}};
  p.token_count = 321;
  p.display = {{1, "blinken"}, {7, "lawrow"}};
  return p;
}

TEST(ProfileCodec, RoundTripsEveryField) {
  Profile p = sample();
  auto back = decode_profile(encode_profile(p));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->id, p.id);
  EXPECT_EQ(back->lang, p.lang);
  EXPECT_EQ(back->title, p.title);
  EXPECT_EQ(back->lede, p.lede);
  EXPECT_EQ(back->source, p.source);
  EXPECT_EQ(back->url, p.url);
  EXPECT_EQ(back->published, p.published);
  EXPECT_EQ(back->title_terms.entries, p.title_terms.entries);
  EXPECT_EQ(back->body_terms.entries, p.body_terms.entries);
  EXPECT_EQ(back->bridge_terms.entries, p.bridge_terms.entries);
  EXPECT_EQ(back->name_keys.entries, p.name_keys.entries);
  EXPECT_EQ(back->prefixes.entries, p.prefixes.entries);
  EXPECT_EQ(back->title_prefixes.entries, p.title_prefixes.entries);
  EXPECT_EQ(back->lede_terms.entries, p.lede_terms.entries);
  EXPECT_EQ(back->lede_phrases.entries, p.lede_phrases.entries);
  EXPECT_EQ(back->lede_bridge_terms.entries, p.lede_bridge_terms.entries);
  EXPECT_EQ(back->years, p.years);
  ASSERT_EQ(back->entities.size(), 2u);
  EXPECT_EQ(back->entities[0].surfaces, p.entities[0].surfaces);
  EXPECT_EQ(back->entities[0].role, p.entities[0].role);
  EXPECT_EQ(back->entities[0].kind, EntityKind::Person);
  EXPECT_EQ(back->entities[0].count, 3u);
  EXPECT_TRUE(back->entities[0].in_title);
  EXPECT_EQ(back->entities[1].kind, EntityKind::Place);
  EXPECT_EQ(back->mentioned_days, p.mentioned_days);
  EXPECT_EQ(back->mentioned_months, p.mentioned_months);
  ASSERT_EQ(back->numbers.size(), 2u);
  EXPECT_EQ(back->numbers[0].counted, "amerikan");
  EXPECT_EQ(back->token_count, 321u);
  EXPECT_EQ(back->display, p.display);
  EXPECT_EQ(back->display_word(7), "lawrow");
}

// Whatever the Profiler fills in, a restored profile must compare exactly like the original:
// a field the codec forgot would silently change every judgement after a restart.
TEST(ProfileCodec, RestoredProfilesCompareLikeTheOriginals) {
  Gazetteer gazetteer = Gazetteer::from_entries({{"moskau", {"G:524901", "Moscow", 12000000, "RU"}}});
  Profiler profiler(gazetteer, nullptr, false);
  Article a, b;
  a.id = "a";
  a.lang = b.lang = "de";
  a.title = "Blinken telefoniert mit Lawrow über Griner";
  a.text = "Am 27. Juli 2022 sprach US-Außenminister Antony Blinken in Moskau mit Sergej Lawrow. "
           "Es ging um 2 Amerikaner, die seit 16 Jahren in Haft sind. Der Streit begann 2014.\n\nDas Gespräch dauerte eine Stunde.";
  a.url = "https://example.org/2022/07/27/x";
  b.id = "b";
  b.title = "Lawrow und Blinken sprechen erstmals seit Kriegsbeginn";
  b.text = "Sergej Lawrow und Antony Blinken haben am Mittwoch in Moskau telefoniert. Im Juli 2022 ging es um Griner.";
  Profile pa = profiler.profile(a), pb = profiler.profile(b);
  auto restored = decode_profile(encode_profile(pa));
  ASSERT_TRUE(restored);
  TermStats stats;
  stats.add(pa);
  stats.add(pb);
  PairFeatures original = pair_features(weigh(pa, stats), weigh(pb, stats), stats);
  PairFeatures after = pair_features(weigh(*restored, stats), weigh(pb, stats), stats);
  for (int f = 0; f < kPairFeatureCount; ++f) EXPECT_EQ(after[f], original[f]) << pair_feature_name(f);
  EXPECT_FALSE(pa.lede_phrases.entries.empty());
  EXPECT_FALSE(pa.years.empty());
}

TEST(ProfileCodec, UndatedStaysUndated) {
  Profile p;
  p.id = "x";
  auto back = decode_profile(encode_profile(p));
  ASSERT_TRUE(back);
  EXPECT_FALSE(back->published);
}

TEST(ProfileCodec, RefusesTruncatedAndForeignBlobs) {
  const std::string blob = encode_profile(sample());
  for (std::size_t n = 0; n < blob.size(); ++n) EXPECT_FALSE(decode_profile(blob.substr(0, n))) << n;
  EXPECT_FALSE(decode_profile(blob + "x"));
  std::string other = blob;
  other[0] = 99;
  EXPECT_FALSE(decode_profile(other));
}

}  // namespace
}  // namespace storyline
