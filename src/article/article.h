// An Article is one news report as read from its source, before any analysis.
// Readers fill it; every later stage treats it as immutable input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace storyline {

struct Article {
  std::string id;        // "id" field of JSON input, else the file name
  std::string title;     // headline; may be empty
  std::string text;      // body: paragraphs separated by "\n\n", repeated paragraphs removed
  std::string lang;      // ISO 639-1 code when the input states it; empty = detect
  std::optional<std::int64_t> published;  // publication time, seconds since the Unix epoch (UTC)
  std::string url;       // canonical URL when known
  std::string source;    // outlet name (og:site_name, "source" field) or the URL host
  std::string origin;    // where it was read: "path" or "path:line", for messages
};

// A problem with one input (a file, or one line of a JSONL file). The batch goes on.
struct ReadError {
  std::string origin;   // "path" or "path:line"
  std::string message;  // what is wrong, for a person
};

}  // namespace storyline
