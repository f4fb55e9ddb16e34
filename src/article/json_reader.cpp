// JSON and JSONL: records with id, title, text, lang?, date?, url?, source?; other fields are
// ignored. nlohmann::json is fast enough here (the 11k-line Google News file reads in well under
// a second) and reports positions in its parse errors.
#include "article/json_reader.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "article/article_finish.h"
#include "article/datetime_scan.h"
#include "article/paragraphs.h"
#include "article/utf8.h"

namespace storyline {
namespace {

using nlohmann::json;

// A JSON file that is mostly garbage would otherwise produce one message per line.
constexpr std::size_t kMaxErrorsPerFile = 100;

// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." ->
// "parse error at line 1, column 5: syntax error ...": the prefix means nothing to a person.
std::string short_message(const json::exception& e) {
  std::string_view what = e.what();
  if (what.starts_with("[json.exception.")) {
    if (auto close = what.find("] "); close != std::string_view::npos) what.remove_prefix(close + 2);
  }
  return std::string(what);
}

// Reads an optional string field; false (with `problem` set) when it has another type.
bool string_field(const json& obj, const char* name, std::string& value, std::string& problem) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return true;
  if (!it->is_string()) {
    problem = fmt::format("field \"{}\" is {}, expected a string", name, it->type_name());
    return false;
  }
  value = it->get<std::string>();
  return true;
}

// JSON text fields use blank lines between paragraphs, or (ECB+) one paragraph per line.
std::vector<std::string> text_paragraphs(std::string_view text) {
  const bool has_blank_line = text.find("\n\n") != std::string_view::npos ||
                              text.find("\r\n\r\n") != std::string_view::npos;
  return has_blank_line ? detail::split_blank_line_paragraphs(text) : detail::split_lines(text);
}

// One record. `origin` labels it; `fallback_id` is used when it has no id of its own.
void read_record(const json& obj, std::string origin, std::string fallback_id, ReadBatch& out) {
  if (!obj.is_object()) {
    out.errors.push_back({std::move(origin), fmt::format("expected a JSON object, found {}", obj.type_name())});
    return;
  }
  Article article;
  article.origin = std::move(origin);
  std::string problem, text, date;
  if (!string_field(obj, "title", article.title, problem) || !string_field(obj, "text", text, problem) ||
      !string_field(obj, "lang", article.lang, problem) || !string_field(obj, "url", article.url, problem) ||
      !string_field(obj, "source", article.source, problem)) {
    out.errors.push_back({std::move(article.origin), problem});
    return;
  }
  if (auto id = obj.find("id"); id != obj.end() && !id->is_null()) {
    if (id->is_string()) {
      article.id = id->get<std::string>();
    } else if (id->is_number()) {
      article.id = id->dump();
    } else {
      out.errors.push_back({std::move(article.origin), fmt::format("field \"id\" is {}, expected a string or number", id->type_name())});
      return;
    }
  }
  if (article.id.empty()) article.id = std::move(fallback_id);
  if (!obj.contains("title") && !obj.contains("text")) {
    out.errors.push_back({std::move(article.origin), "no \"title\" or \"text\" field"});
    return;
  }
  // A date we cannot read is left unset rather than failing an otherwise good article. Scraped
  // corpora (ECB+) hold dates like "Posted: June 12, 2013 4: 59 PM EDT": when the strict parser
  // fails, the first clear calendar date in the string is taken.
  if (auto d = obj.find("date"); d != obj.end()) {
    if (d->is_string()) {
      const auto& s = d->get_ref<const std::string&>();
      article.published = parse_datetime(s);
      if (!article.published) article.published = detail::scan_date(s);
    } else if (d->is_number_integer()) {
      // Already seconds since the epoch; outside the years 1900-2200 (milliseconds, say, or a
      // value that does not fit) it cannot be read as one.
      constexpr std::int64_t kFirst = -2208988800, kLast = 7258118400;
      const bool fits = d->is_number_unsigned() ? d->get<std::uint64_t>() <= std::uint64_t(kLast)
                                                : d->get<std::int64_t>() >= kFirst && d->get<std::int64_t>() <= kLast;
      if (fits) article.published = d->get<std::int64_t>();
    }
  }
  detail::finish_article(std::move(article), text_paragraphs(text), out);
}

}  // namespace

namespace detail {

void read_jsonl_line(std::string_view line, std::string_view origin, std::size_t line_no, ReadBatch& out) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line_no == 1) line = strip_bom(line);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return;
  std::string where = fmt::format("{}:{}", origin, line_no);
  if (auto bad = find_invalid_utf8(line)) {
    out.errors.push_back({std::move(where), fmt::format("invalid UTF-8 at byte {} of the line (only UTF-8 input is read)", *bad)});
    return;
  }
  json obj;
  try {
    obj = json::parse(line);
  } catch (const json::exception& e) {
    out.errors.push_back({std::move(where), "invalid JSON: " + short_message(e)});
    return;
  }
  read_record(obj, std::move(where), fmt::format("{}#{}", file_stem(origin), line_no), out);
}

void read_json_record(const nlohmann::json& record, std::string_view origin, ReadBatch& out) {
  read_record(record, std::string(origin), std::string(origin), out);
}

}  // namespace detail

void read_json(std::string_view bytes, std::string_view origin, ReadBatch& out) {
  if (auto problem = detail::check_text_bytes(bytes)) {
    out.errors.push_back({std::string(origin), *problem});
    return;
  }
  json doc;
  try {
    doc = json::parse(detail::strip_bom(bytes));
  } catch (const json::exception& e) {
    out.errors.push_back({std::string(origin), "invalid JSON: " + short_message(e)});
    return;
  }
  const std::string stem = detail::file_stem(origin);
  if (doc.is_object()) {
    read_record(doc, std::string(origin), stem, out);
  } else if (doc.is_array()) {
    if (doc.empty()) out.errors.push_back({std::string(origin), "empty JSON array"});
    std::size_t n = 0;
    for (const auto& element : doc) {
      ++n;
      read_record(element, fmt::format("{}#{}", origin, n), fmt::format("{}#{}", stem, n), out);
    }
  } else {
    out.errors.push_back({std::string(origin), fmt::format("expected a JSON object or array, found {}", doc.type_name())});
  }
}

void read_jsonl(std::string_view bytes, std::string_view origin, ReadBatch& out) {
  if (bytes.empty()) {
    out.errors.push_back({std::string(origin), "empty file"});
    return;
  }
  // NUL bytes mean a binary file: one message, not one per line.
  if (auto nul = bytes.find('\0'); nul != std::string_view::npos) {
    out.errors.push_back({std::string(origin), fmt::format("binary data (NUL byte at offset {}), not text", nul)});
    return;
  }
  const std::size_t errors_before = out.errors.size();
  const std::size_t articles_before = out.articles.size();
  std::size_t line_no = 0;
  while (!bytes.empty()) {
    const std::size_t end = bytes.find('\n');
    const std::string_view line = bytes.substr(0, end);
    bytes = end == std::string_view::npos ? std::string_view{} : bytes.substr(end + 1);
    detail::read_jsonl_line(line, origin, ++line_no, out);
    if (out.errors.size() - errors_before >= kMaxErrorsPerFile && !bytes.empty()) {
      out.errors.push_back({std::string(origin), fmt::format("more than {} bad lines; the rest of the file was not read", kMaxErrorsPerFile)});
      return;
    }
  }
  if (out.errors.size() == errors_before && out.articles.size() == articles_before)
    out.errors.push_back({std::string(origin), "no records (only blank lines)"});
}

}  // namespace storyline
