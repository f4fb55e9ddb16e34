// StoryIndex: the live state behind the server: the online ThreadBuilder with its growing
// TermStats, the Profile of every live article (story pages explain memberships with them),
// folded headlines for q= search, expiry times, and the threads ranked on demand.
// Not thread-safe: StoryService serialises access.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "api/thread_tallies.h"
#include "features/category.h"
#include "threads/rerank.h"
#include "threads/thread_builder.h"

namespace storyline {

// The ranked threads at one moment, shared with readers that outlive the lock.
struct ThreadSnapshot {
  // Most important first. The Threads are shared with the builder (immutable): a snapshot
  // costs pointers, not copies of every member.
  std::vector<ThreadBuilder::RankedThread> threads;
  std::optional<std::int64_t> now;                      // newest publication time
  std::uint64_t version = 0;                            // StoryIndex::version() it shows
  std::uint64_t changes = 0;                            // ThreadBuilder::changes() it shows

  // Where the thread with this id is in `threads`. The map behind it is built by the first
  // call (others wait for it): only story pages look threads up by id, and building it with
  // every snapshot took 3 ms of each publication at 20k threads, five times a second.
  std::optional<std::size_t> position(std::string_view thread_id) const;

 private:
  mutable std::once_flag indexed_;
  mutable std::unordered_map<std::string_view, std::size_t> by_id_;  // keys view the Threads' ids
};

struct IndexedArticle {
  std::shared_ptr<const Profile> profile;
  std::string folded_title;
  std::optional<std::int64_t> expires;
  CategoryScores category_vote{};  // CategoryClassifier::vote of the article, for its thread's category
};

class StoryIndex {
 public:
  StoryIndex(const StoryModel& model, TermStats background, ThreadingOptions options);

  struct Joined {
    std::string thread_id;
    float probability = 1;
    Match matched;  // ThreadMember::matched
  };
  // Adds or replaces an article; returns the thread it joined.
  Joined add(IndexedArticle article);

  // Puts back articles that were threaded before a restart (arrival order, threads given).
  void restore(std::vector<IndexedArticle> articles, const std::vector<Joined>& threads);

  bool remove(const std::string& article_id);

  // An article taken out, with the membership it had: enough to restore() it as it was.
  struct Removed {
    IndexedArticle article;
    Joined membership;
  };
  std::optional<Removed> take(const std::string& article_id);
  // The thread an article is in and the probability it joined with.
  std::optional<Joined> membership(const std::string& article_id) const;

  // Removes every article whose expiry lies before "now"; returns them.
  std::vector<Removed> expire();

  // Newest publication time of the live articles ("now" for periods and expiry).
  std::optional<std::int64_t> now() const;
  bool expired(const std::optional<std::int64_t>& expires) const { return expired_at(expires, now()); }
  // The rule: an expiry before "now" (nothing expires without both).
  static bool expired_at(const std::optional<std::int64_t>& expires, const std::optional<std::int64_t>& now) {
    return expires && now && *expires < *now;
  }

  const IndexedArticle* find(const std::string& article_id) const;
  // A thread's category votes and folded headlines (a Thread the builder has now, such as
  // one unranked() gave): kept up to date as members join, rebuilt after other changes.
  const ThreadTally& tally(const Thread& thread);
  const Thread* thread_of(const std::string& article_id) const;
  bool has_thread(const std::string& thread_id) const { return builder_.has_thread(thread_id); }
  const ThreadMember* member(const std::string& article_id) const { return builder_.member(article_id); }
  std::size_t article_count() const { return articles_.size(); }
  std::size_t thread_count() const { return builder_.thread_count(); }
  // Changes with every added, removed or restored article.
  std::uint64_t version() const { return version_; }

  // The ranking in two steps, for a caller that ranks without holding its lock: unranked()
  // under it, then rank() without it. With a `base` (a snapshot this index made), unranked()
  // takes only the threads changed since then (described again), and rank() merges them into
  // the base's order (threads/rerank.h): at 100k articles, gathering all 20k threads under the
  // lock took longer than describing the changed ones, and sorting them all again took most
  // of a publication. Without, unranked() takes every thread.
  struct Unranked {
    std::vector<std::shared_ptr<const Thread>> threads;  // every thread, or with a base the changed ones
    std::shared_ptr<const ThreadSnapshot> base;
    std::vector<std::string> changed_ids;  // with a base: its threads that are replaced or gone
    std::optional<std::int64_t> now;
    std::uint64_t version = 0, changes = 0;
  };
  Unranked unranked(std::shared_ptr<const ThreadSnapshot> base = nullptr);
  // The snapshot, and where each of its threads comes from (RankOrigin: a position in the
  // base, or in Unranked::threads), so that what a caller keeps per thread beside a snapshot
  // can be carried over without looking threads up.
  struct Ranked {
    std::shared_ptr<ThreadSnapshot> snapshot;
    std::vector<RankOrigin> origins;
  };
  static Ranked rank(Unranked unranked);

  const TermStats& stats() const { return stats_; }
  const StoryModel& model() const { return model_; }

 private:
  void forget(const std::string& article_id);

  const StoryModel& model_;
  TermStats stats_;
  ThreadBuilder builder_;
  std::unordered_map<std::string, IndexedArticle> articles_;
  std::multiset<std::int64_t> published_;
  std::set<std::pair<std::int64_t, std::string>> expiry_;  // (expires, id), soonest first
  ThreadTallies tallies_;
  std::uint64_t version_ = 0;
};

}  // namespace storyline
