#include "store/profile_codec.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include "compare/pair_features.h"
#include "features/gazetteer.h"
#include "features/profiler.h"

#include <map>
#include <unordered_map>

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

// Field by field, weights and numbers bit for bit (a weight read back as 1.0000001 would
// change judgements after a restart without any test of comparisons noticing at once).
void expect_same(const Profile& back, const Profile& p) {
  EXPECT_EQ(back.id, p.id);
  EXPECT_EQ(back.lang, p.lang);
  EXPECT_EQ(back.title, p.title);
  EXPECT_EQ(back.lede, p.lede);
  EXPECT_EQ(back.source, p.source);
  EXPECT_EQ(back.url, p.url);
  EXPECT_EQ(back.published, p.published);
  const SparseVector Profile::*vectors[] = {&Profile::title_terms, &Profile::body_terms, &Profile::bridge_terms,
                                            &Profile::name_keys, &Profile::prefixes, &Profile::title_prefixes,
                                            &Profile::lede_terms, &Profile::lede_phrases, &Profile::lede_bridge_terms};
  for (auto v : vectors) {
    ASSERT_EQ((back.*v).entries.size(), (p.*v).entries.size());
    for (std::size_t i = 0; i < (p.*v).entries.size(); ++i) {
      EXPECT_EQ((back.*v).entries[i].first, (p.*v).entries[i].first);
      EXPECT_EQ(std::bit_cast<std::uint32_t>((back.*v).entries[i].second),
                std::bit_cast<std::uint32_t>((p.*v).entries[i].second)) << (p.*v).entries[i].second;
    }
  }
  ASSERT_EQ(back.entities.size(), p.entities.size());
  for (std::size_t i = 0; i < p.entities.size(); ++i) {
    EXPECT_EQ(back.entities[i].key, p.entities[i].key);
    EXPECT_EQ(back.entities[i].kind, p.entities[i].kind);
    EXPECT_EQ(back.entities[i].surfaces, p.entities[i].surfaces);
    EXPECT_EQ(back.entities[i].role, p.entities[i].role);
    EXPECT_EQ(back.entities[i].count, p.entities[i].count);
    EXPECT_EQ(back.entities[i].in_title, p.entities[i].in_title);
  }
  EXPECT_EQ(back.mentioned_days, p.mentioned_days);
  EXPECT_EQ(back.mentioned_months, p.mentioned_months);
  EXPECT_EQ(back.years, p.years);
  ASSERT_EQ(back.numbers.size(), p.numbers.size());
  for (std::size_t i = 0; i < p.numbers.size(); ++i) {
    EXPECT_EQ(std::bit_cast<std::uint64_t>(back.numbers[i].value), std::bit_cast<std::uint64_t>(p.numbers[i].value));
    EXPECT_EQ(back.numbers[i].counted, p.numbers[i].counted);
  }
  EXPECT_EQ(back.token_count, p.token_count);
  EXPECT_EQ(back.display, p.display);
}

// Stores written before the compact format (version 4) restore without re-analysing.
TEST(ProfileCodec, ReadsVersion4Blobs) {
  // encode_profile(sample()) as version 4 wrote it.
  const std::string hex =
      "0403000000612d310200000064651a000000426c696e6b656e2073707269636874206d6974204c6177726f7710000000"
      "4572737465732054656c65666f6e6174070000005370696567656c1500000068747470733a2f2f6578616d706c652e6f"
      "72672f78010c46e162000000000200000001000000000000000000004007000000000000000000803f01000000030000"
      "0000000000000080400100000009000000000000000000003f010000000b000000000000000000803f010000000d0000"
      "000000000000000040010000000f000000000000000000803f0100000011000000000000000000803f01000000130000"
      "00000000000000803f0100000015000000000000000000803e0200000005000000626c6e6b6e00020000000700000042"
      "6c696e6b656e0e000000416e746f6e7920426c696e6b656e0e0000004175c39f656e6d696e6973746572030000000106"
      "0000006d6f73636f770101000000060000004d6f736b617500000000010000000002000000004b0000014b0000010000"
      "00ce5e000002000000e5070000e607000002000000000000000000004008000000616d6572696b616e000000000000e0"
      "3f000000004101000002000000010000000000000007000000626c696e6b656e0700000000000000060000006c617772"
      "6f77";
  std::string blob;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) blob.push_back(char(std::stoi(hex.substr(i, 2), nullptr, 16)));
  ASSERT_EQ(blob[0], 4);
  auto back = decode_profile(blob);
  ASSERT_TRUE(back);
  expect_same(*back, sample());
  for (std::size_t n = 0; n < blob.size(); ++n) EXPECT_FALSE(decode_profile(blob.substr(0, n))) << n;
  // Display words out of id order (a damaged blob: the encoder writes them sorted) are refused,
  // not kept where a binary search would miss them. The first word's id, 1, becomes 9 (> 7).
  const std::size_t word = blob.find("blinken", blob.size() - 40);
  ASSERT_NE(word, std::string::npos);
  ASSERT_EQ(blob[word - 12], 1);
  blob[word - 12] = 9;
  EXPECT_FALSE(decode_profile(blob));
}

// Random profiles round-trip exactly: whole and fractional weights, the odd floats (-0, NaN,
// infinities, 254.5, 255), long strings (multi-byte lengths), large ids, and display words of
// terms in no vector as well as in several.
TEST(ProfileCodec, RandomProfilesRoundTripBitForBit) {
  std::mt19937_64 rng(11);
  auto pick = [&](std::uint64_t n) { return rng() % n; };
  const float odd[] = {0.0f, -0.0f, 1.0f, 254.0f, 255.0f, 254.5f, 0.25f, -1.0f, 1e30f, 3e-41f,
                       std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(),
                       std::numeric_limits<float>::quiet_NaN(), 128.0f, 7.0f};
  auto text = [&](std::size_t max) {
    std::string s(pick(max + 1), 'x');
    for (char& c : s) c = char('a' + pick(26));
    if (!s.empty() && pick(3) == 0) s += "\xC3\xA9";
    return s;
  };
  for (int round = 0; round < 300; ++round) {
    Profile p;
    p.id = text(20);
    p.lang = text(3);
    p.title = text(200);
    p.lede = text(pick(4) == 0 ? 20000 : 300);
    p.source = text(30);
    p.url = text(100);
    if (pick(2)) p.published = std::int64_t(rng()) >> pick(40);
    std::vector<TermId> all;
    for (SparseVector* v : {&p.title_terms, &p.body_terms, &p.bridge_terms, &p.name_keys, &p.prefixes,
                            &p.title_prefixes, &p.lede_terms, &p.lede_phrases, &p.lede_bridge_terms}) {
      const std::size_t n = pick(4) == 0 ? pick(300) : pick(20);
      std::unordered_map<TermId, float> counts;
      for (std::size_t i = 0; i < n; ++i) {
        TermId id = pick(3) == 0 && !all.empty() ? all[pick(all.size())] : (pick(2) ? rng() : pick(1000));
        counts[id] = pick(3) == 0 ? odd[pick(std::size(odd))] : pick(2) ? float(pick(300)) : float(pick(1000)) / 7.0f;
      }
      *v = SparseVector::from_counts(counts);
      for (auto [id, w] : v->entries) all.push_back(id);
    }
    for (std::size_t i = pick(4); i-- > 0;) {
      ProfileEntity e{text(10), EntityKind(pick(4)), {}, text(pick(2) ? 0 : 30), std::uint32_t(rng()), pick(2) == 0};
      for (std::size_t k = pick(3) + 1; k-- > 0;) e.surfaces.push_back(text(15));
      p.entities.push_back(std::move(e));
    }
    for (auto* days : {&p.mentioned_days, &p.mentioned_months, &p.years})
      for (std::size_t i = pick(5); i-- > 0;) days->push_back(std::int32_t(rng()));
    for (std::size_t i = pick(4); i-- > 0;) p.numbers.push_back({double(rng()) / 3.0, text(8)});
    p.token_count = std::uint32_t(rng() >> pick(64));
    std::map<TermId, std::string> display;
    for (std::size_t i = pick(200); i-- > 0;)
      display[pick(3) == 0 || all.empty() ? rng() : all[pick(all.size())]] = text(12);
    p.display.assign(display.begin(), display.end());
    SCOPED_TRACE(round);
    auto back = decode_profile(encode_profile(p));
    ASSERT_TRUE(back);
    expect_same(*back, p);
  }
}

// The point of version 5: a real article's blob is well under its version 4 size.
TEST(ProfileCodec, CompactForRealArticles) {
  Gazetteer gazetteer = Gazetteer::from_entries({{"valencia", {"G:2509954", "Valencia", 800000, "ES"}}});
  Profiler profiler(gazetteer, nullptr, true);
  Article a;
  a.id = "flood";
  a.lang = "en";
  a.title = "Floods force thousands from their homes in Valencia";
  for (int i = 0; i < 12; ++i)
    a.text += "Torrential rain flooded " + std::to_string(i * 17) + " streets of district " + std::to_string(i) +
              " in Valencia on Thursday, emergency services said, and rescuers evacuated residents.\n\n";
  Profile p = profiler.profile(a);
  std::size_t fixed_width = 1 + 6 * 4 + p.id.size() + p.lang.size() + p.title.size() + p.lede.size() +
                            p.source.size() + p.url.size() + 9;
  for (const SparseVector* v : {&p.title_terms, &p.body_terms, &p.bridge_terms, &p.name_keys, &p.prefixes,
                                &p.title_prefixes, &p.lede_terms, &p.lede_phrases, &p.lede_bridge_terms})
    fixed_width += 4 + 12 * v->entries.size();
  fixed_width += 4;
  for (const ProfileEntity& e : p.entities) {
    fixed_width += 4 + e.key.size() + 1 + 4 + 4 + e.role.size() + 4 + 1;
    for (const std::string& surface : e.surfaces) fixed_width += 4 + surface.size();
  }
  fixed_width += 12 + 4 * (p.mentioned_days.size() + p.mentioned_months.size() + p.years.size());
  fixed_width += 4;
  for (const CountedNumber& n : p.numbers) fixed_width += 12 + n.counted.size();
  fixed_width += 4 + 4;
  for (const auto& [id, word] : p.display) fixed_width += 12 + word.size();
  ASSERT_GT(p.display.size(), 20u);
  const std::string blob = encode_profile(p);
  EXPECT_LT(double(blob.size()), 0.75 * double(fixed_width)) << fixed_width;
  auto back = decode_profile(blob);
  ASSERT_TRUE(back);
  expect_same(*back, p);
}

TEST(ProfileCodec, RoundTripsEveryField) {
  Profile p = sample();
  auto back = decode_profile(encode_profile(p));
  ASSERT_TRUE(back);
  expect_same(*back, p);
  EXPECT_EQ(back->entities[0].kind, EntityKind::Person);
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
