#include "threads/average_link.h"

#include <algorithm>

#include "index/candidate_index.h"
#include "threads/agglomeration.h"
#include "threads/best_two.h"
#include "threads/candidate_query.h"
#include "threads/thread_builder.h"

namespace storyline {
namespace {

using Item = Agglomeration::Item;

constexpr std::size_t kEarlierSearched = 64;  // earlier members searched for an article's match
constexpr std::size_t kEarlierCompared = 6;   // compared when none of those has been

// Why members[k] belongs: the earlier member it is most like, and the mean of its best two
// P(same story) with earlier members, among those already compared with it (or, when none
// was, the few just before it).
void explain(Agglomeration& clusters, const std::vector<Item>& members, std::size_t k, LinkedArticle& linked) {
  const Item m = members[k];
  BestTwo two;
  auto consider = [&](Item earlier, float p) {
    if (two.consider(p)) linked.matched = earlier;
  };
  const std::size_t from = k > kEarlierSearched ? k - kEarlierSearched : 0;
  for (std::size_t j = k; j-- > from;)
    if (std::optional<float> p = clusters.compared(m, members[j])) consider(members[j], *p);
  if (!linked.matched)
    for (std::size_t j = k; j-- > 0 && k - j <= kEarlierCompared;)
      consider(members[j], clusters.probability(m, members[j]));
  linked.matched_probability = two.first;
  linked.probability = two.mean();
}

}  // namespace

std::vector<LinkedArticle> average_link(const std::vector<std::shared_ptr<const Profile>>& in_order,
                                        const StoryModel& model, const TermStats& stats,
                                        const ThreadingOptions& options, const std::function<void()>& progress) {
  const std::size_t n = in_order.size();
  std::vector<WeightedProfile> weighted(n);
  std::vector<SparseVector> queries(n);
  std::vector<std::int64_t> time(n, kTimeless);
  auto probability = [&](Item later, Item earlier) {
    return model.same_story_probability(pair_features(weighted[later], weighted[earlier], stats),
                                        in_order[later]->lang, in_order[earlier]->lang);
  };
  CandidateIndex index(options.window_seconds);
  auto within_window = [&](Item a, Item b) { return index.within_window(time[a], time[b]); };
  Agglomeration clusters(n, probability, within_window);

  // Each article against the candidates the index returns for it among the earlier ones, as
  // online threading compares an arrival: the edges along which clusters grow.
  std::int64_t clock = 0;
  for (Item i = 0; i < n; ++i) {
    const Profile& p = *in_order[i];
    if (p.published) {
      time[i] = *p.published;
      clock = std::max(clock, time[i]);
      index.evict(clock);
    }
    weighted[i] = weigh(p, stats);
    queries[i] = candidate_query(weighted[i], options.query_terms);
    for (auto [slot, score] : index.query(queries[i], time[i], options.linked_candidates)) clusters.connect(i, slot);
    index.add(i, time[i], queries[i]);
    if (progress) progress();
  }
  clusters.run();
  if (options.adopt_lone_articles) clusters.adopt_lone_items();

  std::vector<LinkedArticle> out(n);
  for (const std::vector<Item>& members : clusters.clusters())
    for (std::size_t k = 0; k < members.size(); ++k) {
      out[members[k]].cluster = members.front();
      if (k > 0) explain(clusters, members, k, out[members[k]]);
    }
  for (std::size_t i = 0; i < n; ++i) {
    out[i].weighted = std::move(weighted[i]);
    out[i].query = std::move(queries[i]);
  }
  return out;
}

}  // namespace storyline
