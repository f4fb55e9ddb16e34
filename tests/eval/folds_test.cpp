// Cross-validation folds: pairs that share an article share a fold, and nested out-of-fold
// predictions never fit on the held-out fold or on the row's own fold.
#include "eval/folds.h"

#include <gtest/gtest.h>

#include <set>

namespace storyline {
namespace {

LabelledPair pair(std::string id, std::string text_a, std::string text_b, std::string url_a = "") {
  LabelledPair p;
  p.pair_id = std::move(id);
  p.a.text = std::move(text_a);
  p.a.url = std::move(url_a);
  p.b.text = std::move(text_b);
  return p;
}

TEST(PairFolds, PairsSharingAnArticleShareAFold) {
  constexpr int kFolds = 5;
  std::vector<LabelledPair> pairs;
  // Chains through a shared text (p0-p1-p2) and a shared link (p3-p4); the rest stand alone.
  pairs.push_back(pair("p0", "storm text", "flood text"));
  pairs.push_back(pair("p1", "flood text", "quake text"));
  pairs.push_back(pair("p2", "other text", "quake text"));
  pairs.push_back(pair("p3", "budget text", "vote text", "https://example.com/a"));
  pairs.push_back(pair("p4", "budget text, edited", "tax text", "https://example.com/a"));
  for (int i = 0; i < 40; ++i) pairs.push_back(pair("q" + std::to_string(i), "a" + std::to_string(i), "b" + std::to_string(i)));
  for (int split = 0; split < 4; ++split) {
    const std::vector<int> fold = pair_folds(pairs, kFolds, split);
    ASSERT_EQ(fold.size(), pairs.size());
    EXPECT_EQ(fold[0], fold[1]) << split;
    EXPECT_EQ(fold[1], fold[2]) << split;
    EXPECT_EQ(fold[3], fold[4]) << split;
    EXPECT_EQ(fold[0], fold_of("p0", kFolds, split)) << split;  // the group's least id
    std::set<int> used;
    for (std::size_t i = 5; i < pairs.size(); ++i) {
      EXPECT_EQ(fold[i], fold_of(pairs[i].pair_id, kFolds, split));  // alone: as by its own id
      used.insert(fold[i]);
    }
    EXPECT_EQ(used.size(), std::size_t(kFolds));
  }
}

TEST(OutOfFold, NestedPredictionsNeverFitOnTheHeldOutFoldOrTheRowsOwn) {
  constexpr int kFolds = 4;
  std::vector<int> fold;
  for (int i = 0; i < 20; ++i) fold.push_back(i % kFolds);
  for (int held_out = -1; held_out < kFolds; ++held_out) {
    std::vector<int> predicted_times(fold.size());
    auto fit_predict = [&](const std::vector<bool>& train, const std::vector<bool>& predict) {
      std::vector<float> out(fold.size());
      for (std::size_t i = 0; i < fold.size(); ++i) {
        if (train[i]) {
          EXPECT_NE(fold[i], held_out) << "fitted on the held-out fold";
          EXPECT_FALSE(predict[i]) << "fitted on a row it predicts";
        }
        if (predict[i]) {
          ++predicted_times[i];
          // The row's score says which folds its model was fitted on.
          float trained_folds = 0;
          for (std::size_t j = 0; j < fold.size(); ++j)
            if (train[j]) trained_folds += fold[j] == fold[i] ? 1000 : 1;
          out[i] = trained_folds;
        }
      }
      return out;
    };
    const std::vector<float> score = out_of_fold(fold, kFolds, held_out, fit_predict, -1);
    for (std::size_t i = 0; i < fold.size(); ++i) {
      if (fold[i] == held_out) {
        EXPECT_EQ(score[i], -1);
        EXPECT_EQ(predicted_times[i], 0);
      } else {
        EXPECT_EQ(predicted_times[i], 1);
        // Fitted on every other fold but the held-out one: 5 rows each.
        EXPECT_EQ(score[i], float(5 * (kFolds - (held_out >= 0 ? 2 : 1)))) << i << " held out " << held_out;
      }
    }
  }
}

}  // namespace
}  // namespace storyline
