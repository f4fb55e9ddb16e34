// BoundedMemo: answers of a pure function of a string, remembered up to a limit. The text
// stages ask the same questions about the same words all day (a name's transliteration, a
// word's stem, whether a word run is a place): a small warm table answers faster than ICU,
// Snowball or a table of millions of names. When full it is cleared, which bounds the memory
// and changes no answer. Not thread-safe: one per owner, like the analysers that own them.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace storyline {

template <typename Value>
class BoundedMemo {
 public:
  explicit BoundedMemo(std::size_t limit) : limit_(limit) {}

  // The remembered answer for `key`, or compute() remembered.
  template <typename Compute>
  Value get(std::string_view key, Compute compute) {
    if (auto it = seen_.find(key); it != seen_.end()) return it->second;
    if (seen_.size() >= limit_) seen_.clear();
    Value value = compute();
    seen_.emplace(std::string(key), value);
    return value;
  }

 private:
  // Transparent hashing: lookups take the key as a view, without making a string.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::size_t limit_;
  std::unordered_map<std::string, Value, Hash, std::equal_to<>> seen_;
};

}  // namespace storyline
