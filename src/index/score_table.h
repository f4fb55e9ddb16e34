// ScoreTable: the scores per document while a CandidateIndex query walks its posting lists.
// Open addressing over the document slot; one table is kept and reused from query to query:
// sized for every posting of a query to be a new document, a fresh table cost each query the
// zeroing of up to a few megabytes and a scan of all of it for the few thousand documents
// scored (together an eighth of threading an article in a full server index). Only the cells
// a query used are visited and cleared. Per document the additions run in posting order, as
// they would in any map.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace storyline {

class ScoreTable {
 public:
  using Slot = std::uint32_t;

  // Starts a query that will add at most `documents` distinct documents.
  void begin(std::size_t documents) {
    clear();
    std::size_t capacity = 16;
    while (capacity < 2 * documents) capacity *= 2;
    if (capacity > cells_.size()) cells_.assign(capacity, Cell{});
    mask_ = capacity - 1;  // a small query stays in the front of a table a large one grew
  }
  void add(Slot slot, std::int64_t time, float amount) {
    std::size_t i = (std::size_t(slot) * 0x9E3779B1u) & mask_;
    while (cells_[i].used && cells_[i].slot != slot) i = (i + 1) & mask_;
    Cell& c = cells_[i];
    if (!c.used) {
      c = {slot, 0.0f, time, true};
      used_.push_back(static_cast<std::uint32_t>(i));
    }
    c.score += amount;
  }
  // fn(slot, time, score) for every document scored, in the order they were first added.
  template <typename Fn>
  void for_each(Fn fn) const {
    for (std::uint32_t i : used_) fn(cells_[i].slot, cells_[i].time, cells_[i].score);
  }

 private:
  struct Cell {
    Slot slot = 0;
    float score = 0;
    std::int64_t time = 0;
    bool used = false;
  };
  void clear() {
    for (std::uint32_t i : used_) cells_[i] = Cell{};
    used_.clear();
  }
  std::vector<Cell> cells_;
  std::vector<std::uint32_t> used_;  // cells in use, in the order first used
  std::size_t mask_ = 0;
};

}  // namespace storyline
