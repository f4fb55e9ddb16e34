// Named entities of one tokenised text (people, places, organisations) with cross-document
// keys. Rule-based on purpose: it must work for many languages without models, and what the
// comparison stage needs is a key that two reports of one story share, not perfect spans.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "document/token.h"

namespace storyline {

class Gazetteer;
class GazetteerMemo;
class MatchKeyer;
class EntityLexicon;

enum class EntityKind : std::uint8_t { Person, Place, Organisation, Other };

std::string_view to_string(EntityKind kind);

struct EntityMention {
  std::string surface;  // as written, title stripped: "Antony Blinken"
  std::string key;      // person: match key of the surname; place: place id when the
                        // gazetteer knows it, else name_key; others: name_key of the full name
  EntityKind kind = EntityKind::Other;
  std::string role;     // title/honorific seen before it ("Secretary of State"), else empty
  std::uint32_t first_token = 0, token_count = 0;  // span in the token vector
};

class EntityExtractor {
 public:
  // Both must outlive the extractor. The keyer is not thread-safe, so neither is this.
  EntityExtractor(const Gazetteer& gazetteer, const MatchKeyer& keyer);
  ~EntityExtractor();
  EntityExtractor(const EntityExtractor&) = delete;
  EntityExtractor& operator=(const EntityExtractor&) = delete;

  // Tokens of one text (a title or a body) in language `lang` (ISO 639-1). `context` are
  // mentions already found in another text of the same article (pass the body's when
  // extracting a Title Case headline): their words count as known names, and a surname seen
  // there resolves to that person's key.
  std::vector<EntityMention> extract(std::span<const Token> tokens, std::string_view lang,
                                     std::span<const EntityMention> context = {}) const;

 private:
  struct Scan;  // per-call working state (entities.cpp)
  std::unique_ptr<GazetteerMemo> places_;  // the gazetteer's answers, remembered
  const MatchKeyer& keyer_;
  std::unique_ptr<const EntityLexicon> lexicon_;
};

}  // namespace storyline
