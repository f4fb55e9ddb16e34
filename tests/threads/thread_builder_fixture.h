// The ThreadBuilder tests' fixture: one real Engine (committed model and background statistics)
// per test binary and small hand-written corpora: two stories of two reports each.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "article/reader.h"
#include "stories/engine.h"
#include "threads/thread_builder.h"

#include "../support/shared_engine.h"

namespace storyline::thread_tests {

inline const std::string kSamples = std::string(STORYLINE_SHARED_DIR) + "/samples";
inline constexpr std::int64_t kT0 = 1700000000;  // 2023-11-14

inline Article article(std::string id, std::string title, std::string text, std::int64_t published,
                std::string source) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.text = std::move(text);
  a.lang = "en";
  a.published = published;
  a.source = std::move(source);
  return a;
}

// Two stories, two reports each.
inline std::vector<Article> two_stories() {
  return {
      article("quake-1", "Magnitude 7.1 earthquake strikes northern Chile near Antofagasta",
              "A powerful magnitude 7.1 earthquake struck northern Chile on Tuesday near the port "
              "city of Antofagasta, the national seismological centre said. Buildings shook in "
              "Antofagasta and Calama, and the navy briefly issued a tsunami warning for the "
              "coast before lifting it.\n\nChile's interior ministry said two people were killed "
              "and dozens were injured. Copper mines in the Atacama region halted work while "
              "engineers inspected the shafts. President Gabriel Boric said emergency teams had "
              "been sent to the region.",
              kT0, "Andes Herald"),
      article("transfer-1", "Manchester United sign Dutch striker Joost van Dalen for 60 million euros",
              "Manchester United have completed the signing of Dutch striker Joost van Dalen from "
              "PSV Eindhoven for a fee of 60 million euros, the Premier League club announced. "
              "The 23-year-old forward signed a five-year contract at Old Trafford.\n\nVan Dalen "
              "scored 31 goals in the Eredivisie last season. United manager Erik ten Hag said "
              "the striker would add pace and goals to the squad, and the player is expected to "
              "make his debut against Arsenal on Saturday.",
              kT0 + 1800, "Football Daily"),
      article("quake-2", "Chile earthquake: deaths reported after 7.1 quake hits Antofagasta",
              "Two people died and dozens were hurt when a magnitude 7.1 earthquake hit northern "
              "Chile near Antofagasta, officials said. The quake shook buildings in Antofagasta "
              "and Calama and a tsunami warning was briefly issued by the navy.\n\nPresident "
              "Gabriel Boric sent emergency teams to the region. Mining companies in the Atacama "
              "desert stopped operations at several copper mines to check for damage, the "
              "seismological centre and the interior ministry said.",
              kT0 + 3600, "Pacific Wire"),
      article("transfer-2", "Joost van Dalen completes 60 million euro move from PSV to Manchester United",
              "PSV Eindhoven striker Joost van Dalen has joined Manchester United in a deal worth "
              "60 million euros. The Dutch forward, 23, agreed a five-year contract with the "
              "Premier League club at Old Trafford.\n\nVan Dalen scored 31 Eredivisie goals last "
              "season. Erik ten Hag, the United manager, said the striker brings pace and goals, "
              "and he could make his debut against Arsenal on Saturday.",
              kT0 + 5400, "Sports Wire"),
  };
}

class ThreadBuilderTest : public ::testing::Test {
 protected:
  struct Shared {
    Engine* engine = nullptr;       // testing::shared_engine()
    std::vector<Profile> samples;   // the two shared samples (undated)
    std::vector<Profile> stories;   // two_stories()
    std::string error;
  };
  // The corpora profiled once per test binary, with the binary's one Engine.
  static Shared& shared() {
    static Shared s = [] {
      Shared s;
      try {
        s.engine = &testing::shared_engine();
        if (std::filesystem::exists(kSamples))
          s.samples = s.engine->profile_all(read_paths({kSamples}).articles);
        s.stories = s.engine->profile_all(two_stories());
      } catch (const std::exception& e) {
        s.error = e.what();
      }
      return s;
    }();
    return s;
  }
  void SetUp() override { ASSERT_TRUE(shared().error.empty()) << "Engine: " << shared().error; }

  const StoryModel& model() { return shared().engine->model(); }
  TermStats stats_for(const std::vector<Profile>& profiles) {
    return shared().engine->corpus_stats(profiles);
  }
  const Profile& story(const std::string& id) {
    for (const Profile& p : shared().stories)
      if (p.id == id) return p;
    throw std::runtime_error("no profile " + id);
  }
  // The two stories, then a revised version of quake-1 (same id) two hours later.
  std::vector<Profile> with_quake_1_revised() {
    std::vector<Profile> profiles = shared().stories;
    Profile revised = story("quake-1");
    revised.title = "Chile earthquake: revised report";
    revised.published = kT0 + 7200;
    profiles.push_back(revised);
    return profiles;
  }
  void need_samples() {
    if (shared().samples.size() != 2) GTEST_SKIP() << kSamples << " is absent";
  }
};

inline std::vector<std::vector<std::string>> memberships(const std::vector<Thread>& threads) {
  std::vector<std::vector<std::string>> out;
  for (const Thread& t : threads) {
    std::vector<std::string> ids;
    for (const ThreadMember& m : t.members) ids.push_back(m.article_id);
    std::sort(ids.begin(), ids.end());
    out.push_back(ids);
  }
  std::sort(out.begin(), out.end());
  return out;
}

using Groups = std::vector<std::vector<std::string>>;


inline std::vector<std::shared_ptr<const Profile>> shared_copies(const std::vector<Profile>& profiles) {
  std::vector<std::shared_ptr<const Profile>> out;
  for (const Profile& p : profiles) out.push_back(std::make_shared<const Profile>(p));
  return out;
}

}  // namespace storyline::thread_tests
