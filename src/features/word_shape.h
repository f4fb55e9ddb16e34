// WordShape: letter statistics of a surface form, from ICU properties so that Cyrillic and Greek
// acronyms ("НАТО") and caseless scripts (Arabic, CJK) are told apart correctly.
#pragma once

#include <string_view>

namespace storyline {

struct WordShape {
  int letters = 0, upper = 0, cased = 0;  // upper: upper or title case
};

WordShape shape_of(std::string_view utf8);

}  // namespace storyline
