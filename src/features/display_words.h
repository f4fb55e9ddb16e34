// DisplayWords: a readable word for each term id of a profile, for explanations ("shared:
// griner, lavrov"). Sorted by id, ids unique; the words lie back to back in one string. A
// vector of (id, std::string) pairs took 40 bytes an entry before the word itself: a news
// article's 205 words were 8.2 KB of the server's ~21 KB of memory per article, against
// 3.8 KB this way.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "features/sparse_vector.h"

namespace storyline {

class DisplayWords {
 public:
  using value_type = std::pair<TermId, std::string_view>;

  DisplayWords() = default;
  DisplayWords(std::initializer_list<value_type> entries) { assign(entries.begin(), entries.end()); }

  // From (id, word) entries in increasing id order; false (and nothing kept) when an id does
  // not exceed the one before: a decoder's input may be damaged.
  template <typename It>
  bool assign(It first, It last) {
    clear();
    for (; first != last; ++first)
      if (!push_back(first->first, first->second)) {
        clear();
        return false;
      }
    shrink_to_fit();
    return true;
  }

  // Appends an entry; false (and nothing appended) unless `id` exceeds the last id.
  bool push_back(TermId id, std::string_view word) {
    if (!ids_.empty() && id <= ids_.back()) return false;
    ids_.push_back(id);
    words_.append(word);
    ends_.push_back(static_cast<std::uint32_t>(words_.size()));
    return true;
  }
  void reserve(std::size_t entries, std::size_t word_bytes) {
    ids_.reserve(entries);
    ends_.reserve(entries);
    words_.reserve(word_bytes);
  }
  // Gives back what reserve() or growth left unused: profiles live as long as their articles.
  void shrink_to_fit() {
    ids_.shrink_to_fit();
    ends_.shrink_to_fit();
    words_.shrink_to_fit();
  }
  void clear() {
    ids_.clear();
    ends_.clear();
    words_.clear();
  }

  std::size_t size() const { return ids_.size(); }
  bool empty() const { return ids_.empty(); }
  TermId id(std::size_t i) const { return ids_[i]; }
  std::string_view word(std::size_t i) const {
    const std::uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(words_).substr(begin, ends_[i] - begin);
  }
  value_type operator[](std::size_t i) const { return {ids_[i], word(i)}; }

  // The word of `id`, or "" when the profile kept none.
  std::string_view find(TermId id) const {
    const auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    return it != ids_.end() && *it == id ? word(std::size_t(it - ids_.begin())) : std::string_view();
  }

  std::size_t memory_bytes() const {
    return ids_.capacity() * sizeof(TermId) + ends_.capacity() * sizeof(std::uint32_t) +
           (words_.capacity() > 15 ? words_.capacity() + 1 : 0);
  }

  bool operator==(const DisplayWords& other) const {
    return ids_ == other.ids_ && ends_ == other.ends_ && words_ == other.words_;
  }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = DisplayWords::value_type;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = value_type;
    const_iterator() = default;
    const_iterator(const DisplayWords* words, std::size_t i) : words_(words), i_(i) {}
    value_type operator*() const { return (*words_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++i_;
      return before;
    }
    bool operator==(const const_iterator& other) const { return i_ == other.i_; }

   private:
    const DisplayWords* words_ = nullptr;
    std::size_t i_ = 0;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

 private:
  std::vector<TermId> ids_;
  std::vector<std::uint32_t> ends_;  // where each word ends in words_
  std::string words_;
};

}  // namespace storyline
