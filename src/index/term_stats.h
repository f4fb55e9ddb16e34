// TermStats: document frequencies behind inverse document frequency weights. A committed
// background table (from a few thousand news articles, see `storyline train`) keeps weights
// sensible for tiny corpora such as a single `compare A B`; the live corpus is added on top
// and can grow and shrink (articles expire or are deleted).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "features/profile.h"
#include "index/term_counts.h"

namespace storyline {

class TermStats {
 public:
  // Reads "N<TAB>count" then "<hex id><TAB>df" lines. Throws std::runtime_error naming the file.
  void load_background(const std::string& path);
  void save(const std::string& path, std::uint32_t min_df) const;  // corpus counts only

  void add(const Profile& profile);
  void remove(const Profile& profile);

  // log((N + 1) / (df + 0.5)), at least 0.
  float idf(TermId id) const;
  std::uint64_t documents() const { return background_docs_ + docs_; }

 private:
  void update(const Profile& profile, int delta);
  TermCounts counts_;
  std::uint64_t background_docs_ = 0;
  std::uint64_t docs_ = 0;
};

// A corpus's statistics over a background table (none when `background_path` does not exist).
TermStats corpus_stats(const std::string& background_path, const std::vector<Profile>& profiles);

// The entity key's term id (entities share the idf machinery with words).
TermId entity_term(const ProfileEntity& entity);

}  // namespace storyline
