#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <set>
#include <functional>
#include <random>
#include <sstream>

#include "compare/pair_features.h"

#ifdef STORYLINE_HAVE_RAPIDCHECK
#include <rapidcheck/gtest.h>
#endif

namespace storyline {
namespace {

// A random small profile, from any source of integers pick(lo, hi) (inclusive): rapidcheck
// (which shrinks a failure to a minimal pair) or a seeded std::mt19937 where rapidcheck is absent.
using Pick = std::function<int(int, int)>;

SparseVector random_terms(const Pick& pick, const char* prefix) {
  std::unordered_map<TermId, float> counts;
  int n = pick(0, 4);
  for (int i = 0; i < n; ++i)
    counts[term_id(prefix, std::string(1, char('a' + pick(0, 5))))] += float(pick(1, 3));
  return SparseVector::from_counts(counts);
}

Profile random_profile(const Pick& pick, const std::string& id) {
  static const char* kKeys[] = {"grnr", "lvrv", "blnkn", "whln", "msk"};
  static const char* kCounted[] = {"", "dead", "dead", "injur"};
  static const EntityKind kKinds[] = {EntityKind::Person, EntityKind::Place,
                                      EntityKind::Organisation, EntityKind::Other};
  Profile p;
  p.id = id;
  p.lang = pick(0, 3) == 0 ? "de" : "en";
  p.title_terms = random_terms(pick, "s:");
  p.body_terms = random_terms(pick, "s:");
  p.bridge_terms = random_terms(pick, "b:");
  p.name_keys = random_terms(pick, "k:");
  p.prefixes = random_terms(pick, "p:");
  p.lede_phrases = random_terms(pick, "g:");
  std::set<std::string> used;
  for (int i = pick(0, 3); i > 0; --i) {
    ProfileEntity e;
    e.key = kKeys[pick(0, 4)];
    if (!used.insert(e.key).second) continue;  // a profile has one entity per key
    e.kind = kKinds[pick(0, 3)];
    e.count = std::uint32_t(pick(1, 4));
    e.in_title = pick(0, 1) == 1;
    e.surfaces = {e.key};
    p.entities.push_back(e);
  }
  for (int i = pick(0, 2); i > 0; --i) p.mentioned_days.push_back(19200 + pick(0, 4));
  for (int i = pick(0, 2); i > 0; --i) p.mentioned_months.push_back(24270 + pick(0, 2));
  for (int i = pick(0, 2); i > 0; --i) p.years.push_back(2020 + pick(0, 2));
  for (int i = pick(0, 3); i > 0; --i)
    p.numbers.push_back({double(std::array{5, 12}[pick(0, 1)]), kCounted[pick(0, 3)]});
  if (pick(0, 2) > 0) p.published = 1658900000 + 3600 * pick(0, 72);
  p.token_count = std::uint32_t(pick(0, 400));
  return p;
}

std::string describe(const Profile& p) {
  std::ostringstream out;
  out << p.id << ": lang=" << p.lang << " entities=[";
  for (auto& e : p.entities) out << e.key << "/" << int(e.kind) << "x" << e.count << (e.in_title ? "T" : "") << " ";
  out << "] numbers=[";
  for (auto& n : p.numbers) out << n.value << " '" << n.counted << "' ";
  out << "] days=" << p.mentioned_days.size() << " published=" << (p.published ? *p.published : -1);
  return out.str();
}

// The features whose value for (a, b) differs from (b, a) beyond float rounding.
std::vector<std::string> asymmetries(const Profile& a, const Profile& b, const TermStats& stats,
                                     const std::set<int>& skip = {}) {
  WeightedProfile wa = weigh(a, stats), wb = weigh(b, stats);
  PairFeatures ab = pair_features(wa, wb, stats), ba = pair_features(wb, wa, stats);
  std::vector<std::string> out;
  for (int f = 0; f < kPairFeatureCount; ++f)
    if (!skip.count(f) && std::fabs(ab[f] - ba[f]) > 1e-5f)
      out.push_back(std::string(pair_feature_name(f)) + " " + std::to_string(ab[f]) + " vs " +
                    std::to_string(ba[f]));
  return out;
}

TermStats stats_of(const std::vector<const Profile*>& profiles) {
  TermStats stats;
  for (const Profile* p : profiles) stats.add(*p);
  return stats;
}

const std::set<int> kNumberFeatures = {kNumberAgreement, kNumberConflict};

// Seeded fallback driver: also runs where rapidcheck is installed (cheap, fixed cases).
TEST(PairFeatures, SymmetricOnSeededRandomProfiles) {
  std::mt19937 random(20220727);
  Pick pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  for (int i = 0; i < 500; ++i) {
    Profile a = random_profile(pick, "a"), b = random_profile(pick, "b");
    TermStats stats = stats_of({&a, &b});
    auto bad = asymmetries(a, b, stats, kNumberFeatures);
    ASSERT_TRUE(bad.empty()) << describe(a) << "\n" << describe(b) << "\n" << bad.front();
  }
}

#ifdef STORYLINE_HAVE_RAPIDCHECK
Pick rc_pick = [](int lo, int hi) { return *rc::gen::inRange(lo, hi + 1); };

RC_GTEST_PROP(PairFeaturesProperty, SymmetricInAAndBExceptNumbers, ()) {
  Profile a = random_profile(rc_pick, "a"), b = random_profile(rc_pick, "b");
  TermStats stats = stats_of({&a, &b});
  auto bad = asymmetries(a, b, stats, kNumberFeatures);
  RC_LOG() << describe(a) << "\n" << describe(b) << "\n";
  for (auto& s : bad) RC_LOG() << s << "\n";
  RC_ASSERT(bad.empty());
}

// BUG (reported to the lead): number_agreement / number_conflict are computed from a's numbers
// only, so they are not symmetric when one side counts the same thing twice with different
// values (a: "5 dead"; b: "5 dead", "12 dead" -> agreement 1 for (a, b), 0.5 for (b, a)).
// pair_features.h promises every feature is symmetric. Enable once fixed.
RC_GTEST_PROP(PairFeaturesProperty, SymmetricInAAndBIncludingNumbers, ()) {
  Profile a = random_profile(rc_pick, "a"), b = random_profile(rc_pick, "b");
  TermStats stats = stats_of({&a, &b});
  auto bad = asymmetries(a, b, stats);
  RC_LOG() << describe(a) << "\n" << describe(b) << "\n";
  for (auto& s : bad) RC_LOG() << s << "\n";
  RC_ASSERT(bad.empty());
}

RC_GTEST_PROP(PairFeaturesProperty, IdenticalProfilesHaveUnitCosines, ()) {
  Profile a = random_profile(rc_pick, "a");
  Profile b = a;
  b.id = "b";
  TermStats stats = stats_of({&a, &b});
  WeightedProfile wa = weigh(a, stats), wb = weigh(b, stats);
  PairFeatures f = pair_features(wa, wb, stats);
  for (int c : {kTitleCosine, kBodyCosine, kBridgeCosine})
    RC_ASSERT(f[c] == -1.0f || std::fabs(f[c] - 1.0f) < 1e-4f);
  for (int c : {kAllCosine, kNameKeyCosine, kPrefixCosine})
    RC_ASSERT(f[c] == 0.0f || std::fabs(f[c] - 1.0f) < 1e-4f);
  RC_ASSERT(f[kSameLanguage] == 1.0f);
  RC_ASSERT(f[kEntityOverlap] == -1.0f || std::fabs(f[kEntityOverlap] - 1.0f) < 1e-5f);
  RC_ASSERT(f[kNumberConflict] <= 0.0f);  // -1 (nothing comparable) or 0
  RC_ASSERT(f[kShorterLength] == f[kLongerLength]);
}
#endif

// The deterministic form of the bug above, for the lead.
TEST(PairFeatures, NumberFeaturesAreSymmetric) {
  Profile a, b;
  a.id = "a";
  b.id = "b";
  a.numbers = {{5, "dead"}};
  b.numbers = {{5, "dead"}, {12, "dead"}};
  TermStats stats;
  auto bad = asymmetries(a, b, stats);
  EXPECT_TRUE(bad.empty()) << bad.front();
}

Profile rich_profile() {
  Profile p;
  p.id = "x";
  p.lang = "en";
  p.title_terms = SparseVector::from_counts({{term_id("s:", "lavrov"), 1}, {term_id("s:", "call"), 1}});
  p.body_terms = SparseVector::from_counts(
      {{term_id("s:", "lavrov"), 3}, {term_id("s:", "blinken"), 2}, {term_id("s:", "griner"), 1}});
  p.bridge_terms = p.body_terms;
  p.name_keys = SparseVector::from_counts({{term_id("k:", "lvrv"), 3}});
  p.prefixes = SparseVector::from_counts({{term_id("p:", "lavro"), 3}});
  p.lede_phrases = SparseVector::from_counts({{term_id("g:", "lavrov met"), 1}, {term_id("g:", "met blinken"), 1}});
  ProfileEntity lavrov{"lvrv", EntityKind::Person, {"Sergei Lavrov"}, "", 3, true};
  ProfileEntity moscow{"msk", EntityKind::Place, {"Moscow"}, "", 1, false};
  p.entities = {lavrov, moscow};
  p.mentioned_days = {19200};
  p.mentioned_months = {24270};
  p.years = {2022};
  p.numbers = {{2, "american"}};
  p.published = 1658900000;
  p.token_count = 120;
  return p;
}

TEST(PairFeatures, IdenticalProfilesGiveUnitCosines) {
  Profile a = rich_profile(), b = rich_profile();
  b.id = "y";
  TermStats stats = stats_of({&a, &b});
  PairFeatures f = pair_features(weigh(a, stats), weigh(b, stats), stats);
  for (int c : {kTitleCosine, kBodyCosine, kAllCosine, kBridgeCosine, kNameKeyCosine, kPrefixCosine})
    EXPECT_NEAR(f[c], 1.0f, 1e-5) << pair_feature_name(c);
  // Title against whole text is below 1 even for identical articles, and the same both ways.
  EXPECT_GT(f[kTitleBodyCosine], 0.0f);
  for (int c : {kEntityOverlap, kPersonOverlap, kPlaceOverlap, kTitleEntityOverlap,
                kMainActorMatch, kDayOverlap, kNumberAgreement, kNumberOverlap, kYearOverlap,
                kMonthOverlap, kSameLanguage, kPhraseContainment})
    EXPECT_FLOAT_EQ(f[c], 1.0f) << pair_feature_name(c);
  for (int c : {kDayDistance, kNumberConflict, kPublicationGap})
    EXPECT_FLOAT_EQ(f[c], 0.0f) << pair_feature_name(c);
  EXPECT_FLOAT_EQ(f[kOrganisationOverlap], -1.0f);  // neither has an organisation
  EXPECT_FLOAT_EQ(f[kShorterLength], f[kLongerLength]);
}

TEST(PairFeatures, NoEvidenceIsMinusOne) {
  Profile a = rich_profile(), empty;
  empty.id = "empty";
  empty.lang = "en";
  TermStats stats = stats_of({&a, &empty});
  for (bool swap : {false, true}) {
    const Profile& x = swap ? empty : a;
    const Profile& y = swap ? a : empty;
    PairFeatures f = pair_features(weigh(x, stats), weigh(y, stats), stats);
    for (int c : {kTitleCosine, kBodyCosine, kBridgeCosine, kEntityOverlap, kPersonOverlap,
                  kPlaceOverlap, kOrganisationOverlap, kTitleEntityOverlap, kMainActorMatch,
                  kDayOverlap, kDayDistance, kNumberAgreement, kNumberConflict, kNumberOverlap,
                  kYearOverlap, kMonthOverlap, kPublicationGap, kPhraseContainment})
      EXPECT_FLOAT_EQ(f[c], -1.0f) << pair_feature_name(c) << (swap ? " (swapped)" : "");
    // Cosines without a "no evidence" value are simply 0.
    for (int c : {kAllCosine, kNameKeyCosine, kPrefixCosine, kTitleBodyCosine})
      EXPECT_FLOAT_EQ(f[c], 0.0f) << pair_feature_name(c);
  }
}

TEST(PairFeatures, DifferentCountOfTheSameThingIsAConflict) {
  Profile a, b;
  a.id = "a";
  b.id = "b";
  a.numbers = {{5, "dead"}};
  b.numbers = {{12, "dead"}};
  TermStats stats;
  PairFeatures f = pair_features(weigh(a, stats), weigh(b, stats), stats);
  EXPECT_FLOAT_EQ(f[kNumberConflict], 1.0f);
  EXPECT_FLOAT_EQ(f[kNumberAgreement], 0.0f);
  EXPECT_FLOAT_EQ(f[kNumberOverlap], 0.0f);

  b.numbers = {{5, "dead"}};
  f = pair_features(weigh(a, stats), weigh(b, stats), stats);
  EXPECT_FLOAT_EQ(f[kNumberConflict], 0.0f);
  EXPECT_FLOAT_EQ(f[kNumberAgreement], 1.0f);

  // Different things counted are not comparable: no evidence either way.
  b.numbers = {{12, "injur"}};
  f = pair_features(weigh(a, stats), weigh(b, stats), stats);
  EXPECT_FLOAT_EQ(f[kNumberConflict], -1.0f);
  EXPECT_FLOAT_EQ(f[kNumberAgreement], -1.0f);
}

// Two forecasts for "8 November" are not one story for sharing the day; "3 March" against
// "5 March" is two incidents.
TEST(PairFeatures, DaysOfAMonthOnlyCountAgainst) {
  Profile a, b;
  a.id = "a";
  b.id = "b";
  a.numbers = {{8, day_of_month_key(11)}};
  b.numbers = {{8, day_of_month_key(11)}};
  TermStats stats;
  PairFeatures f = pair_features(weigh(a, stats), weigh(b, stats), stats);
  EXPECT_FLOAT_EQ(f[kNumberAgreement], -1.0f);
  EXPECT_FLOAT_EQ(f[kNumberConflict], -1.0f);

  a.numbers = {{3, day_of_month_key(3)}, {40, "dead"}};
  b.numbers = {{5, day_of_month_key(3)}, {40, "dead"}};
  f = pair_features(weigh(a, stats), weigh(b, stats), stats);
  EXPECT_FLOAT_EQ(f[kNumberConflict], 0.5f);
  EXPECT_FLOAT_EQ(f[kNumberAgreement], 0.5f);
  // The same day of another month is another thing counted.
  b.numbers = {{3, day_of_month_key(4)}};
  f = pair_features(weigh(a, stats), weigh(b, stats), stats);
  EXPECT_FLOAT_EQ(f[kNumberConflict], -1.0f);
}

TEST(PairFeatures, PhraseContainmentMeasuresTheShorterSide) {
  auto phrases = [](std::initializer_list<const char*> list) {
    std::unordered_map<TermId, float> counts;
    for (const char* p : list) counts[term_id("g:", p)] = 1;
    return SparseVector::from_counts(counts);
  };
  Profile a, b;
  a.id = "a";
  b.id = "b";
  TermStats stats;
  a.lede_phrases = phrases({"music festiv", "festiv cancel", "polit unrest", "hong kong"});
  b.lede_phrases = phrases({"festiv cancel", "hong kong"});
  // A rewrite that keeps every phrase of the shorter side contains it fully, either way round.
  EXPECT_FLOAT_EQ(pair_features(weigh(a, stats), weigh(b, stats), stats)[kPhraseContainment], 1.0f);
  EXPECT_FLOAT_EQ(pair_features(weigh(b, stats), weigh(a, stats), stats)[kPhraseContainment], 1.0f);
  b.lede_phrases = phrases({"festiv cancel", "quak strike", "rescu team", "death toll"});
  EXPECT_FLOAT_EQ(pair_features(weigh(a, stats), weigh(b, stats), stats)[kPhraseContainment], 0.25f);
  b.lede_phrases = {};
  EXPECT_FLOAT_EQ(pair_features(weigh(a, stats), weigh(b, stats), stats)[kPhraseContainment], -1.0f);
}

TEST(PairFeatures, DisjointVocabulariesHaveZeroCosine) {
  Profile a = rich_profile(), b;
  b.id = "b";
  b.lang = "de";
  b.title_terms = SparseVector::from_counts({{term_id("s:", "erdbeben"), 1}});
  b.body_terms = SparseVector::from_counts({{term_id("s:", "chile"), 2}});
  b.bridge_terms = SparseVector::from_counts({{term_id("b:", "earthquak"), 2}});
  TermStats stats = stats_of({&a, &b});
  PairFeatures f = pair_features(weigh(a, stats), weigh(b, stats), stats);
  EXPECT_FLOAT_EQ(f[kTitleCosine], 0.0f);
  EXPECT_FLOAT_EQ(f[kBodyCosine], 0.0f);
  EXPECT_FLOAT_EQ(f[kAllCosine], 0.0f);
  EXPECT_FLOAT_EQ(f[kBridgeCosine], 0.0f);
  EXPECT_FLOAT_EQ(f[kSameLanguage], 0.0f);
}

TEST(PairFeatures, LedeBridgeCosineIsMissingWithoutALedeBridge) {
  Profile a = rich_profile(), b = rich_profile();
  b.id = "b";
  a.lede_bridge_terms = SparseVector::from_counts({{term_id("b:", "bridg"), 2}, {term_id("b:", "collaps"), 1}});
  b.lede_bridge_terms = SparseVector::from_counts({{term_id("b:", "bridg"), 1}});
  TermStats stats = stats_of({&a, &b});
  EXPECT_GT(pair_features(weigh(a, stats), weigh(b, stats), stats)[kLedeBridgeCosine], 0.0f);
  b.lede_bridge_terms = {};
  EXPECT_FLOAT_EQ(pair_features(weigh(a, stats), weigh(b, stats), stats)[kLedeBridgeCosine], -1.0f);
}

TEST(PairFeatures, PublicationGapGrowsWithTime) {
  Profile a = rich_profile(), b = rich_profile(), c = rich_profile();
  b.published = *a.published + 3600;
  c.published = *a.published + 5 * 86400;
  TermStats stats = stats_of({&a, &b, &c});
  auto gap = [&](const Profile& x, const Profile& y) {
    return pair_features(weigh(x, stats), weigh(y, stats), stats)[kPublicationGap];
  };
  EXPECT_LT(gap(a, b), gap(a, c));
  EXPECT_NEAR(gap(a, c), std::log1p(5.0f), 1e-5);
}

}  // namespace
}  // namespace storyline
