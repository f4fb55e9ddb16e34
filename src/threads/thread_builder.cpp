#include "threads/thread_builder.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "threads/average_link.h"
#include "threads/thread_builder_state.h"

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
