// Name inflection: languages that decline proper names ("Лавровым", "Путина", "Berlins",
// "Москве") would otherwise give every case its own match key or miss the gazetteer. Two
// helpers undo the commonest declensions, only for the languages that need it.
#pragma once

#include <string_view>
#include <vector>

namespace storyline {

// A declined Russian/Ukrainian/Belarusian name with its case ending removed, so that its match
// key equals the nominative's: "лавровым" -> "лавров", "лаврова" -> "лавров", "путину" ->
// "путин", "зеленского" / "зеленский" -> "зеленск". At least three letters are kept. Other
// languages (and words too short to tell) come back unchanged. Input: a folded word.
std::string_view uninflected_name(std::string_view folded_word, std::string_view lang);

// Endings that turn a Snowball stem back into a nominative place name ("москв" + "а"), for
// the languages that decline place names; null for the others (their names match as written).
const std::vector<std::string_view>* nominative_endings(std::string_view lang);

}  // namespace storyline
