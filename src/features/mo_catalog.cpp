#include "features/mo_catalog.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace storyline {
namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kMagicSwapped = 0xde120495;

std::uint32_t bswap(std::uint32_t v) {
  return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

}  // namespace

bool read_mo_catalog(const std::string& path,
                     const std::function<void(std::string_view, std::string_view)>& visit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::vector<char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.size() < 28) return false;

  auto u32 = [&](std::size_t off, bool swap, bool& ok) -> std::uint32_t {
    if (off + 4 > data.size()) { ok = false; return 0; }
    std::uint32_t v;
    std::memcpy(&v, data.data() + off, 4);
    return swap ? bswap(v) : v;
  };
  bool ok = true;
  std::uint32_t magic = u32(0, false, ok);
  if (magic != kMagic && magic != kMagicSwapped) return false;
  const bool swap = magic == kMagicSwapped;
  const std::uint32_t count = u32(8, swap, ok);
  const std::uint32_t orig_table = u32(12, swap, ok);
  const std::uint32_t trans_table = u32(16, swap, ok);

  // A string descriptor is (length, offset); the bytes must lie inside the file.
  auto string_at = [&](std::uint32_t table, std::uint32_t i, std::string_view& out) {
    std::size_t entry = std::size_t(table) + std::size_t(i) * 8;
    std::uint32_t len = u32(entry, swap, ok), off = u32(entry + 4, swap, ok);
    if (!ok || std::size_t(off) + len > data.size()) return false;
    out = std::string_view(data.data() + off, len);
    return true;
  };
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string_view id, str;
    if (!string_at(orig_table, i, id) || !string_at(trans_table, i, str)) return false;
    if (id.empty() || str.empty()) continue;
    // Plural entries hold NUL-separated forms; the first is the singular.
    id = id.substr(0, id.find('\0'));
    str = str.substr(0, str.find('\0'));
    // A context ("ctx\x04msgid") is not part of the name.
    if (auto eot = id.find('\x04'); eot != std::string_view::npos) id.remove_prefix(eot + 1);
    visit(id, str);
  }
  return true;
}

}  // namespace storyline
