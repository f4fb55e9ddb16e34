#include "store/profile_codec.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace storyline {
namespace {

// 2: prefixes, title prefixes, lede terms and phrases, and years (version 1 lost them).
// 3: numbers without the days of dates ("8 November"): an older blob is not read, so its
// article is profiled again at restore.
// 4: lede bridge terms.
// 5: compact: variable-length counts, whole-number weights in one byte, and display words
// keyed by where their term sits in the vectors (a third smaller; the display words were
// 40 % of a version 4 blob). Version 4 blobs are still read.
constexpr std::uint8_t kVersion = 5;
constexpr std::uint8_t kFixedWidthVersion = 4;

// Fixed-width values as in memory: blobs are read back on the machine (or architecture) that
// wrote them; the version byte guards format changes.
// The term vectors, in the order they are written.
constexpr SparseVector Profile::*kVectors[] = {
    &Profile::title_terms,    &Profile::body_terms, &Profile::bridge_terms, &Profile::name_keys,
    &Profile::prefixes,       &Profile::title_prefixes, &Profile::lede_terms, &Profile::lede_phrases,
    &Profile::lede_bridge_terms};

// A weight byte: 0..254 is that whole number (counts, mostly), 255 says a float follows.
constexpr std::uint8_t kFloatFollows = 255;

// The vectors whose terms the Profiler keeps words for (stems, name keys, English stems): the
// first four of kVectors.
constexpr std::size_t kDisplayedVectors = 4;

// Where each display word's term first sits among the entries of those vectors, counted through
// them in order, plus one (0: in none). Both sides are sorted by id: one merge per vector.
std::vector<std::uint64_t> display_positions(const Profile& p) {
  std::vector<std::uint64_t> at(p.display.size(), 0);
  std::uint64_t offset = 0;
  for (std::size_t k = 0; k < kDisplayedVectors; ++k) {
    SparseVector Profile::*v = kVectors[k];
    const auto& entries = (p.*v).entries;
    std::size_t e = 0;
    for (std::size_t d = 0; d < p.display.size() && e < entries.size(); ++d) {
      while (e < entries.size() && entries[e].first < p.display.id(d)) ++e;
      if (e < entries.size() && at[d] == 0 && entries[e].first == p.display.id(d)) at[d] = offset + e + 1;
    }
    offset += entries.size();
  }
  return at;
}

// The ids of the displayed vectors' entries, in order: what display_positions() counts.
std::vector<TermId> entry_ids(const Profile& p) {
  std::vector<TermId> ids;
  for (std::size_t k = 0; k < kDisplayedVectors; ++k)
    for (const auto& entry : (p.*kVectors[k]).entries) ids.push_back(entry.first);
  return ids;
}

class Writer {
 public:
  template <typename T>
  void pod(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  void varint(std::uint64_t value) {
    for (; value >= 0x80; value >>= 7) out_.push_back(static_cast<char>((value & 0x7F) | 0x80));
    out_.push_back(static_cast<char>(value));
  }
  void str(std::string_view s) {
    varint(s.size());
    out_.append(s);
  }
  void weight(float w) {
    if (w >= 0 && w < kFloatFollows) {  // false for NaN
      const auto byte = static_cast<std::uint8_t>(w);
      if (std::bit_cast<std::uint32_t>(float(byte)) == std::bit_cast<std::uint32_t>(w)) {
        pod(byte);  // a whole number that reads back bit-identical (so never -0.0)
        return;
      }
    }
    pod(kFloatFollows);
    pod(w);
  }
  void vec(const SparseVector& v) {
    varint(v.entries.size());
    for (auto [id, w] : v.entries) {
      pod(id);
      weight(w);
    }
  }
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads either version: `fixed_width` for version 4 (32-bit counts, float weights, display
// words with their ids).
class Reader {
 public:
  Reader(std::string_view in, bool fixed_width) : in_(in), fixed_width_(fixed_width) {}
  bool ok() const { return ok_; }
  bool fixed_width() const { return fixed_width_; }

  template <typename T>
  T pod() {
    T value{};
    if (in_.size() < sizeof(T)) return fail(value);
    std::memcpy(&value, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return value;
  }
  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) return fail(value);
      const auto byte = static_cast<std::uint8_t>(in_.front());
      in_.remove_prefix(1);
      value |= std::uint64_t(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return value;
    }
    return fail(value);
  }
  // A count of items that each take at least `min_item_bytes`: a corrupt count cannot make
  // us reserve gigabytes.
  std::uint32_t count(std::size_t min_item_bytes) {
    const std::uint64_t n = fixed_width_ ? pod<std::uint32_t>() : varint();
    if (n > in_.size() / std::max<std::size_t>(min_item_bytes, 1)) return fail(std::uint32_t(0));
    return std::uint32_t(n);
  }
  std::uint32_t number() { return fixed_width_ ? pod<std::uint32_t>() : std::uint32_t(varint()); }
  std::string str() {
    auto n = count(1);
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  float weight() {
    if (fixed_width_) return pod<float>();
    const auto byte = pod<std::uint8_t>();
    return byte == kFloatFollows ? pod<float>() : float(byte);
  }
  SparseVector vec() {
    SparseVector v;
    auto n = count(sizeof(TermId) + 1);
    v.entries.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      auto id = pod<TermId>();
      v.entries.emplace_back(id, weight());
    }
    return v;
  }
  bool at_end() const { return in_.empty(); }

 private:
  template <typename T>
  T fail(T value) {
    ok_ = false;
    in_ = {};
    return value;
  }
  std::string_view in_;
  bool fixed_width_;
  bool ok_ = true;
};

}  // namespace

std::string encode_profile(const Profile& p) {
  Writer w;
  // About 6 KB for a news article, mostly term vectors and display words: reserved at once
  // rather than grown by doubling (this runs for every PUT).
  std::size_t estimate = 256 + p.id.size() + p.title.size() + p.lede.size() + p.source.size() + p.url.size();
  for (SparseVector Profile::*v : kVectors) estimate += 2 + (p.*v).entries.size() * (sizeof(TermId) + 1);
  for (const auto& [id, word] : p.display) estimate += 4 + word.size();
  estimate += 64 * p.entities.size() + 24 * p.numbers.size();
  w.reserve(estimate);
  w.pod(kVersion);
  for (const std::string* s : {&p.id, &p.lang, &p.title, &p.lede, &p.source, &p.url}) w.str(*s);
  w.pod<std::uint8_t>(p.published.has_value());
  w.pod<std::int64_t>(p.published.value_or(0));
  for (SparseVector Profile::*v : kVectors) w.vec(p.*v);
  w.varint(p.entities.size());
  for (const ProfileEntity& e : p.entities) {
    w.str(e.key);
    w.pod(static_cast<std::uint8_t>(e.kind));
    w.varint(e.surfaces.size());
    for (const std::string& s : e.surfaces) w.str(s);
    w.str(e.role);
    w.varint(e.count);
    w.pod<std::uint8_t>(e.in_title);
  }
  for (const auto* days : {&p.mentioned_days, &p.mentioned_months, &p.years}) {
    w.varint(days->size());
    for (std::int32_t d : *days) w.pod(d);
  }
  w.varint(p.numbers.size());
  for (const CountedNumber& n : p.numbers) {
    w.pod(n.value);
    w.str(n.counted);
  }
  w.varint(p.token_count);
  // Each word's position among the vector entries, or 0 and the id of a term in no vector.
  const std::vector<std::uint64_t> positions = display_positions(p);
  w.varint(p.display.size());
  for (std::size_t d = 0; d < p.display.size(); ++d) {
    w.varint(positions[d]);
    if (positions[d] == 0) w.pod(p.display.id(d));
    w.str(p.display.word(d));
  }
  return w.take();
}

std::optional<Profile> decode_profile(std::string_view bytes) {
  if (bytes.empty() || (bytes[0] != char(kVersion) && bytes[0] != char(kFixedWidthVersion))) return std::nullopt;
  Reader r(bytes.substr(1), bytes[0] == char(kFixedWidthVersion));
  Profile p;
  for (std::string* s : {&p.id, &p.lang, &p.title, &p.lede, &p.source, &p.url}) *s = r.str();
  const bool has_published = r.pod<std::uint8_t>() != 0;
  const auto published = r.pod<std::int64_t>();
  if (has_published) p.published = published;
  for (SparseVector Profile::*v : kVectors) p.*v = r.vec();
  const auto entities = r.count(5);
  for (std::uint32_t i = 0; i < entities && r.ok(); ++i) {
    ProfileEntity e;
    e.key = r.str();
    const auto kind = r.pod<std::uint8_t>();
    if (kind > static_cast<std::uint8_t>(EntityKind::Other)) return std::nullopt;
    e.kind = static_cast<EntityKind>(kind);
    const auto surfaces = r.count(1);
    for (std::uint32_t k = 0; k < surfaces; ++k) e.surfaces.push_back(r.str());
    e.role = r.str();
    e.count = r.number();
    e.in_title = r.pod<std::uint8_t>() != 0;
    p.entities.push_back(std::move(e));
  }
  for (auto* days : {&p.mentioned_days, &p.mentioned_months, &p.years}) {
    const auto n = r.count(4);
    for (std::uint32_t i = 0; i < n; ++i) days->push_back(r.pod<std::int32_t>());
  }
  const auto numbers = r.count(9);
  for (std::uint32_t i = 0; i < numbers; ++i) {
    CountedNumber n;
    n.value = r.pod<double>();
    n.counted = r.str();
    p.numbers.push_back(std::move(n));
  }
  p.token_count = r.number();
  const auto display = r.count(2);
  p.display.reserve(display, 0);
  const std::vector<TermId> ids = r.fixed_width() ? std::vector<TermId>() : entry_ids(p);
  for (std::uint32_t i = 0; i < display && r.ok(); ++i) {
    TermId id = 0;
    if (r.fixed_width()) {
      id = r.pod<TermId>();
    } else if (const std::uint64_t position = r.varint(); position == 0) {
      id = r.pod<TermId>();
    } else if (position <= ids.size()) {
      id = ids[position - 1];
    } else {
      return std::nullopt;
    }
    // Ids out of order (the encoder writes them sorted): a damaged blob, whose words a
    // binary search would miss.
    if (!p.display.push_back(id, r.str())) return std::nullopt;
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  p.display.shrink_to_fit();
  return p;
}

}  // namespace storyline
