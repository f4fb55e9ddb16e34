// ThreadBuilder: online story threading. Articles arrive (ideally in publication order); each is
// compared (with the learned story model) against the few threads that its strongest terms
// and entities point to in the candidate index, inside a time window, and joins the best
// thread whose P(same story) clears the model's threshold, or starts a new one.
// Cost per article grows with the number of candidates, not with the corpus.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "compare/story_model.h"
#include "index/candidate_index.h"
#include "index/term_stats.h"
#include "threads/thread.h"
#include "threads/thread_summary.h"

namespace storyline {

struct ThreadingOptions {
  std::int64_t window_seconds = 3 * 24 * 3600;  // a story goes quiet after three days
  // Candidates from the index per arriving article, online (the server). 12 read as 24 did on
  // ECB+ (B³ F1 online, four fold splits: 0.9092 and 0.9090), higher on the Google News titles
  // (0.651 and 0.636), and threads 1.38x as fast (threads_bench --online, 30k articles).
  std::size_t candidate_documents = 12;
  std::size_t members_compared = 6;             // per candidate thread (most similar first)
  // The best of those, averaged (online only: average linkage reads the best two). Three, not
  // two: online, the Google News titles 0.755 (two: 0.651), ECB+ B³ F1 over four fold splits
  // 0.9108 (0.9092), over eight 0.9128 (0.9077); four read 0.784 and 0.9080 (four splits).
  std::size_t members_averaged = 3;
  std::size_t query_terms = 24;                 // strongest terms used to query the index
  // add_batch() groups a batch by average linkage (threads/average_link.h) when set; else it
  // threads it online, as the server does, with the second look below.
  bool average_link = true;
  // Candidates scored per article there: each merge measures the pairs it needs (ECB+ B³ F1
  // over four fold splits 0.924 with 12, 0.926 with 24, 0.918 on the two splits tried with 8;
  // Google News titles 0.723, 0.719 and 0.748; threading 1.46x as fast with 12 as with 24).
  std::size_t linked_candidates = 12;
  // Whether an article average linkage left alone then joins the cluster its best two matches
  // favour (Agglomeration::adopt_lone_items).
  bool adopt_lone_articles = true;
  // Online add_batch() reconsiders every article once the articles after it have arrived (the server
  // threads online and keeps what it has published), except those that joined their thread
  // with P(same story) >= `settled`: they almost never move (ECB+ B³ F1 0.9146 with all
  // reconsidered, 0.9140 with these kept, over four fold splits) and they are most of a batch
  // (threads_bench: threading takes 2.4x the single pass's CPU with all, 1.5x without them).
  bool reconsider = true;
  float settled = 0.85f;
};

// An article with the thread it was assigned to before a restart (see ThreadBuilder::restore).
struct RestoredMember {
  RestoredMember(std::shared_ptr<const Profile> p, std::string thread, float prob = 1, Match match = {})
      : profile(std::move(p)), thread_id(std::move(thread)), probability(prob), matched(std::move(match)) {}
  RestoredMember(Profile p, std::string thread, float prob = 1, Match match = {})
      : RestoredMember(std::make_shared<const Profile>(std::move(p)), std::move(thread), prob, std::move(match)) {}

  std::shared_ptr<const Profile> profile;  // shared, not copied (see add())
  std::string thread_id;
  float probability = 1;
  Match matched;  // ThreadMember::matched
};

class ThreadBuilder {
 public:
  // `stats` must outlive the builder; the caller decides whether it holds the whole corpus
  // (batch) or grows with it (online).
  ThreadBuilder(const StoryModel& model, const TermStats& stats, ThreadingOptions options = {});
  ~ThreadBuilder();

  // Adds one article; returns the id of the thread it joined or started. An article id that
  // is already present is replaced (removed, then added again).
  std::string add(Profile profile);
  // The same without a copy: the server's index shares each Profile with the builder (the
  // weighted vectors compared later point into it).
  std::string add(std::shared_ptr<const Profile> profile);

  // Batch threading of articles in publication order (see in_publication_order() in
  // stories/engine.h). By default by average linkage (ThreadingOptions::average_link): every
  // article is compared with its candidates, then clusters merge best-first and articles left
  // alone join by their best two (threads/average_link.h; ECB+ B³ F1 0.909 -> 0.939 over four
  // fold splits, Google News titles 0.636 -> 0.722, for 1.7x the threading CPU). The batch is
  // grouped among itself: threads the builder held before it keep their members, and no batch
  // article joins them.
  // Otherwise online: adds the articles in the order given and reconsiders each one (removes
  // it and adds it again) once the articles published up to half a window after it have
  // arrived, or at the end when the window is unbounded or the article undated (see
  // ThreadingOptions::settled for those left alone). An early report, which could only start
  // a thread or join one by its first few fellows, then joins the thread that its later
  // fellows formed (ECB+ B³ F1 0.905 -> 0.914 over four fold splits; a second
  // reconsideration adds nothing). Of an id given twice only the later version stays. Thread
  // ids are those of founders (the first article of each thread by average linkage; after a
  // second look a founder may have moved on). `progress` counts both passes.
  void add_batch(std::vector<std::shared_ptr<const Profile>> in_order,
                 const std::function<void(std::size_t done, std::size_t total)>& progress = {});

  // Removes an article (deleted or expired); false when unknown. A thread left without
  // members disappears; the others keep their ids.
  bool remove(const std::string& article_id);

  // The thread an article belongs to, or nullptr.
  const Thread* thread_of(const std::string& article_id) const;
  // Whether a thread of this id has members now.
  bool has_thread(const std::string& thread_id) const;
  // The article's entry in its thread (how and by whom it joined), or nullptr.
  const ThreadMember* member(const std::string& article_id) const;
  std::size_t article_count() const;
  // Threads with at least one member (those described_threads() lists), kept as members come
  // and go: a count that needs no description.
  std::size_t thread_count() const;

  // Every thread described (title, languages, sources, span), shared rather than copied, with
  // its importance at the corpus's "now", most important first. The Thread objects are
  // immutable and stay valid after the builder changes; their own `importance` field is not
  // kept up to date: use RankedThread::importance.
  struct RankedThread {
    std::shared_ptr<const Thread> thread;
    double importance = 0;
    RankKey key;              // what it is ranked by
    std::size_t id_hash = 0;  // of thread->id: rerank() finds changed threads without reading any
  };
  // `now`: the newest publication time (computed over every member when not given).
  std::vector<RankedThread> ranked_threads() const;
  std::vector<RankedThread> ranked_threads(std::optional<std::int64_t> now) const;
  // The same in two steps, so that a server can rank without holding its index lock: every
  // thread (the changed ones described again; the rest are shared pointers), then
  // rank_threads() on them, which touches no builder state.
  std::vector<std::shared_ptr<const Thread>> described_threads() const;
  // Only what changed after the change count `since` (changes() when an earlier list was
  // made): the ids of the threads whose members changed, and those of them that still have
  // members, described. The earlier list without the threads of those ids, plus these, is the
  // list described_threads() would give now; making it costs no lock.
  // Threads left without members are forgotten (their places reused); the ids of the last
  // few thousand to go are remembered for this. Asked about changes from before those,
  // it answers `complete = false` and nothing else: take described_threads() instead.
  struct Changes {
    std::vector<std::string> ids;
    std::vector<std::shared_ptr<const Thread>> threads;
    std::uint64_t through = 0;  // changes() now
    bool complete = true;
  };
  Changes described_since(std::uint64_t since) const;
  // Threads held: those with members and forgotten ones waiting to be reused. It follows the
  // threads alive at once, not every thread there ever was.
  std::size_t thread_slots() const;
  // Grows with every membership change (thread founded, member joined or left).
  std::uint64_t changes() const;

  // Every thread, with title, languages, sources and importance filled, most important first.
  // Threads unchanged since the last call keep their description (only importance, which
  // depends on "now", is recomputed), so calling it often is cheap. Like every other member,
  // not to be called concurrently.
  std::vector<Thread> threads() const;

  // After a restart: puts articles back into the threads they were in, in their original
  // arrival order, without comparing them again, so thread ids and memberships stay exactly
  // what clients saw (re-threading would depend on the statistics of the first run).
  void restore(std::vector<RestoredMember> members);

 private:
  void add_linked(std::vector<std::shared_ptr<const Profile>> in_order,
                  const std::function<void(std::size_t, std::size_t)>& progress);

  struct State;
  std::unique_ptr<State> state_;
};

// A thread with its key, importance and id hash at `now`, ready to be ranked.
ThreadBuilder::RankedThread ranked_at(std::shared_ptr<const Thread> thread, std::optional<std::int64_t> now);

// Threads with their importance at `now`, most important first (ThreadBuilder::ranked_threads).
std::vector<ThreadBuilder::RankedThread> rank_threads(std::vector<std::shared_ptr<const Thread>> threads,
                                                      std::optional<std::int64_t> now);

}  // namespace storyline
