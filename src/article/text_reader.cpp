// Plain text: the first non-blank line is the headline, the rest is the body, paragraphs
// separated by blank lines.
#include "article/article_finish.h"
#include "article/paragraphs.h"
#include "article/reader.h"
#include "article/utf8.h"

namespace storyline {

void read_txt(std::string_view bytes, std::string_view origin, ReadBatch& out) {
  if (auto problem = detail::check_text_bytes(bytes)) {
    out.errors.push_back({std::string(origin), *problem});
    return;
  }
  std::string_view rest = detail::strip_bom(bytes);

  // Find the headline line; whatever follows it is the body.
  std::string title;
  while (!rest.empty() && title.empty()) {
    const std::size_t end = rest.find_first_of("\r\n");
    title = detail::collapse_whitespace(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  }

  Article article;
  article.id = detail::file_stem(origin);
  article.origin = std::string(origin);
  article.title = std::move(title);
  detail::finish_article(std::move(article), detail::split_blank_line_paragraphs(rest), out);
}

}  // namespace storyline
