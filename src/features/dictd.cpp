#include "features/dictd.h"

#include <zlib.h>

#include <cstring>
#include <fstream>
#include <iterator>

namespace storyline::dictd {
namespace {

int base64_digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "12. rest" -> 12 and "rest"; also a bare "3." (Polish sense markers on their own line).
bool take_sense_number(std::string_view& s, unsigned& number) {
  std::size_t i = 0;
  while (i < s.size() && i < 4 && is_digit(s[i])) ++i;
  if (i == 0 || i == s.size() || s[i] != '.') return false;
  if (i + 1 < s.size() && !is_space(s[i + 1])) return false;  // "3.5 kg" is not a sense number
  number = 0;
  for (std::size_t k = 0; k < i; ++k) number = number * 10 + unsigned(s[k] - '0');
  s = trim(s.substr(i + 1));
  return true;
}

// Drops a trailing " 2." that announces the next sense (WikDict layout: "pressure 2.").
std::string_view strip_trailing_sense_marker(std::string_view s) {
  for (;;) {
    s = trim(s);
    if (s.empty() || s.back() != '.') return s;
    std::size_t i = s.size() - 1;
    std::size_t digits_end = i;
    while (i > 0 && is_digit(s[i - 1])) --i;
    if (i == digits_end) return s;          // no digits before the dot
    if (i != 0 && !is_space(s[i - 1])) return s;  // "No. 5." or "etc." style
    s = s.substr(0, i);
  }
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  for (auto p : prefixes)
    if (s.starts_with(p)) return true;
  return false;
}

// "/pɾˈeːs/" inside a translation line: IPA letters and modifiers live in U+0250..U+02FF (UTF-8
// lead bytes 0xC9..0xCB), which English words do not use.
bool is_pronunciation(std::string_view s) {
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    if (b >= 0xC9 && b <= 0xCB) return true;
  }
  return false;
}

// Removes /pronunciations/ and bracketed groups ((), [], <>, {}) and splits on ',' / ';' into trimmed phrases.
void add_phrases(std::string_view line, unsigned sense, Entry& out) {
  line = strip_trailing_sense_marker(line);
  std::string cleaned;
  cleaned.reserve(line.size());
  int depth = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '/' && depth == 0 && (i == 0 || is_space(line[i - 1]))) {
      std::size_t close = line.find('/', i + 1);
      if (close != std::string_view::npos && is_pronunciation(line.substr(i + 1, close - i - 1))) {
        cleaned.push_back(' ');
        i = close;
        continue;
      }
    }
    if (c == '(' || c == '[' || c == '<' || c == '{') {
      ++depth;
      continue;
    }
    if (c == ')' || c == ']' || c == '>' || c == '}') {
      if (depth > 0) --depth;
      cleaned.push_back(' ');
      continue;
    }
    if (depth == 0) cleaned.push_back(c);
  }
  std::string_view rest(cleaned);
  const auto sense16 = static_cast<std::uint16_t>(sense > 0xFFFF ? 0xFFFF : sense);
  std::size_t position = 0;
  while (!rest.empty()) {
    std::size_t cut = rest.find_first_of(",;");
    std::string_view piece = trim(rest.substr(0, cut));
    rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    // Strip stray quotes and dots around a phrase ("\"Slack\"", "etc.").
    while (!piece.empty() && (piece.front() == '"' || piece.front() == '\'')) piece.remove_prefix(1);
    while (!piece.empty() && (piece.back() == '"' || piece.back() == '.' || piece.back() == '!'))
      piece.remove_suffix(1);
    piece = trim(piece);
    if (piece.empty()) continue;
    Entry::Phrase p;
    p.begin = static_cast<std::uint32_t>(out.text.size());
    out.text.append(piece);
    p.end = static_cast<std::uint32_t>(out.text.size());
    p.sense = sense16;
    p.rank = static_cast<std::uint16_t>(position > 0xFFFF ? 0xFFFF : position);
    ++position;
    out.phrases.push_back(p);
  }
}

}  // namespace

std::optional<std::uint64_t> decode_base64(std::string_view text) {
  if (text.empty() || text.size() > 10) return std::nullopt;  // 64^10 = 2^60
  std::uint64_t value = 0;
  for (char c : text) {
    int d = base64_digit(c);
    if (d < 0) return std::nullopt;
    value = value * 64 + std::uint64_t(d);
  }
  return value;
}

std::vector<IndexEntry> parse_index(std::string_view text, std::size_t* skipped) {
  std::vector<IndexEntry> entries;
  entries.reserve(text.size() / 24);
  std::size_t bad = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::size_t t1 = line.find('\t');
    std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      ++bad;
      continue;
    }
    std::size_t t3 = line.find('\t', t2 + 1);  // optional 4th field (original headword)
    std::string_view head = line.substr(0, t1);
    auto off = decode_base64(line.substr(t1 + 1, t2 - t1 - 1));
    auto len = decode_base64(line.substr(t2 + 1, t3 == std::string_view::npos ? t3 : t3 - t2 - 1));
    if (!off || !len || *len > 0xFFFFFFFFu) {
      ++bad;
      continue;
    }
    if (head.starts_with("00database") || head.starts_with("00-database")) continue;
    entries.push_back(IndexEntry{head, *off, static_cast<std::uint32_t>(*len)});
  }
  if (skipped) *skipped = bad;
  return entries;
}

std::optional<std::string> inflate_gzip(std::string_view compressed, std::string* error) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, 15 + 32) != Z_OK) {  // +32: gzip or zlib header, auto-detected
    if (error) *error = "inflateInit2 failed";
    return std::nullopt;
  }
  std::string out;
  // The gzip trailer holds the uncompressed size mod 2^32.
  if (compressed.size() >= 18) {
    const auto* t = reinterpret_cast<const unsigned char*>(compressed.data() + compressed.size() - 4);
    std::size_t isize = std::size_t(t[0]) | std::size_t(t[1]) << 8 | std::size_t(t[2]) << 16 |
                        std::size_t(t[3]) << 24;
    if (isize < compressed.size() * 40) out.reserve(isize);
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  zs.avail_in = static_cast<uInt>(compressed.size());
  char buffer[1 << 16];
  int rc = Z_OK;
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - zs.avail_out);
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // another gzip member follows
      continue;
    }
    if (rc != Z_OK) break;
    if (zs.avail_in == 0 && zs.avail_out != 0) {
      rc = Z_DATA_ERROR;  // truncated input
      break;
    }
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    if (error) *error = "corrupt or truncated gzip data";
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> read_file(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = "cannot open " + path;
    return std::nullopt;
  }
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    if (error) *error = "cannot read " + path;
    return std::nullopt;
  }
  if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
      static_cast<unsigned char>(data[1]) == 0x8b) {
    std::string why;
    auto inflated = inflate_gzip(data, &why);
    if (!inflated && error) *error = path + ": " + why;
    return inflated;
  }
  return data;
}

bool parse_entry(std::string_view raw, Entry& out) {
  out.clear();
  std::size_t pos = 0;
  auto next_line = [&](std::string_view& line) {
    if (pos >= raw.size()) return false;
    std::size_t eol = raw.find('\n', pos);
    if (eol == std::string_view::npos) eol = raw.size();
    line = raw.substr(pos, eol - pos);
    pos = eol + 1;
    return true;
  };
  std::string_view line;
  // Headword line: "headword /pron/ <pos>" (pronunciation and pos optional).
  do {
    if (!next_line(line)) return false;
    line = trim(line);
  } while (line.empty());
  if (line.front() == '/' || line.front() == '<') return false;  // pronunciation without headword
  std::size_t cut = line.size();
  for (std::string_view marker : {std::string_view(" /"), std::string_view(" <")}) {
    std::size_t at = line.find(marker);
    if (at != std::string_view::npos && at < cut) cut = at;
  }
  out.headword = trim(line.substr(0, cut));
  if (out.headword.empty()) return false;

  std::size_t content_lines = 0;
  while (next_line(line)) {
    std::size_t indent = 0;
    while (indent < line.size() && is_space(line[indent])) ++indent;
    std::string_view text = trim(line.substr(indent));
    if (text.empty()) continue;
    if (indent >= 2) continue;  // examples ("      \"...\" - ..."), Synonyms:, Note:
    if (starts_with_any(text, {"see:", "See:", "Synonym", "Antonym", "Note:", "see also"})) continue;
    unsigned number = 0;
    bool numbered = take_sense_number(text, number);
    bool first = content_lines++ == 0;
    if (!first && !numbered) continue;  // a definition in the source language (WikDict)
    if (text.empty()) continue;
    add_phrases(text, numbered && number > 0 ? number - 1 : 0, out);
  }
  return true;
}

DictdFile DictdFile::from_memory(std::string index_text, std::string body) {
  DictdFile f;
  f.index_text_ = std::make_unique<std::string>(std::move(index_text));
  f.body_ = std::move(body);
  f.build_index();
  return f;
}

std::optional<DictdFile> DictdFile::open(const std::string& base, std::string* error) {
  auto index_text = read_file(base + ".index", error);
  if (!index_text) return std::nullopt;
  std::string why;
  auto body = read_file(base + ".dict.dz", &why);
  if (!body) {
    std::string plain_error;
    body = read_file(base + ".dict", &plain_error);
    if (!body) {
      if (error) *error = why;
      return std::nullopt;
    }
  }
  return from_memory(std::move(*index_text), std::move(*body));
}

void DictdFile::build_index() { index_ = parse_index(*index_text_, &skipped_); }

std::string_view DictdFile::raw(const IndexEntry& e) const {
  if (e.offset > body_.size() || e.length > body_.size() - e.offset) return {};
  return std::string_view(body_).substr(e.offset, e.length);
}

}  // namespace storyline::dictd
