// PairFeatures: the measurements the learned model reads for a pair of profiles. Every feature
// is symmetric in (a, b). Missing evidence (no dates, no publication time) has its own value
// so the model can tell "no evidence" from "evidence against".
#pragma once

#include <array>
#include <cstdint>
#include <vector>
#include <string_view>

#include "features/profile.h"
#include "index/term_stats.h"

namespace storyline {

enum PairFeature : int {
  kTitleCosine,
  kBodyCosine,
  kAllCosine,
  kTitleBodyCosine,
  kBridgeCosine,
  kNameKeyCosine,
  kPrefixCosine,
  kTitlePrefixCosine,
  kLedeCosine,
  kEntityOverlap,
  kPersonOverlap,
  kPlaceOverlap,
  kOrganisationOverlap,
  kTitleEntityOverlap,
  kMainActorMatch,
  kDayOverlap,
  kDayDistance,
  kNumberAgreement,
  kNumberConflict,
  kNumberOverlap,
  kYearOverlap,
  kMonthOverlap,
  kPublicationGap,
  kSameLanguage,
  kSameHost,
  kShorterLength,
  kLongerLength,
  kSharedRareTerms,
  kPhraseContainment,
  kLedeBridgeCosine,
  kPairFeatureCount
};

std::string_view pair_feature_name(int feature);

// "example.com" of "https://www.example.com/a/b"; empty when there is no host.
std::string_view url_host(std::string_view url);

struct PairFeatures {
  std::array<float, kPairFeatureCount> values{};
  float operator[](int i) const { return values[i]; }
};

// One entity key of a profile with its weight in the entity overlaps (idf × log count, double
// in a headline). `key` points into the profile.
struct WeightedEntity {
  std::string_view key;
  float weight = 0;
};

// A profile's weighted entities, of all kinds and of each kind the overlaps compare: each list
// sorted by key, one entry per key, so an overlap is one merge of two lists.
struct EntityWeights {
  std::vector<WeightedEntity> all, people, places, organisations;
};

// IDF-weighted, L2-normalised vectors of one profile, computed once per profile per TermStats
// state so that comparing one article with many does not redo the weighting.
struct WeightedProfile {
  const Profile* profile = nullptr;
  SparseVector title, body, all, bridge, lede_bridge, names, prefixes, title_prefixes, lede, entities;
  EntityWeights entity_weights;
  // The profile's numbers, years and months, each sorted and without repeats.
  std::vector<double> number_set;
  std::vector<std::int32_t> year_set, month_set;
};

WeightedProfile weigh(const Profile& profile, const TermStats& stats);
// Only the vectors that shared_terms() reads (`all`, `bridge`), for less than half the cost: a
// story page explains every membership with them. Not for pair_features().
WeightedProfile weigh_terms(const Profile& profile, const TermStats& stats);
PairFeatures pair_features(const WeightedProfile& a, const WeightedProfile& b, const TermStats& stats);

}  // namespace storyline
