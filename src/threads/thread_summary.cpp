#include "threads/thread_summary.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "features/sparse_vector.h"
#include "threads/thread_builder.h"

namespace storyline {

std::string thread_id_for(const std::string& founding_article_id) {
  TermId hash = term_id("thread:", founding_article_id);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "t%012llx",
                static_cast<unsigned long long>(hash & 0xffffffffffffull));
  return buffer;
}

double headline_quality(const std::string& title) {
  std::size_t words = 0;
  bool in_word = false;
  std::size_t letters = 0, upper = 0;
  for (unsigned char c : title) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
    if (c < 0x80 && std::isalpha(c)) {
      ++letters;
      upper += std::isupper(c) != 0;
    }
  }
  double quality = 1.0;
  if (words < 4) quality -= 0.5;             // "Breaking", "Update": says nothing
  if (words > 25) quality -= 0.3;            // a first sentence used as a title
  if (!title.empty() && (title.back() == '?' || title.back() == '!')) quality -= 0.3;
  if (!title.empty() && (title.front() == '"' || title.front() == '\'')) quality -= 0.2;
  if (letters > 8 && upper * 10 > letters * 7) quality -= 0.4;  // SHOUTING
  if (title.find(" | ") != std::string::npos) quality -= 0.1;  // site suffix left in
  return quality;
}

namespace {

// The distinct non-empty values of one member field, sorted. Views sorted in one vector: a
// std::set of strings cost an allocation per distinct outlet, for every changed thread at
// every publication.
std::vector<std::string> distinct_values(const MemberList& members,
                                         std::string ThreadMember::*field) {
  std::vector<std::string_view> values;
  values.reserve(members.size());
  for (const ThreadMember& m : members)
    if (!(m.*field).empty()) values.push_back(m.*field);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return {values.begin(), values.end()};
}

}  // namespace

void describe(Thread& thread, const std::string* title) {
  thread.languages = distinct_values(thread.members, &ThreadMember::lang);
  thread.sources = distinct_values(thread.members, &ThreadMember::source);
  thread.first_seen.reset();
  thread.last_seen.reset();
  for (const ThreadMember& m : thread.members) {
    if (m.published) {
      if (!thread.first_seen || *m.published < *thread.first_seen) thread.first_seen = m.published;
      if (!thread.last_seen || *m.published > *thread.last_seen) thread.last_seen = m.published;
    }
  }
  if (title)
    thread.title = *title;
  else
    thread.title = thread.members.empty() ? std::string() : thread.members.front().title;
}

void weigh_importance(Thread& thread, std::optional<std::int64_t> now) { thread.importance = importance_at(thread, now); }

namespace {

double base_importance(const Thread& thread) {
  // Independent outlets count most (a wire copy in ten feeds is one report), then size and
  // languages.
  const std::size_t sources = thread.sources.size(), languages = thread.languages.size();
  double outlets = sources == 0 ? double(thread.members.size()) : double(sources);
  return 2.0 * std::log2(1.0 + outlets) + std::log2(1.0 + double(thread.members.size())) +
         0.5 * (double(languages) - 1.0);
}

// Decayed by age relative to the corpus's "now" (half-life 1 day).
double decayed(double base, std::optional<std::int64_t> last_seen, std::optional<std::int64_t> now) {
  double age_days = now && last_seen ? double(*now - *last_seen) / 86400.0 : 0.0;
  return base * std::pow(0.5, std::max(0.0, age_days));
}

}  // namespace

double importance_at(const Thread& thread, std::optional<std::int64_t> now) {
  return decayed(base_importance(thread), thread.last_seen, now);
}

RankKey rank_key(const Thread& thread, std::optional<std::int64_t> now) {
  return rank_key_at({base_importance(thread), thread.last_seen, 0}, now);
}

RankKey rank_key_at(const RankKey& key, std::optional<std::int64_t> now) {
  // As decayed(): no age without both times, and none below zero (a "now" given before the
  // thread's last member counts as its last_seen).
  std::optional<std::int64_t> seen = now;
  if (key.last_seen && now) seen = std::min(*key.last_seen, *now);
  RankKey moved = key;
  moved.order = std::log2(std::max(key.base, 1e-300)) + (seen ? double(*seen) / 86400.0 : 0.0);
  return moved;
}

bool follows_now(const RankKey& key, std::optional<std::int64_t> now) {
  return !key.last_seen || !now || *key.last_seen > *now;
}

double importance_at(const RankKey& key, std::optional<std::int64_t> now) { return decayed(key.base, key.last_seen, now); }

bool ranks_before(const RankKey& key_a, const Thread& a, const RankKey& key_b, const Thread& b) {
  if (key_a.order != key_b.order) return key_a.order > key_b.order;
  if (a.last_seen != b.last_seen) return a.last_seen > b.last_seen;
  return a.id < b.id;
}

ThreadBuilder::RankedThread ranked_at(std::shared_ptr<const Thread> thread, std::optional<std::int64_t> now) {
  const RankKey key = rank_key(*thread, now);
  const std::size_t id_hash = std::hash<std::string>{}(thread->id);
  return {std::move(thread), importance_at(key, now), key, id_hash};
}

std::vector<ThreadBuilder::RankedThread> rank_threads(std::vector<std::shared_ptr<const Thread>> threads,
                                                      std::optional<std::int64_t> now) {
  std::vector<ThreadBuilder::RankedThread> out;
  out.reserve(threads.size());
  for (std::shared_ptr<const Thread>& t : threads) out.push_back(ranked_at(std::move(t), now));
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return ranks_before(a.key, *a.thread, b.key, *b.thread);
  });
  return out;
}

}  // namespace storyline
