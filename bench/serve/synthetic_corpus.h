// Synthetic but realistic articles for the serve benchmark: real news texts of the shared data
// sets (ECB+, SemEval-2022 and Telegram pairs: eight languages) re-issued as syndicated copies
// with their own ids, outlets, dates and a varying subset of paragraphs, so that threads grow
// as they do when many outlets carry one agency report.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "article/article.h"

namespace storyline::bench {

class SyntheticCorpus {
 public:
  // Reads the base texts from `shared_dir`/data; throws std::runtime_error when none is found.
  explicit SyntheticCorpus(const std::string& shared_dir, std::uint32_t seed = 42);

  std::size_t base_size() const { return base_.size(); }

  // The i-th of `total` articles, deterministic for a seed: publication order over `days`
  // from 2022-01-01, each base story copied by many outlets over some hours.
  Article make(std::size_t i, std::size_t total, int days = 60) const;

 private:
  std::vector<Article> base_;
  std::uint32_t seed_;
};

// The JSON body of a PUT /articles/{id}.
std::string put_body(const Article& article);

}  // namespace storyline::bench
