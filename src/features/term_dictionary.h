// TermDictionary: the cross-lingual bridge. Maps a non-English word stem (folded + stemmed in
// its language, the same form as Token::stem) to weighted English stems, so that articles in
// different languages share terms. Built at start-up from FreeDict dictd files:
// freedict-<xxx>-eng for de, ar, fr, es, pl, tr, it, and freedict-eng-rus inverted for ru.
//
// Construction rules:
//  * Only single-word source headwords are keyed (a token stream cannot match "Auswärtiges
//    Amt" or "A-Batterie" as one stem); multiword headwords are skipped.
//  * Multiword English translations ("foreign minister") contribute each content word as its
//    own candidate, with weight 1/sqrt(number of content words); English stop words and
//    dictionary placeholders ("sb", "sth") are dropped.
//  * Phrase score = 1/(1 + sense) * 1/(1 + 0.25 * position): first senses and first phrases
//    weigh more. Scores of the same English stem add up over all entries whose headword has
//    the same source stem (Gefängnis, Gefängnisse).
//  * weight = score / total score of the source stem * idf, where idf = ln((N+1)/df) /
//    ln(N+1) (clamped to [0.05, 1]), df = number of source stems of the language mapping to
//    that English stem, N = number of source stems: translations shared by many words ("be",
//    "make", "put") weigh less. Weights lie in (0, 1]; the best max_per_word are kept.
//  * Russian: each single-word Russian translation of an English headword becomes a source
//    stem mapping to the headword's English content stems.
//
// Storage: English stems interned once (one string pool + offsets); per language a sorted
// vector of rows (source stem in a pool, first candidate, count), a flat candidate array of
// (English id, uint16 weight) and an open-addressing table of row numbers by source stem.
// A lookup is one hash and mostly one probe, where a binary search over 300k German stems
// compared ~18 strings scattered over the pool (the lookups were 5 % of analysing an article).
// Const methods are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

class Analyzer;

// Source words are folded+stemmed by the caller's normaliser, so lookups use the same form as
// document tokens. The caller passes Analyzer::fold + Analyzer::stem. Called with lang "en"
// for English translation words. An empty result drops the word.
using WordNormaliser = std::function<std::string(std::string_view word, std::string_view lang)>;

class TermDictionary {
 public:
  struct Translation {
    std::string_view english_stem;  // valid as long as the TermDictionary lives
    float weight;                   // (0, 1]
  };

  // Per-language load statistics (for logs and the bench).
  struct LangStats {
    std::string lang;
    std::size_t source_stems = 0;  // keyed source stems
    std::size_t candidates = 0;    // stored (source, English) pairs
    std::size_t entries = 0;       // dictionary entries read
    std::size_t skipped_index_lines = 0;
    std::size_t memory_bytes = 0;  // this language's rows + candidates + source pool
    double load_seconds = 0;       // read + inflate + parse + normalise + build
  };

  TermDictionary() = default;

  // Loads freedict-<lang>-eng for each lang in `langs` (ISO 639-1: de ar fr es pl tr it; "ru"
  // inverts freedict-eng-rus; the 3-letter codes deu, ara, ... work too) found under dictd_dir.
  // Missing, unreadable or unknown ones are skipped and listed in missing(). Duplicates in
  // `langs` are loaded once.
  static TermDictionary load(const std::string& dictd_dir, std::span<const std::string> langs,
                             const WordNormaliser& normalise, std::size_t max_per_word = 4);

  // English stems for a source stem in `lang`, best first (at most max_per_word). Empty when
  // the language or the stem is unknown.
  std::vector<Translation> translate(std::string_view lang, std::string_view source_stem) const;

  // Same, appending to `out` (no allocation once `out` has capacity); returns the number added.
  std::size_t translate_into(std::string_view lang, std::string_view source_stem,
                             std::vector<Translation>& out) const;

  bool has_language(std::string_view lang) const;
  std::size_t memory_bytes() const;
  std::vector<std::string> loaded() const;
  std::vector<std::string> missing() const { return missing_; }
  const std::vector<LangStats>& stats() const { return stats_; }
  std::size_t english_stems() const { return english_offsets_.empty() ? 0 : english_offsets_.size() - 1; }

  // Two-letter code for a language code or FreeDict code ("deu" -> "de"); empty if unknown.
  static std::string canonical_lang(std::string_view lang);

 private:
  struct Row {
    std::uint32_t source_offset;  // into Table::source_pool
    std::uint32_t first;          // into Table::candidates
    std::uint16_t source_length;
    std::uint16_t count;
  };
  struct Candidate {
    std::uint32_t english_id;
    std::uint16_t weight;  // weight * 65535, at least 1
  };
  struct Table {
    std::string lang;
    std::string source_pool;
    std::vector<Row> rows;  // sorted by source stem (bytewise)
    std::vector<Candidate> candidates;
    // Power-of-two size, at most 2/3 full, linear probing. A slot holds kEmptySlot or the row
    // number in its low 24 bits and 8 more bits of the stem's hash (most mismatches are
    // rejected without reading the pool).
    std::vector<std::uint32_t> slots;
    const Row* find(std::string_view stem) const;
    void build_slots();
  };
  class Builder;

  const Table* table(std::string_view lang) const;
  std::string_view english(std::uint32_t id) const {
    return std::string_view(english_pool_)
        .substr(english_offsets_[id], english_offsets_[id + 1] - english_offsets_[id]);
  }

  std::string english_pool_;
  std::vector<std::uint32_t> english_offsets_;  // id -> offset; one extra at the end
  std::vector<Table> tables_;
  std::vector<std::string> missing_;
  std::vector<LangStats> stats_;
};

// The dictionaries of `langs`, their words folded and stemmed exactly as the Analyzer makes
// Profile stems (what every caller outside tests wants). The analyzer is used only while loading.
TermDictionary load_term_dictionary(const std::string& dictd_dir, std::span<const std::string> langs,
                                    Analyzer& analyzer);

}  // namespace storyline
