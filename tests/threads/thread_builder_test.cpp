// ThreadBuilder with the real Engine (committed model and background statistics) on small
// hand-written corpora, one article at a time (batches: thread_batch_test.cpp). Only robust
// behaviour is checked, not learned numbers.
#include "thread_builder_fixture.h"

namespace storyline::thread_tests {
namespace {

TEST_F(ThreadBuilderTest, SamplesFormOneThread) {
  need_samples();
  const auto& samples = shared().samples;
  TermStats stats = stats_for(samples);
  ThreadBuilder builder(model(), stats);
  std::string first = builder.add(samples[0]);
  std::string second = builder.add(samples[1]);
  EXPECT_EQ(first, second);
  auto threads = builder.threads();
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(memberships(threads), (Groups{{samples[0].id, samples[1].id}}));
  EXPECT_EQ(threads[0].id, thread_id_for(samples[0].id));
  EXPECT_FALSE(threads[0].title.empty());
  EXPECT_EQ(threads[0].members[1].article_id, samples[1].id);
  EXPECT_GE(threads[0].members[1].probability, 0.5f);
  EXPECT_EQ(builder.article_count(), 2u);
}

TEST_F(ThreadBuilderTest, SamplesFormOneThreadThroughEngine) {
  need_samples();
  const auto& samples = shared().samples;
  auto threads = shared().engine->thread_corpus(samples, stats_for(samples));
  EXPECT_EQ(memberships(threads), (Groups{{samples[0].id, samples[1].id}}));
}

TEST_F(ThreadBuilderTest, TwoDifferentStoriesFormTwoThreads) {
  TermStats stats = stats_for(shared().stories);
  ThreadBuilder builder(model(), stats);
  for (const Profile& p : shared().stories) builder.add(p);
  auto threads = builder.threads();
  EXPECT_EQ(memberships(threads),
            (Groups{{"quake-1", "quake-2"}, {"transfer-1", "transfer-2"}}));
  EXPECT_EQ(builder.thread_of("quake-2")->id, thread_id_for("quake-1"));
  EXPECT_EQ(builder.thread_of("transfer-2")->id, thread_id_for("transfer-1"));
  EXPECT_EQ(builder.thread_of("unknown"), nullptr);
  for (const Thread& t : threads) {
    EXPECT_EQ(t.sources.size(), 2u);
    EXPECT_EQ(t.languages, std::vector<std::string>{"en"});
    EXPECT_TRUE(t.first_seen && t.last_seen && *t.first_seen < *t.last_seen);
  }
}

// A joining article records the member it was most like, with P(same story) against that
// member alone: the best of those the thread was judged by, so at least their mean.
TEST_F(ThreadBuilderTest, EachMemberRecordsTheMemberItMatchedBest) {
  std::vector<Profile> profiles = shared().stories;
  profiles.push_back(shared().engine->profile_all({article(
      "quake-3", "Antofagasta quake: Chile counts damage after magnitude 7.1 tremor",
      "Chile's interior ministry said two people were killed in the magnitude 7.1 earthquake near "
      "Antofagasta. Copper mines in the Atacama region resumed work after inspections, and the "
      "navy said the tsunami warning had been lifted. President Gabriel Boric visited Calama.",
      kT0 + 7200, "Coastal News")})[0]);
  TermStats stats = stats_for(profiles);
  ThreadBuilder builder(model(), stats);
  for (const Profile& p : profiles) builder.add(p);
  ASSERT_EQ(builder.thread_of("quake-3"), builder.thread_of("quake-1"));

  EXPECT_TRUE(builder.member("quake-1")->matched.article_id.empty());  // the founder
  EXPECT_EQ(builder.member("quake-2")->matched.article_id, "quake-1");
  EXPECT_EQ(builder.member("transfer-2")->matched.article_id, "transfer-1");
  EXPECT_EQ(builder.member("unknown"), nullptr);

  const ThreadMember& third = *builder.member("quake-3");
  auto p_with = [&](const std::string& id) {
    WeightedProfile a = weigh(profiles.back(), stats), b = weigh(story(id), stats);
    return model().same_story_probability(pair_features(a, b, stats), "en", "en");
  };
  const float p1 = p_with("quake-1"), p2 = p_with("quake-2");
  EXPECT_EQ(third.matched.article_id, p1 >= p2 ? "quake-1" : "quake-2");
  EXPECT_FLOAT_EQ(third.matched.probability, std::max(p1, p2));
  EXPECT_FLOAT_EQ(third.probability, (p1 + p2) / 2);
}

TEST_F(ThreadBuilderTest, DeterministicForTheSameInput) {
  auto run = [&] {
    TermStats stats = stats_for(shared().stories);
    ThreadBuilder builder(model(), stats);
    std::vector<std::string> joined;
    for (const Profile& p : shared().stories) joined.push_back(builder.add(p));
    std::vector<std::string> out = joined;
    for (const Thread& t : builder.threads()) {
      out.push_back(t.id + "|" + t.title + "|" + std::to_string(t.importance));
      for (const ThreadMember& m : t.members) out.push_back(m.article_id + ":" + std::to_string(m.probability));
    }
    return out;
  };
  auto first = run();
  EXPECT_EQ(run(), first);
  EXPECT_EQ(run(), first);
}

// threads() keeps the described threads of its last call and redoes only those whose members
// changed: asking for threads between changes must not change what it returns.
TEST_F(ThreadBuilderTest, ThreadsBetweenChangesMatchThreadsComputedOnce) {
  auto render = [](const std::vector<Thread>& threads) {
    std::vector<std::string> out;
    for (const Thread& t : threads) {
      std::string line = t.id + "|" + t.title + "|" + std::to_string(t.importance) + "|" +
                         std::to_string(t.sources.size()) + "|" + std::to_string(t.languages.size()) + "|" +
                         std::to_string(t.first_seen.value_or(-1)) + "|" + std::to_string(t.last_seen.value_or(-1));
      for (const ThreadMember& m : t.members) line += " " + m.article_id;
      out.push_back(line);
    }
    return out;
  };
  TermStats stats = stats_for(shared().stories);
  ThreadBuilder asked_often(model(), stats), asked_once(model(), stats);
  auto step = [&](auto&& change) {
    change(asked_often);
    change(asked_once);
    asked_often.threads();  // warms (and must correctly refresh) its cache
  };
  for (const Profile& p : shared().stories) step([&](ThreadBuilder& b) { b.add(p); });
  step([&](ThreadBuilder& b) { b.remove("quake-2"); });  // a member leaves: a new title, span, size
  step([&](ThreadBuilder& b) { b.add(story("quake-2")); });
  step([&](ThreadBuilder& b) { b.remove("transfer-1"); });
  EXPECT_EQ(render(asked_often.threads()), render(asked_once.threads()));
  EXPECT_EQ(render(asked_often.threads()), render(asked_often.threads()));
}

TEST_F(ThreadBuilderTest, ThreadIdsDeriveFromTheFoundingArticle) {
  TermStats stats = stats_for(shared().stories);
  ThreadBuilder builder(model(), stats);
  EXPECT_EQ(builder.add(story("transfer-1")), thread_id_for("transfer-1"));
  EXPECT_EQ(builder.add(story("quake-1")), thread_id_for("quake-1"));
  EXPECT_EQ(builder.add(story("quake-2")), thread_id_for("quake-1"));
}

TEST_F(ThreadBuilderTest, RemoveDropsArticleAndEmptiedThreadDisappears) {
  TermStats stats = stats_for(shared().stories);
  ThreadBuilder builder(model(), stats);
  for (const Profile& p : shared().stories) builder.add(p);
  EXPECT_TRUE(builder.remove("quake-2"));
  EXPECT_FALSE(builder.remove("quake-2"));
  EXPECT_FALSE(builder.remove("never-added"));
  EXPECT_EQ(builder.thread_of("quake-2"), nullptr);
  EXPECT_EQ(builder.article_count(), 3u);
  EXPECT_EQ(memberships(builder.threads()), (Groups{{"quake-1"}, {"transfer-1", "transfer-2"}}));
  EXPECT_EQ(builder.thread_count(), 2u);

  EXPECT_TRUE(builder.remove("quake-1"));
  EXPECT_EQ(builder.thread_count(), 1u);  // the emptied thread is not counted
  auto threads = builder.threads();
  EXPECT_EQ(memberships(threads), (Groups{{"transfer-1", "transfer-2"}}));
  EXPECT_EQ(threads[0].id, thread_id_for("transfer-1"));  // the survivor keeps its id

  // A re-added article is threaded again (its old thread is gone: it founds a new one).
  EXPECT_EQ(builder.add(story("quake-2")), thread_id_for("quake-2"));
  EXPECT_EQ(builder.threads().size(), 2u);
  EXPECT_EQ(builder.thread_count(), builder.described_threads().size());
}

// A server whose articles expire holds the threads of its window: a thread left without members
// is forgotten and its place reused, and described_since() still reports its id as changed.
TEST_F(ThreadBuilderTest, EmptiedThreadsAreForgottenAndTheirPlacesReused) {
  TermStats stats = stats_for(shared().stories);
  ThreadBuilder builder(model(), stats);
  auto round = [&](int k) {
    std::vector<std::string> ids;
    for (const Profile& p : shared().stories) {
      Profile copy = p;
      copy.id += "-" + std::to_string(k);
      ids.push_back(copy.id);
      builder.add(std::move(copy));
    }
    return ids;
  };
  auto ids_of = [](const std::vector<std::shared_ptr<const Thread>>& threads) {
    std::set<std::string> out;
    for (const auto& t : threads) out.insert(t->id);
    return out;
  };
  std::vector<std::string> first = round(0);
  const std::uint64_t at_first = builder.changes();
  const std::set<std::string> first_threads = ids_of(builder.described_threads());
  ASSERT_EQ(first_threads.size(), 2u);
  for (int k = 1; k <= 50; ++k) {
    for (const std::string& id : first) builder.remove(id);
    first = round(k);
  }
  EXPECT_EQ(builder.thread_count(), 2u);
  EXPECT_LE(builder.thread_slots(), 4u);  // not 102: one per thread ever founded

  // The list made at `at_first`, updated with what changed since, is the list now.
  ThreadBuilder::Changes changes = builder.described_since(at_first);
  ASSERT_TRUE(changes.complete);
  std::set<std::string> updated = first_threads;
  for (const std::string& id : changes.ids) updated.erase(id);
  for (const std::string& id : ids_of(changes.threads)) updated.insert(id);
  EXPECT_EQ(updated, ids_of(builder.described_threads()));
  for (const std::string& id : first_threads) EXPECT_EQ(std::count(changes.ids.begin(), changes.ids.end(), id), 1) << id;

  // Once thousands more have gone, a list that old can no longer be updated: start over.
  for (int k = 51; k < 4200; ++k) {
    for (const std::string& id : first) builder.remove(id);
    first = round(k);
  }
  EXPECT_FALSE(builder.described_since(at_first).complete);
  const ThreadBuilder::Changes recent = builder.described_since(builder.changes() - 1);
  EXPECT_TRUE(recent.complete);
  EXPECT_LE(builder.thread_slots(), 4u);
}

TEST_F(ThreadBuilderTest, ReAddingAnArticleReplacesIt) {
  TermStats stats = stats_for(shared().stories);
  ThreadBuilder builder(model(), stats);
  for (const Profile& p : shared().stories) builder.add(p);
  builder.add(story("quake-2"));
  EXPECT_EQ(builder.article_count(), 4u);
  EXPECT_EQ(memberships(builder.threads()),
            (Groups{{"quake-1", "quake-2"}, {"transfer-1", "transfer-2"}}));
}

TEST_F(ThreadBuilderTest, OutOfOrderArrivalGivesTheSameGroups) {
  TermStats stats = stats_for(shared().stories);
  ThreadBuilder builder(model(), stats);
  std::vector<Profile> reversed(shared().stories.rbegin(), shared().stories.rend());
  for (const Profile& p : reversed) builder.add(p);
  EXPECT_EQ(memberships(builder.threads()),
            (Groups{{"quake-1", "quake-2"}, {"transfer-1", "transfer-2"}}));
  // The thread is named after whichever article arrived first.
  EXPECT_EQ(builder.thread_of("quake-1")->id, thread_id_for("quake-2"));
}

TEST_F(ThreadBuilderTest, LateArrivalOutsideTheWindowStartsANewThread) {
  TermStats stats = stats_for(shared().stories);
  ThreadingOptions options;
  options.window_seconds = 24 * 3600;
  ThreadBuilder builder(model(), stats, options);
  builder.add(story("quake-1"));
  Profile late = story("quake-2");
  late.published = kT0 + 10 * 86400;  // ten days later: the first report has left the window
  EXPECT_EQ(builder.add(late), thread_id_for("quake-2"));
  EXPECT_EQ(builder.threads().size(), 2u);
  // Evicted articles stay members of their thread.
  ASSERT_NE(builder.thread_of("quake-1"), nullptr);
}

TEST_F(ThreadBuilderTest, SamplesOutOfOrderStillOneThread) {
  need_samples();
  const auto& samples = shared().samples;
  TermStats stats = stats_for(samples);
  ThreadBuilder builder(model(), stats);
  Profile later = samples[0], earlier = samples[1];
  later.published = kT0 + 6 * 3600;
  earlier.published = kT0;
  builder.add(later);  // the newer report arrives first
  builder.add(earlier);
  EXPECT_EQ(builder.threads().size(), 1u);
}

TEST_F(ThreadBuilderTest, RestoreKeepsIdsAndMemberships) {
  TermStats stats = stats_for(shared().stories);
  ThreadBuilder builder(model(), stats);
  builder.restore({{story("quake-1"), "tsaved000001", 1.0f},
                   {story("transfer-1"), "tsaved000002", 1.0f},
                   {story("quake-2"), "tsaved000001", 0.9f, {"quake-1", 0.95f}}});
  EXPECT_EQ(builder.thread_of("quake-2")->id, "tsaved000001");
  EXPECT_EQ(builder.member("quake-2")->matched.article_id, "quake-1");
  EXPECT_FLOAT_EQ(builder.member("quake-2")->matched.probability, 0.95f);
  EXPECT_EQ(builder.thread_count(), 2u);
  // New arrivals still join restored threads by comparison.
  EXPECT_EQ(builder.add(story("transfer-2")), "tsaved000002");
  EXPECT_EQ(builder.thread_count(), 2u);
}

}  // namespace
}  // namespace storyline::thread_tests
