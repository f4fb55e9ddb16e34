#include "api/story_index.h"

#include <algorithm>

namespace storyline {

StoryIndex::StoryIndex(const StoryModel& model, TermStats background, ThreadingOptions options)
    : model_(model), stats_(std::move(background)), builder_(model_, stats_, options) {}

// The builder weighs profiles with the statistics as they are when the article arrives, so
// stats are updated first, as in a batch run over the same arrival order.
StoryIndex::Joined StoryIndex::add(IndexedArticle article) {
  const Profile& p = *article.profile;
  forget(p.id);
  stats_.add(p);
  builder_.add(article.profile);
  Joined joined = *membership(p.id);  // add() always places the article in a thread
  tallies_.joined(joined.thread_id, builder_.thread_of(p.id)->members.size(), article.category_vote,
                  article.folded_title);
  if (p.published) published_.insert(*p.published);
  if (article.expires) expiry_.emplace(*article.expires, p.id);
  articles_[p.id] = std::move(article);
  ++version_;
  return joined;
}

void StoryIndex::restore(std::vector<IndexedArticle> articles, const std::vector<Joined>& threads) {
  std::vector<RestoredMember> members;
  members.reserve(articles.size());
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const Profile& p = *articles[i].profile;
    forget(p.id);
    stats_.add(p);
    members.push_back({articles[i].profile, threads[i].thread_id, threads[i].probability, threads[i].matched});
    tallies_.invalidate(threads[i].thread_id);
    if (p.published) published_.insert(*p.published);
    if (articles[i].expires) expiry_.emplace(*articles[i].expires, p.id);
    articles_[p.id] = std::move(articles[i]);
  }
  // Statistics are complete before the weighting here (a batch, unlike the first run): this only
  // changes candidate retrieval for later arrivals slightly, never the restored memberships.
  builder_.restore(std::move(members));
  ++version_;
}

void StoryIndex::forget(const std::string& article_id) {
  auto it = articles_.find(article_id);
  if (it == articles_.end()) return;
  const Profile& p = *it->second.profile;
  if (const Thread* thread = builder_.thread_of(article_id)) tallies_.invalidate(thread->id);
  builder_.remove(article_id);
  stats_.remove(p);
  if (p.published) published_.erase(published_.find(*p.published));
  if (it->second.expires) expiry_.erase({*it->second.expires, article_id});
  articles_.erase(it);
  ++version_;
}

bool StoryIndex::remove(const std::string& article_id) {
  if (!articles_.count(article_id)) return false;
  forget(article_id);
  return true;
}

std::optional<std::int64_t> StoryIndex::now() const {
  if (published_.empty()) return std::nullopt;
  return *published_.rbegin();
}

std::optional<StoryIndex::Joined> StoryIndex::membership(const std::string& article_id) const {
  const Thread* t = builder_.thread_of(article_id);
  const ThreadMember* m = builder_.member(article_id);
  if (!t || !m) return std::nullopt;
  return Joined{t->id, m->probability, m->matched};
}

std::optional<StoryIndex::Removed> StoryIndex::take(const std::string& article_id) {
  auto it = articles_.find(article_id);
  if (it == articles_.end()) return std::nullopt;
  Removed removed{it->second, membership(article_id).value_or(Joined{})};
  forget(article_id);
  return removed;
}

std::vector<StoryIndex::Removed> StoryIndex::expire() {
  std::vector<Removed> gone;
  auto n = now();
  while (n && !expiry_.empty() && expiry_.begin()->first < *n) {
    gone.push_back(*take(expiry_.begin()->second));
    n = now();  // removing the newest article moves "now" back
  }
  return gone;
}

const IndexedArticle* StoryIndex::find(const std::string& article_id) const {
  auto it = articles_.find(article_id);
  return it == articles_.end() ? nullptr : &it->second;
}

const ThreadTally& StoryIndex::tally(const Thread& thread) {
  if (const ThreadTally* kept = tallies_.find(thread.id, thread.members.size())) return *kept;
  ThreadTally fresh;
  for (const ThreadMember& m : thread.members)
    if (const IndexedArticle* a = find(m.article_id)) fresh.add(a->category_vote, a->folded_title);
  fresh.members = thread.members.size();
  return tallies_.keep(thread.id, std::move(fresh));
}

const Thread* StoryIndex::thread_of(const std::string& article_id) const { return builder_.thread_of(article_id); }

StoryIndex::Unranked StoryIndex::unranked(std::shared_ptr<const ThreadSnapshot> base) {
  Unranked out;
  out.now = now();
  out.version = version_;
  ThreadBuilder::Changes changes;
  if (base) changes = builder_.described_since(base->changes);
  if (base && changes.complete) {
    out.threads = std::move(changes.threads);
    out.changed_ids = std::move(changes.ids);
    out.changes = changes.through;
    out.base = std::move(base);
  } else {  // the first list, or one too old to update: every thread
    out.changes = builder_.changes();
    out.threads = builder_.described_threads();
  }
  return out;
}

StoryIndex::Ranked StoryIndex::rank(Unranked unranked) {
  const ThreadSnapshot* base = unranked.base.get();
  Reranking reranking = rerank(base ? &base->threads : nullptr, base ? base->now : std::nullopt,
                               unranked.changed_ids, std::move(unranked.threads), unranked.now);
  Ranked out;
  out.snapshot = std::make_shared<ThreadSnapshot>();
  out.snapshot->threads = std::move(reranking.threads);
  out.snapshot->now = unranked.now;
  out.snapshot->version = unranked.version;
  out.snapshot->changes = unranked.changes;
  out.origins = std::move(reranking.origins);
  return out;
}

std::optional<std::size_t> ThreadSnapshot::position(std::string_view thread_id) const {
  std::call_once(indexed_, [this] {
    by_id_.reserve(threads.size());
    for (std::size_t i = 0; i < threads.size(); ++i) by_id_.emplace(std::string_view(threads[i].thread->id), i);
  });
  auto it = by_id_.find(thread_id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

}  // namespace storyline
