// StoryService's write path: PUT and DELETE are committed and acknowledged; the index follows
// the store on the threader.
//
// Why a PUT waits neither for its analysis nor for its threading, and why that is safe:
// - At a steady 2,000 PUT/s on two cores the slowest PUTs came in episodes, a second or so
//   when costly articles arrived together and the cores ran out. A PUT first stopped waiting
//   for its threading (a quarter of its CPU): p99 at that rate 8.5–71 ms (median 17.8) before,
//   4.6–9.0 (median 6.4) after. Now it waits for its commit only: the analysis (half its CPU)
//   runs on the analysers, started beside the commit (figures: bench/README.md).
// - The store is the truth and the index follows it: a change reaches the index only after
//   its commit, in commit order (GroupCommitter's `then`), and after its analysis. A failed
//   commit is not acknowledged and changed nothing, so there is nothing to undo in the index.
//   What a PUT answers (created or updated, expired on arrival, the time to live) needs the
//   article's date only, which is known before any analysis.
// - Readers wait until the index holds every change acknowledged before they asked
//   (catch_up()): a client that got its 201 finds its article, analysed, in its thread.
//   While more than kBusyBacklog changes are on their way, listings (GET /threads, story
//   pages), /health and /metrics do not wait: they serve the list as published, less than
//   half a second stale (StoryService::listing()). PUTs wait while the threader is too far
//   behind (kThreadingLimits: a change acknowledged 400 ms ago not yet in the index), so that
//   "visible within a second" holds under any load.
// - The article is stored as received; its analysis and the thread it joined are stored by a
//   write of their own (AssignmentWrite) after the threading. An article acknowledged but not
//   yet assigned when the process ends has neither in the store; the restart analyses and
//   threads it anew (start()).
#include <spdlog/spdlog.h>

#include <unordered_set>

#include "api/filing_time.h"
#include "api/story_service.h"
#include "store/profile_codec.h"
#include "stories/story_json.h"

namespace storyline {

PutOutcome StoryService::put(Article article, std::optional<std::int64_t> max_age) {
  // Dated as its analysis will date it, known before any analysis. Filed at the index's
  // clock, it must see the index hold every change acknowledged before (the client's
  // previous PUT, say); most articles carry a believable date and need not wait.
  std::optional<std::int64_t> published = publication_time(article);
  if (!believable(published, wall_clock())) catch_up();
  published = filed_time(article.id, published);

  // The index's clock is read without its lock, as filed_time() reads it.
  const std::optional<std::int64_t> now = index_clock();
  std::optional<std::int64_t> expires;
  // A time to live too long to add ("max-age" of 2^63 - 1 means "for ever") is none.
  const std::int64_t from = published.value_or(now.value_or(wall_clock()));
  if (std::int64_t at; max_age && !__builtin_add_overflow(from, *max_age, &at)) expires = at;
  const std::string id = article.id;
  bool outcome = false;
  if (StoryIndex::expired_at(expires, now)) {
    // Expired on arrival: acknowledged but not kept, as the Telegram
    // contest expects; a stored previous version goes. Updated when there was one.
    outcome = !store_then_index(RemovalWrite{id, RemovalReason::Expired, wall_clock(), now}, {id, std::nullopt});
  } else {
    // The store keeps the raw fields (the one copy); the analysis consumes its own. It starts
    // now, beside the commit, and the threader waits for it.
    ArticleWrite write;
    write.article = article;
    write.article.origin.clear();
    write.expires = expires;
    write.received = wall_clock();
    write.now = now;
    IndexChange change{id, std::nullopt};
    change.analysis = analysers_->submit([this, article = std::move(article), published, expires]() mutable {
      return analyse(std::move(article), published, expires);
    });
    outcome = store_then_index(std::move(write), std::move(change));
  }
  threader_->wait_within(kThreadingLimits);
  return outcome ? PutOutcome::Created : PutOutcome::Updated;
}

std::shared_ptr<StoryService::Analysed> StoryService::analyse(Article article, std::optional<std::int64_t> filed,
                                                              std::optional<std::int64_t> expires) {
  Profile analysed = engines_->profile(std::move(article));
  analysed.published = filed;
  auto profile = std::make_shared<const Profile>(std::move(analysed));
  auto out = std::make_shared<Analysed>();
  out->encoded = encode_profile(*profile);
  std::string folded = engines_->fold(profile->title);
  const CategoryScores vote = categories_->vote(categories_->scores(*profile));
  out->article = IndexedArticle{std::move(profile), std::move(folded), expires, vote};
  return out;
}

void StoryService::finish_analysis(IndexChange& change) {
  if (!change.analysis.valid()) return;
  try {
    Analysed& done = *change.analysis.get();
    change.article = std::move(done.article);
    change.profile = std::move(done.encoded);
  } catch (const std::exception& e) {
    // Stored and acknowledged, but not indexed: the change takes any earlier version out of
    // the index, and a restart analyses the stored article again (it has no thread).
    spdlog::error("article {}: analysis failed ({}); stored, not indexed until a restart", change.article_id,
                  e.what());
  }
  change.analysis = {};
}

PutOutcome StoryService::put_unindexed(const std::string& article_id, std::optional<std::int64_t> max_age) {
  // Its time to live counts from the index's clock, as for an undated article (so, unlike a
  // dated one, it cannot have expired on arrival).
  const std::optional<std::int64_t> now = index_clock();
  std::optional<std::int64_t> expires;
  if (std::int64_t at; max_age && !__builtin_add_overflow(now.value_or(wall_clock()), *max_age, &at)) expires = at;
  const bool created =
      store_then_index(UnindexedWrite{article_id, wall_clock(), expires, now}, {article_id, std::nullopt});
  return created ? PutOutcome::Created : PutOutcome::Updated;
}

bool StoryService::remove(const std::string& article_id) {
  return store_then_index(RemovalWrite{article_id, RemovalReason::Deleted, wall_clock(), index_clock()},
                          {article_id, std::nullopt});
}

bool StoryService::store_then_index(StoreWrite write, IndexChange change) {
  std::optional<GroupCommitter::Awaited> committed;
  {
    std::lock_guard lock(order_mutex_);
    const std::string id = change.article_id;
    committed.emplace(committer_->submit_awaited(
        std::move(write), [this, id] { abandon_locked(id); },  // the commit failed: it never comes
        [this, change = std::move(change)](bool) mutable { threader_->post(std::move(change)); }));
    ++pending_[id];
  }
  // Commits on this thread unless a commit is running; throws when it failed.
  return committed->wait();
}

void StoryService::settle_locked(const std::string& article_id) {
  auto it = pending_.find(article_id);
  if (it != pending_.end() && --it->second == 0) {
    pending_.erase(it);
    settled_.notify_all();  // article() may wait for it
  }
}

void StoryService::abandon_locked(const std::string& article_id) {
  settle_locked(article_id);
  auto it = unstored_.find(article_id);
  if (it == unstored_.end() || pending_.contains(article_id)) return;
  IndexChange resync{article_id, std::nullopt, true, it->second};
  unstored_.erase(it);
  threader_->post(std::move(resync));
}

void StoryService::apply_changes(std::vector<IndexChange>& changes, const std::function<void()>& one_applied) {
  // What each change left in the index, in order. Only an article's last outcome of the batch
  // is stored: an expiry of its earlier version must not delete the version added after it.
  struct Outcome {
    std::string article_id;
    enum Kind { kRemoved, kExpired, kAssigned } kind = kRemoved;  // kRemoved: stored already
    std::optional<StoryIndex::Joined> joined;
    bool replaced = false;
    std::string profile{};  // kAssigned: the change's encoded profile, to store with the thread
  };
  std::vector<Outcome> outcomes;
  // The batch's changes are no longer on their way (with order_mutex_ held); a resync never was.
  auto settle_batch = [&] {
    for (const IndexChange& change : changes)
      if (!change.resync) settle_locked(change.article_id);
  };
  // Applies one change; the index lock is held.
  auto apply_locked = [&](IndexChange& change) {
    if (change.resync) {  // the index as it is: in a thread, or expired meanwhile
      std::optional<StoryIndex::Joined> joined = index_->membership(change.article_id);
      outcomes.push_back({change.article_id, joined ? Outcome::kAssigned : Outcome::kExpired, std::move(joined),
                          change.replaced});
      one_applied();
      return;
    }
    std::optional<StoryIndex::Removed> before = index_->take(change.article_id);
    if (!change.article) {
      outcomes.push_back({change.article_id, Outcome::kRemoved, std::nullopt, false});
    } else if (index_->expired(change.article->expires)) {
      outcomes.push_back({change.article_id, Outcome::kExpired, std::nullopt, false});  // expired while it waited
    } else {
      StoryIndex::Joined joined = index_->add(std::move(*change.article));
      outcomes.push_back({change.article_id, Outcome::kAssigned, std::move(joined), before.has_value(),
                          std::move(change.profile)});
    }
    // Readers decide by these counts whether the published list is current.
    update_counts_locked();
    one_applied();
  };
  auto analysed = [](const IndexChange& change) {
    return !change.analysis.valid() || change.analysis.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  };
  try {
    // The next change's analysis is waited for without the index lock (readers need not wait
    // it out); then it and each following change already analysed are applied under one hold
    // of the lock. Waiting for the whole batch first would idle the analysers while the batch
    // is threaded, and the threader while they analyse.
    for (std::size_t next = 0; next < changes.size();) {
      finish_analysis(changes[next]);
      std::size_t end = next + 1;
      for (; end < changes.size() && analysed(changes[end]); ++end) finish_analysis(changes[end]);
      std::lock_guard lock(mutex_);
      for (; next < end; ++next) apply_locked(changes[next]);
      // Expiries under the same hold: a reader released by one_applied() takes the lock only
      // after this, so it never finds an article the change it waited for expired.
      for (StoryIndex::Removed& r : index_->expire())
        outcomes.push_back({r.article.profile->id, Outcome::kExpired, std::nullopt, false});
      update_counts_locked();
    }
  } catch (...) {
    // The batch is lost to the index (the threader reports it), not its articles' later
    // changes: they are no longer on their way, so those may store their threads.
    std::lock_guard lock(order_mutex_);
    settle_batch();
    throw;
  }
  // Nobody waits for these writes. One that fails leaves the store a step behind the index,
  // which a restart resolves: an article without a thread is threaded again, an expired one
  // expires again. An article with a change still on its way is left to that change.
  const std::int64_t at = wall_clock();
  std::lock_guard lock(order_mutex_);
  settle_batch();
  std::unordered_set<std::string_view> decided;  // newest first: an article's first seen is its last
  for (auto o = outcomes.rbegin(); o != outcomes.rend(); ++o) {
    if (!decided.insert(o->article_id).second) continue;
    if (pending_.contains(o->article_id)) {
      if (o->kind != Outcome::kRemoved) unstored_[o->article_id] = o->replaced;  // see abandon_locked
      continue;
    }
    unstored_.erase(o->article_id);
    if (o->kind == Outcome::kAssigned) {
      const StoryIndex::Joined& j = *o->joined;
      committer_->submit(AssignmentWrite{o->article_id, j.thread_id, j.probability, j.matched.article_id,
                                         j.matched.probability, o->replaced, at, std::move(o->profile)});
    } else if (o->kind == Outcome::kExpired) {
      committer_->submit(RemovalWrite{o->article_id, RemovalReason::Expired, at, index_clock()});
    }
  }
}

bool StoryService::catch_up_unless_busy() {
  if (ready_ && threader_->backlog() > kBusyBacklog) return false;
  catch_up();
  return true;
}

void StoryService::catch_up() {
  // Before ready_ nothing was acknowledged, and threader_ may be being created (start()).
  if (ready_ && !threader_->wait_handled(std::chrono::seconds(1)))
    spdlog::warn("the index is more than a second behind the store");
}

// The index's clock is read without its lock: an undated article may be filed a few
// milliseconds before an article that arrives at the same moment, which no one could tell.
std::optional<std::int64_t> StoryService::filed_time(const std::string& article_id,
                                                      std::optional<std::int64_t> published) {
  const std::optional<std::int64_t> filed = filing_time(published, index_clock(), wall_clock());
  if (published && published != filed)
    spdlog::warn("article {}: its date {} is ahead of this machine's clock; filed {}", article_id,
                 iso_time(*published), filed ? "at " + iso_time(*filed) : std::string("undated"));
  return filed;
}

}  // namespace storyline
