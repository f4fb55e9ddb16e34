// Labelled pairs files in the schema of ../shared/data/*_pairs.csv:
// pair_id, lang1, lang2, Overall[, Geography, Entities, Time, Narrative, Style, Tone], text1,
// text2, link1, link2. RFC 4180 CSV (quoted fields may span lines).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "article/article.h"

namespace storyline {

struct LabelledPair {
  std::string pair_id;
  Article a, b;
  std::optional<double> overall;              // absent when the file has no labels
  std::map<std::string, double> dimensions;   // lower-case names: "entities", "geography", ...
};

// Throws std::runtime_error naming the file for a missing file or header; rows with problems
// are skipped and reported in `errors` as "path:record N": a field count unlike the header's, a
// field that is not UTF-8 or holds a NUL byte, an empty or oversized text, a grade that is not
// a number from 1 to 4.
std::vector<LabelledPair> read_pairs_file(const std::string& path, std::vector<ReadError>& errors);

// Splits a "title + body" text: the first line is the headline when the text has line breaks.
Article article_from_text(std::string id, const std::string& text, std::string lang, std::string url);

// RFC 4180 records of a CSV text.
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

}  // namespace storyline
