#include "api/story_service.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "api/json_views.h"
#include "api/story_page.h"
#include "compare/comparer.h"

namespace storyline {
namespace {

std::int64_t wall_clock() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// How many stored articles are decoded and handed to the builder at a time while restoring.
constexpr std::size_t kRestoreBatch = 4096;

}  // namespace

StoryService::StoryService(ServiceOptions options, std::unique_ptr<Store> store)
    : options_(std::move(options)), store_(std::move(store)) {}

StoryService::~StoryService() = default;

void StoryService::start() {
  const auto started = std::chrono::steady_clock::now();
  engines_ = std::make_unique<EnginePool>(options_.engine, options_.engines);
  background_ = std::make_unique<TermStats>(engines_->background_stats());
  std::lock_guard lock(mutex_);
  index_ = std::make_unique<StoryIndex>(engines_->model(), *background_, options_.threading);
  keyer_ = std::make_unique<MatchKeyer>();

  // Arrival order with the stored thread of each article: memberships and ids come back as
  // they were. Profiles are decoded, not recomputed; an unreadable one is re-analysed.
  std::vector<IndexedArticle> batch;
  std::vector<StoryIndex::Joined> threads;
  std::size_t reprofiled = 0;
  auto flush = [&] {
    index_->restore(std::move(batch), threads);
    batch.clear();
    threads.clear();
    articles_ = index_->article_count();
  };
  store_->scan([&](StoredArticle&& s) {
    if (!s.profile) {
      s.profile = engines_->profile(s.article);
      ++reprofiled;
    }
    std::string folded = engines_->fold(s.profile->title);
    batch.push_back({std::make_shared<const Profile>(std::move(*s.profile)), std::move(folded), s.expires});
    threads.push_back({std::move(s.thread_id), s.probability});
    if (batch.size() >= kRestoreBatch) flush();
  });
  flush();
  expire_locked();
  update_counts_locked();
  threads_ = index_->thread_count();
  ready_ = true;
  spdlog::info("restored {} articles in {} threads in {} ms ({} re-analysed)", articles_.load(), threads_.load(),
               std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count(),
               reprofiled);
}

PutOutcome StoryService::put(Article article, std::optional<std::int64_t> max_age) {
  Article raw = article;  // the analysis consumes its input; the store keeps the raw fields
  raw.origin.clear();
  auto profile = std::make_shared<const Profile>(engines_->profile(std::move(article)));
  std::string folded = engines_->fold(profile->title);

  std::lock_guard lock(mutex_);
  const IndexedArticle* previous = index_->find(raw.id);
  const bool existed = previous != nullptr;
  std::optional<IndexedArticle> before;
  if (previous) before = *previous;
  std::optional<std::int64_t> expires;
  if (max_age) expires = profile->published.value_or(index_->now().value_or(wall_clock())) + *max_age;
  if (index_->expired(expires)) {
    if (existed && store_->remove(raw.id, RemovalReason::Expired, wall_clock())) index_->remove(raw.id);
    update_counts_locked();
    return existed ? PutOutcome::Updated : PutOutcome::Created;
  }
  StoryIndex::Joined joined = index_->add({profile, std::move(folded), expires});
  StoredArticle stored{std::move(raw), *profile, expires, joined.thread_id, joined.probability, wall_clock()};
  try {
    store_->put(stored);
  } catch (...) {
    // Not durable, so not acknowledged: the index must not show it either (the previous
    // version, still stored, comes back; its thread may differ).
    index_->remove(stored.article.id);
    if (before) index_->add(std::move(*before));
    throw;
  }
  expire_locked();
  update_counts_locked();
  return existed ? PutOutcome::Updated : PutOutcome::Created;
}

bool StoryService::remove(const std::string& article_id) {
  std::lock_guard lock(mutex_);
  if (!store_->remove(article_id, RemovalReason::Deleted, wall_clock())) return false;
  index_->remove(article_id);
  update_counts_locked();
  return true;
}

void StoryService::expire_locked() {
  for (const std::string& id : index_->expire()) store_->remove(id, RemovalReason::Expired, wall_clock());
}

// Thread counts need a ranking snapshot, which is not worth building on every write.
void StoryService::update_counts_locked() { articles_ = index_->article_count(); }

std::size_t StoryService::thread_count() {
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (lock.owns_lock() && index_ && ready_) threads_ = index_->thread_count();
  return threads_.load();
}

std::optional<nlohmann::json> StoryService::article(const std::string& article_id) {
  std::lock_guard lock(mutex_);
  const IndexedArticle* a = index_->find(article_id);
  if (!a) return std::nullopt;
  const Thread* t = index_->thread_of(article_id);
  return article_json(*a->profile, t ? t->id : std::string());
}

nlohmann::json StoryService::threads(const ThreadQuery& query, bool telegram_shape) {
  std::lock_guard lock(mutex_);
  auto snapshot = index_->snapshot();
  auto selected = select_threads(*snapshot, *index_, query);
  return telegram_shape ? telegram_threads_json(selected, query.category) : threads_json(*snapshot, selected);
}

std::optional<nlohmann::json> StoryService::story(const std::string& thread_id) {
  std::lock_guard lock(mutex_);
  auto snapshot = index_->snapshot();
  auto it = snapshot->by_id.find(thread_id);
  if (it == snapshot->by_id.end()) return std::nullopt;
  return story_json(snapshot->threads[it->second], *index_, *keyer_);
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
