// Test helper: a dated English article from one outlet of its own ("outlet-<id>").
#pragma once

#include <cstdint>
#include <string>

#include "article/article.h"

namespace storyline::testing {

inline Article english_article(const std::string& id, const std::string& title, const std::string& text,
                               std::int64_t published) {
  Article a;
  a.id = id;
  a.title = title;
  a.text = text;
  a.lang = "en";
  a.published = published;
  a.source = "outlet-" + id;
  return a;
}

}  // namespace storyline::testing
