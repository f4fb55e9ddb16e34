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

double importance_at(const Thread& thread, std::optional<std::int64_t> now) {
  // Independent outlets count most (a wire copy in ten feeds is one report), then size and
  // languages, decayed by age relative to the corpus's "now" (half-life 1 day).
  const std::size_t sources = thread.sources.size(), languages = thread.languages.size();
  double outlets = sources == 0 ? double(thread.members.size()) : double(sources);
  double base = 2.0 * std::log2(1.0 + outlets) + std::log2(1.0 + double(thread.members.size())) +
                0.5 * (double(languages) - 1.0);
  double age_days = now && thread.last_seen ? double(*now - *thread.last_seen) / 86400.0 : 0.0;
  return base * std::pow(0.5, std::max(0.0, age_days));
}

bool ranks_before(double importance_a, const Thread& a, double importance_b, const Thread& b) {
  if (importance_a != importance_b) return importance_a > importance_b;
  if (a.last_seen != b.last_seen) return a.last_seen > b.last_seen;
  return a.id < b.id;
}

void rank_threads(std::vector<Thread>& threads) {
  std::stable_sort(threads.begin(), threads.end(),
                   [](const Thread& a, const Thread& b) { return ranks_before(a.importance, a, b.importance, b); });
}

std::vector<ThreadBuilder::RankedThread> rank_threads(std::vector<std::shared_ptr<const Thread>> threads,
                                                      std::optional<std::int64_t> now) {
  std::vector<ThreadBuilder::RankedThread> out;
  out.reserve(threads.size());
  for (std::shared_ptr<const Thread>& t : threads) {
    const double importance = importance_at(*t, now);
    out.push_back({std::move(t), importance});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return ranks_before(a.importance, *a.thread, b.importance, *b.thread);
  });
  return out;
}

}  // namespace storyline
