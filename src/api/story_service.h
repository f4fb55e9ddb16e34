// StoryService: what the HTTP routes call. Owns the live index, writes through to the Store
// before anything is acknowledged, restores after a restart, and serialises access to the
// index (HTTP requests arrive on a thread pool). A PUT commits the article as received (the
// GroupCommitter batches commits) and is acknowledged; its analysis runs meanwhile on the
// analysers (a TaskPool over the EnginePool: articles analyse in parallel), and the index
// follows the store: each committed change is threaded once analysed, in commit order, on one
// thread, and its analysis stored with its thread (see story_service_writes.cpp). Readers see
// every change acknowledged before they asked, except listings while writers keep the index
// busy (listing()).
#pragma once

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "api/engine_pool.h"
#include "api/batch_worker.h"
#include "api/story_index.h"
#include "api/task_pool.h"
#include "api/thread_listing.h"
#include "features/match_key.h"
#include "store/group_committer.h"
#include "store/store.h"

namespace storyline {

struct ServiceOptions {
  EngineOptions engine;
  std::size_t engines = 2;  // parallel analysers
  // Priorities below the requests' (added to the server's, as setpriority(2) takes it): the
  // analysis of acknowledged articles and their threading yield the cores to requests. The
  // analysers at 10 measured best (serve_bench, 20k articles, at 2,000 PUT/s: PUT p99 3.2–3.6
  // ms against 6–22 at 0, 4.2 at 5 and 4.0 at 19). The threader at 5, with the WAL
  // checkpointer at 10: at 100k articles and 2,000 PUT/s, p99 4.2–5.9 ms in eight runs of nine
  // (66 on the slowest spell) against 5.1–366 (median 8.5) at 0, interleaved. While PUTs
  // waited for it by a count of 256 changes instead of by age, at 5 it had fallen behind
  // (51 and 271 ms where 0 read 51 and 7.8).
  int analysis_nice = 10;
  int threading_nice = 5;
  ThreadingOptions threading;
};

enum class PutOutcome { Created, Updated };

// StoryService::article(): the article is stored, and a change of it is still on its way to
// the index (its analysis, or those of the changes before it, take long).
struct ArticleNotReady : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class StoryService {
 public:
  StoryService(ServiceOptions options, std::unique_ptr<Store> store);
  ~StoryService();

  // Loads the engines and puts every stored article back into its thread; ready once the
  // engines' dictionaries are loaded too. Blocking: the server runs it on a background thread
  // and answers 503 until ready() turns true.
  // Throws std::runtime_error (missing parameters); the caller exits.
  void start();
  bool ready() const { return ready_.load(); }

  // Adds or replaces an article; durable when it returns. An article already expired on
  // arrival is acknowledged but not kept (as the Telegram contest expects).
  PutOutcome put(Article article, std::optional<std::int64_t> max_age_seconds);
  // Acknowledges a document that holds no article (the Telegram contest's non-news): a stored
  // article of that id goes, and the id is remembered (UnindexedWrite) until its time to live
  // from the index's clock runs out, durable when it returns. Created when the id was neither
  // an article nor such a document.
  PutOutcome put_unindexed(const std::string& article_id, std::optional<std::int64_t> max_age_seconds);
  // An article or an unindexed document; false when the id is neither.
  bool remove(const std::string& article_id);

  // The article's analysis and thread; nothing when there is no such article. It waits for
  // every change acknowledged before it (catch_up()), and when that takes over a second, for
  // the article's own changes at least (a client that got its 201 finds it analysed, in its
  // thread), at most kArticleWait more. Throws ArticleNotReady when one is still on its way
  // then (behind a very long article, say).
  std::optional<nlohmann::json> article(const std::string& article_id);
  static constexpr std::chrono::seconds kArticleWait{2};
  nlohmann::json threads(const ThreadQuery& query, bool telegram_shape);
  std::optional<nlohmann::json> story(const std::string& thread_id);
  nlohmann::json compare(Article a, Article b);
  std::vector<std::string> fold_words(const std::string& text);

  // For /health and /metrics (cheap, lock-free while loading). Like listings, they count what
  // was acknowledged before they were asked unless writers keep the index busy (more than
  // kBusyBacklog changes on their way): monitoring does not wait for the writers.
  std::size_t article_count() {
    catch_up_unless_busy();
    return articles_.load();
  }
  std::size_t thread_count();
  // Past this many changes on their way to the index, listings (GET /threads, story pages)
  // do not wait for them (listing()).
  static constexpr std::size_t kBusyBacklog = 16;
  // Stored changes (PUTs, DELETEs) not yet applied to the index.
  // Read only once ready_: the loader thread creates threader_ while /health may be asked.
  std::size_t threading_backlog() const { return ready_ ? threader_->backlog() : 0; }
  // How long ago the oldest stored change not yet in the index was acknowledged (zero when
  // none is waiting): how far behind the store a listing may be, besides its publication.
  std::chrono::steady_clock::duration index_lag() const {
    return ready_ ? threader_->oldest_unhandled_age() : std::chrono::steady_clock::duration{};
  }
  // How long the published thread list has not been current (zero when it is), at most:
  // with index_lag(), a bound on how long ago a change a busy listing lacks was acknowledged.
  std::chrono::steady_clock::duration listing_age();
  // Store transactions committed since start (each holds every write queued meanwhile): per
  // PUT, what concurrency saves the store.
  std::size_t store_commits() const { return ready_ ? committer_->batches() : 0; }

 private:
  // A committed change for the index: an article to add (replacing any version of it) or, with
  // no article, one to take out.
  // With `resync`, no change at all: what the index holds of the article is to be stored (its
  // thread, or its expiry), because the later change that was to store it failed to commit.
  // An article analysed for the index: what it needs, and the encoded profile to store.
  struct Analysed {
    IndexedArticle article;
    std::string encoded;  // encode_profile()
  };
  struct IndexChange {
    std::string article_id;
    std::optional<IndexedArticle> article;
    bool resync = false;
    bool replaced = false;  // with `resync`: its thread is stored as "updated"
    // An article still being analysed (put()): `article` and `profile` once it is done; the
    // change takes the article out of the index when its analysis failed.
    std::shared_future<std::shared_ptr<Analysed>> analysis{};
    std::string profile{};  // encode_profile() bytes to store with its thread (AssignmentWrite)
  };
  // The analysis of an acknowledged article (on the analysers), filed at `filed`.
  std::shared_ptr<Analysed> analyse(Article article, std::optional<std::int64_t> filed,
                                    std::optional<std::int64_t> expires);
  // Waits for the change's analysis, if it has one, and takes its outcome.
  void finish_analysis(IndexChange& change);
  // Commits `write` and then, in commit order, hands `change` to the threader; returns the
  // write's Store::apply result once committed (rethrows a failed commit: nothing changed).
  bool store_then_index(StoreWrite write, IndexChange change);
  // The threader's work: applies committed changes to the index, then stores the threads the
  // articles joined and the expiries that followed.
  // `one_applied` after each change (readers waiting for it go on).
  void apply_changes(std::vector<IndexChange>& changes, const std::function<void()>& one_applied);
  // A change that reached the index (or whose commit failed) is no longer on its way.
  void settle_locked(const std::string& article_id);
  // A change whose commit failed: settled, and when it was the last on its way and the
  // threader had left the article's outcome to it, that outcome is stored after all.
  void abandon_locked(const std::string& article_id);
  // The time the index files an article dated `published` under (api/filing_time.h).
  std::optional<std::int64_t> filed_time(const std::string& article_id, std::optional<std::int64_t> published);
  // StoryIndex::now(), read without the index lock (index_now_).
  std::optional<std::int64_t> index_clock() const {
    const std::int64_t now = index_now_.load();
    return now == kNoTime ? std::nullopt : std::optional(now);
  }
  void update_counts_locked();
  // Waits until the index holds every change acknowledged before the call (at most 1 s).
  void catch_up();
  // The same while at most kBusyBacklog changes are on their way; true when it waited.
  bool catch_up_unless_busy();

  // Changes the threader takes at a time: the index lock is held for one batch.
  static constexpr std::size_t kThreadingBatch = 32;
  // How far the threader may fall behind before PUTs wait for it. By age: PUTs wait while
  // the oldest change on its way was acknowledged over 400 ms ago, so that an acknowledged
  // PUT is listed within a second (with the published list's age, at most kBusyStaleness),
  // whatever its articles cost; short bursts of costly articles are absorbed instead of
  // making PUTs wait. Up to 64 changes (those queued behind one very long article) never
  // wait for their age. By count, the memory the changes on their way hold.
  static constexpr BatchWorker<IndexChange>::Limits kThreadingLimits{1024, 64, std::chrono::milliseconds(400)};

  // The ranked thread list as GET /threads reads it (and story pages find their thread in
  // it): a snapshot with each thread's category, published so that listing needs no index
  // lock (writers keep threading meanwhile).
  struct PublishedThreads {
    std::shared_ptr<const ThreadSnapshot> snapshot;
    std::vector<ThreadExtra> extras;  // per snapshot thread, in its order
    std::chrono::steady_clock::time_point built;
    std::chrono::steady_clock::duration cost{};  // snapshot + categories, in CPU time
  };
  // A publication in two steps, from the list published before it (`previous`, null for the
  // first). Under the index lock: the threads that changed since that list (all of them for
  // the first), described, with their category and headlines (only they need the index).
  // Without it: everything else, the unchanged threads taken from that list (at 100k articles,
  // most of what a publication costs, which writers would otherwise wait out every 200 ms).
  // Whoever holds `previous` releases it after unlocking, so that its destruction does not
  // hold up writes.
  struct Prepared {
    StoryIndex::Unranked unranked;                    // the changed threads, ranked without the lock
    std::shared_ptr<const PublishedThreads> already;  // this state was published: this
    std::vector<ThreadExtra> fresh;                   // per thread of `unranked`
    std::chrono::steady_clock::duration locked{};     // CPU time spent under the index lock
  };
  std::shared_ptr<const PublishedThreads> published();
  Prepared prepare_locked(const std::shared_ptr<const PublishedThreads>& previous);
  std::shared_ptr<const PublishedThreads> publish(Prepared prepared, const std::shared_ptr<const PublishedThreads>& previous);
  std::shared_ptr<const PublishedThreads> publish_locked();
  // Both steps, taking the index lock for the first only; null when `wait` is false and the
  // index is busy.
  std::shared_ptr<const PublishedThreads> republish(bool wait = true);
  // The published list when it is current, or stale by less than 20 times its cost (at most
  // 500 ms: small indexes are always current); null otherwise.
  std::shared_ptr<const PublishedThreads> published_if_fresh();
  // The published list when fresh, else one published now.
  std::shared_ptr<const PublishedThreads> fresh_publication();
  // What GET /threads and story pages read. While at most kBusyBacklog changes are on their
  // way to the index, the index is caught up first (catch_up()) and the list is fresh: a
  // client finds the article it has just PUT. While writers keep more on their way, waiting
  // for them would mean waiting for the writers (each change's analysis is still to come),
  // and ranking the index anew for every reader would take the cores from them: the list the
  // refresher published is served, unless it has not been current for kBusyStaleness. Either
  // way an acknowledged PUT is listed within a second (serve_bench samples the bound: the
  // index's lag behind the store plus the list's age, listing_age()).
  std::shared_ptr<const PublishedThreads> listing();
  // Zero when `list` is current (and that is noted), else at most how long it has not been:
  // since it was built or last seen current, whichever is later.
  std::chrono::steady_clock::duration stale_for(const PublishedThreads& list);
  // The same, without noting anything.
  std::chrono::steady_clock::duration staleness(const PublishedThreads& list,
                                                std::chrono::steady_clock::time_point now) const;
  static constexpr std::chrono::milliseconds kBusyStaleness{500};
  void refresh_published();  // the refresher thread's loop

  ServiceOptions options_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<EnginePool> engines_;
  std::unique_ptr<TermStats> background_;  // for POST /compare, as `storyline compare` uses
  std::mutex mutex_;                       // guards index_
  std::unique_ptr<StoryIndex> index_;
  std::mutex keyer_mutex_;  // guards keyer_ (story pages' variant ledgers, not under mutex_)
  std::unique_ptr<MatchKeyer> keyer_;
  std::unique_ptr<CategoryClassifier> categories_;  // immutable once built: used outside the lock
  // Threads committed changes, all on this one thread (the index lock does not pass between
  // the PUTs' threads; their holders were often descheduled mid-add). It is stopped first
  // when the service closes; the committer, closing after it, may still hand it changes
  // (ignored: a restart threads stored articles that have no thread).
  std::unique_ptr<BatchWorker<IndexChange>> threader_;
  // Changes submitted to the store and not yet applied to the index, per article; guarded by
  // `order_mutex_`, under which writes are submitted (GroupCommitter's `order`). The threader
  // stores an article's thread, or its expiry, only when no later change of it is on its way:
  // that change's write is queued ahead, so the thread would land on the newer version's row,
  // or the expiry delete it (the later change stores its own thread when its turn comes).
  std::mutex order_mutex_;
  std::unordered_map<std::string, int> pending_;
  std::condition_variable settled_;  // notified when an article leaves pending_ (article())
  // Articles whose last outcome the threader left to a change still on its way, with whether
  // it replaced another version (guarded by `order_mutex_`): should that change fail to
  // commit, the outcome is stored after all (abandon_locked), else it never would be.
  std::unordered_map<std::string, bool> unstored_;
  std::unique_ptr<GroupCommitter> committer_;
  std::atomic<bool> ready_{false};
  std::atomic<std::size_t> articles_{0}, threads_{0};
  std::atomic<std::uint64_t> index_version_{0};  // StoryIndex::version(), readable without the lock
  static constexpr std::int64_t kNoTime = INT64_MIN;
  std::atomic<std::int64_t> index_now_{kNoTime};  // StoryIndex::now() (kNoTime: empty), the same way

  std::mutex published_mutex_;  // guards published_ (held only to copy the pointer)
  std::shared_ptr<const PublishedThreads> published_;
  // When the published list was last seen current (steady_clock ticks; see stale_for()).
  std::atomic<std::chrono::steady_clock::rep> seen_current_at_{0};
  // Republishes every 200 ms while the index changes, so that readers rarely rebuild.
  std::thread refresher_;
  std::mutex refresher_mutex_;
  std::condition_variable refresher_wake_;
  bool stopping_ = false;  // guarded by refresher_mutex_
  // Analyses acknowledged articles. Last, so destroyed first: its running tasks use the
  // engines and the categories.
  std::unique_ptr<TaskPool> analysers_;
};

}  // namespace storyline
