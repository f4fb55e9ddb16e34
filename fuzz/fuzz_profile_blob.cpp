// decode_profile reads blobs back from the database: whatever the bytes, it returns a profile
// or nothing, never reading past them. A blob it accepts must survive a round trip: encoding
// what it read and decoding that gives the same encoding again (nothing read is lost or
// changed, weights and numbers bit for bit).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "store/profile_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto profile = storyline::decode_profile(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!profile) return 0;
  const std::string once = storyline::encode_profile(*profile);
  auto again = storyline::decode_profile(once);
  if (!again || storyline::encode_profile(*again) != once) __builtin_trap();
  return 0;
}
