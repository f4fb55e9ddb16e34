// Lenient date finding for scraped metadata, kept apart from parse_datetime so that the public
// parser stays strict (a CLI option like --since should not accept "Posted 1 year ago").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace storyline::detail {

// The first unambiguous calendar date written somewhere in `text` ("Posted: June 12, 2013",
// "11: 39am UK, Monday 09 September 2013", "May 3rd, 2013 2: 00pm EDT", "2013 - 09 - 26"),
// as midnight UTC of that day; the time of day is ignored because such strings rarely give it
// cleanly. Numeric d/m/y forms are skipped: "05 / 02 / 2013" is May or February.
std::optional<std::int64_t> scan_date(std::string_view text);

}  // namespace storyline::detail
