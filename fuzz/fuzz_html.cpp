// libFuzzer target: read_html must report problems in ReadBatch::errors, never crash, leak or hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "article/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  storyline::ReadBatch batch;
  storyline::read_html(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz/input.html", batch);
  return 0;
}
