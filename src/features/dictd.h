// Reader for dictd dictionaries (FreeDict): a text .index of `headword \t offset \t length`
// lines (offsets in dictd's base64, alphabet A-Za-z0-9+/) and a .dict or .dict.dz body (gzip
// with dictzip chunks; we inflate the whole file at once, which is faster than seeking chunks
// when every entry is read).
//
// parse_entry() turns one TEI-derived plain-text entry into its headword and its translation
// phrases, dropping what is not a translation: /pronunciation/, <pos> tags, [labels],
// (notes), {cross refs}, indented examples, "see:" / "Synonyms:" / "Note:" lines, and the
// source-language definitions that follow each sense in WikDict-based dictionaries (Polish).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::dictd {

// Value of a dictd base64 number ("B0" -> 52); nullopt on an empty, overlong or invalid string.
std::optional<std::uint64_t> decode_base64(std::string_view text);

struct IndexEntry {
  std::string_view headword;  // as in the .index (dictfmt lower-cases it and drops punctuation)
  std::uint64_t offset = 0;   // byte offset of the entry in the uncompressed .dict
  std::uint32_t length = 0;   // byte length of the entry
};

// Parses .index text. Lines that do not have three tab-separated fields with valid base64
// numbers are skipped and counted in `*skipped`. The headword views point into `text`.
// dictfmt's "00database..." meta entries are skipped (not counted).
std::vector<IndexEntry> parse_index(std::string_view text, std::size_t* skipped = nullptr);

// Whole file contents; a gzip file (.dict.dz) is inflated. nullopt (with `*error`) when the
// file cannot be read or does not inflate.
std::optional<std::string> read_file(const std::string& path, std::string* error = nullptr);
std::optional<std::string> inflate_gzip(std::string_view compressed, std::string* error = nullptr);

// One parsed entry. Reused across parse_entry calls to avoid allocations.
struct Entry {
  struct Phrase {
    std::uint32_t begin = 0, end = 0;  // in `text`
    std::uint16_t sense = 0;           // 0-based sense number (0 when the entry is unnumbered)
    std::uint16_t rank = 0;            // 0-based position within its sense line
  };
  std::string_view headword;  // view into the raw entry: the headword line without /pron/, <pos>
  std::string text;           // cleaned phrases, stored back to back
  std::vector<Phrase> phrases;

  std::string_view phrase(std::size_t i) const {
    return std::string_view(text).substr(phrases[i].begin, phrases[i].end - phrases[i].begin);
  }
  void clear() {
    headword = {};
    text.clear();
    phrases.clear();
  }
};

// Parses one raw entry. Translation lines are the first content line after the headword line
// and every line that starts a numbered sense ("2. ..."); each is split on ',' and ';' into
// phrases. Returns false (and leaves `out` empty) when the entry has no headword.
bool parse_entry(std::string_view raw, Entry& out);

// An opened dictionary: index plus inflated body.
class DictdFile {
 public:
  // Reads `<base>.index` and `<base>.dict.dz` (or `<base>.dict`). nullopt with `*error` if
  // either is missing or unreadable.
  static std::optional<DictdFile> open(const std::string& base, std::string* error = nullptr);
  // From in-memory contents (tests); `body` is the uncompressed .dict text.
  static DictdFile from_memory(std::string index_text, std::string body);

  const std::vector<IndexEntry>& index() const { return index_; }
  std::size_t skipped_index_lines() const { return skipped_; }
  // Raw text of an entry; empty when its offset/length fall outside the body.
  std::string_view raw(const IndexEntry& e) const;
  std::size_t body_bytes() const { return body_.size(); }

 private:
  void build_index();
  std::unique_ptr<std::string> index_text_;  // heap-held so index_ views survive moves
  std::string body_;
  std::vector<IndexEntry> index_;
  std::size_t skipped_ = 0;
};

}  // namespace storyline::dictd
