// BoundedMemo: answers of a pure function of a string, remembered up to a limit. The text
// stages ask the same questions about the same words all day (a name's transliteration, a
// word's stem, whether a word run is a place): a small warm table answers faster than ICU,
// Snowball or a table of millions of names. When full it is cleared, which bounds the memory
// and changes no answer. Not thread-safe: one per owner, like the analysers that own them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document/string_hash.h"

namespace storyline {

template <typename Value>
class BoundedMemo {
 public:
  explicit BoundedMemo(std::size_t limit) : limit_(limit) {}

  // The remembered answer for `key`, or compute() remembered.
  template <typename Compute>
  Value get(std::string_view key, Compute compute) {
    const std::uint64_t hash = string_hash(key);
    if (!slots_.empty())
      for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
        const Slot& s = slots_[i];
        if (s.length == kEmpty) break;
        if (s.hash == hash && key_of(s) == key) return s.value;
      }
    Value value = compute();
    // A long key (a run of digits, a hex blob) is rarely asked for again and would hold its
    // bytes until the next clear.
    if (key.size() <= kMaxKeyBytes) insert(key, hash, value);
    return value;
  }

 private:
  // Open addressing with linear probing, at most half full; keys live in one arena. A lookup
  // is one hash, usually one probe and one key comparison, where a node map also divided by
  // a prime and chased a pointer per probe: the lookups were 8 % of a PUT's CPU.
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  static constexpr std::size_t kMaxKeyBytes = 256;
  static constexpr std::size_t kKeyBytesPerEntry = 32;  // the arena's budget, on average
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0, length = kEmpty;
    Value value{};
  };

  std::string_view key_of(const Slot& s) const { return std::string_view(keys_).substr(s.offset, s.length); }

  void insert(std::string_view key, std::uint64_t hash, const Value& value) {
    if (size_ >= limit_ || keys_.size() + key.size() > limit_ * kKeyBytesPerEntry) clear();
    if (2 * (size_ + 1) > slots_.size()) grow();
    std::size_t i = hash & mask_;
    while (slots_[i].length != kEmpty) i = (i + 1) & mask_;
    slots_[i] = {hash, std::uint32_t(keys_.size()), std::uint32_t(key.size()), value};
    keys_.append(key);
    ++size_;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : 2 * old.size(), Slot{});
    mask_ = slots_.size() - 1;
    for (Slot& s : old) {
      if (s.length == kEmpty) continue;
      std::size_t i = s.hash & mask_;
      while (slots_[i].length != kEmpty) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }

  void clear() {
    slots_.clear();
    keys_.clear();
    size_ = 0;
    mask_ = 0;
  }

  std::size_t limit_;
  std::size_t size_ = 0, mask_ = 0;
  std::vector<Slot> slots_;
  std::string keys_;
};

}  // namespace storyline
