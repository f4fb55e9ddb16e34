#include "features/match_key.h"

#include <stdexcept>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "article/ascii.h"
#include "document/bounded_memo.h"

namespace storyline {

struct MatchKeyer::State {
  std::unique_ptr<icu::Transliterator> translit;
  // Transliterations already made: names recur across articles (the same people and places
  // all day), and the ICU transform was about a sixth of profiling a full-text article.
  BoundedMemo<std::string> seen{1 << 16};
  // Keys already made: every capitalised word of every article asks for one, and the same
  // names recur; the phonetic passes were 4 % of profiling an article.
  BoundedMemo<std::string> keys{1 << 16};
};

namespace {

// Russian BGN before Any-Latin: it writes ш/ж/х/ц/й as "sh"/"zh"/"kh"/"ts"/"y", the way the
// Latin-script press spells Russian and Ukrainian names; Any-Latin alone gives ISO 9 ("š"),
// which Latin-ASCII would flatten to a bare "s".
constexpr const char* kTransform = "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower";
constexpr const char* kFallbackTransform = "Any-Latin; Latin-ASCII; Lower";

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Class symbols used in the skeleton besides ordinary consonant letters:
//   'x' = sh-like (sh, sch, zh, sz, s-caron), 'c' = ch-like (ch, tch, tsch, kh, cz),
//   'V' = a vowel or a glide acting as one (dropped at the end except word-initially).
constexpr char kVowel = 'V';

}  // namespace

MatchKeyer::MatchKeyer() : state_(std::make_unique<State>()) {
  UErrorCode status = U_ZERO_ERROR;
  state_->translit.reset(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(kTransform), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !state_->translit) {
    status = U_ZERO_ERROR;
    state_->translit.reset(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(kFallbackTransform), UTRANS_FORWARD, status));
  }
  if (U_FAILURE(status) || !state_->translit)
    throw std::runtime_error("MatchKeyer: cannot create ICU transliterator");
}

MatchKeyer::~MatchKeyer() = default;
MatchKeyer::MatchKeyer(MatchKeyer&&) noexcept = default;
MatchKeyer& MatchKeyer::operator=(MatchKeyer&&) noexcept = default;

std::string MatchKeyer::to_ascii(std::string_view word) const {
  if (is_ascii(word)) return ascii_lower(word);  // what the transform makes of ASCII
  return state_->seen.get(word, [&] {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    state_->translit->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
  });
}

std::string MatchKeyer::phonetic(std::string_view in) {
  // Keep letters and digits only: apostrophes (soft sign "Zin'ko"), BGN middle dots and
  // hyphens carry no sound.
  std::string s;
  for (char c : in) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) s.push_back(c);
  }
  auto at = [&](std::size_t i) { return i < s.size() ? s[i] : '\0'; };
  auto starts = [&](std::size_t i, std::string_view p) { return s.compare(i, p.size(), p) == 0; };

  // Pass 1: digraphs and letter classes. Variants that different languages write for one
  // sound map to one symbol: w/v/f/ph (Peskov/Peskow, Arabic has no v: لافروف -> "lafrwf"),
  // z/s/ts/tz (Zelensky/Selenskyj, Kuznetsov/Kusnezow), c -> k or s (Viktor/Victor),
  // j/y -> y (Jaroschenko/Yaroshenko).
  std::string m;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    // Every digraph starts with one of these letters; the others skip the checks.
    if (c == 't' || c == 's' || c == 'z' || c == 'c' || c == 'k' || c == 'p' || c == 'd' || c == 'g') {
      if (starts(i, "tsch")) { m += 'c'; i += 4; continue; }
      if (starts(i, "sch")) { m += 'x'; i += 3; continue; }
      if (starts(i, "tch")) { m += 'c'; i += 3; continue; }
      if (starts(i, "sh") || starts(i, "zh") || starts(i, "sz")) { m += 'x'; i += 2; continue; }
      if (starts(i, "ch") || starts(i, "kh") || starts(i, "cz")) { m += 'c'; i += 2; continue; }
      if (starts(i, "ph")) { m += 'f'; i += 2; continue; }
      if (starts(i, "ts") || starts(i, "tz")) { m += 's'; i += 2; continue; }
      if (starts(i, "ck")) { m += 'k'; i += 2; continue; }
      if (starts(i, "th") || starts(i, "dh") || starts(i, "gh")) { m += c; i += 2; continue; }
    }
    switch (c) {
      case 'w': case 'v': m += 'f'; break;
      case 'z': m += 's'; break;
      case 'q': m += 'k'; break;
      case 'x': m += "ks"; break;
      case 'c': {
        char n = at(i + 1);
        m += (n == 'e' || n == 'i' || n == 'y') ? 's' : 'k';
        break;
      }
      case 'j': case 'y': {
        // A glide is a consonant only between vowels or word-initially before a vowel
        // ("Yaroshenko", "Maya"); elsewhere it is a vowel ("Sergey", "Zelenskyj", "blynkn").
        bool prev_vowel = !m.empty() && m.back() == kVowel;
        bool next_vowel = is_vowel(at(i + 1));
        m += ((m.empty() || prev_vowel) && next_vowel) ? 'y' : kVowel;
        break;
      }
      default: m += is_vowel(c) ? kVowel : c;
    }
    ++i;
  }

  // Pass 2: collapse doubled symbols (Brittney/Britney; "lafrwf" -> l V f r f), then drop
  // vowels and non-initial 'h' (Mohammed/Muhammad/محمد "mhmd" all give "mmd"). Collapsing
  // comes first so that consonants only separated by a dropped vowel stay two.
  std::string out;
  char prev = '\0';
  for (std::size_t i = 0; i < m.size(); ++i) {
    char c = m[i];
    if (c == prev) continue;
    prev = c;
    if (c == kVowel) {
      if (i == 0) out += 'a';  // word-initial vowel: keep that there was one (Antony "antn")
      continue;
    }
    if (c == 'h' && i != 0) continue;
    out += c;
  }
  return out;
}

std::string MatchKeyer::word_key(std::string_view word) const {
  return state_->keys.get(word, [&] {
    std::string key = phonetic(to_ascii(word));
    if (!key.empty()) return key;
    // Nothing phonetic survived (e.g. a script ICU cannot romanise): fall back to the
    // transliteration itself so distinct words still get distinct keys.
    std::string ascii = to_ascii(word);
    return ascii.empty() ? std::string(word) : ascii;
  });
}

std::string MatchKeyer::name_key(std::string_view name) const {
  std::string out;
  std::size_t i = 0;
  auto is_sep = [](char c) { return c == ' ' || c == '-' || c == '.' || c == '\t' || c == '\n'; };
  while (i < name.size()) {
    while (i < name.size() && is_sep(name[i])) ++i;
    std::size_t j = i;
    while (j < name.size() && !is_sep(name[j])) ++j;
    if (j > i) {
      std::string k = word_key(name.substr(i, j - i));
      if (!k.empty()) {
        if (!out.empty()) out += ' ';
        out += k;
      }
    }
    i = j;
  }
  return out;
}

}  // namespace storyline
