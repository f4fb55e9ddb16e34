// Profiler: Article -> (Document ->) Profile. Owns one of every extractor; not thread-safe
// (ICU and Snowball state), so use one per thread. The Gazetteer and the optional
// TermDictionary are large, read-only and shared.
#pragma once

#include <memory>

#include "article/article.h"
#include "document/analyzer.h"
#include "features/profile.h"

namespace storyline {

class Gazetteer;
class TermDictionary;

// Which signals a Profiler computes. All on in production; benchmarks switch one off at a time
// to measure what it costs (the dictionary bridge is off when no TermDictionary is given).
struct ProfilerSignals {
  bool entities = true;  // gazetteer, match keys, name keys
  bool dates = true;     // mentioned days and months
  bool numbers = true;   // counted numbers and years
  bool phrases = true;   // opening phrases (lede_phrases)
  bool prefixes = true;  // word prefixes of title and body
  bool bridge_fallbacks = true;  // the bridge's terms for words the dictionary lacks (bridge_translator.h)
};

class Profiler {
 public:
  // keep_display: fill Profile::display (for `compare` explanations).
  Profiler(const Gazetteer& gazetteer, const TermDictionary* dictionary, bool keep_display,
           ProfilerSignals signals = {});
  ~Profiler();

  Profile profile(Article article);
  Profile profile(const Document& document);
  Analyzer& analyzer();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
  const TermDictionary* dictionary_;
  bool keep_display_;
  ProfilerSignals signals_;
};

// A publication date in a URL path ("/2022/07/27/", "/20220727/", "2022-07-27"), UTC seconds.
std::optional<std::int64_t> date_from_url(std::string_view url);

// When an article was published, as its Profile dates it: the stated date, else one in its link.
std::optional<std::int64_t> publication_time(const Article& article);

}  // namespace storyline
