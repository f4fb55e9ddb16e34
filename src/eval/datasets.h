// The labelled development sets (../shared/data): pairs files and clustered article files.
#pragma once

#include <string>
#include <vector>

#include "article/article.h"

namespace storyline {

// Articles of a JSONL file whose lines carry a gold `cluster` (and optionally a `topic`). A line
// whose id an earlier line has is reported and skipped (see drop_duplicate_ids); a line without
// an id is scored under the reader's fallback id.
struct ClusteredCorpus {
  std::vector<Article> articles;
  std::vector<std::string> clusters;  // gold cluster per article
  std::vector<std::string> topics;    // topic per article ("" when absent)
  std::vector<ReadError> errors;
};

// Throws std::runtime_error naming the file when it cannot be read at all.
ClusteredCorpus read_clustered_corpus(const std::string& path);

}  // namespace storyline
