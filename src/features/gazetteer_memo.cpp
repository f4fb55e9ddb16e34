#include "features/gazetteer_memo.h"

namespace storyline {

const Place* GazetteerMemo::find(const std::string& folded_name) {
  if (auto it = found_.find(folded_name); it != found_.end()) return it->second;
  if (found_.size() >= kLimit) found_.clear();
  const Place* place = gazetteer_.find(folded_name);
  found_.emplace(folded_name, place);
  return place;
}

std::size_t GazetteerMemo::max_words_from(const std::string& folded_word) {
  if (auto it = spans_.find(folded_word); it != spans_.end()) return it->second;
  if (spans_.size() >= kLimit) spans_.clear();
  const std::size_t span = gazetteer_.max_words_from(folded_word);
  spans_.emplace(folded_word, span);
  return span;
}

}  // namespace storyline
