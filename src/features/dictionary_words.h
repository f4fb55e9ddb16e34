// Dictionary words: which words of a FreeDict entry are usable as terms. The English side's
// stop words and placeholders ("sb", "sth") carry no topic; multiword glosses and phrases are
// not single tokens and cannot match a stemmed word.
#pragma once

#include <unicode/umachine.h>

#include <string_view>
#include <unordered_set>

namespace storyline::dictionary_words {

// English stop words plus dictionary placeholders ("sb", "sth"); compared lower-cased, before
// stemming.
const std::unordered_set<std::string_view>& english_stop_words();

// A letter, mark or digit.
bool is_word_char(UChar32 c);
// ' or ’ (dictionaries use both inside words: "aujourd’hui").
bool is_apostrophe(UChar32 c);

// True when `word` is one word as a tokenizer sees it: letters, marks and digits, with
// apostrophes only inside ("aujourd'hui").
bool is_single_word(std::string_view word);

}  // namespace storyline::dictionary_words
