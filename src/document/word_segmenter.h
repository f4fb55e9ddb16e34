// WordSegmenter: the words and numbers of a text, exactly as ICU's root word break iterator
// finds them (UAX #29 with ICU's tailoring), for texts in alphabetic scripts.
//
// ICU's iterator runs a generic state machine and keeps a boundary cache; for a news article
// that is most of the analyser's segmentation time. Texts whose characters are all letters of
// an alphabet (Latin, Cyrillic, Greek, Arabic, Devanagari, ...), digits, punctuation, spaces,
// line breaks or combining marks follow a handful of rules, applied here directly.
//
// ICU stays the reference. A text holding any character these rules do not cover (the scripts
// ICU segments with a dictionary: Han, kana, Hangul, Thai, Lao, Khmer, Myanmar; Hebrew letters
// and Katakana, which have rules of their own; other ideographs (Tangut, Nüshu, Khitan); "_"
// and other connectors; zero-width joiners; regional indicators; invalid UTF-8) is refused, and
// the caller runs ICU. A differential test holds the two to the same spans, for every code
// point in a dozen contexts among others.
#pragma once

#include <unicode/uversion.h>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace storyline {

// One segment that ICU tags UBRK_WORD_NUMBER or UBRK_WORD_LETTER; byte offsets into the text.
struct WordSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool is_number = false;  // ICU's tag UBRK_WORD_NUMBER: the span's last letter-or-digit is a digit
  bool operator==(const WordSpan&) const = default;
};

// The reference: the words and numbers that ICU's word break iterator `words` (root locale)
// finds in `text`, replacing `out`. The Analyzer's way for texts WordSegmenter refuses, and
// what its tests compare it with. False when ICU fails on the text.
bool icu_word_spans(icu::BreakIterator& words, std::string_view text, std::vector<WordSpan>& out);

class WordSegmenter {
 public:
  // Replaces `out` with the words and numbers of `text`, in order, and returns true; or returns
  // false, with `out` unspecified, when `text` holds a character these rules do not cover.
  bool segment(std::string_view text, std::vector<WordSpan>& out);

  // What a character is to the rules, with every character that ignores them (combining marks
  // and format characters, "Extend" and "Format" in UAX #29) folded into the one before it.
  enum class Unit : std::uint8_t {
    kOther,        // spaces, most punctuation, symbols: a boundary on both sides
    kLetter,       // ALetter
    kDigit,        // Numeric
    kMidLetter,    // joins two letters (U+00B7 ·, U+2027 ‧, ...; ICU leaves ":" out)
    kMidNum,       // joins two digits: ",", ";", U+066C ٬
    kMidBoth,      // joins two letters or two digits: ".", "'", U+2019 ’
    kIgnore,       // Extend, Format
    kLineBreak,    // CR, LF, Newline: combining marks after one do not join it
    kUnsupported,  // the text goes to ICU
  };

 private:
  struct Piece {
    std::uint32_t begin;
    std::uint32_t end;  // after the combining marks that follow
    Unit unit;
  };
  std::vector<Piece> pieces_;  // reused between calls, up to kKeptPieces
  // One piece per character: a 4 MB article would otherwise keep 48 MB alive after it.
  static constexpr std::size_t kKeptPieces = 1 << 16;
};

}  // namespace storyline
