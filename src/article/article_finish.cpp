#include "article/article_finish.h"

#include <algorithm>

#include "article/paragraphs.h"
#include "article/utf8.h"

namespace storyline::detail {
namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

void finish_article(Article article, std::vector<std::string> paragraphs, ReadBatch& out) {
  article.title = collapse_whitespace(article.title);
  std::erase_if(paragraphs, [](const std::string& p) { return p.empty(); });
  article.text = join_paragraphs(drop_repeated(std::move(paragraphs), article.title));
  article.lang = normalize_lang(article.lang);
  article.url = collapse_whitespace(article.url);
  article.source = collapse_whitespace(article.source);
  if (article.source.empty()) article.source = url_host(article.url);
  if (article.title.empty() && article.text.empty()) {
    out.errors.push_back({article.origin, "no text (neither a title nor a body)"});
    return;
  }
  out.articles.push_back(std::move(article));
}

std::string file_stem(std::string_view origin) {
  if (auto slash = origin.find_last_of('/'); slash != std::string_view::npos) origin.remove_prefix(slash + 1);
  // A leading dot is a hidden file's name, not an extension.
  if (auto dot = origin.find_last_of('.'); dot != std::string_view::npos && dot > 0) origin = origin.substr(0, dot);
  // The stem becomes the article's id, which every JSON output carries: a file name that is
  // not UTF-8 (Latin-1 "caf\xE9.txt") keeps its other characters and shows each bad byte as
  // %XX, so ids stay distinct and printable.
  std::string stem;
  while (const std::optional<std::size_t> bad = find_invalid_utf8(origin)) {
    stem.append(origin.substr(0, *bad));
    static constexpr char kHex[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(origin[*bad]);
    stem += {'%', kHex[byte >> 4], kHex[byte & 15]};
    origin.remove_prefix(*bad + 1);
  }
  stem.append(origin);
  return stem;
}

std::string url_host(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    if (!url.starts_with("//")) return {};
    scheme = 0;
    url.remove_prefix(2);
  } else {
    url.remove_prefix(scheme + 3);
  }
  url = url.substr(0, url.find_first_of("/?#"));
  if (auto at = url.find_last_of('@'); at != std::string_view::npos) url.remove_prefix(at + 1);  // user:pass@
  if (!url.starts_with('[')) url = url.substr(0, url.find(':'));                                  // port
  std::string host(url);
  std::transform(host.begin(), host.end(), host.begin(), ascii_lower);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

std::string normalize_lang(std::string_view lang) {
  while (!lang.empty() && (lang.front() == ' ' || lang.front() == '\t')) lang.remove_prefix(1);
  if (lang.size() < 2 || !is_ascii_alpha(lang[0]) || !is_ascii_alpha(lang[1])) return {};
  // A three-letter code ("fil") has no two-letter form, and cutting it would name another
  // language ("fi"); leave it empty so later stages detect the language.
  if (lang.size() > 2 && is_ascii_alpha(lang[2])) return {};
  return {ascii_lower(lang[0]), ascii_lower(lang[1])};
}

}  // namespace storyline::detail
