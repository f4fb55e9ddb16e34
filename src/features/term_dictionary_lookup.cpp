// The lookup side of TermDictionary: the hashed row table built once per language at load,
// and the queries, which read it only (thread-safe).
#include <stdexcept>

#include "document/string_hash.h"
#include "features/term_dictionary.h"

namespace storyline {
namespace {

constexpr std::uint32_t kEmptySlot = 0xFFFFFFFFu;
constexpr std::uint32_t kRowBits = 24;
constexpr std::uint32_t kRowMask = (1u << kRowBits) - 1;

// The 8 hash bits stored beside the row number: not the bits that pick the slot.
std::uint32_t stem_tag(std::uint64_t hash) { return std::uint32_t(hash >> 56) << kRowBits; }

}  // namespace

void TermDictionary::Table::build_slots() {
  if (rows.size() > kRowMask) throw std::runtime_error("dictionary " + lang + ": too many source stems");
  std::size_t size = 16;
  while (size * 2 < rows.size() * 3) size <<= 1;
  slots.assign(size, kEmptySlot);
  const std::size_t mask = size - 1;
  for (std::uint32_t r = 0; r < rows.size(); ++r) {
    const std::uint64_t h = string_hash(std::string_view(source_pool).substr(rows[r].source_offset, rows[r].source_length));
    std::size_t i = h & mask;
    while (slots[i] != kEmptySlot) i = (i + 1) & mask;
    slots[i] = stem_tag(h) | r;
  }
}

const TermDictionary::Row* TermDictionary::Table::find(std::string_view stem) const {
  if (slots.empty()) return nullptr;
  const std::uint64_t h = string_hash(stem);
  const std::uint32_t tag = stem_tag(h);
  const std::size_t mask = slots.size() - 1;
  for (std::size_t i = h & mask; slots[i] != kEmptySlot; i = (i + 1) & mask) {
    if ((slots[i] & ~kRowMask) != tag) continue;
    const Row& row = rows[slots[i] & kRowMask];
    if (std::string_view(source_pool).substr(row.source_offset, row.source_length) == stem) return &row;
  }
  return nullptr;
}

bool TermDictionary::has_language(std::string_view lang) const { return table(lang) != nullptr; }

std::size_t TermDictionary::translate_into(std::string_view lang, std::string_view source_stem,
                                           std::vector<Translation>& out) const {
  const Table* t = table(lang);
  if (!t || source_stem.empty()) return 0;
  const Row* it = t->find(source_stem);
  if (!it) return 0;
  for (std::uint32_t i = 0; i < it->count; ++i) {
    const Candidate& c = t->candidates[it->first + i];
    out.push_back(Translation{english(c.english_id), float(c.weight) / 65535.0f});
  }
  return it->count;
}

std::vector<TermDictionary::Translation> TermDictionary::translate(std::string_view lang,
                                                                   std::string_view source_stem) const {
  std::vector<Translation> out;
  translate_into(lang, source_stem, out);
  return out;
}

std::size_t TermDictionary::memory_bytes() const {
  std::size_t bytes = sizeof(*this) + english_pool_.capacity() + english_offsets_.capacity() * sizeof(std::uint32_t);
  for (const auto& t : tables_)
    bytes += sizeof(Table) + t.lang.capacity() + t.source_pool.capacity() + t.rows.capacity() * sizeof(Row) +
             t.candidates.capacity() * sizeof(Candidate) + t.slots.capacity() * sizeof(std::uint32_t);
  return bytes;
}

}  // namespace storyline
