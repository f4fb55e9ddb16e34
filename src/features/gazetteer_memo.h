// GazetteerMemo: the answers of one Gazetteer, remembered. The entity scan asks the gazetteer
// about every capitalised word and word run of every article, mostly the same few thousand
// strings; the gazetteer's own tables hold millions of names, so each fresh lookup misses the
// cache, while the memo stays small and warm. Not thread-safe: one per EntityExtractor.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "features/gazetteer.h"

namespace storyline {

class GazetteerMemo {
 public:
  explicit GazetteerMemo(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  const Place* find(const std::string& folded_name);
  std::size_t max_words_from(const std::string& folded_word);
  std::size_t max_words() const { return gazetteer_.max_words(); }

 private:
  // Cleared when full: bounded memory, same answers.
  static constexpr std::size_t kLimit = 1 << 16;
  const Gazetteer& gazetteer_;
  std::unordered_map<std::string, const Place*> found_;
  std::unordered_map<std::string, std::size_t> spans_;
};

}  // namespace storyline
