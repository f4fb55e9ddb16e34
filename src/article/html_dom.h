// Small helpers over the gumbo DOM, shared by the metadata reader and the main-text scorer.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace storyline::detail {

inline bool is_element(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}
inline bool is_text(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}
inline GumboTag tag_of(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_LAST; }

// The attribute's value, or "" when absent.
std::string_view attr(const GumboNode* n, const char* name);

// Pre-order walk without recursion (inputs can nest tens of thousands of levels deep).
// visit(node) returns false to skip the node's children.
template <typename Visit>
void walk(const GumboNode* root, Visit&& visit) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!visit(n) || !is_element(n)) continue;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
}

// The first element with this tag in document order (skipping what `walk` would), or nullptr.
const GumboNode* find_first(const GumboNode* root, GumboTag tag);

// Concatenated text of a subtree, whitespace-collapsed; script/style/template content skipped.
std::string text_of(const GumboNode* root);

// Inline elements continue the current paragraph; everything else starts a new one.
bool is_inline(GumboTag tag);

// Elements that never hold article text: scripts, forms, navigation, hidden elements, and
// cookie banners, comments, share bars, related links and ads recognised by class/id/role.
bool is_junk(const GumboNode* element);

// Readability's class/id weight: +25 for content-like names, -25 for boilerplate-like names.
int class_weight(const GumboNode* element);

}  // namespace storyline::detail
