// Analyzer: Article -> Document. NFKC + case folding and word segmentation with ICU (CJK and
// Thai through ICU's dictionary break iterator; alphabetic scripts through WordSegmenter, which
// finds the same words faster), language identification with CLD2 (a stated language wins),
// Snowball stemming and stop words per language.
//
// An Analyzer owns ICU and Snowball state and is not thread-safe: use one per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "article/article.h"
#include "document/token.h"

namespace storyline {

struct Document {
  Article article;
  std::string lang;                 // ISO 639-1: stated, else detected; "und" when unknown
  std::vector<Token> title_tokens;  // offsets into article.title
  std::vector<Token> body_tokens;   // offsets into article.text
};

class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  Document analyze(Article article);

  // Segments, folds, stems and marks stop words of `text` in language `lang`.
  std::vector<Token> tokenize(std::string_view text, std::string_view lang);

  // CLD2 language of `text` as ISO 639-1 ("und" when unreliable).
  std::string detect_language(std::string_view title, std::string_view text) const;

  // NFKC + case fold of any UTF-8 string.
  std::string fold(std::string_view text) const;

  // Snowball stem of an already folded word in `lang`; a 6-character prefix for inflected
  // languages without a Snowball stemmer (Polish, Czech, ...); else the word itself.
  std::string stem(std::string_view folded_word, std::string_view lang);

  // stem() without the memo: for words asked once (the parts tried when splitting a
  // compound), which would only crowd the memo.
  std::string run_stemmer(std::string_view folded_word, std::string_view lang);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The first `code_points` characters of a UTF-8 string.
std::string utf8_prefix(std::string_view text, std::size_t code_points);

// The number of code points of a UTF-8 string.
std::size_t utf8_length(std::string_view text);

}  // namespace storyline
