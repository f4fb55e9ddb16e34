// CandidateIndex: an inverted index from term and entity ids to recent documents, inside a
// sliding time window. It answers "which recent documents share strong terms with this one",
// so threading compares a new article with a few candidates instead of the whole corpus.
// Memory is bounded by the window: documents older than it are evicted.
#pragma once

#include <cstdint>
#include <map>
#include <unordered_map>
#include <vector>

#include "features/sparse_vector.h"
#include "index/score_table.h"

namespace storyline {

using DocSlot = std::uint32_t;

// The time of an undated document: no time evidence, so it is inside every window (and never
// evicted; the server files undated articles at its clock once it has one: api/filing_time.h).
inline constexpr std::int64_t kTimeless = INT64_MIN;

class CandidateIndex {
 public:
  // window_seconds <= 0: unbounded (every document stays a candidate; small corpora only).
  explicit CandidateIndex(std::int64_t window_seconds) : window_(window_seconds) {}

  // Adds a document's query terms (id, weight) at time `time` (any order).
  void add(DocSlot slot, std::int64_t time, const SparseVector& terms);

  // Removes one document (deleted or expired before the window passed it).
  void remove(DocSlot slot);

  // Documents sharing terms with `terms`, best first by the sum of weight products, at most
  // `limit`. Only documents within the window around `time` are returned. Not const: it
  // reuses the index's score table (see index/score_table.h).
  std::vector<std::pair<DocSlot, float>> query(const SparseVector& terms, std::int64_t time,
                                               std::size_t limit);

  // Drops documents older than the window before `time` (the newest time seen); returns them.
  std::vector<DocSlot> evict(std::int64_t time);

  std::size_t postings() const { return postings_count_; }

  // Whether documents at times `a` and `b` are inside one window (undated ones always are).
  bool within_window(std::int64_t a, std::int64_t b) const;

 private:
  struct Posting {
    DocSlot slot;
    float weight;
    std::int64_t time;  // the document's, so a query never looks it up per candidate
  };
  std::int64_t window_;
  std::unordered_map<TermId, std::vector<Posting>> postings_;
  std::multimap<std::int64_t, DocSlot> by_time_;                    // for eviction
  std::unordered_map<DocSlot, std::vector<TermId>> terms_of_;       // for eviction
  std::unordered_map<DocSlot, std::int64_t> time_of_;
  std::size_t postings_count_ = 0;
  ScoreTable scores_;  // query()'s scratch
};

}  // namespace storyline
