#include "features/term_dictionary.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "dictd_test_normaliser.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

using testing::dictd_dir;

std::vector<std::string> stems(const std::vector<TermDictionary::Translation>& ts) {
  std::vector<std::string> out;
  for (const auto& t : ts) out.emplace_back(t.english_stem);
  return out;
}

bool contains_any(const std::vector<TermDictionary::Translation>& ts, std::initializer_list<std::string_view> wanted) {
  for (const auto& t : ts)
    for (auto w : wanted)
      if (t.english_stem == w) return true;
  return false;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + " ";
  return s;
}

void expect_well_formed(const std::vector<TermDictionary::Translation>& ts) {
  EXPECT_LE(ts.size(), 4u);
  for (std::size_t i = 0; i < ts.size(); ++i) {
    EXPECT_GT(ts[i].weight, 0.0f);
    EXPECT_LE(ts[i].weight, 1.0f);
    EXPECT_FALSE(ts[i].english_stem.empty());
    if (i > 0) {
      EXPECT_GE(ts[i - 1].weight, ts[i].weight);
    }
  }
}

// All eight FreeDict dictionaries, loaded once for the suite.
class RealDictionaries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(dictd_dir() + "/freedict-deu-eng.index")) return;
    normaliser_ = std::make_unique<testing::SnowballNormaliser>();
    const std::vector<std::string> langs{"de", "ar", "fr", "es", "pl", "tr", "it", "ru"};
    dict_ = std::make_unique<TermDictionary>(TermDictionary::load(dictd_dir(), langs, normaliser_->function()));
  }
  static void TearDownTestSuite() {
    dict_.reset();
    normaliser_.reset();
  }
  void SetUp() override {
    if (!dict_) GTEST_SKIP() << "FreeDict dictionaries not installed under " << dictd_dir();
  }
  // Source word as a document token would carry it.
  std::vector<TermDictionary::Translation> tr(std::string_view lang, std::string_view word) {
    auto ts = dict_->translate(lang, (*normaliser_)(word, lang));
    expect_well_formed(ts);
    return ts;
  }
  std::string en(std::string_view word) { return (*normaliser_)(word, "en"); }

  static std::unique_ptr<testing::SnowballNormaliser> normaliser_;
  static std::unique_ptr<TermDictionary> dict_;
};
std::unique_ptr<testing::SnowballNormaliser> RealDictionaries::normaliser_;
std::unique_ptr<TermDictionary> RealDictionaries::dict_;

TEST_F(RealDictionaries, AllLanguagesLoaded) {
  EXPECT_EQ(dict_->loaded(), (std::vector<std::string>{"de", "ar", "fr", "es", "pl", "tr", "it", "ru"}));
  EXPECT_TRUE(dict_->missing().empty()) << join(dict_->missing());
  EXPECT_GT(dict_->memory_bytes(), 0u);
  for (const auto& s : dict_->stats()) {
    EXPECT_GT(s.source_stems, 0u) << s.lang;
    EXPECT_EQ(s.skipped_index_lines, 0u) << s.lang;
  }
}

TEST_F(RealDictionaries, German) {
  auto minister = tr("de", "Außenminister");
  EXPECT_TRUE(contains_any(minister, {"minist"})) << join(stems(minister));
  auto prison = tr("de", "Gefängnis");
  EXPECT_TRUE(contains_any(prison, {"prison", "jail", "gaol", "imprison"})) << join(stems(prison));
  auto plural = tr("de", "Gefängnisse");  // same stem as Gefängnis
  EXPECT_EQ(stems(plural), stems(prison));
  auto player = tr("de", "Basketballspielerin");
  EXPECT_TRUE(contains_any(player, {en("basketball")})) << join(stems(player));
  EXPECT_TRUE(contains_any(tr("de", "Regierung"), {"govern"}));
}

TEST_F(RealDictionaries, Arabic) {
  auto ts = tr("ar", "سجن");
  EXPECT_TRUE(contains_any(ts, {"prison", "jail", "gaol", "incarcer", "imprison"})) << join(stems(ts));
}

TEST_F(RealDictionaries, RussianInverted) {
  auto ts = tr("ru", "тюрьма");
  EXPECT_TRUE(contains_any(ts, {"prison", "jail", "gaol"})) << join(stems(ts));
  // An inflected form reaches the same stem.
  EXPECT_EQ(stems(tr("ru", "тюрьмы")), stems(ts));
}

TEST_F(RealDictionaries, RomanceAndPolish) {
  for (auto [lang, word] : std::vector<std::pair<std::string_view, std::string_view>>{
           {"fr", "prisonnier"}, {"es", "prisión"}, {"it", "prigione"}, {"pl", "więzienie"}}) {
    auto ts = tr(lang, word);
    EXPECT_TRUE(contains_any(ts, {"prison", "jail", "gaol"})) << lang << " " << word << ": " << join(stems(ts));
  }
}

TEST_F(RealDictionaries, TurkishDictionaryIsSmall) {
  // freedict-tur-eng has ~1000 headwords and no "hapishane": an honest miss, not a crash.
  EXPECT_TRUE(tr("tr", "hapishane").empty());
  EXPECT_TRUE(contains_any(tr("tr", "asker"), {"armi", "soldier"}));
}

TEST_F(RealDictionaries, UnknownWordOrLanguage) {
  EXPECT_TRUE(dict_->translate("de", "xqzzyqx").empty());
  EXPECT_TRUE(dict_->translate("de", "").empty());
  EXPECT_TRUE(dict_->translate("xx", "haus").empty());
  EXPECT_TRUE(dict_->translate("en", "prison").empty());
  EXPECT_FALSE(dict_->translate("deu", (*normaliser_)("Haus", "de")).empty());  // 3-letter code
}

TEST_F(RealDictionaries, StopWordsNeverTranslations) {
  for (auto [lang, word] : std::vector<std::pair<std::string_view, std::string_view>>{
           {"de", "sein"}, {"de", "machen"}, {"fr", "être"}, {"es", "ser"}, {"de", "und"}}) {
    for (const auto& t : tr(lang, word)) {
      for (std::string_view stop : {"be", "the", "to", "and", "of", "a", "sb", "sth"})
        EXPECT_NE(t.english_stem, stop) << lang << " " << word;
    }
  }
}

// --- Synthetic dictionaries -------------------------------------------------------------------

class SyntheticDictionaries : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("storyline_term_dict_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string b64(std::size_t v) {
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string s;
    do {
      s.insert(s.begin(), alphabet[v % 64]);
      v /= 64;
    } while (v);
    return s;
  }
  // Writes base.index / base.dict (uncompressed) from entries; `extra_index` is appended raw.
  void write(const std::string& base, const std::vector<std::string>& entries, const std::string& extra_index = "") {
    std::string body, index;
    for (const auto& e : entries) {
      std::string head = e.substr(0, e.find_first_of(" \n"));
      index += head + "\t" + b64(body.size()) + "\t" + b64(e.size()) + "\n";
      body += e;
    }
    index += extra_index;
    std::ofstream(dir_ / (base + ".index"), std::ios::binary) << index;
    std::ofstream(dir_ / (base + ".dict"), std::ios::binary) << body;
  }
  TermDictionary load(std::vector<std::string> langs) {
    return TermDictionary::load(dir_.string(), langs, normaliser_.function());
  }

  fs::path dir_;
  testing::SnowballNormaliser normaliser_;
};

TEST_F(SyntheticDictionaries, MissingFilesReported) {
  write("freedict-fra-eng", {"maison /mɛzɔ̃/ <n>\nhouse, home\n"});
  auto d = load({"fr", "de", "ru", "xx", "fr"});
  EXPECT_EQ(d.loaded(), (std::vector<std::string>{"fr"}));
  EXPECT_EQ(d.missing(), (std::vector<std::string>{"de", "ru", "xx"}));
  auto s = stems(d.translate("fr", normaliser_("maison", "fr")));
  std::sort(s.begin(), s.end());
  EXPECT_EQ(s, (std::vector<std::string>{"home", "hous"}));
}

TEST_F(SyntheticDictionaries, NothingThere) {
  auto d = TermDictionary::load("/nonexistent/dir", std::vector<std::string>{"de"}, normaliser_.function());
  EXPECT_TRUE(d.loaded().empty());
  EXPECT_EQ(d.missing(), (std::vector<std::string>{"de"}));
  EXPECT_TRUE(d.translate("de", "haus").empty());
}

TEST_F(SyntheticDictionaries, CorruptIndexLinesSkipped) {
  write("freedict-deu-eng", {"Haus /haʊs/ <n>\nhouse <n>, building\n"},
        "garbage\nbroken\t!!\t??\nout\tBAAAAA\tBAAA\n\n");
  auto d = load({"de"});
  ASSERT_EQ(d.loaded(), (std::vector<std::string>{"de"}));
  EXPECT_EQ(d.stats()[0].skipped_index_lines, 2u);  // the out-of-range line is read as empty
  EXPECT_EQ(stems(d.translate("de", normaliser_("Haus", "de"))), (std::vector<std::string>{"hous", "build"}));
}

TEST_F(SyntheticDictionaries, CorruptCompressedBodyIsMissing) {
  std::ofstream(dir_ / "freedict-ita-eng.index") << "casa\tA\tK\n";
  std::ofstream(dir_ / "freedict-ita-eng.dict.dz", std::ios::binary) << std::string("\x1f\x8b\x08\x00junkjunk", 12);
  auto d = load({"it"});
  EXPECT_TRUE(d.loaded().empty());
  EXPECT_EQ(d.missing(), (std::vector<std::string>{"it"}));
}

TEST_F(SyntheticDictionaries, MultiwordHandling) {
  write("freedict-deu-eng", {
                                "Außenminister /x/ <n>\nforeign minister <n>, Secretary of State <n> [Am.]\n",
                                "Auswärtiges Amt /x/ <n>\nforeign office <n>\n",  // multiword headword: skipped
                            });
  auto d = load({"de"});
  auto ts = d.translate("de", normaliser_("Außenminister", "de"));
  auto s = stems(ts);
  std::sort(s.begin(), s.end());
  EXPECT_EQ(s, (std::vector<std::string>{"foreign", "minist", "secretari", "state"}));  // "of" dropped
  EXPECT_EQ(d.stats()[0].source_stems, 1u);
  EXPECT_TRUE(d.translate("de", normaliser_("Amt", "de")).empty());
}

TEST_F(SyntheticDictionaries, FirstSensesWeighMore) {
  // WikDict (Polish) and Ding (German) order senses and words by importance.
  write("freedict-pol-eng", {"ładować /x/ <v>\n1. load, burden\nnapełniać coś\n2. charge\nelektryczność\n"});
  auto d = load({"pl"});
  auto ts = d.translate("pl", normaliser_("ładować", "pl"));
  ASSERT_EQ(ts.size(), 3u);
  EXPECT_EQ(ts[0].english_stem, "load");
  EXPECT_EQ(ts[1].english_stem, "burden");
  EXPECT_EQ(ts[2].english_stem, "charg");
  EXPECT_GT(ts[0].weight, ts[1].weight);
  EXPECT_GT(ts[1].weight, ts[2].weight);
}

TEST_F(SyntheticDictionaries, UnorderedDictionariesWeighPhrasesEqually) {
  // Ergane imports (fr, es, it, tr, ru) list senses and words in no meaningful order.
  write("freedict-fra-eng", {"charger /x/ <v>\n1. entrust, tell\n2. charge, load\n"});
  auto d = load({"fr"});
  auto ts = d.translate("fr", normaliser_("charger", "fr"));
  ASSERT_EQ(ts.size(), 4u);
  for (const auto& t : ts) EXPECT_NEAR(t.weight, 0.25f, 1e-4f);
}

TEST_F(SyntheticDictionaries, CommonTranslationsDownweighted) {
  // "make" translates many words; "prison" one. For a word with both, "prison" ranks first
  // even though "make" is listed first.
  std::vector<std::string> entries;
  for (std::string w : {"faire", "fabriquer", "rendre", "produire", "créer", "construire"})
    entries.push_back(w + " /x/\nmake, " + w + "x\n");
  entries.push_back("emprisonner /x/\nmake, prison\n");
  write("freedict-fra-eng", entries);
  auto d = load({"fr"});
  auto ts = d.translate("fr", normaliser_("emprisonner", "fr"));
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts[0].english_stem, "prison");
  EXPECT_EQ(ts[1].english_stem, "make");
}

TEST_F(SyntheticDictionaries, RussianInvertsEnglishRussian) {
  write("freedict-eng-rus", {
                                "prison /prizn/\nтюрьма\n",
                                "jail /dʒeil/\nтюрьма\n",
                                "prison guard /x/\nтюремщик, надзиратель тюрьмы\n",
                            });
  auto d = load({"ru"});
  auto ts = d.translate("ru", normaliser_("тюрьма", "ru"));
  auto s = stems(ts);
  std::sort(s.begin(), s.end());
  EXPECT_EQ(s, (std::vector<std::string>{"jail", "prison"}));
  auto guard = stems(d.translate("ru", normaliser_("тюремщик", "ru")));
  std::sort(guard.begin(), guard.end());
  EXPECT_EQ(guard, (std::vector<std::string>{"guard", "prison"}));
  EXPECT_TRUE(d.translate("ru", normaliser_("надзиратель", "ru")).empty());  // multiword Russian skipped
}

TEST_F(SyntheticDictionaries, AtMostMaxPerWord) {
  write("freedict-spa-eng", {"caja /x/\n1. cashier's stand, fund, money box, till\n2. box, chest\n3. jug, container\n"});
  auto d4 = load({"es"});
  auto ts = d4.translate("es", normaliser_("caja", "es"));
  EXPECT_EQ(ts.size(), 4u);
  expect_well_formed(ts);
  auto d2 = TermDictionary::load(dir_.string(), std::vector<std::string>{"es"}, normaliser_.function(), 2);
  EXPECT_EQ(d2.translate("es", normaliser_("caja", "es")).size(), 2u);
}

// Lookups go through a hash table: every stem of thousands is found, with its own translation,
// and a stem that merely starts with one, or is cut from one, is not.
TEST_F(SyntheticDictionaries, EveryStemFoundAndNoOther) {
  const std::string letters = "bcdfghjklmnpqrvwz";
  auto word = [&](std::size_t i) {
    std::string w = "zz";
    for (; i; i /= letters.size()) w += letters[i % letters.size()];
    return w;
  };
  std::vector<std::string> entries;
  for (std::size_t i = 1; i <= 3000; ++i) entries.push_back(word(i) + " /x/\n" + (i % 2 ? "house" : "tree") + "\n");
  write("freedict-fra-eng", entries);
  auto d = load({"fr"});
  std::set<std::string> stems_held;
  for (std::size_t i = 1; i <= 3000; ++i) stems_held.insert(normaliser_(word(i), "fr"));
  ASSERT_GT(stems_held.size(), 2900u);
  std::size_t found = 0;
  for (std::size_t i = 1; i <= 3000; ++i) {
    const std::string stem = normaliser_(word(i), "fr");
    auto ts = d.translate("fr", stem);
    found += !ts.empty();
    if (!ts.empty()) {
      EXPECT_EQ(ts.front().english_stem, i % 2 ? "hous" : "tree") << word(i);
    }
    for (const std::string& other : {stem + "y", stem.substr(0, stem.size() - 1)}) {
      if (!stems_held.contains(other)) {
        EXPECT_TRUE(d.translate("fr", other).empty()) << other;
      }
    }
  }
  EXPECT_EQ(found, 3000u);
}

}  // namespace
}  // namespace storyline
