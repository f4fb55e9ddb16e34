// Engine: when the dictionary tables are built again. A server meets languages one at a time,
// and a rebuild costs seconds of CPU with the real dictionaries.
#include "stories/engine.h"

#include <gtest/gtest.h>

#include "../support/scratch_dir.h"

namespace storyline {
namespace {

Article in(const std::string& lang, const std::string& title, const std::string& text) {
  Article a;
  a.id = lang + "-1";
  a.lang = lang;
  a.title = title;
  a.text = text;
  return a;
}

// An empty dictionary directory: the loads are quick, and what is counted is whether they
// happen at all.
TEST(Engine, OnlyANewLanguageWithADictionaryRebuildsTheTables) {
  const testing::ScratchDir dictd("engine-dictd");
  EngineOptions options;
  options.dictd_dir = dictd.path();
  Engine engine(options);
  EXPECT_EQ(engine.dictionary_loads(), 0u);
  // The first language without a dictionary still builds (empty) tables: the bridge keeps such a
  // language's names and loan words.
  engine.profile_all({in("nl", "Overstroming in Valencia", "Zware regen heeft de straten van Valencia overstroomd.")});
  EXPECT_EQ(engine.dictionary_loads(), 1u);
  engine.load_dictionaries({"fr"});
  EXPECT_EQ(engine.dictionary_loads(), 2u);
  // Languages without a dictionary of their own, new or not, and languages loaded already.
  engine.profile_all({in("sv", "Översvämning i Valencia", "Kraftigt regn översvämmade gatorna i Valencia.")});
  engine.load_dictionaries({"nl", "pt", "fr"});
  engine.profile_all({in("fr", "Inondation à Valence", "De fortes pluies ont inondé les rues de Valence.")});
  EXPECT_EQ(engine.dictionary_loads(), 2u);
  engine.load_dictionaries({"pt", "de"});
  EXPECT_EQ(engine.dictionary_loads(), 3u);
  engine.load_dictionaries({});
  EXPECT_EQ(engine.dictionary_loads(), 3u);
}

}  // namespace
}  // namespace storyline
