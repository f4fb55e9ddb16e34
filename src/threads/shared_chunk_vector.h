// SharedChunkVector<T>: a vector whose copies share its elements in chunks of 64, copied on
// write. Copying one costs a pointer per chunk, not a copy of every element; a change to a
// chunk that a copy still shares copies that chunk first.
//
// Why: the server publishes its threads every 200 ms, and each thread that changed is copied
// under the index lock for readers to keep. With std::vector that copied every member of a
// story hundreds strong to add one; now it copies at most the last chunk. (Filling the serve
// bench, copying and describing the changed threads fell from 0.46 to 0.23 ms p50.)
//
// Elements are read through const access only (operator[], iterators), so that reading a
// copy never copies a chunk by accident; they change only through push_back and erase.
// Copies may be read and destroyed on other threads while the original changes: a shared
// chunk is never written.
#pragma once

#include <atomic>
#include <compare>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <vector>

namespace storyline {

template <typename T>
class SharedChunkVector {
 public:
  static constexpr std::size_t kChunk = 64;

  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = const T&;
  using const_reference = const T&;

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using iterator_concept = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    const_iterator() = default;
    const_iterator(const SharedChunkVector* v, std::size_t i) : v_(v), i_(i) {}

    reference operator*() const { return (*v_)[i_]; }
    pointer operator->() const { return &(*v_)[i_]; }
    reference operator[](difference_type n) const { return (*v_)[std::size_t(difference_type(i_) + n)]; }
    const_iterator& operator++() { return ++i_, *this; }
    const_iterator operator++(int) { return {v_, i_++}; }
    const_iterator& operator--() { return --i_, *this; }
    const_iterator operator--(int) { return {v_, i_--}; }
    const_iterator& operator+=(difference_type n) { return i_ = std::size_t(difference_type(i_) + n), *this; }
    const_iterator& operator-=(difference_type n) { return *this += -n; }
    friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
    friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
    friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return difference_type(a.i_) - difference_type(b.i_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.i_ <=> b.i_; }

    std::size_t index() const { return i_; }

   private:
    const SharedChunkVector* v_ = nullptr;
    std::size_t i_ = 0;
  };
  using iterator = const_iterator;

  SharedChunkVector() = default;
  SharedChunkVector(std::initializer_list<T> items) {
    for (const T& item : items) push_back(item);
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](std::size_t i) const { return (*chunks_[i / kChunk])[i % kChunk]; }
  const T& front() const { return (*this)[0]; }
  const T& back() const { return (*this)[size_ - 1]; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }
  const_iterator cbegin() const { return begin(); }
  const_iterator cend() const { return end(); }

  void push_back(T value) {
    if (size_ % kChunk == 0) chunks_.push_back(std::make_shared<Chunk>());
    own(chunks_.size() - 1).push_back(std::move(value));
    ++size_;
  }

  // Removes the element at `pos`; those after it move up, as in std::vector (O(size - pos)).
  const_iterator erase(const_iterator pos) {
    const std::size_t at = pos.index();
    for (std::size_t c = at / kChunk; c < chunks_.size(); ++c) own(c);
    for (std::size_t i = at; i + 1 < size_; ++i)
      (*chunks_[i / kChunk])[i % kChunk] = std::move((*chunks_[(i + 1) / kChunk])[(i + 1) % kChunk]);
    chunks_.back()->pop_back();
    if (--size_ % kChunk == 0) chunks_.pop_back();
    return {this, at};
  }

  void clear() {
    chunks_.clear();
    size_ = 0;
  }

 private:
  using Chunk = std::vector<T>;

  // Chunk `c`, made this vector's own to write: copied first when a copy shares it.
  Chunk& own(std::size_t c) {
    std::shared_ptr<Chunk>& chunk = chunks_[c];
    if (chunk.use_count() > 1) {
      chunk = std::make_shared<Chunk>(*chunk);
    } else {
      // A copy on another thread may have just let go of it: its reads of the chunk happen
      // before the release in its count decrement, which this fence pairs with.
      std::atomic_thread_fence(std::memory_order_acquire);
    }
    return *chunk;
  }

  std::vector<std::shared_ptr<Chunk>> chunks_;
  std::size_t size_ = 0;
};

}  // namespace storyline
