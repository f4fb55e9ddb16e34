// ASCII shortcuts for case mapping. ASCII is closed under NFKC, case folding, lower-casing and
// Latin-ASCII transliteration, where each maps A-Z to a-z and leaves every other byte alone;
// most words of most news text are ASCII, and these spare them the round trip through ICU's
// UTF-16 strings.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

inline bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Appends `s` with A-Z lower-cased to `out` (for ASCII input: what the ICU folds and
// transforms give).
inline void append_ascii_lower(std::string& out, std::string_view s) {
  const std::size_t at = out.size();
  out.append(s);
  for (std::size_t i = at; i < out.size(); ++i)
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
}

// `s` with A-Z lower-cased.
inline std::string ascii_lower(std::string_view s) {
  std::string out;
  append_ascii_lower(out, s);
  return out;
}

// Whether `a` and `b` are equal once A-Z are lower-cased: names of header fields, schemes,
// directives, months and zones, which protocols and formats define in ASCII.
inline bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

}  // namespace storyline
