// TermCounts: document frequencies by term id, background and live corpus side by side, in
// one open-addressing table. Term ids are already 64-bit hashes, so a slot is found with a
// multiply and a shift, and one probe sequence serves both counts. This is the hottest lookup
// of the server's write path (every term of every arriving article is weighed with it), where
// a node-based std::unordered_map cost a modulo and a cache miss per table.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "features/profile.h"

namespace storyline {

class TermCounts {
 public:
  struct Counts {
    std::uint32_t background = 0;
    std::uint32_t corpus = 0;
  };

  // Null when the id has no counts.
  const Counts* find(TermId id) const;
  Counts* find(TermId id) { return const_cast<Counts*>(std::as_const(*this).find(id)); }
  // The counts of `id`, inserted as zeros when absent. Valid until the next insert or erase.
  Counts& at(TermId id);
  // Forgets `id` once both of its counts are zero.
  void erase_if_empty(TermId id);

  std::size_t size() const { return size_; }
  template <typename Fn>  // fn(TermId, const Counts&), in table order
  void for_each(Fn fn) const {
    for (const Slot& s : slots_)
      if (s.id != kEmpty) fn(s.id, s.counts);
    if (has_empty_id_) fn(kEmpty, empty_id_counts_);
  }

 private:
  // Slot ids equal to kEmpty mark free slots; the one real term with that id lives aside.
  static constexpr TermId kEmpty = 0;
  struct Slot {
    TermId id = kEmpty;
    Counts counts;
  };
  std::size_t home(TermId id) const {
    return static_cast<std::size_t>((id * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void grow();

  std::vector<Slot> slots_;
  std::size_t size_ = 0;  // ids stored in slots_
  int shift_ = 64;
  bool has_empty_id_ = false;
  Counts empty_id_counts_;
};

}  // namespace storyline
