#include "article/html_nesting.h"

#include <array>
#include <cctype>
#include <string>

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
                        "head", "body", "!doctype"});
}

bool raw_text(std::string_view name) { return in_list(name, {"script", "style", "textarea", "title", "xmp"}); }

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
  std::uint64_t work = 0, depth = 0;
  std::size_t i = 0;
  std::string name;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (html.substr(i).starts_with("!--")) {
      const std::size_t end = html.find("-->", i + 3);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    name.clear();
    while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-' || html[i] == '!'))
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++]))));
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '!')) continue;
    const std::size_t gt = html.find('>', i);
    const bool self_closing = gt != std::string_view::npos && gt > i && html[gt - 1] == '/';
    if (closing) {
      if (!does_not_nest(name) && depth > 0) --depth;
    } else {
      work += depth;
      if (work > kMaxNestingWork) return work;
      if (raw_text(name)) {
        // Skip to the matching end tag: "a<b" inside a script is not a tag.
        const std::size_t end = find_ci(html, "</" + name, i);
        if (end == std::string_view::npos) break;
        i = end + 2 + name.size();
        continue;
      }
      if (!self_closing && !does_not_nest(name)) ++depth;
    }
  }
  return work;
}

}  // namespace storyline::detail
