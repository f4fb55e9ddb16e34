// A Profile is everything the comparison and threading stages need to know about one
// article, computed once: weighted term bags, entities with their match keys and surface
// forms, mentioned dates and counted numbers. Profiles hold raw counts; inverse document
// frequencies are applied at comparison time, because they change as a corpus grows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/display_words.h"
#include "features/entities.h"
#include "features/sparse_vector.h"

namespace storyline {

struct ProfileEntity {
  std::string key;                    // cross-document, cross-script match key
  EntityKind kind = EntityKind::Other;
  std::vector<std::string> surfaces;  // every distinct spelling used in this article
  std::string role;                   // a title seen with it ("Secretary of State"), if any
  std::uint32_t count = 0;
  bool in_title = false;
};

struct CountedNumber {
  double value = 0;
  std::string counted;  // stem of the counted word, "" when none; day_of_month_key() for a date
};

// `counted` of a day of a month ("8 November" = 8, "@month11"), the same in every language.
inline std::string day_of_month_key(int month) { return "@month" + std::to_string(month); }
inline bool is_day_of_month(const CountedNumber& n) { return !n.counted.empty() && n.counted[0] == '@'; }

struct Profile {
  std::string id;
  std::string lang;
  std::string title;
  std::string lede;    // first body paragraph, for display
  std::string source;
  std::string url;
  std::optional<std::int64_t> published;  // stated, or from a date in the URL path

  SparseVector title_terms;   // "s:" stems of the headline (counts)
  SparseVector body_terms;    // "s:" stems of the body (counts)
  SparseVector bridge_terms;  // "b:" English stems (dictionary translations; English docs: own stems)
  SparseVector lede_bridge_terms;  // the same for the headline and first two body sentences alone
  SparseVector name_keys;     // "k:" match keys of capitalised words: joins scripts and spellings
  SparseVector prefixes;      // "p:" 5-character prefixes of content words: inflection-robust
  SparseVector title_prefixes;  // the same, for the headline alone
  SparseVector lede_terms;    // "s:" stems of the first two body sentences: what happened
  // "g:" pairs of consecutive content stems of the headline and first three body sentences:
  // phrases shared verbatim mark reprints and rewrites of one report, which bags of words miss.
  SparseVector lede_phrases;
  std::vector<ProfileEntity> entities;
  std::vector<std::int32_t> mentioned_days;  // day-precision dates mentioned, days since epoch
  std::vector<std::int32_t> mentioned_months;  // months mentioned (year*12+month-1)
  std::vector<CountedNumber> numbers;
  std::vector<std::int32_t> years;  // years mentioned ("in 2020", a bare 1900..2100)
  std::uint32_t token_count = 0;
  // Term id -> a readable word, for explanations; sorted by id. Empty unless the Profiler
  // was asked to keep it (about a third of a profile's memory).
  DisplayWords display;
  std::string_view display_word(TermId id) const;
};

}  // namespace storyline
