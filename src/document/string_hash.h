// string_hash: the hash of the in-memory word tables (StringInterner, WordSet/WordMap,
// BoundedMemo, the dictionary's stem table). Their keys are words and short word runs, hashed
// several times per token; std::hash (Murmur over 8-byte steps with a byte-wise tail) was 7 %
// of analysing an article. This is the wyhash construction: two overlapping loads cover a key
// of up to 16 bytes, and a 64x64->128-bit multiply folds them. Nothing stored depends on it:
// the tables give the same answers whatever the hash, so it may change freely (term ids,
// which are stored, are made elsewhere: features/sparse_vector.h).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace storyline {

namespace string_hash_detail {

inline std::uint64_t fold(std::uint64_t a, std::uint64_t b) {
  const unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}
inline std::uint64_t load64(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline std::uint64_t load32(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

inline constexpr std::uint64_t kSecret0 = 0xa0761d6478bd642full;
inline constexpr std::uint64_t kSecret1 = 0xe7037ed1a0b428dbull;
inline constexpr std::uint64_t kSecret2 = 0x8ebc6af09c88c6e3ull;

}  // namespace string_hash_detail

inline std::uint64_t string_hash(std::string_view key) {
  using namespace string_hash_detail;
  const char* p = key.data();
  const std::size_t n = key.size();
  std::uint64_t seed = kSecret0, a = 0, b = 0;
  if (n <= 16) {
    if (n >= 8) {
      a = load64(p);
      b = load64(p + n - 8);
    } else if (n >= 4) {
      a = load32(p);
      b = load32(p + n - 4);
    } else if (n > 0) {
      const auto byte = [&](std::size_t i) { return std::uint64_t(static_cast<unsigned char>(p[i])); };
      a = (byte(0) << 16) | (byte(n >> 1) << 8) | byte(n - 1);
    }
  } else {
    std::size_t i = 0;
    for (; n - i > 16; i += 16) seed = fold(load64(p + i) ^ kSecret1, load64(p + i + 8) ^ seed);
    a = load64(p + n - 16);
    b = load64(p + n - 8);
  }
  return fold(kSecret1 ^ n, fold(a ^ kSecret1, b ^ seed ^ kSecret2));
}

}  // namespace storyline
