#include "threads/thread_summary.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace storyline {
namespace {

// For each title, the sum of its similarities to the others. Up to a few dozen titles every
// pair is compared, in member order (two reports' titles tie exactly, and the first keeps the
// title). Beyond that the sum is the title's similarity to the sum of all titles, less its own
// length: comparing every pair cost a thread a thousand strong tens of milliseconds, under the
// server's index lock, each time the thread grew. Equal up to rounding.
std::vector<double> summed_similarities(const std::vector<SparseVector>& titles) {
  constexpr std::size_t kEveryPairUpTo = 64;
  std::vector<double> sums(titles.size(), 0.0);
  if (titles.size() <= kEveryPairUpTo) {
    for (std::size_t i = 0; i < titles.size(); ++i)
      for (std::size_t j = 0; j < titles.size(); ++j)
        if (j != i) sums[i] += dot(titles[i], titles[j]);
    return sums;
  }
  TermCounter summed;
  for (const SparseVector& title : titles)
    for (auto [id, weight] : title.entries) summed.add(id, weight);
  const SparseVector all = summed.vector();
  for (std::size_t i = 0; i < titles.size(); ++i)
    sums[i] = double(dot(titles[i], all)) - double(dot(titles[i], titles[i]));
  return sums;
}

}  // namespace

std::string thread_id_for(const std::string& founding_article_id) {
  TermId hash = term_id("thread:", founding_article_id);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "t%012llx",
                static_cast<unsigned long long>(hash & 0xffffffffffffull));
  return buffer;
}

double headline_quality(const std::string& title) {
  std::size_t words = 0;
  bool in_word = false;
  std::size_t letters = 0, upper = 0;
  for (unsigned char c : title) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
    if (c < 0x80 && std::isalpha(c)) {
      ++letters;
      upper += std::isupper(c) != 0;
    }
  }
  double quality = 1.0;
  if (words < 4) quality -= 0.5;             // "Breaking", "Update": says nothing
  if (words > 25) quality -= 0.3;            // a first sentence used as a title
  if (!title.empty() && (title.back() == '?' || title.back() == '!')) quality -= 0.3;
  if (!title.empty() && (title.front() == '"' || title.front() == '\'')) quality -= 0.2;
  if (letters > 8 && upper * 10 > letters * 7) quality -= 0.4;  // SHOUTING
  if (title.find(" | ") != std::string::npos) quality -= 0.1;  // site suffix left in
  return quality;
}

void summarise(Thread& thread, const std::vector<SparseVector>& titles,
               std::optional<std::int64_t> now) {
  describe(thread, titles);
  weigh_importance(thread, now);
}

void describe(Thread& thread, const std::vector<SparseVector>& titles) {
  std::set<std::string> languages, sources;
  thread.first_seen.reset();
  thread.last_seen.reset();
  for (const ThreadMember& m : thread.members) {
    if (!m.lang.empty()) languages.insert(m.lang);
    if (!m.source.empty()) sources.insert(m.source);
    if (m.published) {
      if (!thread.first_seen || *m.published < *thread.first_seen) thread.first_seen = m.published;
      if (!thread.last_seen || *m.published > *thread.last_seen) thread.last_seen = m.published;
    }
  }
  thread.languages.assign(languages.begin(), languages.end());
  thread.sources.assign(sources.begin(), sources.end());

  // Title: the member headline most central to the others (it names what they share),
  // weighted by its own quality. Not the longest, not merely the first.
  const std::vector<double> centrality = summed_similarities(titles);
  double best = -1e9;
  for (std::size_t i = 0; i < thread.members.size() && i < titles.size(); ++i) {
    const std::string& title = thread.members[i].title;
    if (title.empty()) continue;
    double score = centrality[i];
    if (titles.size() > 1) score /= double(titles.size() - 1);
    score += 0.5 * headline_quality(title);
    if (score > best) {
      best = score;
      thread.title = title;
    }
  }
  if (thread.title.empty() && !thread.members.empty()) thread.title = thread.members.front().title;
}

void weigh_importance(Thread& thread, std::optional<std::int64_t> now) { thread.importance = importance_at(thread, now); }

double importance_at(const Thread& thread, std::optional<std::int64_t> now) {
  // Independent outlets count most (a wire copy in ten feeds is one report), then size and
  // languages, decayed by age relative to the corpus's "now" (half-life 1 day).
  const std::size_t sources = thread.sources.size(), languages = thread.languages.size();
  double outlets = sources == 0 ? double(thread.members.size()) : double(sources);
  double base = 2.0 * std::log2(1.0 + outlets) + std::log2(1.0 + double(thread.members.size())) +
                0.5 * (double(languages) - 1.0);
  double age_days = now && thread.last_seen ? double(*now - *thread.last_seen) / 86400.0 : 0.0;
  return base * std::pow(0.5, std::max(0.0, age_days));
}

bool ranks_before(double importance_a, const Thread& a, double importance_b, const Thread& b) {
  if (importance_a != importance_b) return importance_a > importance_b;
  if (a.last_seen != b.last_seen) return a.last_seen > b.last_seen;
  return a.id < b.id;
}

void rank_threads(std::vector<Thread>& threads) {
  std::stable_sort(threads.begin(), threads.end(),
                   [](const Thread& a, const Thread& b) { return ranks_before(a.importance, a, b.importance, b); });
}

}  // namespace storyline
