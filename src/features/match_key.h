// Match keys join spelling and script variants of one name ("Griner"/"Greiner",
// "Лавров"/"Lavrov"/"Lawrow") so that entities can be compared across outlets and languages.
//
// A key is built in two steps: ICU transliteration to ASCII (Russian BGN first, because its
// English-style digraphs "sh", "zh", "kh" match how English and German press spell Russian
// names), then a consonant-skeleton phonetic code. Vowels are dropped because they are what
// transliterations disagree on most (Soleimani/Suleimani, Mohammed/Muhammad) and because
// Arabic script does not write short vowels at all (بلينكن -> "blynkn").
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace storyline {

// Owns an ICU transliterator: not thread-safe, use one per thread.
class MatchKeyer {
 public:
  MatchKeyer();
  ~MatchKeyer();
  MatchKeyer(const MatchKeyer&) = delete;
  MatchKeyer& operator=(const MatchKeyer&) = delete;
  MatchKeyer(MatchKeyer&&) noexcept;
  MatchKeyer& operator=(MatchKeyer&&) noexcept;

  // Key of one word (any script). Empty only for input without letters or digits.
  std::string word_key(std::string_view word) const;

  // Keys of the words of a multiword name (split on spaces, hyphens, dots), joined by ' '.
  std::string name_key(std::string_view name) const;

  // The transliteration step alone: lower-case ASCII ("НАТО" -> "nato"), for exact keys of
  // acronyms, where a phonetic code would be too coarse ("CNN" and "Conan").
  std::string ascii(std::string_view word) const { return to_ascii(word); }

  // The phonetic step alone, on lower-case ASCII letters; exposed for tests.
  static std::string phonetic(std::string_view ascii_lower);

 private:
  std::string to_ascii(std::string_view word) const;
  struct State;  // keeps ICU types out of this header
  std::unique_ptr<State> state_;
};

}  // namespace storyline
