#include "features/date_atoms.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "features/calendar_words.h"

namespace storyline {
namespace {

enum class Class { Space, Letter, Digit, Other };

Class classify(UChar32 c) {
  // ASCII, most of most texts, without the property lookups (the same answers).
  if (c < 0x80) {
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return Class::Space;
    if (c >= '0' && c <= '9') return Class::Digit;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Class::Letter;
    return Class::Other;
  }
  if (u_isUWhiteSpace(c)) return Class::Space;
  if (u_isdigit(c)) return Class::Digit;
  // Combining marks belong to the word they sit on (Arabic vowel signs, decomposed accents).
  if (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) return Class::Letter;
  return Class::Other;
}

}  // namespace

std::vector<DateAtom> split_date_atoms(std::string_view text, std::string& arena) {
  std::vector<DateAtom> atoms;
  atoms.reserve(text.size() / 5 + 1);  // about one atom per five bytes of prose
  arena.clear();
  arena.reserve(text.size());
  // Where each atom's folded form lies in the arena: views are taken once it stops growing.
  std::vector<std::uint32_t> folded_at;
  folded_at.reserve(atoms.capacity() + 1);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  // The class of the character at j, and j moved past it. ASCII bytes skip the decoder.
  auto next = [&](int32_t& j, UChar32& c) {
    if (s[j] < 0x80) {
      c = s[j++];
    } else {
      U8_NEXT(s, j, n, c);
    }
    return c < 0 ? Class::Other : classify(c);
  };
  int32_t i = 0;
  bool space = false;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    const Class cls = next(i, c);
    if (cls == Class::Space) {
      space = true;
      continue;
    }
    DateAtom atom{DateAtom::Kind::Mark, static_cast<std::uint32_t>(start), 0, {}, 0, false, space};
    space = false;
    folded_at.push_back(static_cast<std::uint32_t>(arena.size()));
    if (cls == Class::Digit) {
      atom.kind = DateAtom::Kind::Number;
      const std::size_t first = arena.size();
      arena.push_back(static_cast<char>('0' + u_charDigitValue(c)));
      for (int32_t j = i; j < n && next(j, c) == Class::Digit; i = j)
        arena.push_back(static_cast<char>('0' + u_charDigitValue(c)));
      for (std::size_t k = first; k < arena.size(); ++k)
        atom.value = atom.value < 100000000000LL ? atom.value * 10 + (arena[k] - '0') : atom.value;
    } else if (cls == Class::Letter) {
      atom.kind = DateAtom::Kind::Word;
      atom.capitalised = u_isupper(c) || u_istitle(c);
      for (int32_t j = i; j < n && next(j, c) == Class::Letter;) i = j;
      append_folded_word(arena, text.substr(start, i - start));
    } else {
      arena.append(text.substr(start, i - start));
    }
    atom.end = static_cast<std::uint32_t>(i);
    atoms.push_back(atom);
  }
  folded_at.push_back(static_cast<std::uint32_t>(arena.size()));
  for (std::size_t k = 0; k < atoms.size(); ++k)
    atoms[k].folded = std::string_view(arena).substr(folded_at[k], folded_at[k + 1] - folded_at[k]);
  return atoms;
}

}  // namespace storyline
