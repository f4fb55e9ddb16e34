// Batch threading by average linkage over the model's P(same story).
//
// Online threading (ThreadBuilder::add) must place each article when it arrives, by its best
// few matches; one strong match with a report of another incident then chains two incidents
// into one thread. A batch can wait until every article is in: each article is compared with
// the candidates the index returns for it (the query and window of online threading), and
// clusters merge best-first while the mean P over the pairs between them reaches 0.5
// (threads/agglomeration.h). Pairs further apart in time than the window do not count. An
// article left alone then joins the cluster its best two matches favour, if they reach 0.5
// (ThreadingOptions::adopt_lone_articles).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "compare/pair_features.h"
#include "compare/story_model.h"
#include "features/profile.h"
#include "index/term_stats.h"

namespace storyline {

struct ThreadingOptions;

struct LinkedArticle {
  std::size_t cluster = 0;  // position (in the input) of the cluster's first article
  // Mean of the best two P(same story) with earlier members of its cluster (1 for the first).
  float probability = 1;
  std::optional<std::size_t> matched;  // the earlier member it is most like (none for the first)
  float matched_probability = 0;
  // Handed on rather than computed again: weigh(profile, stats) and its candidate_query().
  WeightedProfile weighted;
  SparseVector query;
};

// One entry per article of `in_order` (publication order, ids distinct). `progress` is called
// once per article compared.
std::vector<LinkedArticle> average_link(const std::vector<std::shared_ptr<const Profile>>& in_order,
                                        const StoryModel& model, const TermStats& stats,
                                        const ThreadingOptions& options,
                                        const std::function<void()>& progress = {});

}  // namespace storyline
