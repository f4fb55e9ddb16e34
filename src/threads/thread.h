// A Thread is one story as it forms: the articles that report it, in arrival order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "threads/shared_chunk_vector.h"

namespace storyline {

// The member an article was most like when it joined its thread, and P(same story) with it.
struct Match {
  std::string article_id;
  float probability = 0;
};

struct ThreadMember {
  std::string article_id;
  std::string title;
  std::string lang;
  std::string source;
  std::optional<std::int64_t> published;
  float probability = 1;  // P(same story) with the thread when it joined (1 for the founder)
  // The story page shows why it was grouped without comparing it again. Empty for a founder.
  Match matched;
};

// In arrival order. Copies of a Thread share its members (shared_chunk_vector.h): the server
// copies every changed thread for its readers a few times a second.
using MemberList = SharedChunkVector<ThreadMember>;

struct Thread {
  std::string id;  // stable: derived from the founding article's id
  std::string title;
  MemberList members;
  std::vector<std::string> languages;  // distinct, sorted
  std::vector<std::string> sources;    // distinct, sorted
  std::optional<std::int64_t> first_seen, last_seen;
  double importance = 0;
};

// "t" + 12 hex digits of a hash of the founding article id.
std::string thread_id_for(const std::string& founding_article_id);

}  // namespace storyline
