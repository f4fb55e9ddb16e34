#include "index/term_counts.h"

namespace storyline {

const TermCounts::Counts* TermCounts::find(TermId id) const {
  if (id == kEmpty) return has_empty_id_ ? &empty_id_counts_ : nullptr;
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home(id);; i = (i + 1) & mask) {
    if (slots_[i].id == id) return &slots_[i].counts;
    if (slots_[i].id == kEmpty) return nullptr;
  }
}

TermCounts::Counts& TermCounts::at(TermId id) {
  if (id == kEmpty) {
    has_empty_id_ = true;
    return empty_id_counts_;
  }
  // At most half full: short probe sequences, and always a free slot to stop at.
  if (2 * (size_ + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = home(id);
  for (; slots_[i].id != kEmpty; i = (i + 1) & mask)
    if (slots_[i].id == id) return slots_[i].counts;
  slots_[i].id = id;
  slots_[i].counts = {};
  ++size_;
  return slots_[i].counts;
}

void TermCounts::erase_if_empty(TermId id) {
  if (id == kEmpty) {
    if (empty_id_counts_.background == 0 && empty_id_counts_.corpus == 0) has_empty_id_ = false;
    return;
  }
  if (slots_.empty()) return;
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = home(id);
  for (; slots_[i].id != id; i = (i + 1) & mask)
    if (slots_[i].id == kEmpty) return;
  if (slots_[i].counts.background != 0 || slots_[i].counts.corpus != 0) return;
  // Backward-shift deletion: pull later members of the probe run into the hole so that no
  // lookup stops early at it (no tombstones to accumulate in a long-running server).
  for (std::size_t j = (i + 1) & mask; slots_[j].id != kEmpty; j = (j + 1) & mask) {
    const std::size_t k = home(slots_[j].id);
    // Slot j may move to the hole at i unless its home lies cyclically in (i, j].
    const bool stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
    if (stays) continue;
    slots_[i] = slots_[j];
    i = j;
  }
  slots_[i] = Slot{};
  --size_;
}

void TermCounts::grow() {
  std::vector<Slot> old = std::move(slots_);
  const std::size_t capacity = old.empty() ? 1024 : 2 * old.size();
  slots_.assign(capacity, Slot{});
  shift_ = 64;
  for (std::size_t c = capacity; c > 1; c >>= 1) --shift_;
  const std::size_t mask = capacity - 1;
  for (const Slot& s : old) {
    if (s.id == kEmpty) continue;
    std::size_t i = home(s.id);
    while (slots_[i].id != kEmpty) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace storyline
