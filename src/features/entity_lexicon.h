// Word lists the entity rules need, per language: titles and honorifics that mark a following
// name as a person, organisation heads and suffixes, place-type heads, connectors allowed
// inside names, and capitalised words that are never names (months, weekdays).
// Entries are stored NFKC case-folded, the same form as Token::norm, so lookups compare
// token norms directly.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>

#include "document/word_set.h"

namespace storyline {

class EntityLexicon {
 public:
  EntityLexicon();

  // Longest title among the words "w1 w2 ..." (folded, space-joined) for `lang`; English
  // titles count in every language because wire copy mixes them in.
  bool is_title(std::string_view lang, std::string_view folded_words) const;
  std::size_t max_title_words() const { return max_title_words_; }
  // The most words of a title (any language) that begins with this folded word; 0 when none
  // does, so a scan need not build word runs that cannot be titles.
  std::size_t max_title_words_from(std::string_view folded_first_word) const {
    const std::size_t* span = title_span_.find(folded_first_word);
    return span ? *span : 0;
  }

  bool is_connector(std::string_view folded) const { return connectors_.contains(folded); }
  bool is_org_head(std::string_view folded) const { return org_heads_.contains(folded); }
  // An organisation head in a language that declines it, by its uninflected_name ("рады",
  // "раде" -> "рад" of "рада"; "думы" -> "дум").
  bool is_declined_org_head(std::string_view uninflected) const {
    return declined_org_heads_.contains(uninflected);
  }
  bool is_facility_head(std::string_view folded) const { return facility_heads_.contains(folded); }
  bool is_known_org(std::string_view folded_words) const { return known_orgs_.contains(folded_words); }
  bool is_non_name(std::string_view folded) const { return non_names_.contains(folded); }
  bool is_function_word(std::string_view folded) const { return function_words_.contains(folded); }

  // Languages that capitalise every noun, so a capitalised single word proves little.
  static bool capitalises_nouns(std::string_view lang) { return lang == "de" || lang == "lb"; }

 private:
  void add_titles(const char* lang, std::initializer_list<const char*> words);
  std::unordered_map<std::string, WordSet> titles_;  // by language
  WordMap<std::size_t> title_span_;                  // first word -> most words
  WordSet connectors_, org_heads_, declined_org_heads_, facility_heads_,
      known_orgs_, non_names_, function_words_;
  std::size_t max_title_words_ = 1;
};

}  // namespace storyline
