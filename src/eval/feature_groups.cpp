#include "eval/feature_groups.h"

#include <algorithm>
#include <stdexcept>

#include "compare/pair_features.h"

namespace storyline {

const std::vector<FeatureGroup>& feature_groups() {
  static const std::vector<FeatureGroup> groups = {
      {"dictionary", "FreeDict term bridging across languages", {kBridgeCosine, kLedeBridgeCosine}},
      {"entities", "entity match keys across scripts and spellings",
       {kNameKeyCosine, kEntityOverlap, kPersonOverlap, kPlaceOverlap, kOrganisationOverlap, kTitleEntityOverlap,
        kMainActorMatch}},
      {"places", "place ids (country and city names in many languages)", {kPlaceOverlap}},
      {"numbers", "numbers with what they count", {kNumberAgreement, kNumberConflict, kNumberOverlap}},
      {"dates", "dates mentioned in the text", {kDayOverlap, kDayDistance, kYearOverlap, kMonthOverlap}},
      {"publication_time", "publication time gap", {kPublicationGap}},
      {"prefixes", "stem-free word prefixes", {kPrefixCosine, kTitlePrefixCosine}},
      {"lede", "lede cosine", {kLedeCosine}},
      {"phrases", "opening phrases shared verbatim (reprints, rewrites)", {kPhraseContainment}},
      {"source", "same outlet (host)", {kSameHost}},
  };
  return groups;
}

std::vector<int> features_named(const std::vector<std::string>& names) {
  std::vector<int> features;
  for (const std::string& name : names) {
    auto group = std::find_if(feature_groups().begin(), feature_groups().end(),
                              [&](const FeatureGroup& g) { return g.name == name; });
    if (group != feature_groups().end()) {
      features.insert(features.end(), group->features.begin(), group->features.end());
      continue;
    }
    int f = 0;
    while (f < kPairFeatureCount && pair_feature_name(f) != name) ++f;
    if (f == kPairFeatureCount) throw std::invalid_argument("unknown feature or feature group: " + name);
    features.push_back(f);
  }
  std::sort(features.begin(), features.end());
  features.erase(std::unique(features.begin(), features.end()), features.end());
  return features;
}

}  // namespace storyline
