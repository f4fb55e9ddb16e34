#include "features/name_inflection.h"

#include "document/analyzer.h"

namespace storyline {

std::string_view uninflected_name(std::string_view word, std::string_view lang) {
  if (lang != "ru" && lang != "uk" && lang != "be") return word;
  // Longest first. Endings with a consonant matter most (the phonetic key drops vowels, but
  // not the "m" of "-ым" or the "g" of "-ого"); "-ов"/"-ев"/"-ин" are surname suffixes, kept.
  static const std::string_view kEndings[] = {"ого", "его", "ому", "ему", "ыми", "ими", "ым", "им", "ом", "ем",
                                               "ой", "ей", "ою", "ий", "ый", "ая", "яя", "ую",
                                               "а",  "я",  "у",  "ю",  "е",  "ы",  "и"};
  for (std::string_view ending : kEndings)
    if (word.ends_with(ending) && utf8_length(word.substr(0, word.size() - ending.size())) >= 3)
      return word.substr(0, word.size() - ending.size());
  return word;
}

const std::vector<std::string_view>* nominative_endings(std::string_view lang) {
  static const std::vector<std::string_view> slavic = {"", "а", "я", "ь", "и", "ы"}, stem_only = {""};
  if (lang == "ru" || lang == "uk" || lang == "be" || lang == "bg") return &slavic;
  if (lang == "de" || lang == "tr" || lang == "fi" || lang == "hu" || lang == "nl" || lang == "sv") return &stem_only;
  return nullptr;
}

}  // namespace storyline
