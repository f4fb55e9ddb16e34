// StoryService: what the HTTP routes call. Owns the live index, writes through to the Store
// before anything is acknowledged, restores after a restart, and serialises access to the
// index (HTTP requests arrive on a thread pool). Analysis runs outside that lock, on the
// EnginePool, so PUTs analyse in parallel and only threading is serial; commits run on the
// GroupCommitter's thread, batched, also outside that lock (see put()).
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
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "api/engine_pool.h"
#include "api/serial_executor.h"
#include "api/story_index.h"
#include "api/thread_listing.h"
#include "features/match_key.h"
#include "store/group_committer.h"
#include "store/store.h"

namespace storyline {

struct ServiceOptions {
  EngineOptions engine;
  std::size_t engines = 2;  // parallel analysers
  ThreadingOptions threading;
};

enum class PutOutcome { Created, Updated };

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
  bool remove(const std::string& article_id);

  std::optional<nlohmann::json> article(const std::string& article_id);
  nlohmann::json threads(const ThreadQuery& query, bool telegram_shape);
  std::optional<nlohmann::json> story(const std::string& thread_id);
  nlohmann::json compare(Article a, Article b);
  std::vector<std::string> fold_words(const std::string& text);

  // For /health and /metrics (cheap, lock-free while loading).
  std::size_t article_count() const { return articles_.load(); }
  std::size_t thread_count();  // the last known count while the index is busy

 private:
  // A PUT's article into the index and its write into the commit queue, under `mutex_` (on
  // `threader_`); the caller waits for `committed` after.
  struct Threaded {
    bool existed = false;
    std::optional<GroupCommitter::Awaited> committed;
  };
  Threaded thread_article(const std::shared_ptr<const Profile>& profile, std::string folded, const CategoryScores& vote,
                          std::optional<std::int64_t> max_age, ArticleWrite write);
  std::optional<GroupCommitter::Awaited> remove_locked(const std::string& article_id, RemovalReason reason);
  void expire_locked();
  // Sets the time the index files the article under (api/filing_time.h).
  void file(Profile& profile);
  void update_counts_locked();

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
  // What readers use: the published list when fresh, else one published now.
  std::shared_ptr<const PublishedThreads> fresh_publication();
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
  // Declared after everything its undos touch: destroyed (and drained) before them.
  std::unique_ptr<GroupCommitter> committer_;
  // Every PUT's threading (thread_article) runs on this one thread, which takes `mutex_` for
  // it, while the PUTs' own threads analyse and commit. When each PUT's thread took the lock
  // itself, the lock went from thread to thread, and its holder was often descheduled in the
  // middle of an add (on two cores, of the holds over 0.8 ms at 2,000 PUT/s, 88 % spent less
  // than half of that on the CPU). Closed-loop PUT p99 3.5–3.8 ms against 4.1–5.9, and 6 %
  // less CPU per PUT, in four interleaved pairs of serve_bench runs. Declared last: destroyed
  // first (no PUT runs by then).
  std::unique_ptr<SerialExecutor> threader_ = std::make_unique<SerialExecutor>();
  std::atomic<bool> ready_{false};
  std::atomic<std::size_t> articles_{0}, threads_{0};
  std::atomic<std::uint64_t> index_version_{0};  // StoryIndex::version(), readable without the lock
  static constexpr std::int64_t kNoTime = INT64_MIN;
  std::atomic<std::int64_t> index_now_{kNoTime};  // StoryIndex::now() (kNoTime: empty), the same way

  std::mutex published_mutex_;  // guards published_ (held only to copy the pointer)
  std::shared_ptr<const PublishedThreads> published_;
  // Republishes every 200 ms while the index changes, so that readers rarely rebuild.
  std::thread refresher_;
  std::mutex refresher_mutex_;
  std::condition_variable refresher_wake_;
  bool stopping_ = false;  // guarded by refresher_mutex_
};

}  // namespace storyline
