#include "api/story_service.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>

#include "api/filing_time.h"
#include "api/json_views.h"
#include "api/story_page.h"
#include "compare/comparer.h"
#include "document/analyzer.h"
#include "store/background_thread.h"
#include "store/profile_codec.h"
#include "stories/story_json.h"

namespace storyline {
namespace {

// How many stored articles are decoded and handed to the builder at a time while restoring.
constexpr std::size_t kRestoreBatch = 4096;

// The calling thread's CPU time. A publication's cost is measured in it, not in wall time: a
// publication of a few threads that was descheduled for 10 ms would otherwise let its list be
// served stale for 200 ms (published_if_fresh), and a PUT not show in GET /threads at once.
std::chrono::nanoseconds thread_cpu_time() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

}  // namespace

StoryService::StoryService(ServiceOptions options, std::unique_ptr<Store> store)
    : options_(std::move(options)), store_(std::move(store)) {}

StoryService::~StoryService() {
  {
    std::lock_guard lock(refresher_mutex_);
    stopping_ = true;
  }
  refresher_wake_.notify_all();
  if (refresher_.joinable()) refresher_.join();
  // Before the committer closes (see threader_).
  if (threader_) threader_->stop();
}

void StoryService::start() {
  const auto started = std::chrono::steady_clock::now();
  engines_ = std::make_unique<EnginePool>(options_.engine, options_.engines);
  analysers_ = std::make_unique<TaskPool>(options_.engines, options_.analysis_nice);
  background_ = std::make_unique<TermStats>(engines_->background_stats());
  std::unique_lock lock(mutex_);
  index_ = std::make_unique<StoryIndex>(engines_->model(), *background_, options_.threading);
  committer_ = std::make_unique<GroupCommitter>(*store_, order_mutex_);
  threader_ = std::make_unique<BatchWorker<IndexChange>>(
      [this](std::vector<IndexChange>& changes, const std::function<void()>& one_applied) {
        apply_changes(changes, one_applied);
      },
      [](const char* what) { spdlog::error("threading stored articles: {}", what); }, kThreadingBatch,
      options_.threading_nice);
  keyer_ = std::make_unique<MatchKeyer>();
  {
    Analyzer stemmer;  // stems the category word lists; not needed afterwards
    categories_ = std::make_unique<CategoryClassifier>(stemmer);
  }

  // Arrival order with the stored thread of each article: memberships and ids come back as
  // they were. Profiles are decoded, not recomputed; an unreadable one is re-analysed.
  // Articles stored without a thread (acknowledged, then the process ended before their
  // thread was stored) are threaded after the others, as new arrivals.
  std::vector<IndexedArticle> batch;
  std::vector<StoryIndex::Joined> threads;
  std::vector<IndexChange> unthreaded;
  std::size_t reprofiled = 0;
  // Profiles stored before filing times existed (and re-analysed ones) may be undated or
  // dated ahead: they are filed as put() would have filed them then.
  std::optional<std::int64_t> clock;
  const std::int64_t restored_at = wall_clock();
  auto flush = [&] {
    index_->restore(std::move(batch), threads);
    batch.clear();
    threads.clear();
    update_counts_locked();  // /health answers while loading
  };
  store_->scan([&](StoredArticle&& s) {
    const bool analysed_now = !s.profile;
    if (analysed_now) {
      s.profile = engines_->profile(s.article);
      ++reprofiled;
    }
    s.profile->published = filing_time(s.profile->published, clock, restored_at);
    if (s.profile->published) clock = std::max(clock.value_or(*s.profile->published), *s.profile->published);
    std::string folded = engines_->fold(s.profile->title);
    auto profile = std::make_shared<const Profile>(std::move(*s.profile));
    CategoryScores vote = categories_->vote(categories_->scores(*profile));
    IndexedArticle article{std::move(profile), std::move(folded), s.expires, vote};
    if (s.thread_id.empty()) {
      // Stored before it was analysed: its analysis is stored with its thread this time.
      unthreaded.push_back({s.article.id, std::move(article)});
      if (analysed_now) unthreaded.back().profile = encode_profile(*unthreaded.back().article->profile);
      return;
    }
    batch.push_back(std::move(article));
    threads.push_back({std::move(s.thread_id), s.probability, {std::move(s.matched), s.matched_probability}});
    if (batch.size() >= kRestoreBatch) flush();
  });
  flush();
  lock.unlock();
  apply_changes(unthreaded, [] {});  // and the expiries due
  lock.lock();
  publish_locked();
  lock.unlock();
  engines_->wait_loaded();  // usually long done: loading overlaps the restore
  ready_ = true;
  refresher_ = std::thread([this] { refresh_published(); });
  spdlog::info("restored {} articles in {} threads in {} ms ({} re-analysed, {} threaded anew)", articles_.load(),
               threads_.load(),
               std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count(),
               reprofiled, unthreaded.size());
}

// What readers check without the index lock: /health's counts, and whether the published list
// is current.
void StoryService::update_counts_locked() {
  articles_ = index_->article_count();
  threads_ = index_->thread_count();
  index_version_ = index_->version();
  index_now_ = index_->now().value_or(kNoTime);
}

std::shared_ptr<const StoryService::PublishedThreads> StoryService::published() {
  std::lock_guard lock(published_mutex_);
  return published_;
}

StoryService::Prepared StoryService::prepare_locked(const std::shared_ptr<const PublishedThreads>& previous) {
  const auto started = thread_cpu_time();
  Prepared prepared;
  {
    std::lock_guard lock(published_mutex_);
    if (published_ && published_->snapshot->version == index_->version()) {
      prepared.already = published_;
      return prepared;
    }
  }
  // Only the threads changed since the list published before are gathered (the rest are
  // taken from that list, without the lock); only they are read from the index again for
  // their category and headlines.
  prepared.unranked = index_->unranked(previous ? previous->snapshot : nullptr);
  prepared.fresh.reserve(prepared.unranked.threads.size());
  for (const auto& thread : prepared.unranked.threads)
    prepared.fresh.push_back(thread_extra(*thread, *index_, *categories_));
  prepared.locked = thread_cpu_time() - started;
  return prepared;
}

std::shared_ptr<const StoryService::PublishedThreads> StoryService::publish(
    Prepared prepared, const std::shared_ptr<const PublishedThreads>& previous) {
  if (prepared.already) return prepared.already;
  const auto started = thread_cpu_time();
  auto fresh = std::make_shared<PublishedThreads>();
  StoryIndex::Ranked ranked = StoryIndex::rank(std::move(prepared.unranked));
  fresh->snapshot = std::move(ranked.snapshot);
  std::vector<ThreadExtra>& extras = fresh->extras;
  extras.reserve(ranked.origins.size());
  for (const RankOrigin& origin : ranked.origins)
    extras.push_back(origin.changed ? std::move(prepared.fresh[origin.index]) : previous->extras[origin.index]);
  fresh->built = std::chrono::steady_clock::now();
  fresh->cost = prepared.locked + (thread_cpu_time() - started);
  std::lock_guard lock(published_mutex_);
  // Two publishers may finish out of order (one of them without the index lock): the newer
  // state stays.
  if (published_ && published_->snapshot->version > fresh->snapshot->version) return published_;
  published_ = fresh;
  return published_;
}

std::shared_ptr<const StoryService::PublishedThreads> StoryService::publish_locked() {
  const auto previous = published();
  return publish(prepare_locked(previous), previous);
}

std::shared_ptr<const StoryService::PublishedThreads> StoryService::republish(bool wait) {
  // The list is assembled after releasing the index lock, and the replaced one freed after
  // that (`previous` outlives the lock).
  const auto previous = published();
  Prepared prepared;
  {
    std::unique_lock lock(mutex_, std::defer_lock);
    if (wait) {
      lock.lock();
    } else if (!lock.try_lock()) {
      return nullptr;
    }
    prepared = prepare_locked(previous);
  }
  // Ranking and assembling the list happen here, without the index lock, so writers do not
  // wait them out.
  return publish(std::move(prepared), previous);
}

std::shared_ptr<const StoryService::PublishedThreads> StoryService::published_if_fresh() {
  const std::shared_ptr<const PublishedThreads> p = published();
  if (!p) return nullptr;
  if (p->snapshot->version == index_version_.load()) return p;
  const auto allowed = std::min<std::chrono::steady_clock::duration>(p->cost * 20, std::chrono::milliseconds(500));
  return std::chrono::steady_clock::now() - p->built < allowed ? p : nullptr;
}

std::shared_ptr<const StoryService::PublishedThreads> StoryService::fresh_publication() {
  if (auto published = published_if_fresh()) return published;
  return republish();
}

std::chrono::steady_clock::duration StoryService::staleness(const PublishedThreads& list,
                                                            std::chrono::steady_clock::time_point now) const {
  if (list.snapshot->version == index_version_.load()) return {};
  const std::chrono::steady_clock::time_point seen{std::chrono::steady_clock::duration{seen_current_at_.load()}};
  return now - std::max(list.built, seen);
}

std::chrono::steady_clock::duration StoryService::stale_for(const PublishedThreads& list) {
  const auto now = std::chrono::steady_clock::now();
  const auto stale = staleness(list, now);
  if (stale == std::chrono::steady_clock::duration::zero()) seen_current_at_.store(now.time_since_epoch().count());
  return stale;
}

// Reckoned without noting the list current: a benchmark sampling this must not change what
// listings serve.
std::chrono::steady_clock::duration StoryService::listing_age() {
  const auto p = published();
  return p ? staleness(*p, std::chrono::steady_clock::now()) : std::chrono::steady_clock::duration{};
}

std::shared_ptr<const StoryService::PublishedThreads> StoryService::listing() {
  // The backlog is read first: a reader that finds it short waits for what is in it.
  if (!catch_up_unless_busy())
    if (auto p = published(); p && stale_for(*p) < kBusyStaleness) return p;
  return fresh_publication();
}

void StoryService::refresh_published() {
  block_process_signals();
  std::unique_lock wait(refresher_mutex_);
  while (!refresher_wake_.wait_for(wait, std::chrono::milliseconds(200), [this] { return stopping_; })) {
    wait.unlock();
    const auto current = published();
    try {
      if (!current || stale_for(*current) > std::chrono::steady_clock::duration::zero()) republish();
    } catch (const std::exception& e) {  // tried again on the next tick; the last list stands
      spdlog::error("publishing the thread list: {}", e.what());
    }
    wait.lock();
  }
}

// /health and /metrics never wait for the index lock: the count is kept with every change
// the threader applies (update_counts_locked()), before the change's readers are released.
std::size_t StoryService::thread_count() {
  catch_up_unless_busy();
  return threads_.load();
}

std::optional<nlohmann::json> StoryService::article(const std::string& article_id) {
  // Every change acknowledged before (another article's may have moved the clock past this
  // one's expiry), and then, should that take over a second, at least the article's own.
  catch_up();
  {
    std::unique_lock order(order_mutex_);
    if (!settled_.wait_for(order, kArticleWait, [&] { return !pending_.contains(article_id); }))
      throw ArticleNotReady("article " + article_id + " is stored; its analysis is not done yet");
  }
  std::lock_guard lock(mutex_);
  const IndexedArticle* a = index_->find(article_id);
  if (!a) return std::nullopt;
  const Thread* t = index_->thread_of(article_id);
  return article_json(*a->profile, t ? t->id : std::string(), index_->member(article_id));
}

// The published list answers without the index lock when it is fresh: a listing neither waits
// for writers nor makes them wait. A stale one is republished here, the lock held only to
// gather the threads (not for the ~15 ms of ranking at 100k articles).
nlohmann::json StoryService::threads(const ThreadQuery& query, bool telegram_shape) {
  std::shared_ptr<const PublishedThreads> published = listing();
  auto selected = select_threads(*published->snapshot, published->extras, query);
  return telegram_shape ? telegram_threads_json(selected) : threads_json(*published->snapshot, selected);
}

// The thread is found in the published list, as GET /threads finds it, without the index
// lock; only gathering the members needs the index. What they share, the outlets and the
// ledger are assembled after the lock is released (the keyer has a lock of its own).
// A thread founded since the list was published (it may be served up to 500 ms stale) is
// published at once: a client that got its 201 and the article's thread finds the story.
// Like a listing, a page waits for the changes on their way to the index unless writers keep
// the index busy (listing()).
std::optional<nlohmann::json> StoryService::story(const std::string& thread_id) {
  std::shared_ptr<const PublishedThreads> published = listing();
  std::optional<std::size_t> at = published->snapshot->position(thread_id);
  if (!at && published->snapshot->version != index_version_.load()) {
    bool founded_since = false;
    {
      std::lock_guard lock(mutex_);
      founded_since = index_->has_thread(thread_id);
    }
    if (founded_since) {
      published = republish();
      at = published->snapshot->position(thread_id);
    }
  }
  if (!at) return std::nullopt;
  const auto& ranked = published->snapshot->threads[*at];
  std::unique_lock lock(mutex_);
  StoryPage page = gather_story(ranked.thread, ranked.importance, *index_);
  lock.unlock();
  std::lock_guard keyer_lock(keyer_mutex_);
  return story_json(page, *keyer_);
}

// Exactly `storyline compare`: background statistics plus the two articles.
nlohmann::json StoryService::compare(Article a, Article b) {
  Profile pa = engines_->profile(std::move(a));
  Profile pb = engines_->profile(std::move(b));
  TermStats stats = *background_;
  stats.add(pa);
  stats.add(pb);
  WeightedProfile wa = weigh(pa, stats), wb = weigh(pb, stats);
  Comparison c = compare_profiles(engines_->model(), wa, wb, stats);
  return comparison_json(engines_->model(), c, wa, wb);
}

std::vector<std::string> StoryService::fold_words(const std::string& text) {
  std::vector<std::string> words;
  std::string folded = engines_->fold(text), word;
  for (char c : folded + " ") {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

}  // namespace storyline
