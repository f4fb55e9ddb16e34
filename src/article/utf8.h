// Byte-level checks every reader runs before parsing: we read UTF-8 only and never guess encodings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace storyline::detail {

// Offset of the first byte that is not part of well-formed UTF-8 (no overlongs, no surrogates,
// nothing above U+10FFFF), or std::nullopt when the whole input is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

// Drops a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view bytes);

// Empty input, NUL bytes (binary data) and invalid UTF-8, as a message for a person;
// std::nullopt when the bytes are acceptable text.
std::optional<std::string> check_text_bytes(std::string_view bytes);

}  // namespace storyline::detail
