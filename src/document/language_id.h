// Language identification with CLD2 (the compact tables of libcld2.so: the _full tables
// misdetect Russian). Answers ISO 639-1 codes, "und" when CLD2 cannot tell.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

std::string detect_language(std::string_view text);

// Two-letter code for a stated language tag ("en-US", "EN", "deu" -> "en", "en", "de").
std::string normalise_language_tag(std::string_view tag);

}  // namespace storyline
