// Main-text extraction: which part of a page is the article, as paragraphs.
#pragma once

#include <gumbo.h>

#include <string>
#include <vector>

namespace storyline::detail {

// Readability-style: paragraphs score their ancestors by length and commas; candidates are
// weighted by tag and class/id hints and penalised by link density; the best candidate (plus
// siblings that score nearly as well) is flattened into paragraphs, leaving out junk
// (is_junk) and link-heavy blocks. `body` is the page's <body> (or the document root).
std::vector<std::string> main_text_paragraphs(const GumboNode* body);

}  // namespace storyline::detail
