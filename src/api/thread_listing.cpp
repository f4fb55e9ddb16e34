#include "api/thread_listing.h"

#include <algorithm>
#include <cmath>

#include "api/json_views.h"

namespace storyline {
namespace {

bool in_period(const Thread& t, const ThreadSnapshot& snapshot, const ThreadQuery& q) {
  // Without dates a period cannot be applied: undated threads stay listed.
  if (!q.period || !snapshot.now || !t.last_seen) return true;
  return *snapshot.now - *t.last_seen <= *q.period;  // dates are bounded; a period need not be
}

// Every word in some member headline (words hold no line break, so searching the joined
// headlines is the same).
bool has_words(const std::string& headlines, const std::vector<std::string>& words) {
  for (const std::string& word : words)
    if (headlines.find(word) == std::string::npos) return false;
  return true;
}

}  // namespace

ThreadExtra thread_extra(const Thread& thread, StoryIndex& index, const CategoryClassifier& categories) {
  const ThreadTally& tally = index.tally(thread);
  return {categories.decide_thread(tally.votes), std::make_shared<const std::string>(tally.headlines)};
}

std::vector<SelectedThread> select_threads(const ThreadSnapshot& snapshot, const std::vector<ThreadExtra>& extras,
                                           const ThreadQuery& q) {
  Category wanted{};
  const bool by_category = !q.category.empty() && q.category != "any" && parse_category(q.category, wanted);
  std::vector<SelectedThread> out;
  for (std::size_t i = 0; i < snapshot.threads.size(); ++i) {
    const Thread& t = *snapshot.threads[i].thread;
    if (out.size() >= q.limit) break;
    if (!in_period(t, snapshot, q)) continue;
    if (!q.lang.empty() && !std::binary_search(t.languages.begin(), t.languages.end(), q.lang)) continue;
    if (by_category && extras[i].category != wanted) continue;
    if (!q.words.empty() && !has_words(*extras[i].headlines, q.words)) continue;
    out.push_back({&t, snapshot.threads[i].importance, extras[i].category});
  }
  return out;
}

nlohmann::json threads_json(const ThreadSnapshot& snapshot, const std::vector<SelectedThread>& threads) {
  nlohmann::json list = nlohmann::json::array();
  for (const SelectedThread& s : threads) {
    nlohmann::json summary = thread_summary_json(*s.thread);
    summary["importance"] = std::round(s.importance * 1000) / 1000;
    summary["category"] = category_name(s.category);
    list.push_back(std::move(summary));
  }
  return {{"now", json_time(snapshot.now)}, {"threads", std::move(list)}};
}

nlohmann::json telegram_threads_json(const std::vector<SelectedThread>& threads) {
  nlohmann::json list = nlohmann::json::array();
  for (const SelectedThread& s : threads) {
    nlohmann::json articles = nlohmann::json::array();
    for (const ThreadMember& m : s.thread->members) articles.push_back(m.article_id);
    list.push_back({{"title", s.thread->title}, {"category", category_name(s.category)}, {"articles", std::move(articles)}});
  }
  return {{"threads", std::move(list)}};
}

}  // namespace storyline
