// ThreadBuilder::add_batch: by average linkage (the default), and online with the second look
// at each article once the articles after it are in.
#include "thread_builder_fixture.h"

namespace storyline::thread_tests {
namespace {

ThreadingOptions online() {
  ThreadingOptions options;
  options.average_link = false;
  return options;
}

TEST_F(ThreadBuilderTest, AverageLinkageKeepsTheStoriesApartAndSaysWhyEachMemberJoined) {
  TermStats stats = stats_for(shared().stories);
  ThreadBuilder builder(model(), stats);
  std::size_t last = 0;
  builder.add_batch(shared_copies(shared().stories), [&](std::size_t done, std::size_t total) {
    EXPECT_EQ(total, 8u);  // comparing, then placing
    EXPECT_EQ(done, last + 1);
    last = done;
  });
  EXPECT_EQ(last, 8u);
  EXPECT_EQ(builder.article_count(), 4u);
  EXPECT_EQ(memberships(builder.threads()), (Groups{{"quake-1", "quake-2"}, {"transfer-1", "transfer-2"}}));
  const Thread* quake = builder.thread_of("quake-2");
  ASSERT_NE(quake, nullptr);
  EXPECT_EQ(quake->id, thread_id_for("quake-1"));  // the founder's
  const ThreadMember* founder = builder.member("quake-1");
  const ThreadMember* joiner = builder.member("quake-2");
  ASSERT_TRUE(founder && joiner);
  EXPECT_EQ(founder->probability, 1.0f);
  EXPECT_TRUE(founder->matched.article_id.empty());
  EXPECT_EQ(joiner->matched.article_id, "quake-1");
  EXPECT_GE(joiner->matched.probability, 0.5f);
  EXPECT_EQ(joiner->probability, joiner->matched.probability);  // its only earlier fellow
}

TEST_F(ThreadBuilderTest, AverageLinkageKeepsTheLastVersionOfAnIdGivenTwice) {
  std::vector<Profile> profiles = with_quake_1_revised();
  TermStats stats = stats_for(profiles);
  ThreadBuilder builder(model(), stats);
  builder.add_batch(shared_copies(profiles));
  EXPECT_EQ(builder.article_count(), 4u);
  const ThreadMember* m = builder.member("quake-1");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->title, "Chile earthquake: revised report");
  EXPECT_EQ(builder.thread_of("quake-1"), builder.thread_of("quake-2"));
  // The earlier version took no part in the clustering: the revision comes last, so quake-2
  // founded the thread and is the revision's match.
  EXPECT_EQ(builder.thread_of("quake-1")->id, thread_id_for("quake-2"));
  EXPECT_EQ(m->matched.article_id, "quake-2");
}

// Two reports of one quake ten days apart, with a one-day window: never compared, two threads.
TEST_F(ThreadBuilderTest, AverageLinkageComparesOnlyInsideTheWindow) {
  std::vector<Profile> profiles = {story("quake-1"), story("quake-2")};
  profiles[1].published = kT0 + 10 * 86400;
  TermStats stats = stats_for(profiles);
  for (std::int64_t window : {std::int64_t{24 * 3600}, std::int64_t{0}}) {
    ThreadingOptions options;
    options.window_seconds = window;
    ThreadBuilder builder(model(), stats, options);
    builder.add_batch(shared_copies(profiles));
    EXPECT_EQ(builder.thread_of("quake-1") == builder.thread_of("quake-2"), window == 0) << window;
  }
}

TEST_F(ThreadBuilderTest, AverageLinkagePutsTheTwoSamplesInOneThread) {
  need_samples();
  const auto& samples = shared().samples;
  TermStats stats = stats_for(samples);
  ThreadBuilder builder(model(), stats);
  builder.add_batch(shared_copies(samples));
  EXPECT_EQ(memberships(builder.threads()), (Groups{{samples[0].id, samples[1].id}}));
}

TEST_F(ThreadBuilderTest, BatchWithoutReconsiderationIsAddingInOrder) {
  TermStats stats = stats_for(shared().stories);
  ThreadingOptions single = online();
  single.reconsider = false;
  ThreadBuilder batch(model(), stats, single), one_by_one(model(), stats, single);
  std::size_t calls = 0;
  batch.add_batch(shared_copies(shared().stories), [&](std::size_t done, std::size_t total) {
    EXPECT_EQ(done, ++calls);
    EXPECT_EQ(total, 4u);
  });
  for (const Profile& p : shared().stories) one_by_one.add(p);
  EXPECT_EQ(calls, 4u);
  EXPECT_EQ(memberships(batch.threads()), memberships(one_by_one.threads()));
}

TEST_F(ThreadBuilderTest, ReconsiderationKeepsEveryArticleOnceAndTheStoriesApart) {
  TermStats stats = stats_for(shared().stories);
  ThreadBuilder builder(model(), stats, online());
  std::size_t last = 0;
  builder.add_batch(shared_copies(shared().stories), [&](std::size_t done, std::size_t total) {
    EXPECT_EQ(total, 8u);  // two passes
    last = done;
  });
  EXPECT_EQ(last, 8u);
  EXPECT_EQ(builder.article_count(), 4u);
  EXPECT_EQ(memberships(builder.threads()),
            (Groups{{"quake-1", "quake-2"}, {"transfer-1", "transfer-2"}}));
}

TEST_F(ThreadBuilderTest, ReconsiderationKeepsTheLastVersionOfAnIdGivenTwice) {
  std::vector<Profile> profiles = with_quake_1_revised();
  TermStats stats = stats_for(profiles);
  for (float settled : {0.0f, 0.85f, 2.0f}) {  // every joiner settled, the default, none
    ThreadingOptions options = online();
    options.settled = settled;
    ThreadBuilder builder(model(), stats, options);
    builder.add_batch(shared_copies(profiles));
    EXPECT_EQ(builder.article_count(), 4u);
    const Thread* thread = builder.thread_of("quake-1");
    ASSERT_NE(thread, nullptr);
    for (const ThreadMember& m : thread->members)
      if (m.article_id == "quake-1") {
        EXPECT_EQ(m.title, "Chile earthquake: revised report") << settled;
      }
  }
}

// With a window, an article is reconsidered half a window after it, while its neighbours are
// still candidates: at the end of a long batch the first report would find none left and be
// cut off from its story.
TEST_F(ThreadBuilderTest, ReconsiderationInsideTheWindowKeepsEarlyReportsWithTheirStory) {
  std::vector<Profile> profiles = {story("quake-1"), story("quake-2")};
  for (int day = 1; day <= 10; ++day) {  // one unrelated report a day, for ten days
    Profile filler = story(day % 2 ? "transfer-1" : "transfer-2");
    filler.id += "-day" + std::to_string(day);
    filler.published = kT0 + day * 86400;
    profiles.push_back(filler);
  }
  TermStats stats = stats_for(profiles);
  ThreadingOptions options = online();
  options.window_seconds = 24 * 3600;
  ThreadBuilder builder(model(), stats, options);
  builder.add_batch(shared_copies(profiles));
  EXPECT_EQ(builder.article_count(), profiles.size());
  ASSERT_NE(builder.thread_of("quake-1"), nullptr);
  EXPECT_EQ(builder.thread_of("quake-1"), builder.thread_of("quake-2"));
}

// Undated articles have no window position: they are reconsidered after everything else.
TEST_F(ThreadBuilderTest, UndatedArticlesAreReconsideredAtTheEnd) {
  need_samples();
  const auto& samples = shared().samples;
  TermStats stats = stats_for(samples);
  ThreadingOptions options = online();
  options.window_seconds = 24 * 3600;
  ThreadBuilder builder(model(), stats, options);
  builder.add_batch(shared_copies(samples));
  EXPECT_EQ(memberships(builder.threads()), (Groups{{samples[0].id, samples[1].id}}));
}

}  // namespace
}  // namespace storyline::thread_tests
