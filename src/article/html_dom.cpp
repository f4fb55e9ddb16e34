#include "article/html_dom.h"

#include <array>
#include <cstring>

#include "article/paragraphs.h"

namespace storyline::detail {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool contains_any(std::string_view haystack, std::initializer_list<std::string_view> needles) {
  for (auto n : needles)
    if (haystack.find(n) != std::string_view::npos) return true;
  return false;
}

// Lower-cased class + id + itemprop, split into alphanumeric tokens ("cookie-banner" ->
// "cookie", "banner"); camelCase stays one token ("relatedLinks" -> "relatedlinks").
std::vector<std::string> hint_tokens(const GumboNode* n, std::string& joined) {
  joined.clear();
  // Taxonomy classes name what the article is about, not what the element is: WordPress
  // writes "post hentry category-social-media tag-comments" on the article's own wrapper.
  const std::string classes = lower(attr(n, "class"));
  for (std::size_t at = 0; at < classes.size();) {
    const std::size_t end = std::min(classes.find_first_of(" \t\n\r\f", at), classes.size());
    const std::string_view name = std::string_view(classes).substr(at, end - at);
    if (!name.starts_with("category-") && !name.starts_with("tag-") && !name.starts_with("topic-")) {
      joined += name;
      joined += ' ';
    }
    at = end + 1;
  }
  joined += lower(attr(n, "id"));
  // Words that contain a junk word and mean article text: "commentary", "subscriber-only".
  for (std::string_view keep : {"commentar", "subscriber"})
    for (std::size_t at = joined.find(keep); at != std::string::npos; at = joined.find(keep, at))
      joined.replace(at, keep.size(), keep.size(), '_');
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : joined) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      tokens.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  return tokens;
}

bool has_token(const std::vector<std::string>& tokens, std::initializer_list<std::string_view> words) {
  for (const auto& t : tokens)
    for (auto w : words)
      if (t == w) return true;
  return false;
}

// Never article text, whatever the class says. Substrings, so "commentlist", "cookieNotice",
// "share-bar" and "relatedArticles" all match.
bool strong_negative(std::string_view joined, const std::vector<std::string>& tokens) {
  return contains_any(joined, {"comment", "cookie", "consent", "gdpr", "related", "share", "sharing", "social",
                               "advert", "sponsor", "newsletter", "subscri", "outbrain", "taboola", "disqus",
                               "popup", "modal", "recommend", "breadcrumb", "promo", "byline"}) ||
         has_token(tokens, {"ad", "ads", "adv", "adslot", "adunit", "skip", "signup"});
}

// Usually boilerplate, but pages also write "content has-sidebar" on the article wrapper, so
// these lose to a positive hint.
bool weak_negative(std::string_view joined, const std::vector<std::string>& tokens) {
  return contains_any(joined, {"sidebar", "footer", "banner", "masthead", "navbar", "navigation", "pagination",
                               "pager", "widget", "header", "topbar", "toolbar", "menu"}) ||
         has_token(tokens, {"nav", "tags", "tag", "foot"});
}

bool positive(std::string_view joined) {
  return contains_any(joined, {"article", "content", "post", "story", "body", "entry", "main", "text", "blog",
                               "hentry", "prose", "column"});
}

bool hidden(const GumboNode* n) {
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden")) return true;
  // aria-hidden keeps an element from screen readers, not from the eye: icons and decorative
  // copies, but also the whole page behind an open modal (a cookie dialog at load), so an
  // element holding paragraphs stays.
  if (lower(attr(n, "aria-hidden")) == "true") return find_first(n, GUMBO_TAG_P) == nullptr;
  std::string style = lower(attr(n, "style"));
  std::erase(style, ' ');
  return contains_any(style, {"display:none", "visibility:hidden"});
}

}  // namespace

std::string_view attr(const GumboNode* n, const char* name) {
  if (!is_element(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view{};
}

const GumboNode* find_first(const GumboNode* root, GumboTag tag) {
  const GumboNode* found = nullptr;
  walk(root, [&](const GumboNode* n) {
    if (found) return false;
    if (tag_of(n) == tag) {
      found = n;
      return false;
    }
    return true;
  });
  return found;
}

std::string text_of(const GumboNode* root) {
  std::string raw;
  walk(root, [&](const GumboNode* n) {
    if (is_text(n)) {
      raw += n->v.text.text;
      return false;
    }
    const GumboTag t = tag_of(n);
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE) return false;
    if (is_element(n) && !is_inline(t)) raw += ' ';  // "<p>a</p><p>b</p>" is "a b", not "ab"
    return is_element(n);
  });
  return collapse_whitespace(raw);
}

bool is_inline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
    case GUMBO_TAG_BIG: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DEL:
    case GUMBO_TAG_DFN: case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_IMG:
    case GUMBO_TAG_INS: case GUMBO_TAG_KBD: case GUMBO_TAG_LABEL: case GUMBO_TAG_MARK: case GUMBO_TAG_NOBR:
    case GUMBO_TAG_Q: case GUMBO_TAG_RP: case GUMBO_TAG_RT: case GUMBO_TAG_RUBY: case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME: case GUMBO_TAG_TT:
    case GUMBO_TAG_U: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR: case GUMBO_TAG_ACRONYM:
      return true;
    default:
      return false;
  }
}

bool is_junk(const GumboNode* n) {
  switch (tag_of(n)) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP: case GUMBO_TAG_APPLET:
      return true;
    case GUMBO_TAG_UNKNOWN: {
      // <dialog> (modal cookie notices) is not in gumbo 0.10's tag list.
      GumboStringPiece name = n->v.element.original_tag;
      gumbo_tag_from_original_text(&name);
      if (name.length == 6 && strncasecmp(name.data, "dialog", 6) == 0) return true;
      break;
    }
    default:
      break;
  }
  // The page skeleton carries site-wide classes ("has-ads", "cookie-consent-open") that say
  // nothing about its content, and is hidden only for a moment: anti-flicker scripts hide
  // <body> until the page is drawn, and modals set aria-hidden on everything else.
  const GumboTag t = tag_of(n);
  if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_ARTICLE) return false;
  if (hidden(n)) return true;
  const std::string role = lower(attr(n, "role"));
  if (role == "navigation" || role == "complementary" || role == "contentinfo" || role == "banner" ||
      role == "dialog" || role == "alertdialog" || role == "menu" || role == "menubar" || role == "search")
    return true;
  std::string joined;
  const auto tokens = hint_tokens(n, joined);
  if (strong_negative(joined, tokens)) return true;
  return weak_negative(joined, tokens) && !positive(joined);
}

int class_weight(const GumboNode* n) {
  std::string joined;
  const auto tokens = hint_tokens(n, joined);
  int weight = 0;
  if (positive(joined) || lower(attr(n, "itemprop")).find("articlebody") != std::string::npos) weight += 25;
  if (strong_negative(joined, tokens) || weak_negative(joined, tokens)) weight -= 25;
  return weight;
}

}  // namespace storyline::detail
