#include "features/dictd.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace storyline::dictd {
namespace {

const std::string kDictdDir = "/usr/share/dictd";

std::vector<std::string> phrases(const Entry& e) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < e.phrases.size(); ++i) out.emplace_back(e.phrase(i));
  return out;
}

using Strings = std::vector<std::string>;

TEST(DictdBase64, DecodesDictdAlphabet) {
  EXPECT_EQ(decode_base64("A"), 0u);
  EXPECT_EQ(decode_base64("B"), 1u);
  EXPECT_EQ(decode_base64("/"), 63u);
  EXPECT_EQ(decode_base64("BA"), 64u);
  EXPECT_EQ(decode_base64("B0"), 116u);  // 1*64 + 52
  EXPECT_EQ(decode_base64("+/"), 62u * 64 + 63);
}

TEST(DictdBase64, RejectsInvalid) {
  EXPECT_FALSE(decode_base64(""));
  EXPECT_FALSE(decode_base64("B*"));
  EXPECT_FALSE(decode_base64("=="));
  EXPECT_FALSE(decode_base64("AAAAAAAAAAAAAAAA"));  // overlong
}

TEST(DictdIndex, ParsesLinesAndSkipsCorruptOnes) {
  const std::string text =
      "00databaseinfo\tc\tnU\n"
      "haus\tBA\tK\n"
      "garbage line without tabs\n"
      "bad\tB!\tC\n"
      "short\tB\n"
      "\tGHAt\tB0\n"          // empty headword (dictfmt strips punctuation-only headwords)
      "maus\tC\tD\textra\r\n";
  std::size_t skipped = 0;
  auto idx = parse_index(text, &skipped);
  ASSERT_EQ(idx.size(), 3u);
  EXPECT_EQ(idx[0].headword, "haus");
  EXPECT_EQ(idx[0].offset, 64u);
  EXPECT_EQ(idx[0].length, 10u);
  EXPECT_EQ(idx[1].headword, "");
  EXPECT_EQ(idx[2].headword, "maus");
  EXPECT_EQ(idx[2].offset, 2u);
  EXPECT_EQ(idx[2].length, 3u);
  EXPECT_EQ(skipped, 3u);
}

TEST(DictdEntry, GermanDingLayout) {
  const std::string raw =
      "Außenminister /ˌaʊsənmiːnˈɪstɜ/ <masc, n, sg>\n"
      "foreign minister <n>, Foreign Secretary <n> [Br.] , Secretary of State <n> [Am.]\n"
      "      \"Rat der Außenminister\"  - Council of Ministers of Foreign Affairs\n"
      "   Synonym: {Außenministerin}\n"
      "\n"
      " see: {Außenamt}\n";
  Entry e;
  ASSERT_TRUE(parse_entry(raw, e));
  EXPECT_EQ(e.headword, "Außenminister");
  EXPECT_EQ(phrases(e), (Strings{"foreign minister", "Foreign Secretary", "Secretary of State"}));
  EXPECT_EQ(e.phrases[0].sense, 0);
  EXPECT_EQ(e.phrases[2].rank, 2);
}

TEST(DictdEntry, LabelsAndNotesDropped) {
  const std::string raw =
      "Gefängnis /ɡəfˈɛŋnɪs/ <fem, n, sg>\n"
      " [in Zusammensetzungen]  [jur.] term of imprisonment <n>, prison term (long) <n>\n"
      "         Note: used to describe a penalty\n";
  Entry e;
  ASSERT_TRUE(parse_entry(raw, e));
  EXPECT_EQ(e.headword, "Gefängnis");
  EXPECT_EQ(phrases(e), (Strings{"term of imprisonment", "prison term"}));
}

TEST(DictdEntry, NumberedSenses) {
  const std::string raw =
      "charger /ʃaʀʒe/ <v>\n"
      "1. entrust, tell\n"
      "2. charge, load\n";
  Entry e;
  ASSERT_TRUE(parse_entry(raw, e));
  EXPECT_EQ(e.headword, "charger");
  EXPECT_EQ(phrases(e), (Strings{"entrust", "tell", "charge", "load"}));
  EXPECT_EQ(e.phrases[0].sense, 0);
  EXPECT_EQ(e.phrases[2].sense, 1);
  EXPECT_EQ(e.phrases[3].rank, 1);
}

TEST(DictdEntry, WikDictDefinitionsInSourceLanguageDropped) {
  const std::string raw =
      "ciśnienie /ʨ̑iɕˈɲɛ̇̃ɲɛ/ <n>\n"
      "pressure 2.\n"
      "(fizyka, fizyczny) stosunek siły do powierzchni, na którą działa;\n"
      " 3.\n"
      "presja, nacisk\n";
  Entry e;
  ASSERT_TRUE(parse_entry(raw, e));
  EXPECT_EQ(phrases(e), (Strings{"pressure"}));

  const std::string numbered =
      "badać /ˈbadaʨ̑/ <v>\n"
      "1. test, study\n"
      "przeprowadzać obserwację, analizę naukową czegoś (obiektu, pojęcia)\n"
      "2. observe, watch\n"
      "przyglądać się czemuś lub komuś uważnie\n";
  ASSERT_TRUE(parse_entry(numbered, e));
  EXPECT_EQ(phrases(e), (Strings{"test", "study", "observe", "watch"}));
  EXPECT_EQ(e.phrases[3].sense, 1);
}

TEST(DictdEntry, NoHeadword) {
  Entry e;
  EXPECT_FALSE(parse_entry("", e));
  EXPECT_FALSE(parse_entry("\n\n  \n", e));
  EXPECT_FALSE(parse_entry(" /pron/ <n>\nfoo\n", e));
  EXPECT_TRUE(e.phrases.empty());
}

TEST(DictdEntry, HeadwordWithoutTranslations) {
  Entry e;
  ASSERT_TRUE(parse_entry("Wort /vɔʁt/\n   Synonym: {x}\n", e));
  EXPECT_EQ(e.headword, "Wort");
  EXPECT_TRUE(e.phrases.empty());
}

TEST(DictdEntry, UnbalancedBracketsDoNotCrash) {
  Entry e;
  ASSERT_TRUE(parse_entry("x\n) a, (b, [c\n", e));
  EXPECT_EQ(phrases(e), (Strings{"a"}));
}

TEST(DictdFileTest, FromMemoryRawBounds) {
  std::string body = "haus /haʊs/\nhouse\nmaus\nmouse\n";
  auto f = DictdFile::from_memory("haus\tA\tT\nmaus\tT\tL\nfar\tBAAA\tB\n", body);
  ASSERT_EQ(f.index().size(), 3u);
  EXPECT_EQ(f.raw(f.index()[0]), "haus /haʊs/\nhouse\n");
  EXPECT_EQ(f.raw(f.index()[1]), "maus\nmouse\n");
  EXPECT_EQ(f.raw(f.index()[2]), "");  // beyond the body
  DictdFile moved = std::move(f);     // index views survive a move
  EXPECT_EQ(moved.index()[1].headword, "maus");
}

TEST(DictdFileTest, MissingFile) {
  std::string error;
  EXPECT_FALSE(DictdFile::open("/nonexistent/freedict-xxx-eng", &error));
  EXPECT_FALSE(error.empty());
}

TEST(DictdGzip, CorruptDataRejected) {
  std::string error;
  EXPECT_FALSE(inflate_gzip(std::string("\x1f\x8b\x08\x00garbage", 12), &error));
  EXPECT_FALSE(error.empty());
}

TEST(DictdRealData, ItalianDictionaryParses) {
  const std::string base = kDictdDir + "/freedict-ita-eng";
  if (!std::filesystem::exists(base + ".index")) GTEST_SKIP() << "FreeDict ita-eng not installed";
  std::string error;
  auto f = DictdFile::open(base, &error);
  ASSERT_TRUE(f) << error;
  EXPECT_GT(f->index().size(), 3000u);
  EXPECT_EQ(f->skipped_index_lines(), 0u);
  Entry e;
  std::size_t parsed = 0, with_phrases = 0;
  bool found = false;
  for (const auto& ie : f->index()) {
    if (!parse_entry(f->raw(ie), e)) continue;
    ++parsed;
    if (!e.phrases.empty()) ++with_phrases;
    if (e.headword == "prigione") {
      found = true;
      EXPECT_EQ(phrases(e), (Strings{"jail", "gaol", "prison"}));
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(parsed, f->index().size());
  EXPECT_GT(with_phrases, parsed * 95 / 100);
}

}  // namespace
}  // namespace storyline::dictd
