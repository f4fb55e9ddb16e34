// BridgeTranslator: the English terms one non-English content word contributes to the
// cross-lingual bridge. The dictionary's entry when it has one; otherwise
//  * a German compound it lacks ("Neuinfektionen", "Polizeisprecher") by its two parts, when
//    both are entries: FreeDict lists the common compounds only, and a fifth of the German
//    content words of news (the SemEval texts) had no entry, many of them compounds;
//  * otherwise a word of Latin letters it lacks, in any language but German, as itself,
//    stemmed as English: names, acronyms and loan words ("Lufthansa", "NATO", "coronavirus")
//    are written the same way in the English reports of the story, in a Spanish text or as a
//    Latin name in a Russian one. A language without a dictionary (Dutch, Portuguese) thus
//    still shares its names and loan words with English. Not German (the .cpp says why).
// Words of other scripts without an entry contribute nothing (names there are bridged by the
// entity keys). Not thread-safe (the analyser's stemmers and a memo): one per Profiler.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document/bounded_memo.h"
#include "features/term_dictionary.h"

namespace storyline {

class Analyzer;
struct Token;

class BridgeTranslator {
 public:
  // How a word found its terms.
  enum class Source : std::uint8_t { None, Dictionary, Compound, Identity };

  struct Term {
    std::string_view english_stem;  // valid until the next translate()
    std::string_view display;       // a readable form: the English stem (valid as long as the
                                    // dictionary) or the word itself (as long as the token)
    float weight;                   // (0, 1]
  };

  // A compound's two parts each bring their own translations at this share of their weight:
  // a compound is two words, so it may bring up to √2 the weight of one, and each part less
  // than the word alone would ("Polizeisprecher": police, speaker).
  static constexpr float kCompoundPartWeight = 0.70710678f;
  // A word kept as itself: its own spelling is not evidence it is the same word in English
  // (false friends), so it weighs less than a first dictionary sense.
  static constexpr float kIdentityWeight = 0.5f;

  // fallbacks = false: the dictionary's entries only (what the bridge was before them; for
  // the benchmark of what they cost).
  BridgeTranslator(const TermDictionary& dictionary, Analyzer& analyzer, bool fallbacks = true);

  // Clears `out` and fills it with `token`'s English terms in `lang` (not "en").
  Source translate(std::string_view lang, const Token& token, std::vector<Term>& out);

  // The two parts of a compound `folded_word` of `lang` that both have dictionary entries,
  // as their stems (head last), or an empty pair. Exposed for tests.
  std::pair<std::string, std::string> split_compound(std::string_view lang, std::string_view folded_word);

 private:
  std::pair<std::string, std::string> find_split(std::string_view lang, std::string_view folded_word);
  // Appends a compound part's translations, their weights times `scale`.
  void append_part(std::string_view lang, std::string_view stem, float scale, std::vector<Term>& out);

  const TermDictionary& dictionary_;
  Analyzer& analyzer_;
  bool fallbacks_;
  // Compound splits by language + word: trying every split point stems each candidate part.
  BoundedMemo<std::pair<std::string, std::string>> splits_{1 << 14};
  std::vector<TermDictionary::Translation> found_;  // reused buffers
  std::vector<TermDictionary::Translation> probe_;
  std::string identity_stem_;
  std::string split_key_;
};

}  // namespace storyline
