#include "api/story_page.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "api/json_views.h"
#include "compare/comparer.h"
#include "stories/variant_ledger.h"

namespace storyline {
namespace {

// The fully weighted profiles of the members that must be compared, weighed once each.
class FullWeights {
 public:
  FullWeights(const StoryPage& page, const TermStats& stats) : page_(page), stats_(stats), weights_(page.members.size()) {}
  const WeightedProfile& of(std::size_t i) {
    if (!weights_[i]) weights_[i] = weigh(*page_.members[i].profile, stats_);
    return *weights_[i];
  }

 private:
  const StoryPage& page_;
  const TermStats& stats_;
  std::vector<std::optional<WeightedProfile>> weights_;
};

// The fellow member most like member i, found by comparing: the nearest in arrival order by
// cosine, then the model on the best few. Only P(same story) is computed: the full comparison
// (dimensions, the counterfactual "pulled down by") would cost many times more.
void closest_by_comparing(StoryPage& page, std::size_t i, const StoryIndex& index, FullWeights& full,
                          const StoryPageOptions& options) {
  const auto& members = page.members;
  const std::size_t n = members.size();
  const std::size_t lo = i > options.neighbours / 2 ? i - options.neighbours / 2 : 0;
  const std::size_t hi = std::min(n, lo + options.neighbours + 1);
  std::vector<std::pair<float, std::size_t>> by_cosine;
  const WeightedProfile& a = members[i].weighted;
  for (std::size_t j = lo; j < hi; ++j)
    if (j != i)
      by_cosine.emplace_back(dot(a.all, members[j].weighted.all) + dot(a.bridge, members[j].weighted.bridge), j);
  if (by_cosine.empty()) return;
  const std::size_t keep = std::min(options.modelled, by_cosine.size());
  std::partial_sort(by_cosine.begin(), by_cosine.begin() + std::ptrdiff_t(keep), by_cosine.end(),
                    [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
  for (std::size_t k = 0; k < keep; ++k) {
    const std::size_t j = by_cosine[k].second;
    const WeightedProfile &fa = full.of(i), &fb = full.of(j);
    const float p = index.model().same_story_probability(pair_features(fa, fb, index.stats()), fa.profile->lang,
                                                         fb.profile->lang);
    if (k == 0 || p > members[i].closest_probability) {
      page.members[i].closest = j;
      page.members[i].closest_probability = p;
    }
  }
}

// What member i shares with the member it is shown beside, or null when it is alone.
nlohmann::json joined_json(const StoryPage& page, std::size_t i) {
  const StoryPageMember& m = page.members[i];
  if (!m.closest) return nullptr;
  const StoryPageMember& beside = page.members[*m.closest];
  nlohmann::json entities = nlohmann::json::array(), terms = nlohmann::json::array();
  for (const SharedEntity& e : shared_entity_list(*m.profile, *beside.profile))
    if (!e.a->surfaces.empty()) entities.push_back(e.a->surfaces.front());
  for (auto& [weight, word] : shared_term_list(m.weighted, beside.weighted, 12)) terms.push_back(std::move(word));
  return {{"probability", round3(m.member->probability)},
          // The first member still here is the founder only if it matched nobody when it
          // joined, with P = 1 (stores older than recorded matches have no match for anyone):
          // once the founder has left, the story has none.
          {"founder", i == 0 && m.member->matched.article_id.empty() && m.member->probability >= 1.0f},
          {"matched_article", beside.profile->id},
          {"matched_probability", round3(m.closest_probability)},
          {"shared_entities", std::move(entities)},
          {"shared_terms", std::move(terms)}};
}

bool earlier(const StoryPageMember& x, const StoryPageMember& y) {
  const auto& a = x.profile->published;
  const auto& b = y.profile->published;
  if (a.has_value() != b.has_value()) return a.has_value();
  return a && *a < *b;
}

}  // namespace

StoryPage gather_story(std::shared_ptr<const Thread> thread, double importance, const StoryIndex& index,
                       StoryPageOptions options) {
  StoryPage page{std::move(thread), importance, {}};
  auto& members = page.members;
  for (const ThreadMember& m : page.thread->members)
    if (const IndexedArticle* a = index.find(m.article_id))
      members.push_back({&m, a->profile, weigh_terms(*a->profile, index.stats()), std::nullopt, 0});

  // Each member is shown beside the member it matched best when it joined; one whose match is
  // gone (or a founder) beside the first member that joined by it; the rest are compared.
  std::unordered_map<std::string_view, std::size_t> position, first_joined_by;
  for (std::size_t i = 0; i < members.size(); ++i) position.emplace(members[i].member->article_id, i);
  for (std::size_t i = 0; i < members.size(); ++i) {
    const Match& recorded = members[i].member->matched;
    if (auto it = position.find(recorded.article_id); it != position.end() && it->second != i) {
      members[i].closest = it->second;
      members[i].closest_probability = recorded.probability;
      first_joined_by.emplace(recorded.article_id, i);
    }
  }
  FullWeights full(page, index.stats());
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (members[i].closest) continue;
    if (auto by = first_joined_by.find(members[i].member->article_id); by != first_joined_by.end()) {
      members[i].closest = by->second;
      members[i].closest_probability = members[by->second].closest_probability;
    } else {
      closest_by_comparing(page, i, index, full, options);
    }
  }
  return page;
}

nlohmann::json story_json(const StoryPage& page, const MatchKeyer& keyer) {
  const auto& members = page.members;
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
                                 {"joined", joined_json(page, i)}});
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
  for (const StoryPageMember& m : members) profiles.push_back(m.profile.get());
  const Thread& thread = *page.thread;
  return {{"id", thread.id},
          {"title", thread.title},
          {"first_seen", json_time(thread.first_seen)},
          {"last_seen", json_time(thread.last_seen)},
          {"languages", thread.languages},
          {"importance", round3(page.importance)},
          {"outlets", std::move(outlet_list)},
          {"timeline", std::move(timeline)},
          {"variants", ledger_json(variant_ledger(profiles, keyer, true))}};
}

}  // namespace storyline
