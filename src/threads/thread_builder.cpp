#include "threads/thread_builder.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "compare/comparer.h"
#include "threads/average_link.h"
#include "threads/candidate_query.h"
#include "threads/thread_summary.h"
#include "threads/title_candidates.h"

namespace storyline {
namespace {

// Where each id of a batch comes last: of an id given twice only the later version counts.
std::unordered_map<std::string_view, std::size_t> last_positions(
    const std::vector<std::shared_ptr<const Profile>>& in_order) {
  std::unordered_map<std::string_view, std::size_t> last;
  for (std::size_t k = 0; k < in_order.size(); ++k) last[in_order[k]->id] = k;
  return last;
}

}  // namespace

struct ThreadBuilder::State {
  // A candidate for later arrivals. `weighted` points into `profile`, which is shared (the
  // server's index holds the same one), not copied.
  struct Live {
    std::shared_ptr<const Profile> profile;
    WeightedProfile weighted;
    std::size_t thread = 0;
  };
  const StoryModel& model;
  const TermStats& stats;
  ThreadingOptions options;
  CandidateIndex index;
  std::unordered_map<DocSlot, std::unique_ptr<Live>> live;
  std::vector<Thread> threads;
  std::vector<std::vector<DocSlot>> live_members;      // per thread, arrival order
  // Per thread, the slot of each member (evicted ones too), parallel to Thread::members: a
  // removal finds its member among integers, where comparing ids cost a string comparison
  // per member of a story thousands strong.
  std::vector<std::vector<DocSlot>> member_slots;
  std::vector<TitleCandidates> titles;  // per thread, the headlines its title is chosen from
  std::unordered_map<std::string, std::size_t> thread_by_id;
  std::unordered_map<std::string, std::pair<std::size_t, DocSlot>> where;  // article -> (thread, slot)
  // Membership changes per thread, and the described threads of the last threads() call with
  // the change count they describe: a server asks for threads() every few hundred
  // milliseconds while only a few threads change, and choosing titles is the costly part.
  std::vector<std::uint64_t> changed;
  std::uint64_t changes = 0;
  std::vector<std::shared_ptr<const Thread>> described;
  std::vector<std::uint64_t> described_at;
  const std::shared_ptr<const Thread>& described_now(std::size_t thread);
  // Threads left without members are forgotten and their places reused, so a server whose
  // articles expire holds the threads of its window, not of every article it ever took (and
  // every thread not in `free_threads` has members). The
  // ids that left (change count, id) are kept for described_since() until more than
  // `kVanishedKept` pile up; a caller asking about changes older than `forgotten_through`
  // is told to start over.
  static constexpr std::size_t kVanishedKept = 4096;
  std::vector<std::size_t> free_threads;
  std::vector<std::pair<std::uint64_t, std::string>> vanished;
  std::uint64_t forgotten_through = 0;
  void forget_thread(std::size_t thread);
  DocSlot next_slot = 0;
  std::int64_t clock = 0;

  State(const StoryModel& m, const TermStats& s, ThreadingOptions o)
      : model(m), stats(s), options(o), index(o.window_seconds) {}

  // An article on its way in: weighed, with its index query and its time (kTimeless when
  // undated: no time evidence, inside every window).
  struct Arrival {
    std::unique_ptr<Live> live;
    SparseVector query;
    std::int64_t time = kTimeless;
  };

  Arrival arrive(std::shared_ptr<const Profile> profile) {
    WeightedProfile weighted = weigh(*profile, stats);
    SparseVector query = candidate_query(weighted, options.query_terms);
    return arrive(std::move(profile), std::move(weighted), std::move(query));
  }
  // `weighted` and `query`: weigh(*profile, stats) and its candidate_query(), already computed.
  Arrival arrive(std::shared_ptr<const Profile> profile, WeightedProfile weighted, SparseVector query) {
    Arrival a;
    a.time = profile->published.value_or(kTimeless);
    if (profile->published) {
      clock = std::max(clock, a.time);
      evict(clock);
    }
    a.live = std::make_unique<Live>();
    a.live->profile = std::move(profile);
    a.live->weighted = std::move(weighted);
    a.query = std::move(query);
    return a;
  }

  // A re-sent founder whose old thread still has members must not reuse that thread's id.
  std::string unused_id(std::string id) const {
    auto taken = [&](const std::string& candidate) {
      auto it = thread_by_id.find(candidate);
      return it != thread_by_id.end() && !threads[it->second].members.empty();
    };
    while (taken(id)) id = thread_id_for(id + "+");
    return id;
  }

  std::size_t new_thread(const std::string& id) {
    std::size_t i = threads.size();
    if (!free_threads.empty()) {
      i = free_threads.back();
      free_threads.pop_back();
      threads[i].id = id;
      changed[i] = ++changes;
    } else {
      Thread thread;
      thread.id = id;
      threads.push_back(std::move(thread));
      live_members.emplace_back();
      member_slots.emplace_back();
      titles.emplace_back();
      changed.push_back(++changes);
    }
    thread_by_id[id] = i;
    return i;
  }

  // `match`: the member it was most like (none for a founder).
  void attach(Arrival arrival, std::size_t thread, float probability, Match match = {}) {
    const Profile& p = *arrival.live->profile;
    threads[thread].members.push_back(
        {p.id, p.title, p.lang, p.source, p.published, probability, std::move(match)});
    changed[thread] = ++changes;
    DocSlot slot = next_slot++;
    titles[thread].add(slot, arrival.live->weighted.title, p.title);
    arrival.live->thread = thread;
    live_members[thread].push_back(slot);
    member_slots[thread].push_back(slot);
    index.add(slot, arrival.time, arrival.query);
    where[p.id] = {thread, slot};
    live.emplace(slot, std::move(arrival.live));
  }

  void evict(std::int64_t time) {
    for (DocSlot slot : index.evict(time)) {
      auto it = live.find(slot);
      if (it == live.end()) continue;
      auto& members = live_members[it->second->thread];
      members.erase(std::remove(members.begin(), members.end(), slot), members.end());
      live.erase(it);  // still a member of its thread (see `where`), no longer a candidate
    }
  }

  const ThreadMember* member(const std::string& article_id) const {
    auto it = where.find(article_id);
    if (it == where.end()) return nullptr;
    auto [thread, slot] = it->second;
    const auto& slots = member_slots[thread];
    auto found = std::find(slots.begin(), slots.end(), slot);
    return found == slots.end() ? nullptr : &threads[thread].members[std::size_t(found - slots.begin())];
  }

  // A member that joined its thread with P(same story) >= options.settled: a second look
  // would almost always leave it where it is (founders are never settled).
  bool settled(const std::string& article_id) const {
    const ThreadMember* m = member(article_id);
    return m && m->probability < 1.0f && m->probability >= options.settled;
  }

  struct Score {
    float mean = 0;                  // what the thread is judged by
    const Profile* best = nullptr;   // its member most like the article (its id is copied
    float best_probability = 0;      // only for the thread that wins: see add())
  };
  // Mean P(same story) between the new article and the thread's most similar members: an
  // average link over the best few (ThreadingOptions::members_averaged), so one or two lucky
  // matches do not chain stories together and a large thread is not diluted by its far-away
  // members.
  Score thread_score(const WeightedProfile& w, std::size_t thread, const std::vector<DocSlot>& ranked_candidates) {
    std::vector<DocSlot> compared;
    const std::size_t mc = options.members_compared;
    for (DocSlot slot : ranked_candidates)
      if (live.at(slot)->thread == thread && compared.size() < mc)
        compared.push_back(slot);
    const auto& members = live_members[thread];
    for (auto it = members.rbegin(); it != members.rend() && compared.size() < mc; ++it)
      if (std::find(compared.begin(), compared.end(), *it) == compared.end()) compared.push_back(*it);
    if (compared.empty()) return {};
    std::vector<float> p;
    Score score;
    for (DocSlot slot : compared) {
      const WeightedProfile& member = live.at(slot)->weighted;
      p.push_back(model.same_story_probability(pair_features(w, member, stats), w.profile->lang, member.profile->lang));
      if (!score.best || p.back() > score.best_probability) {
        score.best = member.profile;
        score.best_probability = p.back();
      }
    }
    std::sort(p.rbegin(), p.rend());
    std::size_t n = std::min(p.size(), options.members_averaged);
    score.mean = std::accumulate(p.begin(), p.begin() + std::ptrdiff_t(n), 0.0f) / float(n);
    return score;
  }
};

ThreadBuilder::ThreadBuilder(const StoryModel& model, const TermStats& stats, ThreadingOptions options)
    : state_(std::make_unique<State>(model, stats, options)) {}

ThreadBuilder::~ThreadBuilder() = default;

std::string ThreadBuilder::add(Profile profile) { return add(std::make_shared<const Profile>(std::move(profile))); }

std::string ThreadBuilder::add(std::shared_ptr<const Profile> profile) {
  State& s = *state_;
  remove(profile->id);
  const std::string id = profile->id;
  State::Arrival arrival = s.arrive(std::move(profile));

  std::vector<DocSlot> ranked;
  std::vector<std::size_t> candidate_threads;
  for (auto [slot, score] : s.index.query(arrival.query, arrival.time, s.options.candidate_documents)) {
    ranked.push_back(slot);
    std::size_t thread = s.live.at(slot)->thread;
    if (std::find(candidate_threads.begin(), candidate_threads.end(), thread) == candidate_threads.end())
      candidate_threads.push_back(thread);
  }
  std::size_t best = s.threads.size();
  State::Score best_score{kSameStoryThreshold};
  for (std::size_t thread : candidate_threads) {
    State::Score score = s.thread_score(arrival.live->weighted, thread, ranked);
    if (score.mean >= best_score.mean && (best == s.threads.size() || score.mean > best_score.mean)) {
      best = thread;
      best_score = score;
    }
  }
  if (best == s.threads.size()) {
    best = s.new_thread(s.unused_id(thread_id_for(id)));
    s.attach(std::move(arrival), best, 1);  // the founder of a new thread
  } else {
    s.attach(std::move(arrival), best, best_score.mean, {best_score.best->id, best_score.best_probability});
  }
  return s.threads[best].id;
}

void ThreadBuilder::add_batch(std::vector<std::shared_ptr<const Profile>> in_order,
                              const std::function<void(std::size_t, std::size_t)>& progress) {
  if (state_->options.average_link) return add_linked(std::move(in_order), progress);
  const bool reconsider = state_->options.reconsider;
  const std::size_t total = in_order.size() * (reconsider ? 2 : 1);
  std::size_t done = 0, next = 0;  // `next`: the first article not yet reconsidered
  const std::int64_t window = state_->options.window_seconds;
  auto report = [&] {
    if (progress) progress(++done, total);
  };
  // Of an id given twice only the later version is reconsidered: the earlier one is gone.
  std::unordered_map<std::string_view, std::size_t> latest;
  if (reconsider) latest = last_positions(in_order);
  auto reconsider_one = [&](std::size_t k) {
    const std::string& id = in_order[k]->id;
    if (latest.at(id) == k && !state_->settled(id)) add(in_order[k]);
    report();
  };
  for (std::size_t i = 0; i < in_order.size(); ++i) {
    add(in_order[i]);
    report();
    const auto& now = in_order[i]->published;
    if (!reconsider || window <= 0 || !now) continue;
    // Half a window later the index still holds the half window before it, and holds the half
    // window after it in full (the index evicts what is older than one window).
    for (; next < i; ++next) {
      const auto& then = in_order[next]->published;
      if (!then || *now - *then < window / 2) break;
      reconsider_one(next);
    }
  }
  if (!reconsider) return;
  for (; next < in_order.size(); ++next) reconsider_one(next);
}

void ThreadBuilder::add_linked(std::vector<std::shared_ptr<const Profile>> in_order,
                               const std::function<void(std::size_t, std::size_t)>& progress) {
  State& s = *state_;
  const auto latest = last_positions(in_order);
  std::vector<std::shared_ptr<const Profile>> distinct;
  for (std::size_t k = 0; k < in_order.size(); ++k)
    if (latest.at(in_order[k]->id) == k) distinct.push_back(in_order[k]);
  const std::size_t total = 2 * distinct.size();
  std::size_t done = 0;
  auto report = [&] {
    if (progress) progress(++done, total);
  };
  std::vector<LinkedArticle> links = average_link(distinct, s.model, s.stats, s.options, report);
  std::vector<std::size_t> thread_of_cluster(distinct.size());
  for (std::size_t i = 0; i < distinct.size(); ++i) {
    LinkedArticle& link = links[i];
    const std::string id = distinct[i]->id;
    remove(id);  // an article the builder held before the batch is replaced
    State::Arrival arrival = s.arrive(distinct[i], std::move(link.weighted), std::move(link.query));
    if (link.cluster == i) {
      thread_of_cluster[i] = s.new_thread(s.unused_id(thread_id_for(id)));
      s.attach(std::move(arrival), thread_of_cluster[i], 1);  // the founder
    } else {
      s.attach(std::move(arrival), thread_of_cluster[link.cluster], link.probability,
               {distinct[*link.matched]->id, link.matched_probability});
    }
    report();
  }
}

bool ThreadBuilder::remove(const std::string& article_id) {
  State& s = *state_;
  auto it = s.where.find(article_id);
  if (it == s.where.end()) return false;
  auto [thread, slot] = it->second;
  s.where.erase(it);
  s.index.remove(slot);
  s.live.erase(slot);
  auto& slots = s.live_members[thread];
  slots.erase(std::remove(slots.begin(), slots.end(), slot), slots.end());
  auto& members = s.threads[thread].members;
  auto& member_slots = s.member_slots[thread];
  s.changed[thread] = ++s.changes;
  auto found = std::find(member_slots.begin(), member_slots.end(), slot);
  if (found != member_slots.end()) {
    const auto i = found - member_slots.begin();
    member_slots.erase(found);
    members.erase(members.begin() + i);
  }
  s.titles[thread].remove(slot);
  if (members.empty()) s.forget_thread(thread);
  return true;
}

void ThreadBuilder::State::forget_thread(std::size_t i) {
  vanished.emplace_back(changed[i], threads[i].id);
  if (vanished.size() > 2 * kVanishedKept) {
    const auto cut = vanished.end() - std::ptrdiff_t(kVanishedKept);
    forgotten_through = std::prev(cut)->first;
    vanished.erase(vanished.begin(), cut);
  }
  if (auto it = thread_by_id.find(threads[i].id); it != thread_by_id.end() && it->second == i) thread_by_id.erase(it);
  // Give back what its members held (a described copy holds every member's headline).
  threads[i] = Thread{};
  live_members[i] = {};
  member_slots[i] = {};
  titles[i] = TitleCandidates{};
  if (i < described.size()) {
    described[i].reset();
    described_at[i] = 0;
  }
  free_threads.push_back(i);
}

const ThreadMember* ThreadBuilder::member(const std::string& article_id) const { return state_->member(article_id); }

const Thread* ThreadBuilder::thread_of(const std::string& article_id) const {
  auto it = state_->where.find(article_id);
  return it == state_->where.end() ? nullptr : &state_->threads[it->second.first];
}

std::size_t ThreadBuilder::article_count() const { return state_->where.size(); }

std::size_t ThreadBuilder::thread_count() const { return state_->threads.size() - state_->free_threads.size(); }

std::vector<ThreadBuilder::RankedThread> ThreadBuilder::ranked_threads() const {
  std::optional<std::int64_t> now;
  for (const Thread& t : state_->threads)
    for (const ThreadMember& m : t.members)
      if (m.published && (!now || *m.published > *now)) now = m.published;
  return ranked_threads(now);
}

std::vector<ThreadBuilder::RankedThread> ThreadBuilder::ranked_threads(std::optional<std::int64_t> now) const {
  return rank_threads(described_threads(), now);
}

// Thread `i` described as it is now (it has members): the copy made at its last change, or
// made now.
const std::shared_ptr<const Thread>& ThreadBuilder::State::described_now(std::size_t i) {
  described.resize(threads.size());
  described_at.resize(threads.size(), 0);  // change counts start at 1: 0 is "never"
  if (described_at[i] != changed[i]) {
    auto copy = std::make_shared<Thread>(threads[i]);
    const std::string* title = nullptr;
    if (DocSlot slot; titles[i].best(slot)) {
      const auto& slots = member_slots[i];
      title = &copy->members[std::size_t(std::find(slots.begin(), slots.end(), slot) - slots.begin())].title;
    }
    describe(*copy, title);
    described[i] = std::move(copy);
    described_at[i] = changed[i];
  }
  return described[i];
}

std::vector<std::shared_ptr<const Thread>> ThreadBuilder::described_threads() const {
  State& s = *state_;
  std::vector<std::shared_ptr<const Thread>> out;
  out.reserve(s.threads.size());
  for (std::size_t i = 0; i < s.threads.size(); ++i)
    if (!s.threads[i].members.empty()) out.push_back(s.described_now(i));
  return out;
}

ThreadBuilder::Changes ThreadBuilder::described_since(std::uint64_t since) const {
  State& s = *state_;
  Changes out;
  out.through = s.changes;
  if (since < s.forgotten_through) {
    out.complete = false;
    return out;
  }
  // Newest last: those that left after `since` are at the end.
  for (auto v = s.vanished.rbegin(); v != s.vanished.rend() && v->first > since; ++v) out.ids.push_back(v->second);
  for (std::size_t i = 0; i < s.threads.size(); ++i) {
    if (s.changed[i] <= since || s.threads[i].members.empty()) continue;
    out.ids.push_back(s.threads[i].id);
    out.threads.push_back(s.described_now(i));
  }
  return out;
}

std::size_t ThreadBuilder::thread_slots() const { return state_->threads.size(); }

std::uint64_t ThreadBuilder::changes() const { return state_->changes; }

std::vector<Thread> ThreadBuilder::threads() const {
  std::vector<Thread> out;
  for (const RankedThread& r : ranked_threads()) {
    out.push_back(*r.thread);
    out.back().importance = r.importance;
  }
  return out;
}

// Like add() without the candidate search: the thread is given.
void ThreadBuilder::restore(std::vector<RestoredMember> members) {
  State& s = *state_;
  for (RestoredMember& m : members) {
    remove(m.profile->id);
    State::Arrival arrival = s.arrive(std::move(m.profile));
    auto found = s.thread_by_id.find(m.thread_id);
    std::size_t thread = found != s.thread_by_id.end() ? found->second : s.new_thread(m.thread_id);
    s.attach(std::move(arrival), thread, m.probability, std::move(m.matched));
  }
}

}  // namespace storyline
