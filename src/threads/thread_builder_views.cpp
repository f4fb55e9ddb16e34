// ThreadBuilder, what callers read: memberships, counts, and the threads described (titled and
// summarised) once per change, ranked on demand.
#include <algorithm>
#include <memory>
#include <optional>

#include "threads/thread_builder.h"
#include "threads/thread_builder_state.h"
#include "threads/thread_summary.h"

namespace storyline {

const ThreadMember* ThreadBuilder::member(const std::string& article_id) const { return state_->member(article_id); }

const Thread* ThreadBuilder::thread_of(const std::string& article_id) const {
  auto it = state_->where.find(article_id);
  return it == state_->where.end() ? nullptr : &state_->threads[it->second.first];
}

bool ThreadBuilder::has_thread(const std::string& thread_id) const {
  auto it = state_->thread_by_id.find(thread_id);
  return it != state_->thread_by_id.end() && !state_->threads[it->second].members.empty();
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

}  // namespace storyline
