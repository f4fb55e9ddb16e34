// Template definitions for sparse_vector.h.
#pragma once

#include <cmath>

namespace storyline {

template <typename WeightFn>
SparseVector reweight_normalised(const SparseVector& v, WeightFn weight) {
  SparseVector out;
  out.entries.reserve(v.entries.size());
  double norm = 0;
  for (auto [id, value] : v.entries) {
    float w = weight(id, value);
    if (w <= 0) continue;
    out.entries.emplace_back(id, w);
    norm += double(w) * w;
  }
  if (norm > 0) {
    float scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (auto& entry : out.entries) entry.second *= scale;
  }
  return out;
}

}  // namespace storyline
