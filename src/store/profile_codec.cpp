#include "store/profile_codec.h"

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace storyline {
namespace {

// 2: prefixes, title prefixes, lede terms and phrases, and years (version 1 lost them).
// 3: numbers without the days of dates ("8 November"): an older blob is not read, so its
// article is profiled again at restore.
// 4: lede bridge terms.
constexpr std::uint8_t kVersion = 4;

// Fixed-width little-endian-as-in-memory values: blobs are read back on the machine (or
// architecture) that wrote them; the version byte guards format changes.
// The term vectors, in the order they are written.
constexpr SparseVector Profile::*kVectors[] = {
    &Profile::title_terms,    &Profile::body_terms, &Profile::bridge_terms, &Profile::name_keys,
    &Profile::prefixes,       &Profile::title_prefixes, &Profile::lede_terms, &Profile::lede_phrases,
    &Profile::lede_bridge_terms};

class Writer {
 public:
  template <typename T>
  void pod(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  void str(std::string_view s) {
    pod(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void vec(const SparseVector& v) {
    pod(static_cast<std::uint32_t>(v.entries.size()));
    for (auto [id, w] : v.entries) {
      pod(id);
      pod(w);
    }
  }
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }

  template <typename T>
  T pod() {
    T value{};
    if (in_.size() < sizeof(T)) {
      ok_ = false;
      in_ = {};
      return value;
    }
    std::memcpy(&value, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return value;
  }
  // A count of items that each take at least `min_item_bytes`: a corrupt count cannot make
  // us reserve gigabytes.
  std::uint32_t count(std::size_t min_item_bytes) {
    auto n = pod<std::uint32_t>();
    if (std::size_t(n) * min_item_bytes > in_.size()) {
      ok_ = false;
      in_ = {};
      return 0;
    }
    return n;
  }
  std::string str() {
    auto n = count(1);
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  SparseVector vec() {
    SparseVector v;
    auto n = count(sizeof(TermId) + sizeof(float));
    v.entries.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      auto id = pod<TermId>();
      v.entries.emplace_back(id, pod<float>());
    }
    return v;
  }
  bool at_end() const { return in_.empty(); }

 private:
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace

std::string encode_profile(const Profile& p) {
  Writer w;
  // About 10 KB for a news article, mostly term vectors and display words: reserved at once
  // rather than grown by doubling (this runs for every PUT).
  std::size_t estimate = 256 + p.id.size() + p.title.size() + p.lede.size() + p.source.size() + p.url.size();
  for (SparseVector Profile::*v : kVectors) estimate += 4 + (p.*v).entries.size() * (sizeof(TermId) + sizeof(float));
  for (const auto& [id, word] : p.display) estimate += sizeof(TermId) + 4 + word.size();
  estimate += 64 * p.entities.size() + 24 * p.numbers.size();
  w.reserve(estimate);
  w.pod(kVersion);
  for (const std::string* s : {&p.id, &p.lang, &p.title, &p.lede, &p.source, &p.url}) w.str(*s);
  w.pod<std::uint8_t>(p.published.has_value());
  w.pod<std::int64_t>(p.published.value_or(0));
  for (SparseVector Profile::*v : kVectors) w.vec(p.*v);
  w.pod(static_cast<std::uint32_t>(p.entities.size()));
  for (const ProfileEntity& e : p.entities) {
    w.str(e.key);
    w.pod(static_cast<std::uint8_t>(e.kind));
    w.pod(static_cast<std::uint32_t>(e.surfaces.size()));
    for (const std::string& s : e.surfaces) w.str(s);
    w.str(e.role);
    w.pod(e.count);
    w.pod<std::uint8_t>(e.in_title);
  }
  for (const auto* days : {&p.mentioned_days, &p.mentioned_months, &p.years}) {
    w.pod(static_cast<std::uint32_t>(days->size()));
    for (std::int32_t d : *days) w.pod(d);
  }
  w.pod(static_cast<std::uint32_t>(p.numbers.size()));
  for (const CountedNumber& n : p.numbers) {
    w.pod(n.value);
    w.str(n.counted);
  }
  w.pod(p.token_count);
  w.pod(static_cast<std::uint32_t>(p.display.size()));
  for (const auto& [id, word] : p.display) {
    w.pod(id);
    w.str(word);
  }
  return w.take();
}

std::optional<Profile> decode_profile(std::string_view bytes) {
  Reader r(bytes);
  if (r.pod<std::uint8_t>() != kVersion) return std::nullopt;
  Profile p;
  for (std::string* s : {&p.id, &p.lang, &p.title, &p.lede, &p.source, &p.url}) *s = r.str();
  const bool has_published = r.pod<std::uint8_t>() != 0;
  const auto published = r.pod<std::int64_t>();
  if (has_published) p.published = published;
  for (SparseVector Profile::*v : kVectors) p.*v = r.vec();
  const auto entities = r.count(16);
  for (std::uint32_t i = 0; i < entities && r.ok(); ++i) {
    ProfileEntity e;
    e.key = r.str();
    const auto kind = r.pod<std::uint8_t>();
    if (kind > static_cast<std::uint8_t>(EntityKind::Other)) return std::nullopt;
    e.kind = static_cast<EntityKind>(kind);
    const auto surfaces = r.count(4);
    for (std::uint32_t k = 0; k < surfaces; ++k) e.surfaces.push_back(r.str());
    e.role = r.str();
    e.count = r.pod<std::uint32_t>();
    e.in_title = r.pod<std::uint8_t>() != 0;
    p.entities.push_back(std::move(e));
  }
  for (auto* days : {&p.mentioned_days, &p.mentioned_months, &p.years}) {
    const auto n = r.count(4);
    for (std::uint32_t i = 0; i < n; ++i) days->push_back(r.pod<std::int32_t>());
  }
  const auto numbers = r.count(12);
  for (std::uint32_t i = 0; i < numbers; ++i) {
    CountedNumber n;
    n.value = r.pod<double>();
    n.counted = r.str();
    p.numbers.push_back(std::move(n));
  }
  p.token_count = r.pod<std::uint32_t>();
  const auto display = r.count(12);
  p.display.reserve(display);
  for (std::uint32_t i = 0; i < display; ++i) {
    auto id = r.pod<TermId>();
    p.display.emplace_back(id, r.str());
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return p;
}

}  // namespace storyline
