// Stop words per language: function words that say nothing about which story an article
// tells. Folded forms (NFKC + case fold). Languages without a list have none.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace storyline {

class StopWords {
 public:
  StopWords();
  bool contains(std::string_view lang, std::string_view folded_word) const;
  // The list of one language (null when it has none): for callers that test many words of
  // one language and should not look the language up for each.
  const std::unordered_set<std::string>* words_of(std::string_view lang) const;

 private:
  std::unordered_map<std::string, std::unordered_set<std::string>> by_lang_;
};

}  // namespace storyline
