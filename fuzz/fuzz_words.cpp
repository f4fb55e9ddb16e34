// libFuzzer target, differential: whenever WordSegmenter takes a text, its words must be the
// ones ICU's root word break iterator finds (begin, end, number or not); else abort.
#include <unicode/brkiter.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

#include "document/word_segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  }();
  static storyline::WordSegmenter segmenter;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<storyline::WordSpan> fast;
  if (!segmenter.segment(text, fast)) return 0;
  std::vector<storyline::WordSpan> reference;
  storyline::icu_word_spans(*words, text, reference);
  if (fast != reference) {
    std::fprintf(stderr, "WordSegmenter differs from ICU on %zu bytes\n", size);
    std::abort();
  }
  return 0;
}
