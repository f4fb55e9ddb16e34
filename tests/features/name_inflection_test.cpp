#include "features/name_inflection.h"

#include <gtest/gtest.h>

#include "features/match_key.h"

namespace storyline {
namespace {

TEST(NameInflection, RussianCasesCollapseToOneKey) {
  MatchKeyer keyer;
  // Every case form of a name keys like its nominative, and like the English spelling.
  const std::string lavrov = keyer.word_key("Lavrov");
  for (const char* form : {"лавров", "лаврова", "лаврову", "лавровым", "лаврове"})
    EXPECT_EQ(keyer.word_key(uninflected_name(form, "ru")), lavrov) << form;
  const std::string blinken = keyer.word_key("Blinken");
  for (const char* form : {"блинкен", "блинкена", "блинкену", "блинкеном"})
    EXPECT_EQ(keyer.word_key(uninflected_name(form, "ru")), blinken) << form;
  EXPECT_EQ(keyer.word_key(uninflected_name("путиным", "ru")), keyer.word_key("Putin"));
  EXPECT_EQ(uninflected_name("зеленского", "ru"), uninflected_name("зеленский", "ru"));
}

TEST(NameInflection, KeepsSurnameSuffixesShortWordsAndOtherLanguages) {
  EXPECT_EQ(uninflected_name("лавров", "ru"), "лавров");  // "-ов" is the surname, not a case
  EXPECT_EQ(uninflected_name("путин", "ru"), "путин");
  EXPECT_EQ(uninflected_name("ира", "ru"), "ира");  // too short to tell
  EXPECT_EQ(uninflected_name("garcia", "es"), "garcia");
  EXPECT_EQ(uninflected_name("лаврова", "en"), "лаврова");  // only where names decline
  // Different people stay apart.
  MatchKeyer keyer;
  EXPECT_NE(keyer.word_key(uninflected_name("лавровым", "ru")), keyer.word_key(uninflected_name("блинкеном", "ru")));
}

TEST(NameInflection, PlaceEndingsOnlyWherePlacesDecline) {
  ASSERT_NE(nominative_endings("ru"), nullptr);
  EXPECT_NE(std::find(nominative_endings("ru")->begin(), nominative_endings("ru")->end(), "а"),
            nominative_endings("ru")->end());
  ASSERT_NE(nominative_endings("de"), nullptr);
  EXPECT_EQ(nominative_endings("en"), nullptr);
  EXPECT_EQ(nominative_endings("ar"), nullptr);
}

}  // namespace
}  // namespace storyline
