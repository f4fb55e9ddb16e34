#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "eval/evaluation.h"
#include "eval/metrics.h"

namespace storyline {
namespace {

TEST(Pearson, KnownValue) {
  // mean x 3, mean y 4: sxy 6, sxx 10, syy 6.
  EXPECT_NEAR(pearson({1, 2, 3, 4, 5}, {2, 4, 5, 4, 5}), 6.0 / std::sqrt(60.0), 1e-12);
  EXPECT_NEAR(pearson({1, 2, 3}, {2, 4, 6}), 1.0, 1e-12);
  EXPECT_NEAR(pearson({1, 2, 3}, {3, 2, 1}), -1.0, 1e-12);
}

// Undefined is NaN, not 0 (which would read as "no correlation"); reports print it as null.
TEST(Pearson, DegenerateInputsAreUndefined) {
  EXPECT_TRUE(std::isnan(pearson({}, {})));
  EXPECT_TRUE(std::isnan(pearson({1}, {2})));
  EXPECT_TRUE(std::isnan(pearson({1, 1, 1}, {1, 2, 3})));  // constant side
  EXPECT_TRUE(std::isnan(spearman({1, 2, 3}, {2, 2, 2})));
}

// A NaN among the values made std::sort's comparison no strict weak order (undefined behaviour).
TEST(Spearman, NanValuesMakeItUndefined) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(std::isnan(spearman({1, nan, 3, 4}, {1, 2, 3, 4})));
  EXPECT_TRUE(std::isnan(spearman({1, 2, 3, 4}, {nan, 2, 3, 4})));
  EXPECT_TRUE(std::isnan(roc_auc({0.1, nan, 0.3}, {true, false, true})));
}

TEST(Spearman, UsesAverageRanksForTies) {
  // y ranks with ties: 1, 2.5, 4.5, 2.5, 4.5 -> sxy 7, sxx 10, syy 9.
  EXPECT_NEAR(spearman({1, 2, 3, 4, 5}, {2, 4, 5, 4, 5}), 7.0 / std::sqrt(90.0), 1e-12);
  // Monotone but not linear: rank correlation is exactly 1.
  EXPECT_NEAR(spearman({1, 2, 3, 4}, {1, 10, 100, 1000}), 1.0, 1e-12);
  EXPECT_NEAR(spearman({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0, 1e-12);
}

TEST(RocAuc, KnownValuesWithTies) {
  // Pairs (positive, negative): 0.9>0.8, 0.9>0.3, 0.8=0.8 (half), 0.8>0.3 -> 3.5 / 4.
  EXPECT_DOUBLE_EQ(roc_auc({0.9, 0.8, 0.8, 0.3}, {true, true, false, false}), 0.875);
  EXPECT_DOUBLE_EQ(roc_auc({0.9, 0.8, 0.2, 0.1}, {true, true, false, false}), 1.0);
  EXPECT_DOUBLE_EQ(roc_auc({0.1, 0.2, 0.8, 0.9}, {true, true, false, false}), 0.0);
  EXPECT_DOUBLE_EQ(roc_auc({0.5, 0.5, 0.5, 0.5}, {true, false, true, false}), 0.5);
}

TEST(RocAuc, OneClassOnlyIsUndefined) {
  EXPECT_TRUE(std::isnan(roc_auc({0.1, 0.9}, {true, true})));
  EXPECT_TRUE(std::isnan(roc_auc({0.1, 0.9}, {false, false})));
  EXPECT_TRUE(std::isnan(roc_auc({}, {})));
}

TEST(ScoreClustering, HandComputedExample) {
  // predicted A A A B B, gold x x y y y.
  ClusteringScores s = score_clustering({"A", "A", "A", "B", "B"}, {"x", "x", "y", "y", "y"});
  EXPECT_EQ(s.items, 5u);
  EXPECT_EQ(s.predicted_clusters, 2u);
  EXPECT_EQ(s.gold_clusters, 2u);
  // B-cubed precision: (2/3 + 2/3 + 1/3 + 1 + 1) / 5; recall: (1 + 1 + 1/3 + 2/3 + 2/3) / 5.
  EXPECT_NEAR(s.b3_precision, 11.0 / 15.0, 1e-12);
  EXPECT_NEAR(s.b3_recall, 11.0 / 15.0, 1e-12);
  EXPECT_NEAR(s.b3_f1, 11.0 / 15.0, 1e-12);
  // Pairs together in both: (0,1), (3,4) = 2; predicted pairs 3 + 1; gold pairs 1 + 3.
  EXPECT_NEAR(s.pair_precision, 0.5, 1e-12);
  EXPECT_NEAR(s.pair_recall, 0.5, 1e-12);
  EXPECT_NEAR(s.pair_f1, 0.5, 1e-12);
}

TEST(ScoreClustering, AsymmetricExample) {
  // Everything in one predicted cluster; gold x x y.
  ClusteringScores s = score_clustering({"A", "A", "A"}, {"x", "x", "y"});
  EXPECT_NEAR(s.b3_precision, (2.0 / 3 + 2.0 / 3 + 1.0 / 3) / 3, 1e-12);
  EXPECT_NEAR(s.b3_recall, 1.0, 1e-12);
  EXPECT_NEAR(s.pair_precision, 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(s.pair_recall, 1.0, 1e-12);
  EXPECT_NEAR(s.pair_f1, 0.5, 1e-12);
}

TEST(ScoreClustering, PerfectAndSingletons) {
  ClusteringScores perfect = score_clustering({"p", "p", "q"}, {"x", "x", "y"});
  EXPECT_DOUBLE_EQ(perfect.b3_f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.pair_f1, 1.0);
  ClusteringScores singletons = score_clustering({"a", "b", "c"}, {"x", "x", "x"});
  EXPECT_DOUBLE_EQ(singletons.b3_precision, 1.0);
  EXPECT_NEAR(singletons.b3_recall, 1.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(singletons.pair_precision, 1.0);  // no predicted pair: vacuously precise
  EXPECT_DOUBLE_EQ(singletons.pair_recall, 0.0);
  EXPECT_DOUBLE_EQ(singletons.pair_f1, 0.0);
  ClusteringScores empty = score_clustering({}, {});
  EXPECT_EQ(empty.items, 0u);
}

TEST(PairsReport, ReportsCorrelationsAndAucForBinaryGold) {
  std::vector<PairPrediction> predictions = {
      {"1", "en-en", 1.2, 1.0}, {"2", "en-de", 1.5, 1.0}, {"3", "en-en", 3.5, 4.0}, {"4", "en-de", 3.9, 4.0}};
  nlohmann::json report = pairs_report(predictions);
  EXPECT_EQ(report["n"], 4);
  EXPECT_GT(report["pearson"].get<double>(), 0.9);
  EXPECT_DOUBLE_EQ(report["spearman"].get<double>(), 0.8944);  // gold ties: 2 x 1.0, 2 x 4.0
  EXPECT_DOUBLE_EQ(report["auc"].get<double>(), 1.0);
  EXPECT_EQ(report["by_lang_pair"]["en-de"]["n"], 2);
  predictions[0].gold = 2.0;  // graded gold: no AUC
  EXPECT_FALSE(pairs_report(predictions).contains("auc"));
}

TEST(PairsReport, UndefinedFiguresAreNull) {
  // One pair per language pair, one class only: nothing is defined but the counts.
  nlohmann::json report = pairs_report({{"1", "en-en", 1.2, 1.0}});
  EXPECT_EQ(report["n"], 1);
  EXPECT_TRUE(report["pearson"].is_null()) << report.dump();
  EXPECT_TRUE(report["spearman"].is_null()) << report.dump();
  EXPECT_TRUE(report["auc"].is_null()) << report.dump();
  EXPECT_TRUE(report["by_lang_pair"]["en-en"]["pearson"].is_null()) << report.dump();
  EXPECT_NE(report.dump().find("\"pearson\":null"), std::string::npos);
}

TEST(ThreadLabels, MissingArticlesGetTheirOwnLabel) {
  Thread t;
  t.id = "t1";
  t.members = {{"a", "", "", "", std::nullopt, 1, {}}, {"b", "", "", "", std::nullopt, 1, {}}};
  auto labels = thread_labels({t}, {"b", "zz", "a"});
  EXPECT_EQ(labels, (std::vector<std::string>{"t1", "missing:zz", "t1"}));
  auto report = clustering_report(score_clustering(labels, {"g", "h", "g"}));
  EXPECT_EQ(report["n"], 3);
  EXPECT_DOUBLE_EQ(report["b3_f1"].get<double>(), 1.0);
}

}  // namespace
}  // namespace storyline
