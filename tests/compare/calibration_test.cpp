#include "compare/calibration.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace storyline {
namespace {

// Rows whose true P(same) is sigmoid(bias + slope * score), scores uniform in [-2, 2].
std::vector<CalibrationRow> simulated(const std::string& pair, float bias, float slope, int n, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<float> score(-2.0f, 2.0f), unit(0.0f, 1.0f);
  std::vector<CalibrationRow> rows;
  for (int i = 0; i < n; ++i) {
    float s = score(random);
    rows.push_back({s, unit(random) < Logistic{bias, slope}(s), 1.0f, pair});
  }
  return rows;
}

TEST(Calibration, LanguagePairKeyIgnoresOrder) {
  EXPECT_EQ(language_pair_key("en", "de"), "de-en");
  EXPECT_EQ(language_pair_key("de", "en"), "de-en");
  EXPECT_EQ(language_pair_key("ru", "ru"), "ru-ru");
}

TEST(Calibration, FitRecoversTheCurve) {
  std::vector<CalibrationRow> rows = simulated("en-en", 0.5f, 2.0f, 20000, 1);
  std::vector<float> s, w;
  std::vector<bool> y;
  for (const auto& r : rows) s.push_back(r.score), y.push_back(r.same), w.push_back(1.0f);
  Logistic l = fit_logistic(s, y, w);
  EXPECT_NEAR(l.bias, 0.5f, 0.1f);
  EXPECT_NEAR(l.slope, 2.0f, 0.15f);
}

TEST(Calibration, CrossLanguagePairsGetTheirOwnCurve) {
  // Cross-language pairs score lower for the same story: the same raw score means more.
  std::vector<CalibrationRow> rows = simulated("en-en", -1.0f, 2.0f, 4000, 2);
  std::vector<CalibrationRow> de_en = simulated("de-en", 1.0f, 2.0f, 4000, 3);
  rows.insert(rows.end(), de_en.begin(), de_en.end());
  Calibration c = fit_calibration(rows);
  ASSERT_TRUE(c.language_pairs.count("de-en"));
  ASSERT_TRUE(c.language_pairs.count("en-en"));
  EXPECT_NEAR(c.curve("en", "de").bias, 1.0f, 0.2f);
  EXPECT_NEAR(c.curve("en", "en").bias, -1.0f, 0.2f);
  // One threshold, one meaning: the score at P = 0.5 differs by language pair.
  EXPECT_GT(c.curve("en", "de")(0.0f), 0.6f);
  EXPECT_LT(c.curve("en", "en")(0.0f), 0.4f);
  // An unseen language pair falls back to the cross-language curve, or to the global one.
  ASSERT_TRUE(c.cross_language.has_value());
  EXPECT_EQ(c.curve("fr", "ru").bias, c.cross_language->bias);
  EXPECT_EQ(c.curve("fr", "fr").bias, c.global.bias);
}

TEST(Calibration, SmallGroupsStayOnTheGlobalCurve) {
  std::vector<CalibrationRow> rows = simulated("en-en", 0.0f, 2.0f, 4000, 4);
  std::vector<CalibrationRow> few = simulated("tr-tr", 3.0f, 2.0f, 10, 5);
  rows.insert(rows.end(), few.begin(), few.end());
  Calibration c = fit_calibration(rows);
  EXPECT_FALSE(c.language_pairs.count("tr-tr"));
  EXPECT_EQ(c.curve("tr", "tr").bias, c.global.bias);
}

TEST(Calibration, PriorPullsAModestGroupTowardsTheGlobalCurve) {
  std::vector<CalibrationRow> rows = simulated("de-en", 2.0f, 2.0f, 60, 6);
  std::vector<float> s, w;
  std::vector<bool> y;
  for (const auto& r : rows) s.push_back(r.score), y.push_back(r.same), w.push_back(1.0f);
  Logistic prior{0.0f, 2.0f};
  Logistic free = fit_logistic(s, y, w), pulled = fit_logistic(s, y, w, &prior, 60);
  EXPECT_LT(std::abs(pulled.bias - prior.bias), std::abs(free.bias - prior.bias));
}

TEST(Calibration, JsonRoundTripAndOlderFiles) {
  Calibration c;
  c.global = {-1.0f, 3.0f};
  c.language_pairs["de-en"] = {0.5f, 2.5f};
  c.cross_language = Logistic{0.25f, 2.75f};
  Calibration back = Calibration::from_json(c.to_json());
  EXPECT_EQ(back.to_json(), c.to_json());
  // A model written before per-language curves: the global curve only.
  Calibration old = Calibration::from_json({{"bias", -2.0}, {"slope", 4.0}});
  EXPECT_FLOAT_EQ(old.curve("de", "en").bias, -2.0f);
  EXPECT_FALSE(old.cross_language.has_value());
}

}  // namespace
}  // namespace storyline
