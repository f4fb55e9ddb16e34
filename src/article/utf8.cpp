#include "article/utf8.h"

#include <fmt/format.h>

namespace storyline::detail {

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    // Bounds for the second byte rule out overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::nullopt;
}

std::string_view strip_bom(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  return bytes;
}

std::optional<std::string> check_text_bytes(std::string_view bytes) {
  if (bytes.empty()) return "empty file";
  if (auto nul = bytes.find('\0'); nul != std::string_view::npos)
    return fmt::format("binary data (NUL byte at offset {}), not text", nul);
  if (auto bad = find_invalid_utf8(bytes))
    return fmt::format("invalid UTF-8 at byte offset {} (only UTF-8 input is read)", *bad);
  return std::nullopt;
}

}  // namespace storyline::detail
