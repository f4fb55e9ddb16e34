// ThreadTallies keeps a thread's tally across joins at its end (what makes a publication's
// work under the index lock proportional to the joins, not to the members), and drops it on
// anything it cannot follow.
#include "api/thread_tallies.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

CategoryScores vote(float first, float second) {
  CategoryScores v{};
  v[0] = first;
  v[1] = second;
  return v;
}

TEST(ThreadTallies, JoinsAtTheEndAreAddedToTheKeptTally) {
  ThreadTallies tallies;
  tallies.joined("t1", 1, vote(0.5f, 0), "quake hits norcia");
  tallies.joined("t1", 2, vote(0.25f, 0.5f), "norcia quake");
  const ThreadTally* kept = tallies.find("t1", 2);
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->votes, vote(0.75f, 0.5f));
  EXPECT_EQ(kept->headlines, "quake hits norcia\nnorcia quake\n");
  EXPECT_EQ(tallies.find("t1", 3), nullptr);  // covers two members, not three
}

TEST(ThreadTallies, AJoinItDidNotFollowDropsTheTally) {
  ThreadTallies tallies;
  tallies.joined("t1", 1, vote(0.5f, 0), "a");
  tallies.joined("t1", 3, vote(0.5f, 0), "c");  // the second member's join was missed
  EXPECT_EQ(tallies.find("t1", 3), nullptr);
  EXPECT_EQ(tallies.find("t1", 1), nullptr);
  EXPECT_EQ(tallies.size(), 0u);
}

TEST(ThreadTallies, AnInvalidatedTallyIsGoneUntilKeptAgain) {
  ThreadTallies tallies;
  tallies.joined("t1", 1, vote(1, 0), "a");
  tallies.invalidate("t1");
  EXPECT_EQ(tallies.find("t1", 1), nullptr);
  tallies.joined("t1", 2, vote(1, 0), "b");  // nothing kept to add to
  EXPECT_EQ(tallies.find("t1", 2), nullptr);
  ThreadTally rebuilt;
  rebuilt.add(vote(1, 0), "a");
  rebuilt.add(vote(1, 0), "b");
  tallies.keep("t1", rebuilt);
  tallies.joined("t1", 3, vote(0, 1), "c");
  ASSERT_NE(tallies.find("t1", 3), nullptr);
  EXPECT_EQ(tallies.find("t1", 3)->headlines, "a\nb\nc\n");
}

TEST(ThreadTallies, AFounderStartsAfreshUnderAnIdUsedBefore) {
  ThreadTallies tallies;
  tallies.joined("t1", 1, vote(1, 0), "old");
  tallies.joined("t1", 1, vote(0, 1), "new");
  const ThreadTally* kept = tallies.find("t1", 1);
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->votes, vote(0, 1));
  EXPECT_EQ(kept->headlines, "new\n");
}

}  // namespace
}  // namespace storyline
