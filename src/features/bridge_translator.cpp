#include "features/bridge_translator.h"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>

#include "document/analyzer.h"
#include "document/token.h"
#include "features/term_dictionary.h"

namespace storyline {
namespace {

// Languages that write compounds as one word and have a dictionary. Dutch and the
// Scandinavian languages would qualify; FreeDict is not loaded for them.
bool compounding(std::string_view lang) { return lang == "de"; }

// Whether a Latin-script word the dictionary lacks is kept as itself: in any language but
// German, so also a Latin name in a Russian or Arabic report ("NATO", "iPhone"). Not in German: what its
// dictionary (the largest) lacks, once compounds are split, is mostly inflected verb forms
// ("konnte", "möchte") and nouns no English report writes alike; kept as themselves they
// lowered the cross-validated de-de and de-en figures on every fold split, while Turkish and
// Spanish, whose dictionaries are smaller, gained on every split (README, "Ablation").
bool keeps_unknown_words(std::string_view lang) { return lang != "de"; }

// The shortest parts tried, in characters: a three-letter modifier ("Neu-", "Bus-") and a
// four-letter head ("-werk"; "-amt" is too short to tell from an inflection ending). Shorter
// parts match by chance: "Haustür" would read "hau" + "stür" (chop, stubborn).
constexpr std::size_t kMinModifierChars = 3;
constexpr std::size_t kMinHeadChars = 4;
// Shorter words than eight characters are rarely compounds the dictionary lacks, and their
// splits into a three- and a four-letter part are mostly chance.
constexpr std::size_t kMinCompoundChars = 8;

// German joins the parts with a linking element (Todes|drohung, Redaktions|netzwerk,
// Kinder|hilfe, Hunde|hütte): the modifier as written, or without one of these. The stemmer
// removes most of them itself ("todes" stems to "tod"); these are for the rest.
constexpr std::array<std::string_view, 6> kLinkingEndings{"s", "es", "n", "en", "e", "er"};

// Letters of the Latin script, with digits, marks and joiners of no script: a word an English
// report of the story could write the same way.
bool latin_script(std::string_view word) {
  bool latin = false;
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(word.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(word.data(), i, length, c);
    if (c < 0) return false;
    if (c < 0x80) {  // most words: no script lookup
      latin = latin || static_cast<unsigned>((c | 0x20) - 'a') < 26u;
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) return false;
    if (script == USCRIPT_LATIN) {
      latin = true;
    } else if (script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
      return false;
    }
  }
  return latin;
}

bool at_code_point_start(std::string_view s, std::size_t i) {
  return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

}  // namespace

BridgeTranslator::BridgeTranslator(const TermDictionary& dictionary, Analyzer& analyzer, bool fallbacks)
    : dictionary_(dictionary), analyzer_(analyzer), fallbacks_(fallbacks) {}

void BridgeTranslator::append_part(std::string_view lang, std::string_view stem, float scale, std::vector<Term>& out) {
  found_.clear();
  dictionary_.translate_into(lang, stem, found_);
  for (const auto& t : found_) out.push_back(Term{t.english_stem, t.english_stem, t.weight * scale});
}

BridgeTranslator::Source BridgeTranslator::translate(std::string_view lang, const Token& token,
                                                     std::vector<Term>& out) {
  out.clear();
  found_.clear();
  if (dictionary_.translate_into(lang, token.stem, found_) > 0) {
    for (const auto& t : found_) out.push_back(Term{t.english_stem, t.english_stem, t.weight});
    return Source::Dictionary;
  }
  if (!fallbacks_) return Source::None;
  if (compounding(lang) && token.norm.size() >= kMinCompoundChars) {
    const auto [modifier, head] = split_compound(lang, token.norm);
    if (!head.empty()) {
      append_part(lang, head, kCompoundPartWeight, out);
      append_part(lang, modifier, kCompoundPartWeight, out);
      return Source::Compound;
    }
  }
  if (keeps_unknown_words(lang) && latin_script(token.norm)) {
    identity_stem_ = analyzer_.stem(token.norm, "en");
    if (!identity_stem_.empty()) {
      out.push_back(Term{identity_stem_, token.norm, kIdentityWeight});
      return Source::Identity;
    }
  }
  return Source::None;
}

std::pair<std::string, std::string> BridgeTranslator::split_compound(std::string_view lang,
                                                                     std::string_view folded_word) {
  // The size in bytes is a quick bound; the characters are counted in find_split.
  if (!compounding(lang) || folded_word.size() < kMinCompoundChars) return {};
  split_key_.assign(lang).append(1, ':').append(folded_word);  // reused: no allocation per word
  return splits_.get(split_key_, [&] { return find_split(lang, folded_word); });
}

// The longest head whose modifier is known too: the head carries the compound's meaning (a
// Polizeisprecher is a spokesman), and a longer known head is less likely a chance match of an
// inflected ending ("Wasserkraftwerk": Wasser + Kraftwerk, not Wasserkraft + Werk).
std::pair<std::string, std::string> BridgeTranslator::find_split(std::string_view lang, std::string_view word) {
  auto known = [&](const std::string& stem) {
    probe_.clear();
    return !stem.empty() && dictionary_.translate_into(lang, stem, probe_) > 0;
  };
  // Code point boundaries of the word: a part is a whole number of characters.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (at_code_point_start(word, i)) starts.push_back(i);
  if (starts.size() < kMinCompoundChars) return {};
  for (std::size_t modifier_chars = kMinModifierChars; modifier_chars + kMinHeadChars <= starts.size();
       ++modifier_chars) {
    const std::size_t head_begin = starts[modifier_chars];
    const std::string head = analyzer_.run_stemmer(word.substr(head_begin), lang);
    if (!known(head)) continue;
    const std::string_view modifier = word.substr(0, head_begin);
    if (std::string stem = analyzer_.run_stemmer(modifier, lang); known(stem)) return {stem, head};
    for (std::string_view ending : kLinkingEndings) {
      // The endings are ASCII: one character per byte.
      if (!modifier.ends_with(ending) || modifier_chars - ending.size() < kMinModifierChars) continue;
      std::string stem = analyzer_.run_stemmer(modifier.substr(0, modifier.size() - ending.size()), lang);
      if (known(stem)) return {stem, head};
    }
  }
  return {};
}

}  // namespace storyline
