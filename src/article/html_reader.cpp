// HTML pages: metadata from <meta>/<link>/<title>, body from the main-text scorer.
#include <gumbo.h>

#include <memory>
#include <unordered_map>

#include "article/article_finish.h"
#include "article/ascii.h"
#include "article/datetime_scan.h"
#include "article/html_dom.h"
#include "article/html_main_text.h"
#include "article/html_nesting.h"
#include "article/paragraphs.h"
#include "article/reader.h"
#include "article/utf8.h"

namespace storyline {
namespace {

using detail::attr;

// What the page says about itself, gathered in one walk over the whole document.
struct PageMeta {
  std::unordered_map<std::string, std::string> meta;  // lower-cased property/name/itemprop -> content (first wins)
  std::string canonical;
  std::string title;     // <title>
  std::string h1;        // first <h1> outside junk
  std::string time;      // first <time datetime> outside junk
  std::string html_lang;

  std::string get(const std::string& key) const {
    auto it = meta.find(key);
    return it == meta.end() ? std::string{} : it->second;
  }
};

PageMeta read_meta(const GumboNode* root) {
  PageMeta m;
  detail::walk(root, [&](const GumboNode* n) {
    if (!detail::is_element(n)) return false;
    switch (detail::tag_of(n)) {
      case GUMBO_TAG_HTML:
        if (m.html_lang.empty()) m.html_lang = std::string(attr(n, "lang"));
        return true;
      case GUMBO_TAG_META: {
        const std::string_view content = attr(n, "content");
        for (const char* key_attr : {"property", "name", "itemprop"}) {
          const std::string key = ascii_lower(attr(n, key_attr));
          if (!key.empty() && !content.empty()) m.meta.emplace(key, detail::collapse_whitespace(content));
        }
        return false;
      }
      case GUMBO_TAG_LINK:
        if (m.canonical.empty() && ascii_lower(attr(n, "rel")) == "canonical") m.canonical = std::string(attr(n, "href"));
        return false;
      case GUMBO_TAG_TITLE:
        if (m.title.empty()) m.title = detail::text_of(n);
        return false;
      case GUMBO_TAG_H1:
        if (m.h1.empty()) m.h1 = detail::text_of(n);
        return false;
      case GUMBO_TAG_TIME:
        if (m.time.empty()) m.time = std::string(attr(n, "datetime"));
        return true;
      case GUMBO_TAG_HEAD:
        return true;
      default:
        // <address> holds the Telegram-style byline <time>, which is junk for the body only.
        return detail::tag_of(n) == GUMBO_TAG_ADDRESS || !detail::is_junk(n);
    }
  });
  return m;
}

// "Headline | Site", "Headline - Site", "Site: Headline" -> "Headline", when that part is the
// site's name or host. A title whose separator belongs to the headline itself is left alone.
std::string strip_site_name(std::string title, std::string_view site, std::string_view host) {
  auto is_site = [&](std::string_view part) {
    std::string p = detail::collapse_whitespace(part);
    if (p.empty()) return false;
    if (!site.empty() && ascii_iequals(p, site)) return true;
    if (host.empty()) return false;
    const std::string lp = ascii_lower(p);
    return lp == host || (lp.find('.') == std::string::npos && host.starts_with(lp + "."));
  };
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", ": "}) {
    if (auto at = title.rfind(sep); at != std::string::npos && at > 0 && is_site(std::string_view(title).substr(at + sep.size())))
      return detail::collapse_whitespace(std::string_view(title).substr(0, at));
    if (auto at = title.find(sep); at != std::string::npos && at + sep.size() < title.size() &&
                                   is_site(std::string_view(title).substr(0, at)))
      return detail::collapse_whitespace(std::string_view(title).substr(at + sep.size()));
  }
  return title;
}

std::optional<std::int64_t> first_date(std::initializer_list<std::string> candidates) {
  for (const auto& c : candidates)
    if (auto t = parse_datetime(c)) return t;
  // Hand-written <meta name="date"> values ("Posted June 12, 2013"): the first clear date.
  for (const auto& c : candidates)
    if (auto t = detail::scan_date(c)) return t;
  return std::nullopt;
}

struct GumboDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

}  // namespace

void read_html(std::string_view bytes, std::string_view origin, ReadBatch& out) {
  if (auto problem = detail::check_text_bytes(bytes)) {
    out.errors.push_back({std::string(origin), *problem});
    return;
  }
  bytes = detail::strip_bom(bytes);
  if (detail::estimate_nesting_work(bytes) > detail::kMaxNestingWork) {
    out.errors.push_back({std::string(origin), "HTML nested too deeply to parse in reasonable time (thousands of unclosed tags?)"});
    return;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never look at parse errors; recording them only costs memory
  std::unique_ptr<GumboOutput, GumboDeleter> doc(gumbo_parse_with_options(&options, bytes.data(), bytes.size()));
  if (!doc || !doc->root) {
    out.errors.push_back({std::string(origin), "could not parse HTML"});
    return;
  }

  const PageMeta m = read_meta(doc->root);
  Article article;
  article.id = detail::file_stem(origin);
  article.origin = std::string(origin);
  article.url = m.canonical.empty() ? m.get("og:url") : m.canonical;
  const std::string host = detail::url_host(article.url.empty() ? m.get("og:url") : article.url);
  article.source = m.get("og:site_name");
  if (article.source.empty()) article.source = host;

  std::string headline = m.get("og:title");
  if (headline.empty()) headline = m.h1;
  if (headline.empty()) headline = m.title;
  article.title = strip_site_name(detail::collapse_whitespace(headline), m.get("og:site_name"), host);

  article.published = first_date({m.get("article:published_time"), m.get("og:article:published_time"), m.time,
                                  m.get("date"), m.get("pubdate"), m.get("dc.date"), m.get("dc.date.issued"),
                                  m.get("datepublished")});
  article.lang = m.html_lang.empty() ? m.get("og:locale") : m.html_lang;
  if (detail::normalize_lang(article.lang).empty() && !m.get("og:locale").empty()) article.lang = m.get("og:locale");

  const GumboNode* body = detail::find_first(doc->root, GUMBO_TAG_BODY);
  std::vector<std::string> paragraphs = detail::main_text_paragraphs(body ? body : doc->root);
  for (std::string& p : paragraphs) p = detail::collapse_whitespace(p);
  if (article.title.empty() && paragraphs.empty()) {
    out.errors.push_back({std::string(origin), "no article text found in the HTML (malformed or empty page)"});
    return;
  }
  detail::finish_article(std::move(article), std::move(paragraphs), out);
}

}  // namespace storyline
