// StringInterner: open-addressing string interner. Ids are dense insertion indices and the
// keys live back to back in one arena: loading a dictionary interns hundreds of thousands of
// words, and a node-based std::unordered_map spent most of the German load in cache misses.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document/string_hash.h"

namespace storyline {

inline constexpr std::uint32_t kNoString = 0xFFFFFFFFu;  // find(): not interned

class StringInterner {
 public:
  StringInterner() { reset(1024); }
  explicit StringInterner(std::size_t expected) { reset(expected); }

  void reset(std::size_t expected) {
    std::size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    slots_.assign(cap, Slot{0, kNoString});
    arena_.clear();
    offsets_.assign(1, 0);
  }
  std::size_t size() const { return offsets_.size() - 1; }
  std::size_t memory_bytes() const {
    return slots_.capacity() * sizeof(Slot) + arena_.capacity() + offsets_.capacity() * sizeof(std::uint32_t);
  }
  std::string_view view(std::uint32_t id) const {
    return std::string_view(arena_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  std::uint32_t find(std::string_view key) const {
    const std::uint64_t h = hash(key);
    return slots_[probe(key, h)].id;
  }
  // (id, inserted)
  std::pair<std::uint32_t, bool> intern(std::string_view key) {
    const std::uint64_t h = hash(key);
    std::size_t i = probe(key, h);
    if (slots_[i].id != kNoString) return {slots_[i].id, false};
    const auto id = static_cast<std::uint32_t>(size());
    arena_.append(key);
    offsets_.push_back(static_cast<std::uint32_t>(arena_.size()));
    slots_[i] = Slot{static_cast<std::uint32_t>(h >> 32), id};
    if (size() * 2 > slots_.size()) grow();
    return {id, true};
  }

 private:
  struct Slot {
    std::uint32_t tag;  // high hash bits
    std::uint32_t id;   // kNoString: empty
  };
  static std::uint64_t hash(std::string_view key) { return string_hash(key); }
  std::size_t probe(std::string_view key, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.id == kNoString || (s.tag == tag && view(s.id) == key)) return i;
    }
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{0, kNoString});
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.id == kNoString) continue;
      std::size_t i = hash(view(s.id)) & mask;
      while (slots_[i].id != kNoString) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  std::string arena_;
  std::vector<std::uint32_t> offsets_;
};

}  // namespace storyline
