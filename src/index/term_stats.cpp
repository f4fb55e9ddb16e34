#include "index/term_stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <fstream>
#include <stdexcept>

namespace storyline {

TermStats corpus_stats(const std::string& background_path, const std::vector<Profile>& profiles) {
  TermStats stats;
  if (std::ifstream(background_path).good()) stats.load_background(background_path);
  for (const Profile& p : profiles) stats.add(p);
  return stats;
}

TermId entity_term(const ProfileEntity& entity) { return term_id("e:", entity.key); }

void TermStats::load_background(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open the background term statistics");
  std::string line;
  std::size_t line_number = 0;
  auto fail = [&](const std::string& what) {
    throw std::runtime_error(path + ":" + std::to_string(line_number) + ": " + what);
  };
  while (std::getline(in, line)) {
    ++line_number;
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos) fail("expected two tab-separated fields");
    std::string key = line.substr(0, tab), value = line.substr(tab + 1);
    char* end = nullptr;
    unsigned long long count = std::strtoull(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0') fail("'" + value + "' is not a count");
    if (line_number == 1) {
      if (key != "N") fail("first line must be 'N<TAB>count'");
      background_docs_ = count;
      continue;
    }
    unsigned long long id = std::strtoull(key.c_str(), &end, 16);
    if (key.empty() || *end != '\0') fail("'" + key + "' is not a hexadecimal term id");
    counts_.at(id).background = static_cast<std::uint32_t>(count);
  }
  if (line_number == 0) fail("empty file");
}

void TermStats::save(const std::string& path, std::uint32_t min_df) const {
  std::ofstream out(path);
  if (!out) throw std::runtime_error(path + ": cannot write");
  out << "N\t" << docs_ << '\n';
  std::vector<std::pair<TermId, std::uint32_t>> rows;
  counts_.for_each([&](TermId id, const TermCounts::Counts& c) {
    if (c.corpus > 0) rows.emplace_back(id, c.corpus);
  });
  std::sort(rows.begin(), rows.end());
  char buffer[17];
  for (auto [id, df] : rows) {
    if (df < min_df) continue;
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(id));
    out << buffer << '\t' << df << '\n';
  }
}

void TermStats::add(const Profile& profile) { update(profile, +1); }
void TermStats::remove(const Profile& profile) { update(profile, -1); }

void TermStats::update(const Profile& profile, int delta) {
  // Each distinct term once, found by open addressing (the order does not matter: each count
  // moves by one). This runs for every article the server threads, under its lock.
  const SparseVector* parts[] = {&profile.title_terms, &profile.body_terms, &profile.bridge_terms,
                                 &profile.name_keys, &profile.prefixes};
  std::size_t n = profile.entities.size();
  for (const SparseVector* v : parts) n += v->entries.size();
  std::vector<TermId> seen;
  seen.reserve(n);
  TermPositions positions(n);
  auto note = [&](TermId id) {
    const auto next = static_cast<std::uint32_t>(seen.size());
    if (positions.find_or_add(id, next, [&seen](std::uint32_t at) { return seen[at]; }) == next) seen.push_back(id);
  };
  for (const SparseVector* v : parts)
    for (auto [id, weight] : v->entries) note(id);
  for (const ProfileEntity& e : profile.entities) note(entity_term(e));
  for (TermId id : seen) {
    if (delta > 0) {
      ++counts_.at(id).corpus;
    } else if (TermCounts::Counts* c = counts_.find(id); c && c->corpus > 0) {
      if (--c->corpus == 0) counts_.erase_if_empty(id);
    }
  }
  if (delta > 0) ++docs_;
  else if (docs_ > 0) --docs_;
}

float TermStats::idf(TermId id) const {
  std::uint64_t df = 0;
  if (const TermCounts::Counts* c = counts_.find(id)) df = std::uint64_t(c->background) + c->corpus;
  double value = std::log((double(documents()) + 1.0) / (double(df) + 0.5));
  return value > 0 ? static_cast<float>(value) : 0.0f;
}

}  // namespace storyline
