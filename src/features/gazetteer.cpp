#include "features/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>

#include <geonames.h>
#include <nlohmann/json.hpp>
#include <unicode/locid.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/udata.h>
#include <unicode/ures.h>

#include "document/analyzer.h"
#include "features/mo_catalog.h"

namespace storyline {

namespace {

constexpr const char* kIsoJson = "/usr/share/iso-codes/json/iso_3166-1.json";
constexpr const char* kLocaleDir = "/usr/share/locale";
// ICU's tree of region display names (the public headers have no macro for it).
constexpr const char* kRegionTree = U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region";
// Official names run to 8 words ("united kingdom of great britain and northern ireland").
constexpr std::size_t kMaxWords = 8;

// Rank of a place when two share a name: countries first, then the larger city. A country
// gets a rank above any population.
std::uint64_t rank(const Place& p) {
  return p.id.starts_with("C:") ? (std::uint64_t{1} << 40) : p.population;
}

std::uint32_t parse_id(std::string_view s) {
  std::uint32_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

}  // namespace

// Everything load_system needs while loading: the ICU folder and the English-name index for
// iso-codes translations. Kept out of the Gazetteer so a loaded one holds only its tables.
class GazetteerLoader {
 public:
  explicit GazetteerLoader(Gazetteer& g) : g_(g) {
    UErrorCode status = U_ZERO_ERROR;
    fold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) fold_ = nullptr;
  }

  // NFKC case fold; ASCII takes a fast path because most names are ASCII and folding ASCII is
  // lower-casing.
  std::string fold(std::string_view s) const {
    if (std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; })) {
      std::string out(s);
      for (char& c : out) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
      return out;
    }
    if (fold_ == nullptr) return std::string(s);
    // UTF-8 in, UTF-8 out: no round trip through UTF-16 strings.
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode status = U_ZERO_ERROR;
    fold_->normalizeUTF8(0, icu::StringPiece(s.data(), int32_t(s.size())), sink, nullptr, status);
    return U_SUCCESS(status) ? out : std::string(s);
  }

  void add(std::string_view name, std::uint32_t index) { g_.add_name(fold(name), index); }

  void load_countries() {
    std::ifstream in(kIsoJson);
    if (!in) return;
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.contains("3166-1")) return;
    for (const auto& c : doc["3166-1"]) {
      std::string code = c.value("alpha_2", "");
      if (code.size() != 2) continue;
      std::string name = c.value("name", "");
      std::string common = c.value("common_name", "");
      std::uint32_t index = g_.add_place({"C:" + code, common.empty() ? name : common, 0, code});
      codes_.push_back({code, index});
      for (const char* field : {"name", "official_name", "common_name"}) {
        std::string v = c.value(field, "");
        if (v.empty()) continue;
        english_[v] = index;
        add(v, index);
      }
    }
    // ICU/CLDR short names in every locale: the names people actually write ("Russland",
    // "Россия", "Vereinigte Staaten"), which iso-codes lacks for some countries. The region
    // tables are read directly: one bundle per locale instead of one lookup per name is what
    // keeps this part of the load at a few milliseconds.
    std::unordered_map<std::string, std::uint32_t> by_code(codes_.begin(), codes_.end());
    int32_t n_locales = 0;
    const icu::Locale* locales = icu::Locale::getAvailableLocales(n_locales);
    for (int32_t i = 0; i < n_locales; ++i) {
      // Regional variants ("de_AT") repeat their language's names; scripts ("sr_Latn") don't.
      if (locales[i].getCountry()[0] != '\0') continue;
      UErrorCode status = U_ZERO_ERROR;
      UResourceBundle* bundle = ures_openDirect(kRegionTree, locales[i].getName(), &status);
      UResourceBundle* table = ures_getByKey(bundle, "Countries", nullptr, &status);
      while (U_SUCCESS(status) && ures_hasNext(table)) {
        const char* key = nullptr;
        int32_t len = 0;
        const UChar* name = ures_getNextString(table, &len, &key, &status);
        if (U_FAILURE(status) || key == nullptr) break;
        // Keys are "DE", or "GB%short" / "CZ%variant" for alternative names.
        std::string_view code(key);
        code = code.substr(0, code.find('%'));
        auto it = by_code.find(std::string(code));
        if (it == by_code.end()) continue;
        std::string s;
        icu::UnicodeString(false, name, len).toUTF8String(s);
        add(s, it->second);
      }
      ures_close(table);
      ures_close(bundle);
    }
    // iso-codes translations of the ISO names, official names included.
    for_each_catalog("iso_3166-1.mo", [&](std::string_view id, std::string_view str) {
      auto it = english_.find(std::string(id));
      if (it != english_.end()) add(str, it->second);
    });
    // Abbreviations and short forms that neither source has but the press uses.
    const std::pair<const char*, const char*> aliases[] = {
        {"US", "u s"}, {"US", "us"}, {"US", "usa"}, {"US", "u s a"}, {"US", "america"},
        {"GB", "uk"}, {"GB", "u k"}, {"GB", "britain"}, {"GB", "great britain"},
        {"AE", "uae"}, {"NL", "holland"}, {"CZ", "czech republic"}, {"TR", "turkey"}};
    for (const auto& [code, alias] : aliases) {
      auto it = g_.by_id_.find(std::string("C:") + code);
      if (it != g_.by_id_.end()) g_.add_name(alias, it->second, /*allow_short=*/true);
    }
  }

  void load_cities() {
    const gint n = geonames_get_n_cities();
    // (geonameid, place index), sorted: 24k pairs fit in cache, unlike a node-based map,
    // and the catalogs below probe it over a million times.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_geonameid;
    by_geonameid.reserve(std::size_t(std::max(n, 0)));
    for (gint i = 0; i < n; ++i) {
      GeonamesCity* city = geonames_get_city(i);
      if (city == nullptr) continue;
      // The documented API has no geonameid, which the translation catalogs are keyed by;
      // the record is a GVariant "(sssssssudd)" whose first field is that id.
      if (g_variant_is_of_type(city, G_VARIANT_TYPE("(sssssssudd)"))) {
        const gchar *id = nullptr, *name = nullptr, *code = nullptr;
        guint32 population = 0;
        g_variant_get(city, "(&s&s&s&s&s&s&sudd)", &id, &name, nullptr, nullptr, &code,
                      nullptr, nullptr, &population, nullptr, nullptr);
        std::uint32_t index = g_.add_place({std::string("G:") + id, name, population, code});
        by_geonameid.emplace_back(parse_id(id), index);
        add(name, index);
      }
      geonames_city_free(city);
    }
    std::sort(by_geonameid.begin(), by_geonameid.end());
    for_each_catalog("geonames.mo", [&](std::string_view id, std::string_view str) {
      std::uint32_t key = parse_id(id);
      auto it = std::lower_bound(by_geonameid.begin(), by_geonameid.end(),
                                 std::make_pair(key, std::uint32_t{0}));
      if (it == by_geonameid.end() || it->first != key) return;
      // Most locales repeat the English name; skipping those saves a hash probe each.
      if (str != g_.places_[it->second].name_en) add(str, it->second);
    });
  }

 private:
  template <typename Visit>
  void for_each_catalog(const std::string& file, Visit visit) {
    std::error_code ec;
    for (const auto& dir : std::filesystem::directory_iterator(kLocaleDir, ec)) {
      std::string path = dir.path().string() + "/LC_MESSAGES/" + file;
      if (std::filesystem::exists(path, ec)) read_mo_catalog(path, visit);
    }
  }

  Gazetteer& g_;
  const icu::Normalizer2* fold_ = nullptr;
  std::vector<std::pair<std::string, std::uint32_t>> codes_;
  std::unordered_map<std::string, std::uint32_t> english_;
};

Gazetteer Gazetteer::load_system() {
  Gazetteer g;
  GazetteerLoader loader(g);
  loader.load_countries();
  loader.load_cities();
  return g;
}

Gazetteer Gazetteer::from_entries(const std::vector<std::pair<std::string, Place>>& entries) {
  Gazetteer g;
  for (const auto& [name, place] : entries) {
    auto it = g.by_id_.find(place.id);
    std::uint32_t index = it != g.by_id_.end() ? it->second : g.add_place(place);
    g.add_name(name, index, /*allow_short=*/true);  // explicit entries are trusted
  }
  return g;
}

std::uint32_t Gazetteer::add_place(Place place) {
  auto [it, inserted] = by_id_.emplace(place.id, std::uint32_t(places_.size()));
  if (inserted) places_.push_back(std::move(place));
  return it->second;
}

void Gazetteer::add_name(std::string_view folded, std::uint32_t index, bool allow_short) {
  std::string key = canonical(folded);
  // One- and two-byte names ("ny", "uk") and single characters ("京") are mostly
  // abbreviations that collide with words; only hand-picked aliases may be that short.
  if (key.empty() || (!allow_short && (key.size() < 3 || utf8_length(key) < 2))) return;
  std::size_t words = std::size_t(std::count(key.begin(), key.end(), ' ')) + 1;
  if (words > kMaxWords) return;
  if (words > 1) {
    std::uint8_t& span = span_by_first_word_[std::string_view(key).substr(0, key.find(' '))];
    span = std::max<std::uint8_t>(span, std::uint8_t(words));
  }
  const std::size_t names_before = by_name_.size();
  std::uint32_t& holder = by_name_[key];
  if (by_name_.size() > names_before || rank(places_[index]) > rank(places_[holder])) holder = index;
  max_words_ = std::max(max_words_, words);
}

std::string Gazetteer::canonical(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool sep = false;
    std::size_t skip = 0;
    if (c < 0x80) {
      sep = !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'));
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      // U+2010..U+2019 (hyphens, dashes, curly apostrophes) separate like their ASCII kin.
      unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
      if (c2 >= 0x90 && c2 <= 0x99) { sep = true; skip = 2; }
    }
    if (sep) {
      pending_space = !out.empty();
      i += skip;
      continue;
    }
    if (pending_space) { out += ' '; pending_space = false; }
    out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : char(c);
  }
  return out;
}

std::size_t Gazetteer::max_words_from(std::string_view folded_word) const {
  std::string key = canonical(folded_word);
  const std::uint8_t* span = span_by_first_word_.find(std::string_view(key).substr(0, key.find(' ')));
  return span ? *span : 1;
}

const Place* Gazetteer::find(std::string_view folded_name) const {
  const std::uint32_t* index = by_name_.find(canonical(folded_name));
  return index ? &places_[*index] : nullptr;
}

std::size_t Gazetteer::memory_bytes() const {
  // Strings beyond the small-string buffer own a heap block; hash nodes hold key + value +
  // next pointer + cached hash; buckets are one pointer each. The name tables count their own.
  auto heap = [](const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };
  std::size_t bytes = places_.capacity() * sizeof(Place);
  for (const Place& p : places_) bytes += heap(p.id) + heap(p.name_en) + heap(p.country);
  auto table = [&](const auto& map) {
    std::size_t b = map.bucket_count() * sizeof(void*);
    for (const auto& [k, v] : map)
      b += sizeof(std::string) + sizeof(v) + 2 * sizeof(void*) + heap(k);
    return b;
  };
  return bytes + by_name_.memory_bytes() + table(by_id_) + span_by_first_word_.memory_bytes();
}

}  // namespace storyline
