// Match keys: every spelling/script pair the engine must join, and look-alike names it must
// keep apart, as one table each so a failing pair is named in the output.
#include "features/match_key.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace storyline {
namespace {

struct Pair {
  const char* a;
  const char* b;
};

class MatchKeyTest : public ::testing::Test {
 protected:
  MatchKeyer keyer;
};

TEST_F(MatchKeyTest, JoinsVariantsOfOneName) {
  const std::vector<Pair> joins = {
      {"Griner", "Greiner"},        {"Brittney", "Britney"},     {"Antony", "Anthony"},
      {"Sergei", "Sergey"},         {"Sergej", "Sergey"},        {"Viktor", "Victor"},
      {"Лавров", "Lavrov"},         {"Lawrow", "Lavrov"},        {"Блинкен", "Blinken"},
      {"Путин", "Putin"},           {"Зеленский", "Zelensky"},   {"Zelensky", "Zelenskyy"},
      {"Zelenskyy", "Selenskyj"},   {"Зеленский", "Selenskyj"},  {"Peskov", "Peskow"},
      {"Soleimani", "Suleimani"},   {"Kolomoisky", "Kolomoiskii"}, {"Зинько", "Zinko"},
      {"Mohammed", "Muhammad"},     {"Tchaikovsky", "Chaikovsky"}, {"Шойгу", "Schoigu"},
      {"Yaroshenko", "Jaroschenko"}, {"Kuznetsov", "Kusnezow"},   {"Kyiv", "Kiev"},
      {"بلينكن", "Blinken"},        {"لافروف", "Lavrov"},        {"محمد", "Mohammed"},
      {"سليماني", "Soleimani"},     {"GRINER", "griner"},
  };
  for (const auto& [a, b] : joins) {
    EXPECT_EQ(keyer.word_key(a), keyer.word_key(b)) << a << " / " << b;
  }
}

TEST_F(MatchKeyTest, KeepsDifferentNamesApart) {
  // Paul/Pauline: kept apart on purpose, they are usually different people.
  const std::vector<Pair> apart = {
      {"Blinken", "Lavrov"}, {"Griner", "Whelan"},  {"Biden", "Bout"},
      {"Putin", "Peskov"},   {"Paul", "Pauline"},   {"Trump", "Truman"},
      {"Johnson", "Jackson"}, {"Блинкен", "Лавров"}, {"Putin", "Biden"},
  };
  for (const auto& [a, b] : apart) {
    EXPECT_NE(keyer.word_key(a), keyer.word_key(b)) << a << " / " << b;
  }
}

TEST_F(MatchKeyTest, NameKeyJoinsWordKeys) {
  EXPECT_EQ(keyer.name_key("Brittney Griner"), keyer.name_key("Britney Greiner"));
  EXPECT_EQ(keyer.name_key("Sergei  Lavrov"), keyer.name_key("Сергей Лавров"));
  EXPECT_EQ(keyer.name_key("Brittney Griner"),
            keyer.word_key("Brittney") + " " + keyer.word_key("Griner"));
  EXPECT_EQ(keyer.name_key("Rostov-on-Don"), keyer.name_key("Rostov on Don"));
  EXPECT_EQ(keyer.name_key(""), "");
}

TEST_F(MatchKeyTest, KeysAreNonEmptyForAnyScriptAndDigits) {
  for (const char* w : {"習近平", "東京", "กรุงเทพ", "G7", "2022", "Ελλάδα"}) {
    EXPECT_FALSE(keyer.word_key(w).empty()) << w;
  }
  EXPECT_EQ(keyer.word_key("G7"), "g7");
  EXPECT_TRUE(keyer.word_key("").empty());
}

TEST(MatchKeyPhonetic, DocumentedExamples) {
  EXPECT_EQ(MatchKeyer::phonetic("mohammed"), "mmd");
  EXPECT_EQ(MatchKeyer::phonetic("mhmd"), "mmd");
  EXPECT_EQ(MatchKeyer::phonetic("antony"), "antn");
  EXPECT_EQ(MatchKeyer::phonetic("blynkn"), "blnkn");
}

}  // namespace
}  // namespace storyline
