#include "features/word_shape.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace storyline {

WordShape shape_of(std::string_view s) {
  WordShape sh;
  for (int32_t i = 0; i < int32_t(s.size());) {
    UChar32 c;
    U8_NEXT(s.data(), i, int32_t(s.size()), c);
    if (c >= 0 && c < 0x80) {  // ASCII without the property lookups (the same answers)
      const bool upper = c >= 'A' && c <= 'Z';
      if (!upper && !(c >= 'a' && c <= 'z')) continue;
      ++sh.letters;
      ++sh.cased;
      sh.upper += upper;
      continue;
    }
    if (c < 0 || !u_isalpha(c)) continue;
    ++sh.letters;
    if (u_hasBinaryProperty(c, UCHAR_CASED)) ++sh.cased;
    if (u_isupper(c) || u_istitle(c)) ++sh.upper;
  }
  return sh;
}

}  // namespace storyline
