// Readers: turn files, directories, stdin or in-memory bytes into Articles.
// Every problem is reported per input in ReadBatch::errors; the rest of the batch is still read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article/article.h"

namespace storyline {

struct ReadOptions {
  std::size_t max_file_bytes = 32u << 20;  // larger files are refused with a message
};

struct ReadBatch {
  std::vector<Article> articles;
  std::vector<ReadError> errors;
};

// Files or directories (recursive, sorted for determinism; by extension .txt .html .htm .json
// .jsonl; other files are skipped silently in directories but are an error when named
// explicitly); "-" = JSONL on stdin.
ReadBatch read_paths(const std::vector<std::string>& paths, const ReadOptions& options = {});

// Keeps the first article of each id and moves every later one to `errors`, naming both
// origins. Threads, gold labels and outputs are keyed by id, so a second article with an id
// silently replaced the first (d1/index.txt and d2/index.txt both get the id "index").
void drop_duplicate_ids(ReadBatch& batch);

namespace detail {
// The next line of `in` without its '\n'; false at the end of the input. A line longer than
// `limit` bytes is read to its end but not kept: `line` is empty and `too_long` true.
bool read_bounded_line(std::istream& in, std::string& line, std::size_t limit, bool& too_long);
}  // namespace detail

// One entry point per format, on bytes already in memory. `origin` names the input in ids
// (file name without directory and extension) and in error messages.
void read_txt(std::string_view bytes, std::string_view origin, ReadBatch& out);
void read_html(std::string_view bytes, std::string_view origin, ReadBatch& out);
void read_json(std::string_view bytes, std::string_view origin, ReadBatch& out);   // one object or an array
void read_jsonl(std::string_view bytes, std::string_view origin, ReadBatch& out);  // one object per line; errors name "path:line"

// ISO 8601 ("2022-07-27", "2022-07-27T14:05:00Z", "+02:00" offsets, fractional seconds) and a few
// common forms ("May 03, 2013", "3 May 2013", RFC 1123 "Wed, 27 Jul 2022 14:05:00 GMT") to UTC
// seconds since the epoch. Times without a zone are taken as UTC.
std::optional<std::int64_t> parse_datetime(std::string_view text);

}  // namespace storyline
