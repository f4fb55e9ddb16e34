#include "document/word_segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <array>

namespace storyline {
namespace {

using Unit = WordSegmenter::Unit;

constexpr std::array<Unit, 128> ascii_units() {
  std::array<Unit, 128> units{};  // kOther
  for (int c = 'a'; c <= 'z'; ++c) units[c] = Unit::kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) units[c] = Unit::kLetter;
  for (int c = '0'; c <= '9'; ++c) units[c] = Unit::kDigit;
  units['.'] = units['\''] = Unit::kMidBoth;
  units[','] = units[';'] = Unit::kMidNum;
  units['\r'] = units['\n'] = units['\v'] = units['\f'] = Unit::kLineBreak;
  units['_'] = Unit::kUnsupported;  // ExtendNumLet
  units['@'] = Unit::kLetter;        // ICU's tailoring: "@handle", "a@b.org" are words
  // ':' is MidLetter in UAX #29, but ICU's rules leave it out: "a:b" is two words.
  return units;
}
constexpr std::array<Unit, 128> kAsciiUnits = ascii_units();

// Characters ICU segments by rules of its own: those it hands to a dictionary break engine
// ($dictionary in ICU's word.txt), and ideographs of other scripts (Tangut, Nüshu, Khitan),
// which UAX #29 calls Other but ICU makes words of.
bool segmented_by_other_rules(UChar32 c) {
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;
  if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return true;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         script == USCRIPT_HANGUL;
}

Unit unit_of(UChar32 c) {
  if (c < 0) return Unit::kUnsupported;  // invalid UTF-8
  if (c < 0x80) return kAsciiUnits[c];
  if (segmented_by_other_rules(c)) return Unit::kUnsupported;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
      return Unit::kLetter;
    case U_WB_NUMERIC:
      return Unit::kDigit;
    case U_WB_MIDLETTER:
      // ICU's tailoring, as for ':': the small and the full-width colon separate words.
      return c == 0xFE55 || c == 0xFF1A ? Unit::kOther : Unit::kMidLetter;
    case U_WB_MIDNUM:
      return Unit::kMidNum;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return Unit::kMidBoth;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
      return Unit::kIgnore;
    case U_WB_CR:
    case U_WB_LF:
    case U_WB_NEWLINE:
      return Unit::kLineBreak;
    case U_WB_OTHER:
    case U_WB_WSEGSPACE:
    case U_WB_DOUBLE_QUOTE:  // joins only next to Hebrew letters, which go to ICU
      return Unit::kOther;
    default:  // Katakana, Hebrew_Letter, ExtendNumLet, ZWJ, Regional_Indicator, emoji bases
      return Unit::kUnsupported;
  }
}

bool is_word(Unit u) { return u == Unit::kLetter || u == Unit::kDigit; }

// WB6/WB7 (letter mid letter) and WB11/WB12 (digit mid digit).
bool joins(Unit left, Unit mid, Unit right) {
  if (left != right) return false;
  if (left == Unit::kLetter) return mid == Unit::kMidLetter || mid == Unit::kMidBoth;
  return left == Unit::kDigit && (mid == Unit::kMidNum || mid == Unit::kMidBoth);
}

}  // namespace

bool icu_word_spans(icu::BreakIterator& words, std::string_view text, std::vector<WordSpan>& out) {
  out.clear();
  UErrorCode status = U_ZERO_ERROR;
  // UText over UTF-8 makes ICU report native (byte) offsets.
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  words.setText(utext, status);
  if (U_SUCCESS(status)) {
    std::int32_t begin = words.first();
    for (std::int32_t end = words.next(); end != icu::BreakIterator::DONE;
         begin = end, end = words.next()) {
      const std::int32_t rule = words.getRuleStatus();
      if (rule < UBRK_WORD_NUMBER) continue;  // spaces and punctuation
      out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                     rule < UBRK_WORD_NUMBER_LIMIT});
    }
  }
  utext_close(utext);
  return U_SUCCESS(status);
}

bool WordSegmenter::segment(std::string_view text, std::vector<WordSpan>& out) {
  out.clear();
  pieces_.clear();
  struct Trim {  // on every return: a long text's scratch is not kept for the next
    std::vector<Piece>& pieces;
    ~Trim() {
      if (pieces.capacity() > kKeptPieces) std::vector<Piece>().swap(pieces);
    }
  } trim{pieces_};
  // Pieces: each character with the combining marks after it (WB4), except that marks at the
  // start or after a line break stand alone (as kOther: they join nothing).
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto size = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < size;) {
    const std::int32_t begin = i;
    UChar32 c = bytes[i];
    Unit unit;
    if (c < 0x80) {
      unit = kAsciiUnits[c];
      ++i;
    } else {
      U8_NEXT(bytes, i, size, c);
      unit = unit_of(c);
    }
    if (unit == Unit::kUnsupported) return false;
    if (unit == Unit::kIgnore) {
      if (!pieces_.empty() && pieces_.back().unit != Unit::kLineBreak) {
        pieces_.back().end = static_cast<std::uint32_t>(i);
        continue;
      }
      unit = Unit::kOther;
    }
    pieces_.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i), unit});
  }
  // Words: letters and digits join (WB5, WB8-WB10), and so does one mid character between
  // two letters or two digits. ICU tags the span by its last letter-or-digit.
  const std::size_t n = pieces_.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (!is_word(pieces_[k].unit)) continue;
    const std::uint32_t begin = pieces_[k].begin;
    for (;;) {
      if (k + 1 < n && is_word(pieces_[k + 1].unit)) {
        ++k;
      } else if (k + 2 < n && joins(pieces_[k].unit, pieces_[k + 1].unit, pieces_[k + 2].unit)) {
        k += 2;
      } else {
        break;
      }
    }
    out.push_back({begin, pieces_[k].end, pieces_[k].unit == Unit::kDigit});
  }
  return true;
}

}  // namespace storyline
