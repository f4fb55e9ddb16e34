// ThreadBuilder's state, shared by the files that implement it (thread_builder.cpp: arrivals,
// removals and restores; thread_builder_views.cpp: what callers read). Not part of the
// interface: include thread_builder.h.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compare/comparer.h"
#include "threads/candidate_query.h"
#include "threads/thread_builder.h"
#include "threads/title_candidates.h"

namespace storyline {

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

}  // namespace storyline
