#include "eval/pairs_file.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "article/reader.h"
#include "article/utf8.h"

namespace storyline {
namespace {

// A field that would fail the article readers' checks: every field reaches the JSON output (as
// an id, a language, a URL or the text), and nlohmann::json throws on invalid UTF-8 when it
// writes, which would end the whole run at that row. Texts must also hold something and stay
// within the readers' size limit.
std::optional<std::string> field_problem(const std::string& column, std::string_view value, bool is_text) {
  if (is_text) {
    if (value.find_first_not_of(" \t\r\n") == std::string_view::npos) return column + " is empty";
    if (const std::size_t limit = ReadOptions{}.max_file_bytes; value.size() > limit)
      return fmt::format("{} too large ({} bytes; the limit is {} bytes)", column, value.size(), limit);
  }
  if (value.empty()) return std::nullopt;
  if (auto problem = detail::check_text_bytes(value)) return column + ": " + *problem;
  return std::nullopt;
}

// A grade on the SemEval scale: the whole field (spaces aside) a finite number from 1 to 4.
// std::stod took "2abc" as 2 and read "nan" and "inf", and a NaN grade broke the rank sort of
// the metrics.
std::optional<double> parse_grade(std::string_view field) {
  while (!field.empty() && (field.front() == ' ' || field.front() == '\t')) field.remove_prefix(1);
  while (!field.empty() && (field.back() == ' ' || field.back() == '\t')) field.remove_suffix(1);
  double value = 0;
  const char* end = field.data() + field.size();
  auto [stop, error] = std::from_chars(field.data(), end, value);
  if (error != std::errc() || stop != end || !std::isfinite(value) || value < 1 || value > 4) return std::nullopt;
  return value;
}

}  // namespace

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
      continue;
    }
    any = true;
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
      any = false;
    } else {
      field.push_back(c);
    }
  }
  if (any || !field.empty() || !record.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

Article article_from_text(std::string id, const std::string& text, std::string lang, std::string url) {
  Article article;
  article.id = std::move(id);
  article.lang = std::move(lang);
  article.url = std::move(url);
  article.origin = article.id;
  std::size_t newline = text.find('\n');
  if (newline != std::string::npos && newline < 400) {
    article.title = text.substr(0, newline);
    article.text = text.substr(newline + 1);
  } else {
    article.text = text;
  }
  // Keep the reader's conventions: trimmed, paragraphs separated by blank lines.
  auto trim = [](std::string& s) {
    s.erase(0, s.find_first_not_of(" \t\r\n"));
    s.erase(s.find_last_not_of(" \t\r\n") + 1);
  };
  trim(article.title);
  trim(article.text);
  return article;
}

std::vector<LabelledPair> read_pairs_file(const std::string& path, std::vector<ReadError>& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::stringstream buffer;
  buffer << in.rdbuf();
  // Spreadsheet programs save CSV with a byte order mark, which would be part of the first name.
  auto records = parse_csv(std::string(detail::strip_bom(buffer.str())));
  if (records.empty()) throw std::runtime_error(path + ": empty file");
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < records[0].size(); ++i) column[records[0][i]] = i;
  for (const char* required : {"pair_id", "lang1", "lang2", "text1", "text2"})
    if (!column.count(required))
      throw std::runtime_error(path + ": no '" + required + "' column in the header");
  auto get = [&](const std::vector<std::string>& row, const std::string& name) -> std::string {
    auto it = column.find(name);
    return it != column.end() && it->second < row.size() ? row[it->second] : std::string();
  };
  std::vector<LabelledPair> pairs;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& row = records[r];
    if (row.size() == 1 && row[0].empty()) continue;  // trailing blank line
    std::string origin = path + ":record " + std::to_string(r + 1);
    if (row.size() != records[0].size()) {
      errors.push_back({origin, "has " + std::to_string(row.size()) + " fields, the header has " +
                                    std::to_string(records[0].size())});
      continue;
    }
    std::optional<std::string> problem;
    for (std::size_t i = 0; i < row.size() && !problem; ++i) {
      const std::string& name = records[0][i];
      problem = field_problem(name, row[i], name == "text1" || name == "text2");
    }
    if (problem) {
      errors.push_back({origin, *problem});
      continue;
    }
    LabelledPair pair;
    pair.pair_id = get(row, "pair_id");
    pair.a = article_from_text(pair.pair_id + "/1", get(row, "text1"), get(row, "lang1"), get(row, "link1"));
    pair.b = article_from_text(pair.pair_id + "/2", get(row, "text2"), get(row, "lang2"), get(row, "link2"));
    for (const char* grade_column : {"Overall", "Geography", "Entities", "Time", "Narrative", "Style", "Tone"}) {
      std::string value = get(row, grade_column);
      if (value.empty()) continue;  // unlabelled
      std::optional<double> grade = parse_grade(value);
      if (!grade) {
        problem = fmt::format("{} is \"{}\", not a number from 1 to 4", grade_column, value);
        break;
      }
      std::string name = grade_column;
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      if (name == "overall") {
        pair.overall = grade;
      } else {
        pair.dimensions[name] = *grade;
      }
    }
    if (problem) {
      errors.push_back({origin, *problem});
      continue;
    }
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

}  // namespace storyline
