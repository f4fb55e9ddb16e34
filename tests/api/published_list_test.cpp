// The thread list StoryService publishes carries each unchanged thread's category and headlines
// over from the list before it (by where the ranking took the thread from): through many
// publications, in which new threads go to the top and older ones move down, a headline search
// still finds each thread by its own headlines and no other's.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "../support/articles.h"
#include "../support/service_fixture.h"
#include "api/story_service.h"

namespace storyline {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

struct Topic {
  const char* word;  // in every headline of the topic, and in no other
  const char* title;
  const char* text;
};

const Topic kTopics[] = {
    {"zanzibar", "Zanzibar ferry operator orders two new passenger vessels",
     "The ferry operator serving Zanzibar ordered two passenger vessels from a shipyard in Turkey."},
    {"reykjavik", "Reykjavik opens a geothermal pool in the old harbour",
     "The city of Reykjavik opened a public geothermal pool beside the old harbour on Saturday."},
    {"kathmandu", "Kathmandu airport closes its runway for resurfacing",
     "Kathmandu airport closed its only runway for two weeks of resurfacing work, officials said."},
    {"patagonia", "Patagonia glacier retreat measured by a survey team",
     "A survey team measured how far a Patagonia glacier has retreated since the last expedition."},
    {"tasmania", "Tasmania salmon farms face a new water quality rule",
     "Salmon farms in Tasmania must meet a stricter water quality rule from next year."},
    {"mongolia", "Mongolia herders move early as a harsh winter nears",
     "Herders in Mongolia moved their flocks early as forecasters warned of a harsh winter."},
};

class PublishedList : public testing::ServiceFixture {
 protected:
  nlohmann::json search(const std::string& word) {
    ThreadQuery query;
    query.words = service_->fold_words(word);
    return service_->threads(query, false)["threads"];
  }
};

TEST_F(PublishedList, EachThreadIsFoundByItsOwnHeadlinesThroughManyPublications) {
  // Topics arrive in turn, each several times, each arrival newer: every list has new or
  // grown threads at the top and unchanged ones below them, in new positions.
  std::int64_t published = 1'700'000'000;
  int n = 0;
  for (int round = 0; round < 3; ++round)
    for (const Topic& topic : kTopics) {
      if ((round + n) % 4 == 3) {  // now and then a topic is skipped in a round
        ++n;
        continue;
      }
      const std::string id = std::string(topic.word) + "-" + std::to_string(n++);
      service_->put(testing::english_article(id, topic.title, topic.text, published += 600), {});
      ThreadQuery all;
      ASSERT_FALSE(service_->threads(all, false)["threads"].empty());  // a publication
      for (const Topic& wanted : kTopics)
        for (const auto& thread : search(wanted.word))
          EXPECT_NE(lower(thread["title"]).find(wanted.word), std::string::npos)
              << "searching \"" << wanted.word << "\" after " << id << " found: " << thread["title"];
    }
  // Every topic is one thread, found by its word.
  for (const Topic& topic : kTopics) EXPECT_EQ(search(topic.word).size(), 1u) << topic.word;
}

// The list may be served up to 500 ms stale; a story page must not be: the thread an article
// was just put in has its page at once.
TEST_F(PublishedList, AThreadFoundedSinceTheListWasPublishedHasItsPageAtOnce) {
  std::int64_t published = 1'700'000'000;
  for (int round = 0; round < 3; ++round)
    for (const Topic& topic : kTopics) {
      ThreadQuery all;
      service_->threads(all, false);  // a publication, fresh now
      const std::string id = std::string(topic.word) + "-page-" + std::to_string(round);
      service_->put(testing::english_article(id, topic.title, topic.text, published += 86400 * 30), {});
      const std::string thread = (*service_->article(id))["thread"];
      auto page = service_->story(thread);
      ASSERT_TRUE(page) << id << " in " << thread;
      EXPECT_EQ((*page)["id"], thread);
    }
}

// While more than StoryService::kBusyBacklog changes are on their way to the index, a listing
// serves the list as published instead of waiting for them (each still to be analysed): here
// a long article, analysed first, holds up the changes behind it. A read of one article waits
// for the changes before it, and from then on listings show every thread again.
TEST_F(PublishedList, ABusyListingDoesNotWaitForTheChangesOnTheirWay) {
  std::int64_t published = 1'700'000'000;
  service_->put(testing::english_article("first", kTopics[0].title, kTopics[0].text, published), {});
  EXPECT_EQ(search(kTopics[0].word).size(), 1u);  // nothing else on its way: it waits

  std::string long_text;  // seconds of analysis
  while (long_text.size() < 4'000'000) long_text += std::string(kTopics[1].text) + " ";
  service_->put(testing::english_article("long", kTopics[1].title, long_text, published += 600), {});
  const int behind = int(StoryService::kBusyBacklog) + 4;
  for (int i = 0; i < behind; ++i) {
    const Topic& topic = kTopics[2 + i % 4];
    service_->put(testing::english_article("behind-" + std::to_string(i), topic.title, topic.text, published += 600), {});
  }
  const nlohmann::json busy = service_->threads(ThreadQuery{}, true)["threads"];  // with article ids
  EXPECT_GT(service_->threading_backlog(), 0u);  // it did not wait for them
  ASSERT_EQ(busy.size(), 1u);
  EXPECT_EQ(busy[0]["articles"], nlohmann::json::array({"first"}));

  // Nor do /health and /metrics (the counts).
  service_->article_count();
  EXPECT_GT(service_->threading_backlog(), 0u);
  // A read of an article acknowledged behind the long one waits for every change before it,
  // and for its own change at least, so for the long analysis; while that takes longer than
  // the read waits, the article is reported not ready, never missing.
  const std::string last = "behind-" + std::to_string(behind - 1);
  std::optional<nlohmann::json> found;
  for (int tries = 0; tries < 30 && !found; ++tries) {
    try {
      found = service_->article(last);
      ASSERT_TRUE(found);
    } catch (const ArticleNotReady&) {
    }
  }
  ASSERT_TRUE(found);
  EXPECT_EQ((*found)["id"], last);
  EXPECT_EQ(service_->threading_backlog(), 0u);
  EXPECT_EQ(service_->threads(ThreadQuery{}, false)["threads"].size(), 6u);  // first, long, four topics
}

}  // namespace
}  // namespace storyline
