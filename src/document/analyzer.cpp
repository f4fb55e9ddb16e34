#include "document/analyzer.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <unordered_map>

#include "article/ascii.h"
#include "document/bounded_memo.h"
#include "document/language_id.h"
#include "document/stop_words.h"
#include "document/word_segmenter.h"

namespace storyline {
namespace {

// Snowball algorithm names by ISO 639-1 code.
const char* snowball_algorithm(std::string_view lang) {
  static constexpr std::pair<std::string_view, const char*> kAlgorithms[] = {
      {"ar", "arabic"},     {"hy", "armenian"},  {"eu", "basque"},     {"ca", "catalan"},
      {"da", "danish"},     {"nl", "dutch"},     {"en", "english"},    {"fi", "finnish"},
      {"fr", "french"},     {"de", "german"},    {"el", "greek"},      {"hi", "hindi"},
      {"hu", "hungarian"},  {"id", "indonesian"}, {"ga", "irish"},     {"it", "italian"},
      {"lt", "lithuanian"}, {"ne", "nepali"},    {"no", "norwegian"},  {"nb", "norwegian"},
      {"pt", "portuguese"}, {"ro", "romanian"},  {"ru", "russian"},    {"sr", "serbian"},
      {"es", "spanish"},    {"sv", "swedish"},   {"ta", "tamil"},      {"tr", "turkish"},
      {"yi", "yiddish"}};
  for (auto [code, name] : kAlgorithms)
    if (code == lang) return name;
  return nullptr;
}

bool truncating_language(std::string_view lang) {
  static constexpr std::string_view kLanguages[] = {"pl", "cs", "sk", "uk", "bg", "hr", "sl",
                                                    "bs", "lv", "et", "be", "mk", "sh"};
  for (std::string_view code : kLanguages)
    if (code == lang) return true;
  return false;
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

}  // namespace

std::string utf8_prefix(std::string_view text, std::size_t code_points) {
  std::size_t i = 0, count = 0;
  while (i < text.size() && count < code_points) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++count;
  }
  return std::string(text.substr(0, std::min(i, text.size())));
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

struct Analyzer::State {
  const icu::Normalizer2* nfkc_casefold = nullptr;
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  WordSegmenter segmenter;       // ICU's word boundaries, faster, for alphabetic scripts
  StopWords stop_words;
  std::unordered_map<std::string, std::unique_ptr<sb_stemmer, StemmerDeleter>> stemmers;

  // Stems already made, per language: news vocabulary is Zipfian, so most words of an article
  // were stemmed before, and a lookup is cheaper than running Snowball again. Cleared when
  // full, which bounds the memory without changing any result.
  std::unordered_map<std::string, BoundedMemo<std::string>> stems;

  BoundedMemo<std::string>& stems_of(std::string_view lang) {
    return stems.try_emplace(std::string(lang), 1 << 17).first->second;
  }

  sb_stemmer* stemmer_for(std::string_view lang) {
    auto it = stemmers.find(std::string(lang));
    if (it != stemmers.end()) return it->second.get();
    const char* algorithm = snowball_algorithm(lang);
    sb_stemmer* made = algorithm ? sb_stemmer_new(algorithm, "UTF_8") : nullptr;
    stemmers.emplace(std::string(lang), std::unique_ptr<sb_stemmer, StemmerDeleter>(made));
    return made;
  }
};

Analyzer::Analyzer() : state_(std::make_unique<State>()) {
  UErrorCode status = U_ZERO_ERROR;
  state_->nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  // The root word break rules include the dictionary-based CJK and Thai segmentation.
  state_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  state_->sentences.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU initialisation failed");
}

Analyzer::~Analyzer() = default;

std::string Analyzer::fold(std::string_view text) const {
  if (is_ascii(text)) return ascii_lower(text);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = state_->nfkc_casefold->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
      status);
  std::string out;
  if (U_SUCCESS(status)) folded.toUTF8String(out);
  return out;
}

std::string Analyzer::stem(std::string_view folded_word, std::string_view lang) {
  return state_->stems_of(lang).get(folded_word, [&] { return run_stemmer(folded_word, lang); });
}

std::string Analyzer::run_stemmer(std::string_view folded_word, std::string_view lang) {
  sb_stemmer* stemmer = state_->stemmer_for(lang);
  if (stemmer == nullptr) {
    // Highly inflected languages without a Snowball stemmer: a fixed-length prefix is a
    // known-good substitute (most of the inflection sits in the ending).
    if (truncating_language(lang)) return utf8_prefix(folded_word, 6);
    return std::string(folded_word);
  }
  const sb_symbol* stemmed =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                      static_cast<int>(folded_word.size()));
  if (stemmed == nullptr) return std::string(folded_word);
  return std::string(reinterpret_cast<const char*>(stemmed),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

std::string Analyzer::detect_language(std::string_view title, std::string_view text) const {
  std::string sample;
  sample.reserve(title.size() + 1 + std::min<std::size_t>(text.size(), 8192));
  sample.append(title).append("\n").append(text.substr(0, 8192));
  return storyline::detect_language(sample);
}

std::vector<Token> Analyzer::tokenize(std::string_view text, std::string_view lang) {
  std::vector<Token> tokens;
  if (text.empty()) return tokens;
  UErrorCode status = U_ZERO_ERROR;
  // UText over UTF-8 makes ICU report native (byte) offsets, so no offset mapping is needed.
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return tokens;
  icu::BreakIterator& sentences = *state_->sentences;
  sentences.setText(utext, status);
  std::vector<WordSpan> spans;
  if (U_FAILURE(status) ||
      (!state_->segmenter.segment(text, spans) && !icu_word_spans(*state_->words, text, spans))) {
    utext_close(utext);
    return tokens;
  }
  // One token per span, reserved at once: growing the vector moved every token, three
  // strings each, a dozen times per article.
  tokens.reserve(spans.size());
  const WordSet* stop_words = state_->stop_words.words_of(lang);
  BoundedMemo<std::string>& stems = state_->stems_of(lang);
  std::uint32_t sentence = 0;
  std::int32_t sentence_end = sentences.following(0);
  bool first_in_sentence = true;
  for (const WordSpan& span : spans) {
    while (sentence_end != icu::BreakIterator::DONE &&
           static_cast<std::int32_t>(span.begin) >= sentence_end) {
      sentence_end = sentences.next();
      ++sentence;
      first_in_sentence = true;
    }
    Token token;
    token.surface.assign(text.substr(span.begin, span.end - span.begin));
    token.begin = span.begin;
    token.end = span.end;
    token.sentence = sentence;
    token.is_number = span.is_number;
    UChar32 first = 0;
    std::int32_t offset = 0;
    U8_NEXT(token.surface.data(), offset, static_cast<std::int32_t>(token.surface.size()), first);
    token.capitalized = u_isupper(first) || u_istitle(first);
    token.sentence_start = first_in_sentence;
    first_in_sentence = false;
    token.norm = fold(token.surface);
    token.stop = !token.is_number && stop_words && stop_words->contains(token.norm);
    token.stem = token.is_number ? token.norm
                                 : stems.get(token.norm, [&] { return run_stemmer(token.norm, lang); });
    tokens.push_back(std::move(token));
  }
  utext_close(utext);
  return tokens;
}

Document Analyzer::analyze(Article article) {
  Document doc;
  doc.lang = article.lang.empty() ? detect_language(article.title, article.text)
                                  : normalise_language_tag(article.lang);
  doc.title_tokens = tokenize(article.title, doc.lang);
  doc.body_tokens = tokenize(article.text, doc.lang);
  doc.article = std::move(article);
  return doc;
}

}  // namespace storyline
