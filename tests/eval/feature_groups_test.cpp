#include "eval/feature_groups.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "compare/pair_features.h"

namespace storyline {
namespace {

TEST(FeatureGroups, EveryGroupNamesRealFeaturesAndIsResolvable) {
  for (const FeatureGroup& g : feature_groups()) {
    EXPECT_FALSE(g.features.empty()) << g.name;
    EXPECT_FALSE(g.signal.empty()) << g.name;
    for (int f : g.features) {
      EXPECT_GE(f, 0);
      EXPECT_LT(f, kPairFeatureCount);
    }
    std::vector<int> named = features_named({g.name});
    EXPECT_EQ(std::set<int>(named.begin(), named.end()), std::set<int>(g.features.begin(), g.features.end()));
  }
}

TEST(FeatureGroups, FeatureNamesGroupsAndUnknownNames) {
  EXPECT_EQ(features_named({"bridge_cosine"}), std::vector<int>{kBridgeCosine});
  EXPECT_EQ(features_named({"dictionary", "bridge_cosine"}),
            (std::vector<int>{kBridgeCosine, kLedeBridgeCosine}));  // no duplicates
  std::vector<int> both = features_named({"numbers", "source"});
  EXPECT_EQ(both.size(), 4u);
  EXPECT_TRUE(features_named({}).empty());
  try {
    features_named({"numbers", "telepathy"});
    FAIL() << "an unknown name must throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("telepathy"), std::string::npos);
  }
}

}  // namespace
}  // namespace storyline
