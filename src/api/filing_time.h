// The time the server files an article under: its stated publication time when that is
// believable, else the index's clock.
//
// The index's clock ("now": what candidate windows, GET /threads periods and TTL expiry are
// measured from) is the newest publication time it holds. Left to stated dates alone, one
// article dated years ahead (a typo, a feed's broken time zone) would move it years on: every
// other article would drop out of the candidate window (no later report could join them) and
// every article with a TTL would expire. And an undated article, with no time at all, would
// stay a candidate for ever. So a date more than a day after the machine's clock (time zones
// differ by at most 14 hours) is not believed, and such an article, like an undated one, is
// filed at the index's clock: it arrived just now, as far as the index can tell. Neither the
// machine's clock nor the arrival time is used instead, because the index may be replaying an
// archive: a 2022 corpus filed partly at 2026 would lose its window the same way. While the
// index holds no dated article, such an article stays undated (inside every window).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace storyline {

inline constexpr std::int64_t kBelievableAheadSeconds = 24 * 3600;

// The machine's clock, UTC seconds.
inline std::int64_t wall_clock() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// `index_now`: the index's clock (empty while it holds no dated article); `wall_clock`: the
// machine's, only to tell which stated dates are believable.
// Whether a stated date is filed as it is (else the index's clock decides).
inline bool believable(std::optional<std::int64_t> stated, std::int64_t wall_clock) {
  return stated && *stated <= wall_clock + kBelievableAheadSeconds;
}

inline std::optional<std::int64_t> filing_time(std::optional<std::int64_t> stated,
                                               std::optional<std::int64_t> index_now, std::int64_t wall_clock) {
  if (believable(stated, wall_clock)) return stated;
  return index_now;
}

}  // namespace storyline
