// Thread summaries: the title (an informative member headline), languages, sources, time span
// and importance (independent outlets, size and freshness), and the ranking by importance.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "threads/thread.h"

namespace storyline {

// What depends on the members only: languages, sources and time span, and the title: `title`,
// the member headline TitleCandidates chose (threads/title_candidates.h), or the first
// member's when null.
void describe(Thread& thread, const std::string* title);
// The importance, which also depends on "now" (the newest publication time of the corpus:
// freshness is relative to it).
void weigh_importance(Thread& thread, std::optional<std::int64_t> now);
double importance_at(const Thread& thread, std::optional<std::int64_t> now);

// What ranking orders a thread by, kept beside it so that ranking again need not read the
// Thread (at 20k threads, a cache miss each).
// importance_at(t, now) is base × 2^-(now − last_seen)/86400, so threads compare by importance
// as they compare by log2(base) + last_seen/86400, whatever "now" is, as long as none was seen
// after "now" (none is: "now" is the newest publication). So a ranked list stays ranked as
// "now" moves on, and ranking again needs to place only the threads that changed. An undated
// thread counts as seen "now" (its importance is its base): its order follows "now".
struct RankKey {
  double base = 0;
  std::optional<std::int64_t> last_seen;
  // log2(base) + the day it was last seen: "now" when undated or seen after "now", 0
  // without a "now".
  double order = 0;
};
RankKey rank_key(const Thread& thread, std::optional<std::int64_t> now);
// The same key at another "now".
RankKey rank_key_at(const RankKey& key, std::optional<std::int64_t> now);
// Whether the key's order depends on "now" (an undated thread, or one seen after it); the
// order of every other key is the same at any "now".
bool follows_now(const RankKey& key, std::optional<std::int64_t> now);
// importance_at() of the thread the key was made of.
double importance_at(const RankKey& key, std::optional<std::int64_t> now);

// The ranking order: more important first; ties by newer last_seen, then id. Keys made at the
// same "now".
bool ranks_before(const RankKey& key_a, const Thread& a, const RankKey& key_b, const Thread& b);

// Headline quality on its own: short, shouting, questions and quotes are penalised.
double headline_quality(const std::string& title);

}  // namespace storyline
