#include "api/story_page.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "api/json_views.h"
#include "compare/comparer.h"
#include "stories/variant_ledger.h"

namespace storyline {
namespace {

struct Member {
  const ThreadMember* member;
  std::shared_ptr<const Profile> profile;
  WeightedProfile weighted;
};

// What a member shares with its closest fellow member, or null when it has none.
nlohmann::json joined_json(const std::vector<Member>& members, std::size_t i, const StoryIndex& index,
                           const StoryPageOptions& options) {
  const std::size_t n = members.size();
  const std::size_t lo = i > options.neighbours / 2 ? i - options.neighbours / 2 : 0;
  const std::size_t hi = std::min(n, lo + options.neighbours + 1);
  std::vector<std::pair<float, std::size_t>> by_cosine;
  const WeightedProfile& a = members[i].weighted;
  for (std::size_t j = lo; j < hi; ++j)
    if (j != i)
      by_cosine.emplace_back(dot(a.all, members[j].weighted.all) + dot(a.bridge, members[j].weighted.bridge), j);
  if (by_cosine.empty()) return nullptr;
  const std::size_t keep = std::min(options.modelled, by_cosine.size());
  std::partial_sort(by_cosine.begin(), by_cosine.begin() + std::ptrdiff_t(keep), by_cosine.end(),
                    [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
  // Only P(same story) is shown: the full comparison (overall, dimensions, the counterfactual
  // "pulled down by") would cost many times more for every member of a large story.
  auto probability = [&](std::size_t j) {
    const WeightedProfile& b = members[j].weighted;
    return index.model().same_story_probability(pair_features(a, b, index.stats()), a.profile->lang,
                                                b.profile->lang);
  };
  std::size_t best = by_cosine[0].second;
  float best_p = probability(best);
  for (std::size_t k = 1; k < keep; ++k)
    if (float p = probability(by_cosine[k].second); p > best_p) {
      best_p = p;
      best = by_cosine[k].second;
    }
  nlohmann::json entities = nlohmann::json::array(), terms = nlohmann::json::array();
  for (const auto& e : shared_entities(*a.profile, *members[best].profile))
    if (!e["a"].empty()) entities.push_back(e["a"][0]);
  for (const auto& t : shared_terms(a, members[best].weighted, 12)) terms.push_back(t["term"]);
  return {{"probability", round3(members[i].member->probability)},
          {"founder", i == 0},
          {"matched_article", members[best].profile->id},
          {"matched_probability", round3(best_p)},
          {"shared_entities", std::move(entities)},
          {"shared_terms", std::move(terms)}};
}

bool earlier(const Member& x, const Member& y) {
  const auto& a = x.profile->published;
  const auto& b = y.profile->published;
  if (a.has_value() != b.has_value()) return a.has_value();
  return a && *a < *b;
}

}  // namespace

nlohmann::json story_json(const Thread& thread, const StoryIndex& index, const MatchKeyer& keyer,
                          StoryPageOptions options) {
  std::vector<Member> members;
  for (const ThreadMember& m : thread.members)
    if (const IndexedArticle* a = index.find(m.article_id))
      members.push_back({&m, a->profile, weigh(*a->profile, index.stats())});

  // Outlets side by side: most articles first; inside, publication order.
  std::vector<std::size_t> order(members.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return earlier(members[x], members[y]); });
  std::map<std::string, nlohmann::json> outlets;
  for (std::size_t i : order) {
    const Profile& p = *members[i].profile;
    outlets[p.source].push_back({{"id", p.id},           {"title", p.title},
                                 {"lede", p.lede},       {"lang", p.lang},
                                 {"published", json_time(p.published)}, {"url", p.url},
                                 {"joined", joined_json(members, i, index, options)}});
  }
  std::vector<std::pair<std::string, nlohmann::json>> ranked(outlets.begin(), outlets.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.second.size() > y.second.size(); });
  nlohmann::json outlet_list = nlohmann::json::array();
  for (auto& [source, articles] : ranked) outlet_list.push_back({{"source", source}, {"articles", std::move(articles)}});

  nlohmann::json timeline = nlohmann::json::array();
  for (std::size_t i : order) {
    const Profile& p = *members[i].profile;
    timeline.push_back({{"time", json_time(p.published)}, {"article", p.id}, {"source", p.source}, {"title", p.title}});
  }

  std::vector<const Profile*> profiles;
  for (const Member& m : members) profiles.push_back(m.profile.get());
  return {{"id", thread.id},
          {"title", thread.title},
          {"first_seen", json_time(thread.first_seen)},
          {"last_seen", json_time(thread.last_seen)},
          {"languages", thread.languages},
          {"importance", round3(thread.importance)},
          {"outlets", std::move(outlet_list)},
          {"timeline", std::move(timeline)},
          {"variants", ledger_json(variant_ledger(profiles, keyer, true))}};
}

}  // namespace storyline
