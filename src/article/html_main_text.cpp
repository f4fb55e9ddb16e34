#include "article/html_main_text.h"

#include <algorithm>
#include <unordered_map>

#include "article/html_dom.h"

namespace storyline::detail {
namespace {

// Per-element facts gathered in one pass; junk elements and their subtrees are not recorded.
struct Info {
  const GumboNode* node = nullptr;
  int parent = -1;       // index in the Info table; -1 for the root
  long text_len = 0;     // visible characters in the subtree
  long link_len = 0;     // ... of which inside <a>
  long own_len = 0;      // characters not inside a nested block element (a "paragraph")
  long own_link_len = 0;
  long own_commas = 0;
  double score = 0;
  bool candidate = false;
};

struct Page {
  std::vector<Info> infos;
  std::unordered_map<const GumboNode*, int> index;
};

bool is_comma(std::string_view s, std::size_t i) {
  if (s[i] == ',') return true;
  // Fullwidth and ideographic commas (U+FF0C, U+3001) and the Arabic comma (U+060C).
  return s.substr(i).starts_with("\xEF\xBC\x8C") || s.substr(i).starts_with("\xE3\x80\x81") ||
         s.substr(i).starts_with("\xD8\x8C");
}

// Characters (code points), counting a whitespace run as one.
long text_length(std::string_view s, long& commas) {
  long n = 0;
  bool in_space = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (!(space && in_space)) ++n;
    in_space = space;
    if (is_comma(s, i)) ++commas;
  }
  return n;
}

bool is_p_like(GumboTag t) { return t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD; }

// Headings, list items and captions hold text but are not where article paragraphs live.
bool scores_as_paragraph(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_TH: case GUMBO_TAG_DT: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
      return false;
    default:
      return true;
  }
}

// Readability's tag priors, plus the semantic article containers.
double tag_prior(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ARTICLE: return 10;
    case GUMBO_TAG_MAIN: case GUMBO_TAG_DIV: return 5;
    case GUMBO_TAG_SECTION: case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_LI: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

double link_density(const Info& info) {
  return info.text_len > 0 ? static_cast<double>(info.link_len) / static_cast<double>(info.text_len) : 0.0;
}

Page collect(const GumboNode* root) {
  Page page;
  struct Frame {
    const GumboNode* node;
    int parent;
    int block;  // nearest block ancestor: the paragraph this text belongs to
    bool in_link;
  };
  std::vector<Frame> stack{{root, -1, -1, false}};
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    if (is_text(f.node)) {
      if (f.parent < 0) continue;
      long commas = 0;
      const long len = text_length(f.node->v.text.text, commas);
      page.infos[f.parent].text_len += len;
      if (f.in_link) page.infos[f.parent].link_len += len;
      if (f.block >= 0) {
        Info& b = page.infos[f.block];
        b.own_len += len;
        b.own_commas += commas;
        if (f.in_link) b.own_link_len += len;
      }
      continue;
    }
    if (!is_element(f.node) || is_junk(f.node)) continue;
    const int self = static_cast<int>(page.infos.size());
    page.infos.push_back(Info{f.node, f.parent});
    page.index.emplace(f.node, self);
    const GumboTag t = tag_of(f.node);
    const int block = is_inline(t) ? f.block : self;
    const bool in_link = f.in_link || t == GUMBO_TAG_A;
    const GumboVector& kids = f.node->v.element.children;
    for (unsigned i = kids.length; i-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(kids.data[i]), self, block, in_link});
  }
  // Pre-order puts every child after its parent, so one backward pass sums subtrees.
  for (std::size_t i = page.infos.size(); i-- > 1;) {
    Info& info = page.infos[i];
    if (info.parent < 0) continue;
    page.infos[info.parent].text_len += info.text_len;
    page.infos[info.parent].link_len += info.link_len;
  }
  return page;
}

void score(Page& page) {
  for (std::size_t i = 0; i < page.infos.size(); ++i) {
    const Info& p = page.infos[i];
    const GumboTag t = tag_of(p.node);
    if (p.own_len - p.own_link_len < 25 || !scores_as_paragraph(t)) continue;
    const double content = 1.0 + static_cast<double>(p.own_commas) + std::min<double>(static_cast<double>(p.own_len / 100), 3.0);
    // A <p> credits its container; a <div> holding bare text is its own container.
    int target = is_p_like(t) ? p.parent : static_cast<int>(i);
    for (int level = 0; level < 5 && target >= 0; ++level) {
      Info& c = page.infos[target];
      if (!c.candidate) {
        c.candidate = true;
        c.score = tag_prior(tag_of(c.node)) + class_weight(c.node);
      }
      c.score += content / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
      target = c.parent;
    }
  }
  for (Info& c : page.infos)
    if (c.candidate) c.score *= 1.0 - link_density(c);
}

// The best candidate and the siblings that belong with it (articles split into several divs).
std::vector<int> pick_roots(const Page& page) {
  int top = -1;
  for (std::size_t i = 0; i < page.infos.size(); ++i) {
    const Info& c = page.infos[i];
    if (c.candidate && (top < 0 || c.score > page.infos[top].score)) top = static_cast<int>(i);
  }
  if (top < 0 || page.infos[top].score <= 0) return {0};  // nothing scored: take the whole body
  const Info& best = page.infos[top];
  if (best.parent < 0) return {top};
  const double threshold = std::max(10.0, best.score * 0.2);
  std::vector<int> roots;
  const GumboVector& kids = page.infos[best.parent].node->v.element.children;
  for (unsigned k = 0; k < kids.length; ++k) {
    auto it = page.index.find(static_cast<const GumboNode*>(kids.data[k]));
    if (it == page.index.end()) continue;
    const int i = it->second;
    const Info& s = page.infos[i];
    bool take = i == top || (s.candidate && s.score >= threshold);
    if (!take && tag_of(s.node) == GUMBO_TAG_P) {
      const double ld = link_density(s);
      take = (s.text_len > 80 && ld < 0.25) || (s.text_len > 0 && ld == 0 && s.own_commas > 0);
    }
    if (take) roots.push_back(i);
  }
  return roots;
}

// Blocks inside the article that are mostly links: related-story lists, tag clouds, "read more".
bool link_heavy(const Info& info) {
  switch (tag_of(info.node)) {
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_LI: case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_P: case GUMBO_TAG_HEADER:
      return info.text_len > 0 && link_density(info) > 0.5;
    default:
      return false;
  }
}

void flatten(const Page& page, int root, std::vector<std::string>& out) {
  std::string current;
  auto flush = [&] {
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(std::move(current));
    current.clear();
  };
  // (node, leaving): a block is flushed both when entered and when left.
  std::vector<std::pair<const GumboNode*, bool>> stack{{page.infos[root].node, false}};
  while (!stack.empty()) {
    const auto [n, leaving] = stack.back();
    stack.pop_back();
    if (leaving) {
      flush();
      continue;
    }
    if (is_text(n)) {
      current += n->v.text.text;
      continue;
    }
    auto it = page.index.find(n);
    if (it == page.index.end()) continue;  // junk, or not an element
    const Info& info = page.infos[it->second];
    if (it->second != root && link_heavy(info)) continue;
    const GumboTag t = tag_of(n);
    if (t == GUMBO_TAG_BR || t == GUMBO_TAG_HR) {
      flush();
      continue;
    }
    const bool block = !is_inline(t);
    if (block) {
      flush();
      stack.push_back({n, true});
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids.data[i]), false});
  }
  flush();
}

}  // namespace

std::vector<std::string> main_text_paragraphs(const GumboNode* body) {
  Page page = collect(body);
  if (page.infos.empty()) return {};
  score(page);
  std::vector<std::string> paragraphs;
  for (int root : pick_roots(page)) flatten(page, root, paragraphs);
  return paragraphs;
}

}  // namespace storyline::detail
