// BestTwo: the two highest of a stream of probabilities and their mean (the one alone when only
// one came): the online rule's score of an article against a thread, which average linkage
// uses to adopt lone articles and to say why each member joined.
#pragma once

namespace storyline {

struct BestTwo {
  float first = -1, second = -1;  // -1: none yet

  // Whether `p` is the new highest.
  bool consider(float p) {
    if (p > first) {
      second = first;
      first = p;
      return true;
    }
    if (p > second) second = p;
    return false;
  }
  float mean() const { return second >= 0 ? 0.5f * (first + second) : first; }
};

}  // namespace storyline
