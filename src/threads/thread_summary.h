// Thread summaries: the title (an informative member headline), languages, sources, time span
// and importance (independent outlets, size and freshness), and the ranking by importance.
#pragma once

#include <optional>
#include <vector>

#include "features/sparse_vector.h"
#include "threads/thread.h"

namespace storyline {

// member_titles[i]: the IDF-weighted title vector of the i-th member (may be fewer than members).
// now: the newest publication time of the corpus (freshness is relative to it).
void summarise(Thread& thread, const std::vector<SparseVector>& member_titles,
               std::optional<std::int64_t> now);

// The two halves of summarise: what depends on the members only (languages, sources, time
// span, title: the costly part, worth caching while a thread does not change) ...
void describe(Thread& thread, const std::vector<SparseVector>& member_titles);
// ... and the importance, which also depends on "now".
void weigh_importance(Thread& thread, std::optional<std::int64_t> now);
double importance_at(const Thread& thread, std::optional<std::int64_t> now);

// The ranking order: more important first; ties by newer last_seen, then id.
bool ranks_before(double importance_a, const Thread& a, double importance_b, const Thread& b);

// Most important first; ties by newer last_seen, then id, so output is deterministic.
void rank_threads(std::vector<Thread>& threads);

// Headline quality on its own: short, shouting, questions and quotes are penalised.
double headline_quality(const std::string& title);

}  // namespace storyline
