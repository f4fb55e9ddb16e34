// ProfileCodec: a Profile as compact bytes, so a restart restores analyses by decoding instead
// of re-analysing every article (decoding is ~100x faster than profiling, and it does not
// depend on which dictionaries happen to be loaded). Versioned: the current version and the
// one before are read; a blob of another version is refused and the caller re-profiles from
// the stored article.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "features/profile.h"

namespace storyline {

std::string encode_profile(const Profile& profile);

// nullopt for a truncated or foreign blob (never throws, never reads past the end).
std::optional<Profile> decode_profile(std::string_view bytes);

}  // namespace storyline
