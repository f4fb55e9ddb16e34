// Stop words per language: function words that say nothing about which story an article
// tells. Folded forms (NFKC + case fold). Languages without a list have none.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "document/word_set.h"

namespace storyline {

class StopWords {
 public:
  StopWords();
  bool contains(std::string_view lang, std::string_view folded_word) const;
  // The list of one language (null when it has none): for callers that test many words of
  // one language and should not look the language up for each.
  const WordSet* words_of(std::string_view lang) const;

 private:
  std::unordered_map<std::string, WordSet> by_lang_;
};

}  // namespace storyline
