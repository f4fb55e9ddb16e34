// JSON records -> Articles; shared by read_json, read_jsonl and the stdin reader.
#pragma once

#include <cstddef>
#include <string_view>

#include "article/reader.h"

namespace storyline::detail {

// Reads one JSONL line (line_no counts from 1). Blank lines are skipped silently.
// Errors and articles are labelled "origin:line_no"; ids default to "stem#line_no".
void read_jsonl_line(std::string_view line, std::string_view origin, std::size_t line_no, ReadBatch& out);

}  // namespace storyline::detail
