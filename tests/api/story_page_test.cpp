// The story page shows each article beside the member it matched best when it joined (recorded
// by the builder, kept by the store), and falls back to comparing when that member is gone.
#include "api/story_page.h"

#include <gtest/gtest.h>


#include "../support/articles.h"
#include "../support/shared_engine.h"

namespace storyline {
namespace {

Article article(const std::string& id, const std::string& title, const std::string& text, std::int64_t published) {
  return testing::english_article(id, title, text, published);
}

class StoryPageTest : public ::testing::Test {
 protected:
  StoryPageTest() : index_(testing::shared_engine().model(), TermStats{}, ThreadingOptions{}) {
    add({article("quake-1", "Earthquake of magnitude 6.1 strikes central Italy near Norcia",
                 "An earthquake of magnitude 6.1 struck central Italy near Norcia on Sunday, officials said. "
                 "Churches in Norcia were damaged and thousands slept outdoors.", 1'700'000'000),
         article("quake-2", "Magnitude 6.1 earthquake hits Norcia in central Italy",
                 "A magnitude 6.1 earthquake hit Norcia in central Italy on Sunday morning. Churches were "
                 "damaged in Norcia and thousands of people slept outdoors, officials said.", 1'700'000'600),
         article("quake-3", "Norcia counts the damage after the 6.1 earthquake in central Italy",
                 "Officials in Norcia counted damaged churches and homes after Sunday's magnitude 6.1 "
                 "earthquake in central Italy; thousands slept outdoors.", 1'700'001'200),
         article("budget-1", "Parliament passes the annual budget after a long debate",
                 "Parliament passed the annual budget on Tuesday after a debate that lasted three days.",
                 1'700'003'600)});
  }
  void add(std::vector<Article> articles) {
    for (Profile& p : testing::shared_engine().profile_all(std::move(articles)))
      index_.add({std::make_shared<const Profile>(std::move(p)), "", std::nullopt, {}});
  }
  // The page of the thread that holds `article_id`, as the server builds it.
  nlohmann::json page_of(const std::string& article_id) {
    auto snapshot = StoryIndex::rank(index_.unranked()).snapshot;
    const auto& ranked = snapshot->threads.at(snapshot->position(index_.thread_of(article_id)->id).value());
    StoryPage page = gather_story(ranked.thread, ranked.importance, index_);
    return story_json(page, keyer_);
  }
  static nlohmann::json joined(const nlohmann::json& page, const std::string& article_id) {
    for (const auto& outlet : page["outlets"])
      for (const auto& a : outlet["articles"])
        if (a["id"] == article_id) return a["joined"];
    ADD_FAILURE() << article_id << " is not on the page";
    return nullptr;
  }
  StoryIndex index_;
  MatchKeyer keyer_;
};

TEST_F(StoryPageTest, EachArticleIsShownBesideTheMemberItMatchedWhenItJoined) {
  ASSERT_EQ(index_.thread_of("quake-3"), index_.thread_of("quake-1"));
  ASSERT_EQ(index_.thread_of("quake-2"), index_.thread_of("quake-1"));
  auto page = page_of("quake-1");
  for (const char* id : {"quake-2", "quake-3"}) {
    auto recorded = index_.membership(id)->matched;
    ASSERT_FALSE(recorded.article_id.empty()) << id;
    auto j = joined(page, id);
    EXPECT_EQ(j["matched_article"], recorded.article_id) << id;
    EXPECT_NEAR(j["matched_probability"].get<double>(), recorded.probability, 0.0005) << id;
    EXPECT_EQ(j["founder"], false);
    EXPECT_FALSE(j["shared_terms"].empty()) << j.dump();
  }
  // The founder matched nobody: it is shown beside the first member that joined by it.
  auto founder = joined(page, "quake-1");
  EXPECT_EQ(founder["founder"], true);
  EXPECT_EQ(founder["matched_article"], "quake-2");
  EXPECT_EQ(founder["matched_probability"], joined(page, "quake-2")["matched_probability"]);
  EXPECT_TRUE(joined(page_of("budget-1"), "budget-1").is_null());  // alone in its story
}

TEST_F(StoryPageTest, AnArticleWhoseMatchIsGoneIsComparedWithTheOthers) {
  ASSERT_TRUE(index_.remove("quake-1"));  // quake-2's match, perhaps quake-3's
  auto page = page_of("quake-2");
  for (const char* id : {"quake-2", "quake-3"}) EXPECT_EQ(joined(page, id)["founder"], false) << id;  // it left
  EXPECT_EQ(joined(page, "quake-2")["matched_article"], "quake-3");
  EXPECT_EQ(joined(page, "quake-3")["matched_article"], "quake-2");
  for (const char* id : {"quake-2", "quake-3"}) {
    const double p = joined(page, id)["matched_probability"];
    EXPECT_GT(p, 0.0);
    EXPECT_LE(p, 1.0);
  }
}

// Stores written before matches were recorded give every member an empty match: after the
// founder left, the first member left is still no founder (it joined with P < 1).
TEST_F(StoryPageTest, WithoutRecordedMatchesALaterMemberIsNoFounder) {
  ASSERT_TRUE(index_.remove("quake-1"));
  std::vector<IndexedArticle> articles;
  std::vector<StoryIndex::Joined> memberships;
  for (const char* id : {"quake-2", "quake-3"}) {
    auto removed = index_.take(id);
    ASSERT_TRUE(removed);
    ASSERT_LT(removed->membership.probability, 1.0f);
    removed->membership.matched = {};  // as restored from an older store
    articles.push_back(std::move(removed->article));
    memberships.push_back(removed->membership);
  }
  index_.restore(std::move(articles), memberships);
  auto page = page_of("quake-2");
  for (const char* id : {"quake-2", "quake-3"}) EXPECT_EQ(joined(page, id)["founder"], false) << id;
}

TEST_F(StoryPageTest, TakingAndPuttingBackKeepsTheMatch) {
  auto before = index_.membership("quake-3");
  ASSERT_TRUE(before && !before->matched.article_id.empty());
  auto removed = index_.take("quake-3");
  ASSERT_TRUE(removed);
  index_.restore({removed->article}, {removed->membership});
  auto after = index_.membership("quake-3");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->thread_id, before->thread_id);
  EXPECT_EQ(after->matched.article_id, before->matched.article_id);
  EXPECT_FLOAT_EQ(after->matched.probability, before->matched.probability);
}

}  // namespace
}  // namespace storyline
