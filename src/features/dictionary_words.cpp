#include "features/dictionary_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace storyline {
namespace dictionary_words {

const std::unordered_set<std::string_view>& english_stop_words() {
  static const std::unordered_set<std::string_view> words{
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
      "any", "are", "as", "at", "be", "been", "before", "being", "below", "between", "both",
      "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "down", "during",
      "each", "eg", "esp", "etc", "few", "for", "from", "further", "had", "has", "have",
      "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
      "ie", "if", "in", "into", "is", "it", "its", "itself", "let", "may", "me", "might",
      "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "o.s", "of", "off",
      "on", "once", "one's", "oneself", "only", "or", "other", "our", "ours", "ourselves",
      "out", "over", "own", "same", "sb", "sb's", "shall", "she", "should", "so", "some",
      "somebody", "somebody's", "someone", "someone's", "something", "sth", "sth's", "such",
      "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
      "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon",
      "us", "usu", "very", "was", "we", "were", "what", "when", "where", "which", "while",
      "who", "whom", "whose", "why", "will", "with", "would", "you", "your", "yours",
      "yourself", "yourselves"};
  return words;
}

bool is_word_char(UChar32 c) {
  if (c < 0) return false;
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || (U_GET_GC_MASK(c) & (U_GC_M_MASK | U_GC_ND_MASK));
}

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

bool is_single_word(std::string_view word) {
  if (word.empty()) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  int32_t i = 0;
  bool previous_apostrophe = true;  // no leading apostrophe
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (is_apostrophe(c)) {
      if (previous_apostrophe) return false;
      previous_apostrophe = true;
      continue;
    }
    if (!is_word_char(c)) return false;
    previous_apostrophe = false;
  }
  return !previous_apostrophe;
}

}  // namespace dictionary_words
}  // namespace storyline
