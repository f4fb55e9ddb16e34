// JSON records -> Articles; shared by read_json, read_jsonl and the stdin reader.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "article/reader.h"

namespace storyline::detail {

// Reads one JSONL line (line_no counts from 1). Blank lines are skipped silently.
// Errors and articles are labelled "origin:line_no"; ids default to "stem#line_no".
void read_jsonl_line(std::string_view line, std::string_view origin, std::size_t line_no, ReadBatch& out);

// One JSON value already parsed (a field of a request body) as an article labelled `origin`,
// whose id defaults to `origin`. Read in place: serialising a value again would recurse once per
// level of nesting, and a small body can nest deeply enough to exhaust the stack.
void read_json_record(const nlohmann::json& record, std::string_view origin, ReadBatch& out);

}  // namespace storyline::detail
