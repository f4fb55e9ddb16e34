#include "article/paragraphs.h"

#include <set>
#include <unordered_set>

#include <unicode/unistr.h>

#include "article/ascii.h"

namespace storyline::detail {
namespace {

enum class Space { None, Blank, Drop };

// Classifies the code point starting at s[i] and stores its byte length in `len`.
// Input is already valid UTF-8 (readers check first), but we stay safe on any bytes.
Space classify(std::string_view s, std::size_t i, std::size_t& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  len = 1;
  if (c < 0x20 || c == 0x7F) return Space::Blank;  // tabs, newlines, stray control characters
  if (c == ' ') return Space::Blank;
  if (c < 0x80) return Space::None;
  auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  if (c == 0xC2 && (at(1) == 0xA0 || at(1) == 0x85)) {  // NBSP, NEL
    len = 2;
    return Space::Blank;
  }
  if (c == 0xE2 && at(1) == 0x80) {
    const unsigned char d = at(2);
    len = 3;
    if (d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF) return Space::Blank;  // U+2000..200A, LS, PS, NNBSP
    if (d >= 0x8B && d <= 0x8D) return Space::Drop;                            // zero-width space/joiners
    len = 1;
    return Space::None;
  }
  if (c == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) {  // U+205F
    len = 3;
    return Space::Blank;
  }
  if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) {  // U+3000 ideographic space
    len = 3;
    return Space::Blank;
  }
  if (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF) {  // U+FEFF (BOM / zero-width no-break)
    len = 3;
    return Space::Drop;
  }
  return Space::None;
}

bool is_blank_line(std::string_view line) {
  for (std::size_t i = 0; i < line.size();) {
    std::size_t len = 0;
    if (classify(line, i, len) == Space::None) return false;
    i += len;
  }
  return true;
}

// Calls f(line) for each line; \r\n, \r and \n all end a line.
template <typename F>
void for_each_line(std::string_view text, F&& f) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    f(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) f(text.substr(start));
}

bool ends_with_ellipsis(std::string_view s) { return s.ends_with("...") || s.ends_with("\xE2\x80\xA6"); }

// True when some key in `later` starts with `key` followed by a space (a word boundary), or,
// when `key` ends in an ellipsis (a truncated lede), with `key` minus the ellipsis.
bool is_prefix_of_any(const std::string& key, const std::set<std::string, std::less<>>& later) {
  const std::string probe = key + ' ';
  auto it = later.lower_bound(probe);
  if (it != later.end() && it->starts_with(probe)) return true;
  if (ends_with_ellipsis(key)) {
    std::string stem = key.substr(0, key.size() - 3);  // "..." and "…" are both 3 bytes
    while (!stem.empty() && stem.back() == ' ') stem.pop_back();
    if (stem.empty()) return false;
    it = later.upper_bound(stem);  // skip an exact match: that is not an extension
    if (it != later.end() && it->starts_with(stem)) return true;
  }
  return false;
}

}  // namespace

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    // Printable ASCII, most of any text, is copied a run at a time.
    std::size_t run = i;
    while (run < text.size() && static_cast<unsigned char>(text[run]) - 0x21u < 0x5Eu) ++run;
    if (run > i) {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(text.substr(i, run - i));
      i = run;
      continue;
    }
    std::size_t len = 0;
    const Space kind = classify(text, i, len);
    if (kind == Space::Blank) {
      pending_space = !out.empty();
    } else if (kind == Space::None) {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::vector<std::string> split_blank_line_paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string p = collapse_whitespace(current);
    if (!p.empty()) out.push_back(std::move(p));
    current.clear();
  };
  for_each_line(text, [&](std::string_view line) {
    if (is_blank_line(line)) {
      flush();
    } else {
      if (!current.empty()) current.push_back(' ');
      current.append(line);
    }
  });
  flush();
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  for_each_line(text, [&](std::string_view line) {
    std::string p = collapse_whitespace(line);
    if (!p.empty()) out.push_back(std::move(p));
  });
  return out;
}

namespace {

// Whether collapse_whitespace(text) == text: no leading, trailing or doubled space and no
// other whitespace or zero-width character. The readers' paragraphs are collapsed already, and
// checking is cheaper than collapsing them again into a copy.
bool is_collapsed(std::string_view text) {
  bool after_space = true;  // a leading space is not collapsed
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c - 0x21u < 0x5Eu) {  // printable ASCII but space
      after_space = false;
      ++i;
      continue;
    }
    if (c == ' ') {
      if (after_space) return false;
      after_space = true;
      ++i;
      continue;
    }
    std::size_t len = 0;
    if (classify(text, i, len) != Space::None) return false;
    after_space = false;
    i += len;
  }
  return !after_space || text.empty();
}

}  // namespace

std::string fold_key(std::string_view text) {
  std::string collapsed;
  if (!is_collapsed(text)) {
    collapsed = collapse_whitespace(text);
    text = collapsed;
  }
  if (is_ascii(text)) return ascii_lower(text);
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

std::vector<std::string> drop_repeated(std::vector<std::string> paragraphs, std::string_view headline) {
  const std::size_t n = paragraphs.size();
  std::vector<std::string> keys(n);
  for (std::size_t i = 0; i < n; ++i) keys[i] = fold_key(paragraphs[i]);
  std::vector<bool> keep(n, true);

  // Backwards, so `later` holds exactly the paragraphs after i; a sorted set makes the
  // prefix test a single lookup instead of a scan (inputs can have many paragraphs).
  std::set<std::string, std::less<>> later;
  for (std::size_t i = n; i-- > 0;) {
    if (keys[i].empty() || is_prefix_of_any(keys[i], later)) keep[i] = false;
    later.insert(keys[i]);
  }

  std::unordered_set<std::string> seen;
  if (std::string h = fold_key(headline); !h.empty()) seen.insert(std::move(h));
  for (std::size_t i = 0; i < n; ++i)
    if (!seen.insert(keys[i]).second) keep[i] = false;

  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i)
    if (keep[i]) out.push_back(std::move(paragraphs[i]));
  return out;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const auto& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

}  // namespace storyline::detail
