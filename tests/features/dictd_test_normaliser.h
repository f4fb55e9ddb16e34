// Test/bench helper: a WordNormaliser built directly from ICU (NFKC + case folding) and
// libstemmer, standing in for Analyzer::fold + Analyzer::stem. Not thread-safe.
#pragma once

#include <libstemmer.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "features/term_dictionary.h"

namespace storyline::testing {

// Where the FreeDict files are: $STORYLINE_DICTD_DIR, else Debian's place.
inline std::string dictd_dir() {
  const char* env = std::getenv("STORYLINE_DICTD_DIR");
  return env && *env ? env : "/usr/share/dictd";
}

class SnowballNormaliser {
 public:
  std::string fold(std::string_view word) const {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), int32_t(word.size())));
    if (U_SUCCESS(status)) s = nfkc->normalize(s, status);
    s.foldCase();
    std::string out;
    s.toUTF8String(out);
    return out;
  }

  std::string stem(std::string_view folded, std::string_view lang) {
    sb_stemmer* stemmer = stemmer_for(lang);
    if (!stemmer) return std::string(folded);
    const sb_symbol* r = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded.data()), int(folded.size()));
    if (!r) return std::string(folded);
    return std::string(reinterpret_cast<const char*>(r), std::size_t(sb_stemmer_length(stemmer)));
  }

  std::string operator()(std::string_view word, std::string_view lang) { return stem(fold(word), lang); }

  WordNormaliser function() {
    return [this](std::string_view word, std::string_view lang) { return (*this)(word, lang); };
  }

 private:
  struct Deleter {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
  };
  sb_stemmer* stemmer_for(std::string_view lang) {
    auto it = stemmers_.find(std::string(lang));
    if (it != stemmers_.end()) return it->second.get();
    static const std::map<std::string, const char*, std::less<>> algorithms{
        {"en", "english"}, {"de", "german"},  {"ar", "arabic"}, {"fr", "french"},
        {"es", "spanish"}, {"it", "italian"}, {"tr", "turkish"}, {"ru", "russian"}};
    sb_stemmer* s = nullptr;
    if (auto a = algorithms.find(lang); a != algorithms.end()) s = sb_stemmer_new(a->second, "UTF_8");
    return stemmers_.emplace(std::string(lang), std::unique_ptr<sb_stemmer, Deleter>(s)).first->second.get();
  }
  std::map<std::string, std::unique_ptr<sb_stemmer, Deleter>> stemmers_;
};

}  // namespace storyline::testing
