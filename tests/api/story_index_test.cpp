// StoryIndex's ranking from a base (the threads changed since, in place of theirs) gives the
// ranking of every thread, a ranking finds its threads by id, and thread tallies add up through
// every kind of change.
#include "api/story_index.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "../support/articles.h"
#include "../support/shared_engine.h"

namespace storyline {
namespace {

Article article(const std::string& id, const std::string& title, const std::string& text, std::int64_t published) {
  return testing::english_article(id, title, text, published);
}

std::vector<std::string> thread_ids(const ThreadSnapshot& snapshot) {
  std::vector<std::string> ids;
  for (const auto& ranked : snapshot.threads) ids.push_back(ranked.thread->id);
  return ids;
}

class StoryIndexRanking : public ::testing::Test {
 protected:
  StoryIndexRanking() : index_(testing::shared_engine().model(), TermStats{}, ThreadingOptions{}) {
    std::vector<Article> articles = {
        article("quake-1", "Earthquake of magnitude 6.1 strikes central Italy",
                "An earthquake of magnitude 6.1 struck central Italy near Norcia on Sunday, officials said.", 1'700'000'000),
        article("quake-2", "Magnitude 6.1 earthquake hits Norcia in central Italy",
                "A magnitude 6.1 earthquake hit Norcia in central Italy on Sunday morning.", 1'700'000'600),
        article("budget-1", "Parliament passes the annual budget after a long debate",
                "Parliament passed the annual budget on Tuesday after a debate that lasted three days.", 1'700'003'600),
    };
    for (Profile& p : testing::shared_engine().profile_all(std::move(articles)))
      index_.add({std::make_shared<const Profile>(std::move(p)), "", std::nullopt, {}});
  }
  StoryIndex index_;
};

// position() finds every thread of a ranking where it is, nothing for an unknown id, and
// gives the same answers to callers racing to build its map.
TEST_F(StoryIndexRanking, EveryThreadIsFoundWhereItIsRanked) {
  auto ranking = StoryIndex::rank(index_.unranked()).snapshot;
  ASSERT_EQ(ranking->threads.size(), 2u);  // the quake (two reports) and the budget
  std::vector<std::thread> callers;
  std::atomic<int> wrong{0};
  for (int c = 0; c < 4; ++c)
    callers.emplace_back([&] {
      for (std::size_t i = 0; i < ranking->threads.size(); ++i)
        wrong += ranking->position(ranking->threads[i].thread->id) != i;
      wrong += ranking->position("no such thread").has_value();
    });
  for (auto& t : callers) t.join();
  EXPECT_EQ(wrong, 0);
}

// From a base, only the changed threads are gathered; put in place of theirs, they give the
// ranking made from every thread: after a thread grows, a new one starts, and one is emptied.
TEST_F(StoryIndexRanking, RankingFromABaseEqualsRankingEveryThread) {
  auto same = [](const ThreadSnapshot& a, const ThreadSnapshot& b) {
    ASSERT_EQ(thread_ids(a), thread_ids(b));
    for (std::size_t i = 0; i < a.threads.size(); ++i) {
      EXPECT_EQ(a.threads[i].importance, b.threads[i].importance);
      EXPECT_EQ(a.threads[i].thread->title, b.threads[i].thread->title);
      EXPECT_EQ(a.threads[i].thread->members.size(), b.threads[i].thread->members.size());
    }
    for (std::size_t i = 0; i < a.threads.size(); ++i) EXPECT_EQ(b.position(a.threads[i].thread->id), i);
    EXPECT_EQ(a.changes, b.changes);
  };
  auto add = [&](const Article& a) {
    index_.add({std::make_shared<const Profile>(testing::shared_engine().profile_all({a})[0]), "", std::nullopt, {}});
  };
  auto base = StoryIndex::rank(index_.unranked()).snapshot;
  EXPECT_TRUE(index_.unranked(base).threads.empty());  // nothing changed
  same(*StoryIndex::rank(index_.unranked(base)).snapshot, *base);

  add(article("budget-2", "Annual budget approved by parliament", "The annual budget was approved.", 1'700'007'200));
  add(article("strike-1", "Rail workers strike across France over pensions",
              "Rail workers went on strike across France on Monday over the pension reform.", 1'700'010'800));
  auto unranked = index_.unranked(base);
  EXPECT_EQ(unranked.threads.size(), 2u);  // the budget thread, the new strike thread
  auto merged = StoryIndex::rank(std::move(unranked)).snapshot;
  same(*merged, *StoryIndex::rank(index_.unranked()).snapshot);

  ASSERT_TRUE(index_.take("strike-1"));  // its thread is emptied: gone from the list
  auto after_removal = StoryIndex::rank(index_.unranked(merged)).snapshot;
  same(*after_removal, *StoryIndex::rank(index_.unranked()).snapshot);
  EXPECT_EQ(after_removal->threads.size(), merged->threads.size() - 1);
}

// A thread's tally is its members' votes and folded headlines summed in member order, through
// joins, a removal from the middle, an article taken out and put back (it comes back at the
// thread's end) and an article sent again.
TEST(StoryIndexTallies, EqualSummingTheMembersThroughEveryKindOfChange) {
  StoryIndex index(testing::shared_engine().model(), TermStats{}, ThreadingOptions{});
  std::vector<Article> articles;
  for (int k = 0; k < 5; ++k)
    articles.push_back(article("quake-" + std::to_string(k), "Magnitude 6.1 earthquake hits Norcia in central Italy",
                               "A magnitude 6.1 earthquake hit Norcia in central Italy on Sunday morning, officials said.",
                               1'700'000'000 + k * 600));
  articles.push_back(article("budget", "Parliament passes the annual budget after a long debate",
                             "Parliament passed the annual budget on Tuesday after a debate that lasted three days.",
                             1'700'003'600));
  std::vector<Profile> profiles = testing::shared_engine().profile_all(articles);
  auto add = [&](std::size_t k, float weight = 1) {
    IndexedArticle a{std::make_shared<const Profile>(profiles[k]), "folded " + profiles[k].id + "\t" + std::to_string(weight),
                     std::nullopt, {}};
    for (std::size_t c = 0; c < a.category_vote.size(); ++c) a.category_vote[c] = weight * 0.1f * float(k + c + 1);
    index.add(std::move(a));
  };
  auto expect_tallies_add_up = [&](const char* step) {
    SCOPED_TRACE(step);
    for (const auto& thread : index.unranked().threads) {
      ThreadTally expected;
      for (const ThreadMember& m : thread->members) {
        const IndexedArticle* a = index.find(m.article_id);
        ASSERT_NE(a, nullptr);
        expected.add(a->category_vote, a->folded_title);
      }
      const ThreadTally& tally = index.tally(*thread);
      EXPECT_EQ(tally.members, thread->members.size());
      EXPECT_EQ(tally.votes, expected.votes);
      EXPECT_EQ(tally.headlines, expected.headlines);
    }
  };
  for (std::size_t k = 0; k < 3; ++k) add(k);
  add(5);
  ASSERT_EQ(index.thread_of("quake-2"), index.thread_of("quake-0"));
  expect_tallies_add_up("first read");
  add(3);  // joins a tally that was read
  expect_tallies_add_up("a join");
  ASSERT_TRUE(index.remove("quake-1"));
  add(4);
  expect_tallies_add_up("a removal from the middle, then a join");
  auto taken = index.take("quake-2");
  ASSERT_TRUE(taken);
  index.restore({taken->article}, {taken->membership});
  EXPECT_EQ(index.thread_of("quake-2")->members.back().article_id, "quake-2");
  expect_tallies_add_up("taken out and put back at the end");
  add(0, 2);  // sent again, with other votes and headline
  expect_tallies_add_up("sent again");
}

}  // namespace
}  // namespace storyline
