// libFuzzer target: read_txt must report problems in ReadBatch::errors, never crash, leak or hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "article/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  storyline::ReadBatch batch;
  storyline::read_txt(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz/input.txt", batch);
  return 0;
}
