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

// `s` with A-Z lower-cased (for ASCII input: what the ICU folds and transforms give).
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace storyline
