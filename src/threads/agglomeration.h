// Agglomeration: average-link clustering over a sparse graph of candidate pairs.
//
// Items are connected by candidate edges; clusters merge best-first while the mean pair
// probability between them is at least 0.5, which is also the point where merging raises
// the sum of (P - 0.5) over the pairs inside clusters. Every pair between two clusters votes
// (an even sample of them for large clusters), so one strong pair cannot chain two groups
// that the rest of their pairs keep apart. Only clusters joined by a candidate edge are ever
// compared: the edges bound the work, as the candidate index does for online threading.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace storyline {

class Agglomeration {
 public:
  using Item = std::uint32_t;
  // P(same) of two items; called once per pair, `later` > `earlier`.
  using Probability = std::function<float(Item later, Item earlier)>;
  // Whether a pair counts in the mean at all (the time window); pairs that do not are skipped.
  using Comparable = std::function<bool(Item, Item)>;

  Agglomeration(std::size_t items, Probability probability, Comparable comparable);
  ~Agglomeration();

  // A candidate pair (a != b); its probability is computed now. A pair that does not count
  // (see Comparable) is no edge, and is not computed.
  void connect(Item a, Item b);
  // Merges while a pair of connected clusters has a mean probability >= 0.5.
  void run();
  // Then each item that run() left alone joins the cluster (of two or more) it is most like by
  // the online rule: the mean of its best two probabilities with the cluster's members, if that
  // reaches 0.5. An article with little text shares little with most reports of its story, so
  // the mean over all of them keeps it out even when its best matches are sure; joining one at
  // a time it cannot chain two clusters. Its best two are taken among the pairs already
  // computed, which include the cluster's members (or run()'s sample of them) whenever one of
  // its edges to the cluster reached 0.5. Decided against the clusters as run() left them, so
  // the order of the lone items does not matter.
  void adopt_lone_items();

  // Each cluster's items in ascending order; clusters ordered by their first item.
  std::vector<std::vector<Item>> clusters() const;
  // A pair's probability if it has been computed (by connect(), run() or probability()).
  std::optional<float> compared(Item a, Item b) const;
  // A pair's probability, computed now if it has not been.
  float probability(Item a, Item b);

  std::size_t pairs_computed() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace storyline
