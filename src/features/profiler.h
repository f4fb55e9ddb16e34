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

class Profiler {
 public:
  // keep_display: fill Profile::display (for `compare` explanations).
  Profiler(const Gazetteer& gazetteer, const TermDictionary* dictionary, bool keep_display);
  ~Profiler();

  Profile profile(Article article);
  Profile profile(const Document& document);
  Analyzer& analyzer();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
  const TermDictionary* dictionary_;
  bool keep_display_;
};

// A publication date in a URL path ("/2022/07/27/", "/20220727/", "2022-07-27"), UTC seconds.
std::optional<std::int64_t> date_from_url(std::string_view url);

}  // namespace storyline
