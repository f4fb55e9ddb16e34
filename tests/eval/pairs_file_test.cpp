#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "article/reader.h"
#include "eval/pairs_file.h"

namespace storyline {
namespace {

using Records = std::vector<std::vector<std::string>>;

TEST(ParseCsv, PlainRecords) {
  EXPECT_EQ(parse_csv("a,b,c\n1,2,3\n"), (Records{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(parse_csv("a,b\n1,2"), (Records{{"a", "b"}, {"1", "2"}}));  // no final newline
  EXPECT_EQ(parse_csv("a,,c\n"), (Records{{"a", "", "c"}}));
  EXPECT_EQ(parse_csv("a,b,\n"), (Records{{"a", "b", ""}}));
  EXPECT_TRUE(parse_csv("").empty());
}

TEST(ParseCsv, QuotedFieldsKeepCommas) {
  EXPECT_EQ(parse_csv("\"a, b\",c\n"), (Records{{"a, b", "c"}}));
  EXPECT_EQ(parse_csv("\"\",x\n"), (Records{{"", "x"}}));
}

TEST(ParseCsv, EscapedQuotes) {
  EXPECT_EQ(parse_csv("\"she said \"\"hi\"\"\",2\n"), (Records{{"she said \"hi\"", "2"}}));
  EXPECT_EQ(parse_csv("\"\"\"\"\n"), (Records{{"\""}}));
}

TEST(ParseCsv, MultilineFields) {
  EXPECT_EQ(parse_csv("id,text\n1,\"Title\nfirst paragraph\n\nsecond\"\n2,x\n"),
            (Records{{"id", "text"}, {"1", "Title\nfirst paragraph\n\nsecond"}, {"2", "x"}}));
}

TEST(ParseCsv, CrLfLineEnds) {
  EXPECT_EQ(parse_csv("a,b\r\n1,2\r\n"), (Records{{"a", "b"}, {"1", "2"}}));
  // A CRLF inside quotes is content.
  EXPECT_EQ(parse_csv("a,\"x\r\ny\"\r\n"), (Records{{"a", "x\r\ny"}}));
  // Lone CR also ends a record.
  EXPECT_EQ(parse_csv("a\rb\r"), (Records{{"a"}, {"b"}}));
}

TEST(ArticleFromText, FirstLineIsTheHeadline) {
  Article a = article_from_text("p1/1", "  Quake hits Chile \nBody line one.\n\nBody two.\n", "en",
                                "https://example.org/x");
  EXPECT_EQ(a.id, "p1/1");
  EXPECT_EQ(a.title, "Quake hits Chile");
  EXPECT_EQ(a.text, "Body line one.\n\nBody two.");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.url, "https://example.org/x");
  EXPECT_EQ(a.origin, "p1/1");
}

TEST(ArticleFromText, NoLineBreakMeansNoHeadline) {
  Article a = article_from_text("id", "  Just one paragraph of text.  ", "", "");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.text, "Just one paragraph of text.");
}

TEST(ArticleFromText, VeryLongFirstLineIsBodyNotHeadline) {
  std::string first(500, 'x');
  Article a = article_from_text("id", first + "\nsecond", "en", "");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.text, first + "\nsecond");
}

TEST(ArticleFromText, CrLfHeadline) {
  Article a = article_from_text("id", "Headline here\r\nBody.", "en", "");
  EXPECT_EQ(a.title, "Headline here");
  EXPECT_EQ(a.text, "Body.");
}

class PairsFileTest : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& content) {
    auto path = std::filesystem::temp_directory_path() /
                ("storyline-pairs-" + std::to_string(getpid()) + "-" + name);
    std::ofstream(path, std::ios::binary) << content;
    written_.push_back(path);
    return path.string();
  }
  void TearDown() override {
    for (auto& p : written_) std::filesystem::remove(p);
  }
  std::vector<std::filesystem::path> written_;
};

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "<no exception>";
}

TEST_F(PairsFileTest, ReadsRowsWithScores) {
  std::string path = write("ok.csv",
                           "pair_id,lang1,lang2,Overall,Entities,Tone,text1,text2,link1,link2\r\n"
                           "p1,en,de,1.5,2,3,\"Head A\nBody A\",\"Kopf B\nText B\",http://a,http://b\r\n"
                           "p2,en,en,,,,\"only body\",\"other\",,\r\n");
  std::vector<ReadError> errors;
  auto pairs = read_pairs_file(path, errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].pair_id, "p1");
  EXPECT_EQ(pairs[0].a.id, "p1/1");
  EXPECT_EQ(pairs[0].b.id, "p1/2");
  EXPECT_EQ(pairs[0].a.title, "Head A");
  EXPECT_EQ(pairs[0].b.text, "Text B");
  EXPECT_EQ(pairs[0].b.lang, "de");
  EXPECT_EQ(pairs[0].a.url, "http://a");
  ASSERT_TRUE(pairs[0].overall);
  EXPECT_DOUBLE_EQ(*pairs[0].overall, 1.5);
  EXPECT_DOUBLE_EQ(pairs[0].dimensions.at("entities"), 2.0);
  EXPECT_DOUBLE_EQ(pairs[0].dimensions.at("tone"), 3.0);
  EXPECT_FALSE(pairs[1].overall);  // unlabelled
  EXPECT_TRUE(pairs[1].dimensions.empty());
}

TEST_F(PairsFileTest, MissingColumnErrorNamesTheFileAndColumn) {
  std::string path = write("nocol.csv", "pair_id,lang1,lang2,text1\np1,en,en,x\n");
  std::vector<ReadError> errors;
  std::string message = message_of([&] { read_pairs_file(path, errors); });
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find("text2"), std::string::npos) << message;
}

TEST_F(PairsFileTest, MissingOrEmptyFileErrorNamesTheFile) {
  std::vector<ReadError> errors;
  std::string missing = "/nonexistent/storyline/pairs.csv";
  EXPECT_NE(message_of([&] { read_pairs_file(missing, errors); }).find(missing), std::string::npos);
  std::string empty = write("empty.csv", "");
  EXPECT_NE(message_of([&] { read_pairs_file(empty, errors); }).find(empty), std::string::npos);
}

TEST_F(PairsFileTest, BadRowsAreReportedAndSkipped) {
  std::string path = write("bad.csv",
                           "pair_id,lang1,lang2,Overall,text1,text2\n"
                           "p1,en,en,2,a,b\n"
                           "p2,en,en,2,only five fields\n"
                           "p3,en,en,not-a-number,a,b\n"
                           "p4,en,en,4,c,d\n"
                           "\n");
  std::vector<ReadError> errors;
  auto pairs = read_pairs_file(path, errors);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].pair_id, "p1");
  EXPECT_EQ(pairs[1].pair_id, "p4");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].origin.find(path), std::string::npos) << errors[0].origin;
  EXPECT_NE(errors[0].origin.find("3"), std::string::npos) << errors[0].origin;  // record 3
  EXPECT_NE(errors[0].message.find("fields"), std::string::npos) << errors[0].message;
  EXPECT_NE(errors[1].origin.find("4"), std::string::npos) << errors[1].origin;
  EXPECT_NE(errors[1].message.find("number"), std::string::npos) << errors[1].message;
}

// std::stod read "2abc" as 2, and NaN or infinite grades then broke the metrics' rank sort.
TEST_F(PairsFileTest, GradesMustBeWholeFiniteNumbersFromOneToFour) {
  std::string path = write("grades.csv",
                           "pair_id,lang1,lang2,Overall,Tone,text1,text2\n"
                           "p1,en,en,nan,,a,b\n"
                           "p2,en,en,inf,,a,b\n"
                           "p3,en,en,2abc,,a,b\n"
                           "p4,en,en,0.5,,a,b\n"
                           "p5,en,en,4.5,,a,b\n"
                           "p6,en,en,2,-inf,a,b\n"
                           "p7,en,en, 1 ,4,a,b\n");
  std::vector<ReadError> errors;
  auto pairs = read_pairs_file(path, errors);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].pair_id, "p7");
  EXPECT_DOUBLE_EQ(*pairs[0].overall, 1.0);
  EXPECT_DOUBLE_EQ(pairs[0].dimensions.at("tone"), 4.0);
  ASSERT_EQ(errors.size(), 6u);
  for (std::size_t i = 0; i < errors.size(); ++i) {
    EXPECT_EQ(errors[i].origin, path + ":record " + std::to_string(i + 2));
    EXPECT_NE(errors[i].message.find("not a number from 1 to 4"), std::string::npos) << errors[i].message;
  }
  EXPECT_NE(errors[5].message.find("Tone"), std::string::npos) << errors[5].message;
}

TEST_F(PairsFileTest, ByteOrderMarkIsIgnored) {
  std::string path = write("bom.csv", "\xEF\xBB\xBFpair_id,lang1,lang2,text1,text2\np1,en,en,a,b\n");
  std::vector<ReadError> errors;
  auto pairs = read_pairs_file(path, errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].pair_id, "p1");
}

// Pair texts pass the article readers' checks: a bad row is named and skipped, the rest read.
TEST_F(PairsFileTest, TextsFailingTheReadersChecksAreReportedAndSkipped) {
  std::string path = write("texts.csv",
                           "pair_id,lang1,lang2,Overall,text1,text2\n"
                           "p1,en,en,2,\"Head \xFF\nbody\",b\n"                 // record 2: invalid UTF-8
                           "p2,en,en,2,a,\"x" + std::string(1, '\0') + "y\"\n"  // record 3: NUL
                           "p3,en,en,2,,b\n"                                      // record 4: empty text
                           "p4,en,en,2,a,\" \n \"\n"                               // record 5: blank text
                           "p\xC3,en,en,2,a,b\n"                                  // record 6: bad pair_id
                           "p7,en,en,3,\"Fine\nbody\",other\n");
  std::vector<ReadError> errors;
  auto pairs = read_pairs_file(path, errors);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].pair_id, "p7");
  ASSERT_EQ(errors.size(), 5u);
  const char* expected[][2] = {{":record 2", "text1: invalid UTF-8"}, {":record 3", "text2: binary data"},
                               {":record 4", "text1 is empty"},      {":record 5", "text2 is empty"},
                               {":record 6", "pair_id: invalid UTF-8"}};
  for (std::size_t i = 0; i < errors.size(); ++i) {
    EXPECT_EQ(errors[i].origin, path + expected[i][0]);
    EXPECT_NE(errors[i].message.find(expected[i][1]), std::string::npos) << errors[i].message;
  }
}

TEST_F(PairsFileTest, TextOverTheReadersSizeLimitIsSkipped) {
  std::string huge(ReadOptions{}.max_file_bytes + 1, 'x');
  std::string path = write("huge.csv", "pair_id,lang1,lang2,text1,text2\np1,en,en,a," + huge + "\np2,en,en,a,b\n");
  std::vector<ReadError> errors;
  auto pairs = read_pairs_file(path, errors);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].pair_id, "p2");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].origin, path + ":record 2");
  EXPECT_NE(errors[0].message.find("text2 too large"), std::string::npos) << errors[0].message;
}

}  // namespace
}  // namespace storyline
