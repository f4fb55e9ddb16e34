// Splits raw text into the atoms date patterns are written in: words (case-folded), digit runs
// (any script's decimal digits) and single punctuation marks, each with byte offsets. Dates need
// the punctuation ("17.02.2022", "Feb. 17,") that word tokenizers drop, hence this small lexer
// instead of the Analyzer's tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

struct DateAtom {
  enum class Kind : std::uint8_t { Word, Number, Mark };
  Kind kind;
  std::uint32_t begin, end;   // byte offsets in the text
  std::string_view folded;    // Word: case-folded; Number: ASCII digits; Mark: the mark's UTF-8
                              // (in the arena split_date_atoms filled)
  std::int64_t value = 0;     // Number: its value (saturates for absurdly long runs)
  bool capitalised = false;   // Word: first letter upper/title case
  bool space_before = false;  // whitespace between the previous atom and this one
  bool is_mark(char c) const { return kind == Kind::Mark && folded.size() == 1 && folded[0] == c; }
  std::size_t digits() const { return kind == Kind::Number ? folded.size() : 0; }
};

// The atoms' folded forms are written one after another into `arena`, which must outlive the
// atoms and stay unchanged: one buffer per text instead of a string per atom (a text has one
// atom per five bytes, and their strings were a third of splitting).
std::vector<DateAtom> split_date_atoms(std::string_view text, std::string& arena);

}  // namespace storyline
