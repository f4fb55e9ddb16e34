// A Token is one word or number of an analysed text, with the forms later stages need:
// the surface (for display and capitalisation rules), the folded form (for exact matching)
// and the stem (for term statistics).
#pragma once

#include <cstdint>
#include <string>

namespace storyline {

struct Token {
  std::string surface;     // as written, original case, UTF-8
  std::string norm;        // NFKC + Unicode case folding of surface (numbers keep separators)
  std::string stem;        // Snowball stem of norm in the text's language (norm if no stemmer)
  std::uint32_t begin = 0; // byte offset of surface in the analysed text
  std::uint32_t end = 0;   // one past the last byte
  std::uint32_t sentence = 0;   // index of the sentence holding this token
  bool is_number = false;       // an ICU number word: "17", "2020", "1,500", "3.5"
  bool capitalized = false;     // first character is an upper-case or title-case letter
  bool sentence_start = false;  // first word of its sentence (capitalisation proves nothing)
  bool stop = false;            // a stop word of the text's language
};

}  // namespace storyline
