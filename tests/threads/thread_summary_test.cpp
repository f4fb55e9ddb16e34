#include <gtest/gtest.h>

#include "threads/thread_summary.h"

namespace storyline {
namespace {

const std::string kGood = "Strong earthquake shakes central Chile, thousands evacuated";

TEST(HeadlineQuality, PlainInformativeHeadlineScoresBest) {
  EXPECT_DOUBLE_EQ(headline_quality(kGood), 1.0);
}

TEST(HeadlineQuality, PenalisesShortTitles) {
  EXPECT_LT(headline_quality("Breaking"), headline_quality(kGood));
  EXPECT_LT(headline_quality("Live updates here"), headline_quality(kGood));
  EXPECT_LT(headline_quality(""), headline_quality(kGood));
}

TEST(HeadlineQuality, PenalisesShouting) {
  EXPECT_LT(headline_quality("STRONG EARTHQUAKE SHAKES CENTRAL CHILE, THOUSANDS EVACUATED"),
            headline_quality(kGood));
  // A couple of acronyms are not shouting.
  EXPECT_DOUBLE_EQ(headline_quality("NATO and EU leaders meet in Brussels over Ukraine aid"), 1.0);
}

TEST(HeadlineQuality, PenalisesQuestionsExclamationsAndQuotes) {
  EXPECT_LT(headline_quality("Is central Chile ready for the next big earthquake?"), headline_quality(kGood));
  EXPECT_LT(headline_quality("Strong earthquake shakes central Chile again!"), headline_quality(kGood));
  EXPECT_LT(headline_quality("\"We felt everything move\": Chileans describe the earthquake"),
            headline_quality(kGood));
}

TEST(HeadlineQuality, PenalisesSiteSuffixAndRunOnSentences) {
  EXPECT_LT(headline_quality(kGood + " | Daily Planet"), headline_quality(kGood));
  std::string long_title;
  for (int i = 0; i < 30; ++i) long_title += "word ";
  EXPECT_LT(headline_quality(long_title), headline_quality(kGood));
}

Thread make(std::string id, std::optional<std::int64_t> last_seen) {
  Thread t;
  t.id = std::move(id);
  t.last_seen = last_seen;
  return t;
}

// ranks_before, the order every ranked list (ThreadBuilder, the server's merges) sorts by.
TEST(RankThreads, ByImportanceThenLastSeenThenId) {
  struct Ranked {
    RankKey key;
    Thread thread;
  };
  auto ranked = [](double order, Thread t) { return Ranked{{0, t.last_seen, order}, std::move(t)}; };
  std::vector<Ranked> threads = {ranked(1.0, make("t5", 100)), ranked(3.0, make("t4", 50)),
                                 ranked(1.0, make("t3", 200)), ranked(1.0, make("t2", 100)),
                                 ranked(1.0, make("t1", std::nullopt)), ranked(2.0, make("t0", 10))};
  auto sorted_ids = [&] {
    std::sort(threads.begin(), threads.end(),
              [](const Ranked& a, const Ranked& b) { return ranks_before(a.key, a.thread, b.key, b.thread); });
    std::vector<std::string> out;
    for (const Ranked& r : threads) out.push_back(r.thread.id);
    return out;
  };
  EXPECT_EQ(sorted_ids(), (std::vector<std::string>{"t4", "t0", "t3", "t2", "t5", "t1"}));
  // The order does not depend on the input order.
  std::reverse(threads.begin(), threads.end());
  EXPECT_EQ(sorted_ids(), (std::vector<std::string>{"t4", "t0", "t3", "t2", "t5", "t1"}));
}

ThreadMember member(std::string id, std::string title, std::string source, std::string lang,
                    std::optional<std::int64_t> published) {
  return {std::move(id), std::move(title), std::move(lang), std::move(source), published, 1.0f, {}};
}

TEST(Describe, FillsLanguagesSourcesTimeSpanAndTitle) {
  Thread t;
  t.id = "t1";
  t.members = {member("a", "Strong earthquake shakes central Chile today", "El Diario", "es", 2000),
               member("b", "Earthquake in Chile forces thousands to leave homes", "Wire", "en", 1000),
               member("c", "BREAKING", "Wire", "en", 3000)};
  describe(t, &t.members[1].title);
  weigh_importance(t, 3000);
  EXPECT_EQ(t.languages, (std::vector<std::string>{"en", "es"}));
  EXPECT_EQ(t.sources, (std::vector<std::string>{"El Diario", "Wire"}));
  EXPECT_EQ(t.first_seen, 1000);
  EXPECT_EQ(t.last_seen, 3000);
  EXPECT_EQ(t.title, t.members[1].title);
  EXPECT_GT(t.importance, 0.0);
  describe(t, nullptr);  // no headline chosen: the first member's
  EXPECT_EQ(t.title, t.members[0].title);
}

TEST(Describe, MoreOutletsAreMoreImportantAndOldThreadsFade) {
  Thread one, two, old_two;
  one.members = {member("a", "Title one here today", "A", "en", 1000)};
  two.members = {member("b", "Title two here today", "A", "en", 1000),
                 member("c", "Title two there today", "B", "en", 1000)};
  old_two = two;
  for (Thread* t : {&one, &two, &old_two}) describe(*t, nullptr);
  weigh_importance(one, 1000);
  weigh_importance(two, 1000);
  weigh_importance(old_two, 1000 + 3 * 86400);
  EXPECT_GT(two.importance, one.importance);
  EXPECT_LT(old_two.importance, two.importance);
}

TEST(ThreadId, DerivesFromTheFoundingArticle) {
  EXPECT_EQ(thread_id_for("article-1"), thread_id_for("article-1"));
  EXPECT_NE(thread_id_for("article-1"), thread_id_for("article-2"));
  std::string id = thread_id_for("article-1");
  ASSERT_EQ(id.size(), 13u);
  EXPECT_EQ(id[0], 't');
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef", 1), std::string::npos) << id;
}

}  // namespace
}  // namespace storyline
