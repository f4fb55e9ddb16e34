#include "article/html_nesting.h"

#include <cctype>
#include <string>
#include <vector>

namespace storyline::detail {
namespace {

bool in_list(std::string_view name, std::initializer_list<std::string_view> names) {
  for (auto n : names)
    if (name == n) return true;
  return false;
}

// Elements that never stay open around their successors.
bool does_not_nest(std::string_view name) {
  return in_list(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                        "source", "track", "wbr", "keygen", "a", "nobr", "p", "li", "dt", "dd", "option", "optgroup", "tr",
                        "td", "th", "tbody", "thead", "tfoot", "rb", "rt", "rp", "colgroup", "caption", "html",
                        "head", "body"});
}

// Elements whose content is text up to their own end tag.
bool raw_text(std::string_view name) {
  return in_list(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
}

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool tag_name_end(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '/' || c == '>'; }

std::size_t find_ci(std::string_view hay, std::string_view needle, std::size_t from) {
  for (std::size_t i = hay.find('<', from); i != std::string_view::npos; i = hay.find('<', i + 1)) {
    if (hay.size() - i < needle.size()) return std::string_view::npos;
    bool match = true;
    for (std::size_t k = 0; k < needle.size() && match; ++k)
      match = std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k];
    if (match) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::uint64_t estimate_nesting_work(std::string_view html) {
  constexpr std::uint64_t kRefused = kMaxNestingWork + 1;
  std::uint64_t work = 0;
  std::vector<std::string> open;  // the elements that nest, innermost last
  std::size_t foreign = 0;        // open <svg> and <math>: inside them "/>" closes
  std::size_t i = 0;
  std::string name;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (i >= html.size()) break;
    const char next = html[i];
    if (next == '!' || next == '?') {
      if (html.substr(i).starts_with("!--")) {
        // "<!-->" and "<!--->" are whole (empty) comments; otherwise up to "-->" or the end.
        const std::size_t body = i + 3;
        if (html.substr(body).starts_with(">")) { i = body + 1; continue; }
        if (html.substr(body).starts_with("->")) { i = body + 2; continue; }
        const std::size_t end = html.find("-->", body);
        if (end == std::string_view::npos) break;
        i = end + 3;
      } else {  // a doctype or a bogus comment, up to '>'
        const std::size_t end = html.find('>', i);
        if (end == std::string_view::npos) break;
        i = end + 1;
      }
      continue;
    }
    const bool closing = next == '/';
    if (closing) ++i;
    if (i >= html.size() || !ascii_alpha(html[i])) continue;  // text, or "</>"-like junk
    // A tag name runs to whitespace, '/' or '>', as the HTML5 tokenizer (and gumbo) reads it:
    // "<p_>" is an unknown element that nests, not a <p>.
    name.clear();
    while (i < html.size() && !tag_name_end(html[i]))
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++]))));
    const std::size_t gt = html.find('>', i);
    if (closing) {
      // Closes the innermost open element of that name, and everything inside it; an end tag
      // with nothing to close is ignored. Either way the parser searches its stack.
      std::size_t k = open.size();
      while (k > 0 && open[k - 1] != name) --k;
      work += open.size() - k + (k == 0 ? 0 : 1);
      if (work > kMaxNestingWork) return work;
      if (k > 0) {
        for (std::size_t j = k - 1; j < open.size(); ++j) foreign -= open[j] == "svg" || open[j] == "math";
        open.resize(k - 1);
      }
      continue;
    }
    work += open.size();
    if (work > kMaxNestingWork) return work;
    if (raw_text(name)) {
      // Skip to the matching end tag: "a<b" inside a script is not a tag.
      const std::size_t end = find_ci(html, "</" + name, i);
      if (end == std::string_view::npos) break;
      i = end + 2 + name.size();
      continue;
    }
    if (name == "plaintext") break;  // the rest of the page is text
    // HTML ignores "/>" on ordinary elements (<div/> stays open); only SVG and MathML honour it.
    const bool self_closing = foreign > 0 && gt != std::string_view::npos && gt > i && html[gt - 1] == '/';
    if (self_closing || does_not_nest(name)) continue;
    open.push_back(name);
    foreign += name == "svg" || name == "math";
    // gumbo frees its tree recursively: a page nested deeper than this would overflow the stack.
    if (open.size() > kMaxNestingDepth) return kRefused;
  }
  return work;
}

}  // namespace storyline::detail
