#include "threads/thread_builder.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "compare/comparer.h"
#include "threads/thread_summary.h"

namespace storyline {
namespace {

// The strongest entries of a vector, by weight (ties by id for determinism).
SparseVector strongest(const SparseVector& v, std::size_t limit) {
  SparseVector out = v;
  if (out.entries.size() > limit) {
    std::partial_sort(out.entries.begin(), out.entries.begin() + limit, out.entries.end(),
                      [](const auto& a, const auto& b) {
                        return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    out.entries.resize(limit);
    std::sort(out.entries.begin(), out.entries.end());
  }
  return out;
}

SparseVector query_vector(const WeightedProfile& w, std::size_t limit) {
  std::unordered_map<TermId, float> sum;
  for (const SparseVector* part : {&w.all, &w.bridge, &w.entities})
    for (auto [id, weight] : strongest(*part, limit).entries) sum[id] += weight;
  return SparseVector::from_counts(sum);
}

}  // namespace

struct ThreadBuilder::State {
  struct Live {
    Profile profile;
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
  std::vector<std::vector<SparseVector>> member_titles;  // per thread, for the title choice
  std::unordered_map<std::string, std::pair<std::size_t, DocSlot>> where;  // article -> (thread, slot)
  DocSlot next_slot = 0;
  std::int64_t clock = 0;

  State(const StoryModel& m, const TermStats& s, ThreadingOptions o)
      : model(m), stats(s), options(o), index(o.window_seconds) {}

  void evict(std::int64_t time) {
    for (DocSlot slot : index.evict(time)) {
      auto it = live.find(slot);
      if (it == live.end()) continue;
      auto& members = live_members[it->second->thread];
      members.erase(std::remove(members.begin(), members.end(), slot), members.end());
      live.erase(it);  // still a member of its thread (see `where`), no longer a candidate
    }
  }

  // Mean P(same story) between the new article and the thread's most similar members: an
  // average link over the best few, so one lucky match does not chain stories together and a
  // large thread is not diluted by its far-away members.
  float thread_score(const WeightedProfile& w, std::size_t thread,
                     const std::vector<DocSlot>& ranked_candidates) {
    std::vector<DocSlot> compared;
    const std::size_t mc = options.members_compared;
    for (DocSlot slot : ranked_candidates)
      if (live.at(slot)->thread == thread && compared.size() < mc)
        compared.push_back(slot);
    const auto& members = live_members[thread];
    for (auto it = members.rbegin(); it != members.rend() && compared.size() < mc; ++it)
      if (std::find(compared.begin(), compared.end(), *it) == compared.end()) compared.push_back(*it);
    if (compared.empty()) return 0;
    std::vector<float> p;
    for (DocSlot slot : compared)
      p.push_back(model.same_story_probability(pair_features(w, live.at(slot)->weighted, stats)));
    std::sort(p.rbegin(), p.rend());
    std::size_t n = std::min(p.size(), options.members_averaged);
    return std::accumulate(p.begin(), p.begin() + std::ptrdiff_t(n), 0.0f) / float(n);
  }
};

ThreadBuilder::ThreadBuilder(const StoryModel& model, const TermStats& stats, ThreadingOptions options)
    : state_(std::make_unique<State>(model, stats, options)) {}

ThreadBuilder::~ThreadBuilder() = default;

std::string ThreadBuilder::add(Profile profile) {
  State& s = *state_;
  remove(profile.id);
  std::int64_t time = profile.published.value_or(kTimeless);
  if (profile.published) {
    s.clock = std::max(s.clock, time);
    s.evict(s.clock);
  }

  auto live = std::make_unique<State::Live>();
  live->profile = std::move(profile);
  live->weighted = weigh(live->profile, s.stats);
  SparseVector query = query_vector(live->weighted, s.options.query_terms);

  std::vector<DocSlot> ranked;
  std::vector<std::size_t> candidate_threads;
  for (auto [slot, score] : s.index.query(query, time, s.options.candidate_documents)) {
    ranked.push_back(slot);
    std::size_t thread = s.live.at(slot)->thread;
    if (std::find(candidate_threads.begin(), candidate_threads.end(), thread) == candidate_threads.end())
      candidate_threads.push_back(thread);
  }
  std::size_t best = s.threads.size();
  float best_score = 0.5f;  // the model's P(same story) threshold
  float joined_probability = 1;
  for (std::size_t thread : candidate_threads) {
    float score = s.thread_score(live->weighted, thread, ranked);
    if (score >= best_score && (best == s.threads.size() || score > best_score)) {
      best = thread;
      best_score = score;
      joined_probability = score;
    }
  }
  if (best == s.threads.size()) {
    Thread thread;
    thread.id = thread_id_for(live->profile.id);
    s.threads.push_back(std::move(thread));
    s.live_members.emplace_back();
    s.member_titles.emplace_back();
  }
  const Profile& p = live->profile;
  s.threads[best].members.push_back(
      {p.id, p.title, p.lang, p.source, p.published, joined_probability});
  if (s.member_titles[best].size() < 64) s.member_titles[best].push_back(live->weighted.title);
  DocSlot slot = s.next_slot++;
  live->thread = best;
  s.live_members[best].push_back(slot);
  s.index.add(slot, time, query);
  s.where[live->profile.id] = {best, slot};
  s.live.emplace(slot, std::move(live));
  return s.threads[best].id;
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
  for (std::size_t i = 0; i < members.size(); ++i)
    if (members[i].article_id == article_id) {
      members.erase(members.begin() + std::ptrdiff_t(i));
      if (i < s.member_titles[thread].size())
        s.member_titles[thread].erase(s.member_titles[thread].begin() + std::ptrdiff_t(i));
      break;
    }
  return true;
}

const Thread* ThreadBuilder::thread_of(const std::string& article_id) const {
  auto it = state_->where.find(article_id);
  return it == state_->where.end() ? nullptr : &state_->threads[it->second.first];
}

std::size_t ThreadBuilder::article_count() const { return state_->where.size(); }

std::vector<Thread> ThreadBuilder::threads() const {
  std::vector<Thread> out;
  std::vector<std::vector<SparseVector>> titles;
  for (std::size_t i = 0; i < state_->threads.size(); ++i)
    if (!state_->threads[i].members.empty()) {
      out.push_back(state_->threads[i]);
      titles.push_back(state_->member_titles[i]);
    }
  std::optional<std::int64_t> now;
  for (const Thread& t : out)
    for (const ThreadMember& m : t.members)
      if (m.published && (!now || *m.published > *now)) now = m.published;
  for (std::size_t i = 0; i < out.size(); ++i) summarise(out[i], titles[i], now);
  rank_threads(out);
  return out;
}

// Mirrors add() without the candidate search: the thread is given. Threads are looked up by id
// once per batch (the builder keeps no id map of its own).
void ThreadBuilder::restore(std::vector<RestoredMember> members) {
  State& s = *state_;
  std::unordered_map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < s.threads.size(); ++i) by_id.emplace(s.threads[i].id, i);
  for (RestoredMember& m : members) {
    remove(m.profile.id);
    std::int64_t time = m.profile.published.value_or(s.clock);
    s.clock = std::max(s.clock, time);
    s.evict(s.clock);
    auto live = std::make_unique<State::Live>();
    live->profile = std::move(m.profile);
    live->weighted = weigh(live->profile, s.stats);
    SparseVector query = query_vector(live->weighted, s.options.query_terms);
    auto [found, created] = by_id.emplace(m.thread_id, s.threads.size());
    const std::size_t thread = found->second;
    if (created) {
      Thread t;
      t.id = m.thread_id;
      s.threads.push_back(std::move(t));
      s.live_members.emplace_back();
      s.member_titles.emplace_back();
    }
    const Profile& p = live->profile;
    s.threads[thread].members.push_back({p.id, p.title, p.lang, p.source, p.published, m.probability});
    if (s.member_titles[thread].size() < 64) s.member_titles[thread].push_back(live->weighted.title);
    DocSlot slot = s.next_slot++;
    live->thread = thread;
    s.live_members[thread].push_back(slot);
    s.index.add(slot, time, query);
    s.where[p.id] = {thread, slot};
    s.live.emplace(slot, std::move(live));
  }
}

}  // namespace storyline
