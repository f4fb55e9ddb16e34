// gumbo 0.10 rescans its stack of open elements for many start tags, so parse time grows with
// (tags x nesting depth): 100k unclosed <div>s take ~30 s, a 32 MB file of them would never end.
// A cheap pre-scan estimates that work so such input is refused instead of hanging.
#pragma once

#include <cstdint>
#include <string_view>

namespace storyline::detail {

// Sum, over start tags, of the nesting depth they open at, counting as HTML5 would roughly:
// void and self-closing elements and implicitly closed ones (p, li, td, a, ...) do not nest;
// script/style/textarea/title contents and comments are skipped.
std::uint64_t estimate_nesting_work(std::string_view html);

// Above this the page is refused (a real page scores well under a million; this is ~1 s of gumbo).
inline constexpr std::uint64_t kMaxNestingWork = 200'000'000;

}  // namespace storyline::detail
