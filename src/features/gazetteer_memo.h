// GazetteerMemo: the answers of one Gazetteer, remembered. The entity scan asks the gazetteer
// about every capitalised word and word run of every article, mostly the same few thousand
// strings; the gazetteer's own tables hold millions of names, so each fresh lookup misses the
// cache, while the memo stays small and warm. Not thread-safe: one per EntityExtractor.
#pragma once

#include <string_view>

#include "document/bounded_memo.h"
#include "features/gazetteer.h"

namespace storyline {

class GazetteerMemo {
 public:
  explicit GazetteerMemo(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  const Place* find(std::string_view folded_name) {
    return found_.get(folded_name, [&] { return gazetteer_.find(folded_name); });
  }
  std::size_t max_words_from(std::string_view folded_word) {
    return spans_.get(folded_word, [&] { return gazetteer_.max_words_from(folded_word); });
  }
  std::size_t max_words() const { return gazetteer_.max_words(); }

 private:
  const Gazetteer& gazetteer_;
  BoundedMemo<const Place*> found_{1 << 16};
  BoundedMemo<std::size_t> spans_{1 << 16};
};

}  // namespace storyline
