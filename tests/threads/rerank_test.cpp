// rerank() gives what ranking every thread again gives (order, importance), through random
// growth, emptied threads, undated threads, ties and a "now" that moves either way, and says
// where each thread came from.
#include "threads/rerank.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace storyline {
namespace {

using RankedThread = ThreadBuilder::RankedThread;

// Threads as a server's index holds them: members join or leave; a changed thread is a new
// immutable described copy.
class World {
 public:
  explicit World(std::uint32_t seed) : random_(seed) {}

  // Changes a few threads; returns the ids changed.
  std::vector<std::string> change() {
    std::vector<std::string> ids;
    const int n = pick(0, 4);
    for (int k = 0; k < n; ++k) {
      const std::string id = "t" + std::to_string(pick(0, 39));
      Thread& t = threads_[id];
      t.id = id;
      if (!t.members.empty() && pick(0, 5) == 0) {
        t.members.clear();  // emptied: gone from the ranking
      } else {
        // Few outlets and few distinct times, so that keys tie; one member in eight undated.
        std::optional<std::int64_t> published;
        if (pick(0, 7) != 0) published = 1'700'000'000 + std::int64_t(pick(0, 20)) * 21'600;
        t.members.push_back({"a" + std::to_string(next_article_++), "title", pick(0, 1) ? "en" : "de",
                             "outlet" + std::to_string(pick(0, 3)), published, 1.0f, {}});
      }
      describe(t, nullptr);
      described_[id] = std::make_shared<const Thread>(t);
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return ids;
  }

  std::vector<std::shared_ptr<const Thread>> live(const std::vector<std::string>& ids) const {
    std::vector<std::shared_ptr<const Thread>> out;
    for (const std::string& id : ids)
      if (!described_.at(id)->members.empty()) out.push_back(described_.at(id));
    return out;
  }

  std::vector<std::shared_ptr<const Thread>> every_thread() const {
    std::vector<std::shared_ptr<const Thread>> out;
    for (const auto& [id, thread] : described_)
      if (!thread->members.empty()) out.push_back(thread);
    return out;
  }

  // The newest publication, as a server's "now"; or, one time in four, any moment (earlier
  // than some threads' last member too), or none.
  std::optional<std::int64_t> now() {
    const int how = pick(0, 7);
    if (how == 0) return std::nullopt;
    if (how == 1) return 1'700'000'000 + std::int64_t(pick(-2, 22)) * 21'600;
    std::optional<std::int64_t> newest;
    for (const auto& [id, thread] : described_)
      if (thread->last_seen && (!newest || *thread->last_seen > *newest)) newest = thread->last_seen;
    return newest;
  }

 private:
  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

  std::mt19937 random_;
  std::map<std::string, Thread> threads_;
  std::map<std::string, std::shared_ptr<const Thread>> described_;
  int next_article_ = 0;
};

void expect_same(const std::vector<RankedThread>& got, const std::vector<RankedThread>& expected) {
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    ASSERT_EQ(got[i].thread, expected[i].thread) << "position " << i;
    EXPECT_EQ(got[i].importance, expected[i].importance) << "position " << i;
  }
}

TEST(Rerank, EqualsRankingEveryThreadThroughRandomChanges) {
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    SCOPED_TRACE(seed);
    World world(seed);
    std::optional<std::int64_t> now = world.now();
    std::vector<RankedThread> ranking = rerank(nullptr, std::nullopt, {}, world.live(world.change()), now).threads;
    for (int step = 0; step < 150; ++step) {
      const std::vector<std::string> changed = world.change();
      const std::optional<std::int64_t> before_now = now;
      now = world.now();
      Reranking next = rerank(&ranking, before_now, changed, world.live(changed), now);
      expect_same(next.threads, rank_threads(world.every_thread(), now));
      // Each origin names the thread it came from.
      const std::vector<std::shared_ptr<const Thread>> fresh = world.live(changed);
      ASSERT_EQ(next.origins.size(), next.threads.size());
      for (std::size_t i = 0; i < next.threads.size(); ++i) {
        const RankOrigin& o = next.origins[i];
        EXPECT_EQ(next.threads[i].thread, o.changed ? fresh.at(o.index) : ranking.at(o.index).thread);
      }
      ranking = std::move(next.threads);
    }
  }
}

// The order ranking by importance gives, "now" or not: by importance, then newer last
// member, then id.
TEST(Rerank, OrdersAsImportance) {
  auto thread = [](std::string id, int outlets, std::optional<std::int64_t> published) {
    Thread t;
    t.id = std::move(id);
    for (int k = 0; k < outlets; ++k) t.members.push_back({"a" + std::to_string(k), "title", "en", "outlet" + std::to_string(k), published, 1.0f, {}});
    describe(t, nullptr);
    return std::make_shared<const Thread>(t);
  };
  const std::int64_t day = 86400, now = 1'700'000'000;
  // Four outlets a day ago weigh more than one outlet now (half of 6.97 against 3).
  std::vector<std::shared_ptr<const Thread>> threads = {
      thread("b-one-now", 1, now), thread("a-one-now", 1, now), thread("four-a-day-ago", 4, now - day),
      thread("one-undated", 1, std::nullopt), thread("one-a-week-ago", 1, now - 7 * day)};
  const auto ranked = rerank(nullptr, std::nullopt, {}, threads, now).threads;
  std::vector<std::string> ids;
  for (const auto& r : ranked) ids.push_back(r.thread->id);
  // The undated thread counts as seen now, and ties with the dated ones seen now: dated first.
  EXPECT_EQ(ids, (std::vector<std::string>{"four-a-day-ago", "a-one-now", "b-one-now", "one-undated", "one-a-week-ago"}));
  for (std::size_t i = 0; i + 1 < ranked.size(); ++i) EXPECT_GE(ranked[i].importance, ranked[i + 1].importance);
}

}  // namespace
}  // namespace storyline
