// Thread summaries: the title (an informative member headline), languages, sources, time span
// and importance (independent outlets, size and freshness), and the ranking by importance.
#pragma once

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

// The ranking order: more important first; ties by newer last_seen, then id.
bool ranks_before(double importance_a, const Thread& a, double importance_b, const Thread& b);

// Most important first; ties by newer last_seen, then id, so output is deterministic.
void rank_threads(std::vector<Thread>& threads);

// Headline quality on its own: short, shouting, questions and quotes are penalised.
double headline_quality(const std::string& title);

}  // namespace storyline
