#include "threads/agglomeration.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <unordered_map>

#include "compare/story_model.h"
#include "threads/best_two.h"

namespace storyline {
namespace {

using Item = Agglomeration::Item;

constexpr std::size_t kFirstSample = 16;    // pairs averaged first between two large clusters
constexpr float kClearMargin = 0.15f;       // how far from the threshold those settle it
constexpr std::size_t kPairsSampled = 64;   // pairs averaged otherwise
constexpr std::size_t kSampledSide = 8;     // members of the smaller side in that sample

// What is known of the linkage of two clusters: measured (over their pairs, or a sample), or an
// optimistic estimate carried over from before a merge.
struct Link {
  float value = 0;
  double pairs = 1;  // how many pairs that count it stands for (the weight when two combine)
  bool exact = false;
};

// A possible merge of two clusters (each named by its root item), with the versions of both
// when it was proposed: a cluster that has merged since makes the proposal stale.
struct Proposal {
  float value = 0;
  Item a = 0, b = 0;
  std::uint32_t version_a = 0, version_b = 0;
  bool exact = false;

  // Highest value first; ties broken by the roots, so the outcome never depends on the heap.
  bool operator<(const Proposal& o) const {
    if (value != o.value) return value < o.value;
    return std::minmax(a, b) > std::minmax(o.a, o.b);
  }
};

std::uint64_t pair_key(Item a, Item b) {
  if (a < b) std::swap(a, b);
  return std::uint64_t(a) << 32 | b;
}

}  // namespace

struct Agglomeration::State {
  Probability probability_of;
  Comparable comparable;
  std::vector<Item> root_of;
  std::vector<std::vector<Item>> members;  // per root
  std::vector<std::uint32_t> version;      // per root: merges it has taken part in
  std::vector<std::unordered_map<Item, Link>> neighbours;  // per root: its links to other roots
  std::unordered_map<std::uint64_t, float> computed;
  std::vector<std::vector<Item>> partners;  // per item: the items its computed pairs are with
  std::priority_queue<Proposal> proposals;

  float probability(Item a, Item b) {
    const std::uint64_t key = pair_key(a, b);
    if (auto it = computed.find(key); it != computed.end()) return it->second;
    const float p = probability_of(std::max(a, b), std::min(a, b));
    computed.emplace(key, p);
    partners[a].push_back(b);
    partners[b].push_back(a);
    return p;
  }

  // Mean probability over the pairs between two clusters that count: all of them, or an even
  // sample (16 pairs, then 64 unless those 16 are clearly on one side of the threshold; the
  // 16 are among the 64). Value 0 when no pair counts.
  Link linkage(Item a, Item b) {
    const Link first = sampled_linkage(a, b, kFirstSample);
    const bool whole = members[a].size() * members[b].size() <= kFirstSample;
    if (whole || std::abs(first.value - kSameStoryThreshold) > kClearMargin) return first;
    return sampled_linkage(a, b, kPairsSampled);
  }

  Link sampled_linkage(Item a, Item b, std::size_t budget) {
    const std::vector<Item>& A = members[a];
    const std::vector<Item>& B = members[b];
    std::size_t na = A.size(), nb = B.size();
    if (na * nb > budget) {
      const std::size_t side = budget == kPairsSampled ? kSampledSide : kSampledSide / 2;
      if (na <= nb) {
        na = std::min(na, side);
        nb = std::min(nb, budget / na);
      } else {
        nb = std::min(nb, side);
        na = std::min(na, budget / nb);
      }
    }
    double sum = 0;
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < na; ++i) {
      const Item x = A[i * A.size() / na];
      for (std::size_t j = 0; j < nb; ++j) {
        const Item y = B[j * B.size() / nb];
        if (!comparable(x, y)) continue;
        sum += probability(x, y);
        ++pairs;
      }
    }
    const double share = double(pairs) / double(na * nb);  // of all pairs, those that count
    return {pairs ? float(sum / double(pairs)) : 0.0f, share * double(A.size() * B.size()), true};
  }

  // The smaller cluster joins the larger (an item moves once per doubling). The merged
  // cluster's linkage with a neighbour of both is the mean of the two it replaces, weighted by
  // the pairs each stands for (exact for average linkage); a neighbour of one side only keeps
  // that side's value as an optimistic estimate (the other side shares no candidate pair with
  // it), measured when it comes up. Links that reach the threshold are proposed.
  void merge(Item a, Item b) {
    Item into = a, from = b;
    if (members[b].size() > members[a].size() || (members[b].size() == members[a].size() && b < a))
      std::swap(into, from);
    for (Item m : members[from]) root_of[m] = into;
    members[into].insert(members[into].end(), members[from].begin(), members[from].end());
    members[from] = {};
    ++version[into];

    std::unordered_map<Item, Link> joined = std::move(neighbours[into]);
    joined.erase(from);
    for (auto& [n, link] : joined) link.exact = false;  // until the other side is known
    for (auto [n, link] : neighbours[from]) {
      if (n == into) continue;
      auto it = joined.find(n);
      if (it == joined.end()) {
        joined.emplace(n, Link{link.value, link.pairs, false});
      } else {
        const Link& other = it->second;
        const double pairs = other.pairs + link.pairs;
        const bool exact = link.exact && neighbours[n].at(into).exact;
        it->second = {float((other.value * other.pairs + link.value * link.pairs) / pairs), pairs, exact};
      }
    }
    neighbours[from] = {};
    for (auto [n, link] : joined) {
      neighbours[n].erase(from);
      neighbours[n][into] = link;
      if (link.value >= kSameStoryThreshold)
        proposals.push({link.value, into, n, version[into], version[n], link.exact});
    }
    neighbours[into] = std::move(joined);
  }
};

Agglomeration::Agglomeration(std::size_t items, Probability probability, Comparable comparable)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.probability_of = std::move(probability);
  s.comparable = std::move(comparable);
  s.root_of.resize(items);
  s.members.resize(items);
  s.version.assign(items, 0);
  s.neighbours.resize(items);
  s.partners.resize(items);
  for (Item i = 0; i < items; ++i) {
    s.root_of[i] = i;
    s.members[i] = {i};
  }
}

Agglomeration::~Agglomeration() = default;

void Agglomeration::connect(Item a, Item b) {
  State& s = *state_;
  if (!s.comparable(a, b)) return;  // not worth the model's time
  const float p = s.probability(a, b);
  const Item ra = s.root_of[a], rb = s.root_of[b];
  if (ra == rb) return;
  // Before run() every item is its own cluster, so the pair's probability is their linkage.
  const bool exact = s.members[ra].size() == 1 && s.members[rb].size() == 1;
  s.neighbours[ra][rb] = {p, 1, exact};
  s.neighbours[rb][ra] = {p, 1, exact};
  if (p >= kSameStoryThreshold) s.proposals.push({p, ra, rb, s.version[ra], s.version[rb], exact});
}

void Agglomeration::run() {
  State& s = *state_;
  while (!s.proposals.empty()) {
    const Proposal e = s.proposals.top();
    s.proposals.pop();
    if (s.root_of[e.a] != e.a || s.root_of[e.b] != e.b || s.version[e.a] != e.version_a ||
        s.version[e.b] != e.version_b)
      continue;  // one of them has merged since: merge() proposed the new pair itself
    if (e.exact) {
      s.merge(e.a, e.b);
      continue;
    }
    const Link measured = s.linkage(e.a, e.b);
    s.neighbours[e.a][e.b] = measured;
    s.neighbours[e.b][e.a] = measured;
    if (measured.value >= kSameStoryThreshold)
      s.proposals.push({measured.value, e.a, e.b, e.version_a, e.version_b, true});
  }
}

void Agglomeration::adopt_lone_items() {
  State& s = *state_;
  std::vector<std::pair<Item, Item>> adoptions;  // lone item, cluster root
  std::map<Item, BestTwo> by_cluster;            // ordered: ties go to the lowest root
  for (Item x = 0; x < s.root_of.size(); ++x) {
    if (s.root_of[x] != x || s.members[x].size() != 1) continue;
    by_cluster.clear();
    for (Item m : s.partners[x]) {
      const Item root = s.root_of[m];
      if (s.members[root].size() > 1 && s.comparable(x, m)) by_cluster[root].consider(s.computed.at(pair_key(x, m)));
    }
    float best = kSameStoryThreshold;
    std::optional<Item> chosen;
    for (const auto& [root, two] : by_cluster)
      if (chosen ? two.mean() > best : two.mean() >= best) {
        best = two.mean();
        chosen = root;
      }
    if (chosen) adoptions.emplace_back(x, *chosen);
  }
  for (auto [x, root] : adoptions) s.merge(root, x);
  s.proposals = {};  // the links merge() proposed are for run(), which is over
}

std::vector<std::vector<Agglomeration::Item>> Agglomeration::clusters() const {
  std::vector<std::vector<Item>> out;
  for (Item r = 0; r < state_->members.size(); ++r)
    if (state_->root_of[r] == r) {
      out.push_back(state_->members[r]);
      std::sort(out.back().begin(), out.back().end());
    }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<float> Agglomeration::compared(Item a, Item b) const {
  auto it = state_->computed.find(pair_key(a, b));
  if (it == state_->computed.end()) return std::nullopt;
  return it->second;
}

float Agglomeration::probability(Item a, Item b) { return state_->probability(a, b); }

std::size_t Agglomeration::pairs_computed() const { return state_->computed.size(); }

}  // namespace storyline
