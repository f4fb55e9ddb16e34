// gumbo 0.10 rescans its stack of open elements for many start tags, so parse time grows with
// (tags x nesting depth): 100k unclosed <div>s take ~30 s, a 32 MB file of them would never end.
// A cheap pre-scan estimates that work so such input is refused instead of hanging.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace storyline::detail {

// Sum, over tags, of the open elements the parser looks through for them, following a stack
// of open elements roughly as HTML5 does: void and implicitly closed elements (p, li, td, a,
// ...) do not nest, "/>" closes only inside SVG and MathML, an end tag closes the innermost
// open element of its name (after a search of the stack, whether it finds one or not);
// script/style/textarea/title contents and comments are skipped. Past kMaxNestingDepth open
// elements the result is over kMaxNestingWork.
std::uint64_t estimate_nesting_work(std::string_view html);

// Above this the page is refused (a real page scores well under a million; this is ~1 s of gumbo).
inline constexpr std::uint64_t kMaxNestingWork = 200'000'000;
// gumbo 0.10 frees its tree recursively; 300,000 nested unknown elements (1.2 MB) overflowed
// an 8 MB stack. Real pages nest a few dozen deep.
inline constexpr std::size_t kMaxNestingDepth = 20'000;

}  // namespace storyline::detail
