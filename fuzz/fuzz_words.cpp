// libFuzzer target, differential: whenever WordSegmenter takes a text, its words must be the
// ones ICU's root word break iterator finds (begin, end, number or not); else abort.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

#include "document/word_segmenter.h"

namespace {

std::vector<storyline::WordSpan> icu_spans(icu::BreakIterator& words, std::string_view text) {
  std::vector<storyline::WordSpan> out;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  words.setText(utext, status);
  std::int32_t begin = words.first();
  for (std::int32_t end = words.next(); end != icu::BreakIterator::DONE; begin = end, end = words.next()) {
    const std::int32_t rule = words.getRuleStatus();
    if (rule >= UBRK_WORD_NUMBER)
      out.push_back({std::uint32_t(begin), std::uint32_t(end), rule < UBRK_WORD_NUMBER_LIMIT});
  }
  utext_close(utext);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  }();
  static storyline::WordSegmenter segmenter;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<storyline::WordSpan> fast;
  if (!segmenter.segment(text, fast)) return 0;
  const std::vector<storyline::WordSpan> reference = icu_spans(*words, text);
  bool same = fast.size() == reference.size();
  for (std::size_t i = 0; same && i < fast.size(); ++i)
    same = fast[i].begin == reference[i].begin && fast[i].end == reference[i].end &&
           fast[i].is_number == reference[i].is_number;
  if (!same) {
    std::fprintf(stderr, "WordSegmenter differs from ICU on %zu bytes\n", size);
    std::abort();
  }
  return 0;
}
