#include "eval/folds.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "features/sparse_vector.h"

namespace storyline {
namespace {

// Union-find over pair indices.
struct Groups {
  std::vector<std::size_t> parent;
  explicit Groups(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(std::size_t x, std::size_t y) { parent[find(x)] = find(y); }
};

}  // namespace

int fold_of(const std::string& key, int folds, int split) {
  std::string salt = split == 0 ? "fold:" : "fold" + std::to_string(split) + ":";
  return int(term_id(salt, key) % std::uint64_t(folds));
}

std::vector<int> pair_folds(const std::vector<LabelledPair>& pairs, int folds, int split) {
  Groups groups(pairs.size());
  std::unordered_map<std::string, std::size_t> first_with;  // article key -> first pair naming it
  auto link = [&](const std::string& key, std::size_t pair) {
    auto [it, fresh] = first_with.emplace(key, pair);
    if (!fresh) groups.join(pair, it->second);
  };
  for (std::size_t i = 0; i < pairs.size(); ++i)
    for (const Article* a : {&pairs[i].a, &pairs[i].b}) {
      link("text:" + a->title + "\n" + a->text, i);
      if (!a->url.empty()) link("url:" + a->url, i);
    }
  std::unordered_map<std::size_t, const std::string*> name;  // group -> its least pair id
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const std::string*& least = name[groups.find(i)];
    if (!least || pairs[i].pair_id < *least) least = &pairs[i].pair_id;
  }
  std::vector<int> fold(pairs.size());
  for (std::size_t i = 0; i < pairs.size(); ++i) fold[i] = fold_of(*name[groups.find(i)], folds, split);
  return fold;
}

std::vector<float> out_of_fold(const std::vector<int>& fold, int folds, int held_out, const FitPredict& fit_predict,
                               float fill) {
  const std::size_t n = fold.size();
  std::vector<float> out(n, fill);
  for (int k = 0; k < folds; ++k) {
    if (k == held_out) continue;
    std::vector<bool> train(n), predict(n);
    for (std::size_t i = 0; i < n; ++i) {
      train[i] = fold[i] != k && fold[i] != held_out;
      predict[i] = fold[i] == k;
    }
    std::vector<float> predicted = fit_predict(train, predict);
    for (std::size_t i = 0; i < n; ++i)
      if (predict[i]) out[i] = predicted[i];
  }
  return out;
}

}  // namespace storyline
