// WordSet and WordMap: the tables every token is looked up in (stop words, entity and calendar
// vocabulary, per-article word sets). Open addressing over one key arena (StringInterner): a
// lookup by string_view allocates nothing and mostly costs one hash and one probe, where a
// std::unordered_set<std::string> built a string for the key, divided by a prime and chased a
// node per bucket.
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include "document/string_interner.h"

namespace storyline {

class WordSet {
 public:
  WordSet() = default;
  explicit WordSet(std::size_t expected) : words_(expected) {}
  WordSet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) insert(w);
  }
  // Whether the word was new.
  bool insert(std::string_view word) { return words_.intern(word).second; }
  bool contains(std::string_view word) const { return words_.find(word) != kNoString; }
  std::size_t size() const { return words_.size(); }
  bool empty() const { return words_.size() == 0; }
  // The words in the order they were first inserted.
  template <typename F>
  void for_each(F&& f) const {
    for (std::uint32_t i = 0; i < words_.size(); ++i) f(words_.view(i));
  }

 private:
  StringInterner words_;
};

template <typename Value>
class WordMap {
 public:
  WordMap() = default;
  // The value of `word`, default-constructed when it was absent.
  Value& operator[](std::string_view word) {
    const auto [id, inserted] = keys_.intern(word);
    if (inserted) values_.emplace_back();
    return values_[id];
  }
  // Sets `word` to `value` unless it has one; whether it was set.
  bool try_emplace(std::string_view word, Value value) {
    const auto [id, inserted] = keys_.intern(word);
    if (inserted) values_.push_back(std::move(value));
    return inserted;
  }
  const Value* find(std::string_view word) const {
    const std::uint32_t id = keys_.find(word);
    return id == kNoString ? nullptr : &values_[id];
  }
  // The value of a word known to be there (see contains()).
  const Value& at(std::string_view word) const { return values_.at(keys_.find(word)); }
  bool contains(std::string_view word) const { return keys_.find(word) != kNoString; }
  std::size_t size() const { return values_.size(); }
  bool empty() const { return values_.empty(); }
  std::size_t memory_bytes() const { return keys_.memory_bytes() + values_.capacity() * sizeof(Value); }
  // The words in the order they were first inserted.
  template <typename F>
  void for_each_word(F&& f) const {
    for (std::uint32_t i = 0; i < keys_.size(); ++i) f(keys_.view(i));
  }

 private:
  StringInterner keys_;
  std::vector<Value> values_;
};

}  // namespace storyline
