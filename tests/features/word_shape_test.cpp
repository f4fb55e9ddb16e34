// shape_of: letters, cased letters and capitals of a surface form, in any script.
#include "features/word_shape.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

void expect_shape(std::string_view word, int letters, int upper, int cased) {
  const WordShape s = shape_of(word);
  EXPECT_EQ(s.letters, letters) << word;
  EXPECT_EQ(s.upper, upper) << word;
  EXPECT_EQ(s.cased, cased) << word;
}

TEST(WordShape, CountsLettersCapitalsAndCasedLettersInEveryScript) {
  expect_shape("NATO", 4, 4, 4);
  expect_shape("НАТО", 4, 4, 4);      // Cyrillic acronym
  expect_shape("Moscow's", 7, 1, 7);  // the apostrophe is no letter
  expect_shape("Zürich-Nord", 10, 2, 10);
  expect_shape("موسكو", 5, 0, 0);      // caseless
  expect_shape("北京", 2, 0, 0);
  expect_shape("ǅemal", 5, 1, 5);     // a title-case letter counts as a capital
  expect_shape("2024 - 25", 0, 0, 0);
  expect_shape("", 0, 0, 0);
  expect_shape("\xFF\xFEMa", 2, 1, 2);  // invalid bytes are skipped
}

}  // namespace
}  // namespace storyline
