#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "article/reader.h"
#include "stories/engine.h"
#include "stories/variant_ledger.h"

namespace storyline {
namespace {

Profile with_person(const std::string& id, const std::string& key,
                    std::vector<std::string> surfaces, EntityKind kind = EntityKind::Person) {
  Profile p;
  p.id = id;
  ProfileEntity e;
  e.key = key;
  e.kind = kind;
  e.surfaces = std::move(surfaces);
  e.count = std::uint32_t(e.surfaces.size());
  p.entities.push_back(e);
  return p;
}

const VariantEntry* entry(const std::vector<VariantEntry>& ledger, const std::string& key) {
  for (const VariantEntry& e : ledger)
    if (e.key == key) return &e;
  return nullptr;
}

class VariantLedgerTest : public ::testing::Test {
 protected:
  std::string verdict_of(std::vector<Profile> profiles, const std::string& key) {
    std::vector<const Profile*> ptrs;
    for (const Profile& p : profiles) ptrs.push_back(&p);
    auto ledger = variant_ledger(ptrs, keyer_, true);
    const VariantEntry* e = entry(ledger, key);
    return e ? e->verdict : "<missing>";
  }
  MatchKeyer keyer_;
};

TEST_F(VariantLedgerTest, SpellingVariants) {
  EXPECT_EQ(verdict_of({with_person("de", "grnr", {"Brittney Griner"}),
                        with_person("ar", "grnr", {"Britney Greiner"})},
                       "grnr"),
            "spelling variants");
  EXPECT_EQ(verdict_of({with_person("de", "lvrv", {"Sergei Lavrov"}),
                        with_person("ar", "lvrv", {"Sergey Lavrov"})},
                       "lvrv"),
            "spelling variants");
}

TEST_F(VariantLedgerTest, ShortAndFullForms) {
  EXPECT_EQ(verdict_of({with_person("a", "grnr", {"Griner"}),
                        with_person("b", "grnr", {"Brittney Griner"})},
                       "grnr"),
            "short and full forms");
}

TEST_F(VariantLedgerTest, PossiblyDifferentPeople) {
  EXPECT_EQ(verdict_of({with_person("a", "whln", {"Paul Whelan"}),
                        with_person("b", "whln", {"David Whelan"})},
                       "whln"),
            "possibly different people");
  // Different given names outweigh any spelling variant elsewhere in the entry.
  EXPECT_EQ(verdict_of({with_person("a", "whln", {"Paul Whelan", "Whelan"}),
                        with_person("b", "whln", {"David Whelan"})},
                       "whln"),
            "possibly different people");
}

TEST_F(VariantLedgerTest, NonPersonsAreNeverDifferentPeople) {
  EXPECT_EQ(verdict_of({with_person("a", "nwyrk", {"New York"}, EntityKind::Place),
                        with_person("b", "nwyrk", {"Nueva York"}, EntityKind::Place)},
                       "nwyrk"),
            "spelling variants");
}

TEST_F(VariantLedgerTest, SameForm) {
  EXPECT_EQ(verdict_of({with_person("a", "blnkn", {"Antony Blinken"}),
                        with_person("b", "blnkn", {"Antony Blinken"})},
                       "blnkn"),
            "same form");
}

TEST_F(VariantLedgerTest, FormsListArticlesAndSingleUseIsFiltered) {
  Profile a = with_person("a", "grnr", {"Brittney Griner", "Griner"});
  Profile b = with_person("b", "grnr", {"Griner"});
  Profile c = with_person("c", "only", {"Solo Person"});
  std::vector<const Profile*> ptrs = {&a, &b, &c};
  auto ledger = variant_ledger(ptrs, keyer_, false);
  ASSERT_EQ(ledger.size(), 1u);  // "only" is used by one article
  const VariantEntry& e = ledger[0];
  EXPECT_EQ(e.kind, EntityKind::Person);
  ASSERT_EQ(e.forms.size(), 2u);
  EXPECT_EQ(e.forms[0].surface, "Griner");  // most used first
  EXPECT_EQ(e.forms[0].articles, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(e.forms[1].articles, (std::vector<std::string>{"a"}));
  EXPECT_EQ(variant_ledger(ptrs, keyer_, true).size(), 2u);

  nlohmann::json json = ledger_json(ledger);
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["kind"], "person");
  EXPECT_EQ(json[0]["verdict"], "short and full forms");
  EXPECT_EQ(json[0]["forms"][0]["surface"], "Griner");
}

TEST_F(VariantLedgerTest, EntriesWithVariantsComeFirst) {
  Profile a = with_person("a", "same", {"Same Name"});
  Profile b = with_person("b", "same", {"Same Name"});
  Profile c = with_person("c", "grnr", {"Griner"});
  Profile d = with_person("d", "grnr", {"Greiner"});
  std::vector<const Profile*> ptrs = {&a, &b, &c, &d};
  auto ledger = variant_ledger(ptrs, keyer_, false);
  ASSERT_EQ(ledger.size(), 2u);
  EXPECT_EQ(ledger[0].key, "grnr");
  EXPECT_EQ(ledger[1].key, "same");
}

// On the shared samples, through the real analysis (keys from the entity extractor).
TEST(VariantLedgerOnSamples, GrinerGreinerAreSpellingVariants) {
  const std::string samples = std::string(STORYLINE_SHARED_DIR) + "/samples";
  if (!std::filesystem::exists(samples)) GTEST_SKIP() << samples << " is absent";
  Engine engine(EngineOptions{}, /*require_model=*/false);
  std::vector<Profile> profiles = engine.profile_all(read_paths({samples}).articles);
  std::vector<const Profile*> ptrs;
  for (const Profile& p : profiles) ptrs.push_back(&p);
  MatchKeyer keyer;
  auto ledger = variant_ledger(ptrs, keyer, false);
  auto with_surface = [&](const std::string& surface) -> const VariantEntry* {
    for (const VariantEntry& e : ledger)
      for (const VariantForm& f : e.forms)
        if (f.surface == surface) return &e;
    return nullptr;
  };
  const VariantEntry* griner = with_surface("Brittney Griner");
  ASSERT_NE(griner, nullptr);
  EXPECT_EQ(griner, with_surface("Britney Greiner"));
  EXPECT_EQ(griner->verdict, "spelling variants");
  const VariantEntry* lavrov = with_surface("Sergei Lavrov");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_EQ(lavrov, with_surface("Sergey Lavrov"));
  EXPECT_EQ(lavrov->verdict, "spelling variants");
}

}  // namespace
}  // namespace storyline
