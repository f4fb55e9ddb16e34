#include "document/language_id.h"

#include <cstdio>  // cld2's header needs it first
#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace CLD2 {
const char* LanguageCode(Language lang);  // exported by libcld2, declared in an internal header
}

namespace storyline {
namespace {

// CLD2 keeps some deprecated ISO codes.
std::string modern_code(std::string code) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kRenamed{{
      {"iw", "he"}, {"in", "id"}, {"jw", "jv"}, {"zh-Hant", "zh"}}};
  for (auto [old_code, new_code] : kRenamed)
    if (code == old_code) return std::string(new_code);
  if (auto dash = code.find('-'); dash != std::string::npos) code.resize(dash);
  return code;
}

}  // namespace

std::string detect_language(std::string_view text) {
  if (text.empty()) return "und";
  // CLD2 gets no better after a few kilobytes; cut on a UTF-8 boundary.
  std::size_t length = std::min<std::size_t>(text.size(), 8192);
  while (length < text.size() && length > 0 &&
         (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80)
    --length;
  bool reliable = false;
  CLD2::Language languages[3];
  int percents[3];
  int text_bytes = 0;
  CLD2::Language top = CLD2::DetectLanguageSummary(text.data(), static_cast<int>(length), true,
                                                   languages, percents, &text_bytes, &reliable);
  if (top == CLD2::UNKNOWN_LANGUAGE || top == CLD2::TG_UNKNOWN_LANGUAGE) return "und";
  // Short or mixed texts come back unreliable; keep a clear majority anyway because stemming
  // in the likely language beats no stemming.
  if (!reliable && percents[0] < 60) return "und";
  return modern_code(CLD2::LanguageCode(top));
}

std::string normalise_language_tag(std::string_view tag) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kThreeLetter{{
      {"eng", "en"}, {"deu", "de"}, {"ger", "de"}, {"fra", "fr"}, {"fre", "fr"}, {"spa", "es"},
      {"ita", "it"}, {"rus", "ru"}, {"ara", "ar"}, {"tur", "tr"}, {"pol", "pl"}, {"por", "pt"},
      {"nld", "nl"}, {"zho", "zh"}, {"chi", "zh"}, {"jpn", "ja"}}};
  std::string code;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (!std::isalpha(static_cast<unsigned char>(c))) return "und";
    code.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (code.size() == 3)
    for (auto [three, two] : kThreeLetter)
      if (code == three) return std::string(two);
  if (code.size() != 2) return "und";
  return modern_code(code);
}

}  // namespace storyline
