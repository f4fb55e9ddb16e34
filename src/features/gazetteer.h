// Gazetteer: place names of every language the system knows, folded, mapped to one id per
// place, so "Deutschland", "Allemagne", "Германия" and "ألمانيا" all resolve to "C:DE".
//
// Sources, all Debian packages already on the system:
//  - countries: ICU/CLDR region display names in every ICU locale (the short names people
//    write: "Russland", "Россия") plus iso-codes' ISO 3166-1 names and official names with
//    their gettext translations ("Russische Föderation");
//  - cities: libgeonames (~24k cities with population) and its gettext catalogs, whose
//    msgids are geonameids, for translated city names ("Moskau", "Москва", "موسكو").
// A loaded Gazetteer is immutable and can be shared by reference between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/word_set.h"

namespace storyline {

struct Place {
  std::string id;       // "C:DE" for a country (ISO 3166-1 alpha-2), "G:524901" for a city
  std::string name_en;  // English name, for display
  std::uint32_t population = 0;  // 0 for countries (they outrank every city anyway)
  std::string country;  // ISO alpha-2 of the country holding a city; own code for a country
};

class Gazetteer {
 public:
  // Countries in every locale and geonames cities with their translations.
  static Gazetteer load_system();

  // A gazetteer of the given names only (tests, tools). Later names never replace earlier.
  static Gazetteer from_entries(const std::vector<std::pair<std::string, Place>>& entries);

  // `folded_name` is NFKC case-folded text; words may be separated by spaces or hyphens
  // ("new york", "vereinigte staaten", "rostov-on-don"). Null when unknown.
  const Place* find(std::string_view folded_name) const;

  std::size_t max_words() const { return max_words_; }
  // The most words of a name that begins with this (folded) word; 1 when no longer name
  // does. Lets a scan skip building word runs that cannot be names.
  std::size_t max_words_from(std::string_view folded_word) const;
  std::size_t size() const { return by_name_.size(); }      // number of names
  std::size_t place_count() const { return places_.size(); }
  std::size_t memory_bytes() const;                          // estimate of owned heap

  // The key form used internally: lower-case runs of letters/digits joined by one space.
  // Input must already be folded; this only canonicalises separators and punctuation.
  static std::string canonical(std::string_view folded_name);

 private:
  // Adds `folded` for place index `index`; a name already taken by a place of higher rank
  // (country over city, larger city over smaller) keeps its place.
  void add_name(std::string_view folded, std::uint32_t index, bool allow_short = false);
  std::uint32_t add_place(Place place);

  std::vector<Place> places_;
  // Names (and first words) in open-addressing tables over one key arena: a lookup allocates
  // nothing and mostly costs one probe, where a node map chased a pointer into a table of
  // 170k names (GazetteerMemo's misses, one per new word run, went there).
  WordMap<std::uint32_t> by_name_;
  std::unordered_map<std::string, std::uint32_t> by_id_;
  WordMap<std::uint8_t> span_by_first_word_;  // first word -> most words
  std::size_t max_words_ = 0;
  friend class GazetteerLoader;
};

}  // namespace storyline
