// The word lists behind CategoryClassifier (category_lexicon.cpp): plain, readable base forms,
// stemmed when the classifier is built. Internal to the classifier.
#pragma once

#include <span>
#include <string_view>

#include "features/category.h"

namespace storyline {

struct CategoryWordList {
  Category category;
  std::string_view lang;  // "en": the bridge lexicon (every bridged language) and English
                          // headlines; "ru": Russian headlines and bodies
  float weight;           // evidence per occurrence: 2 distinctive, 1 supporting
  std::string_view words; // whitespace-separated
};

std::span<const CategoryWordList> category_word_lists();

}  // namespace storyline
