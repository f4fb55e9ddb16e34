#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_util.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A fresh directory per test, removed afterwards.
class ReadPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("storyline_read_paths_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_ / "locked.txt", fs::perms::owner_all, ec);
    fs::remove_all(dir_, ec);
  }
  std::string write(const std::string& rel, const std::string& content) {
    const fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string path(const std::string& rel) const { return (dir_ / rel).string(); }

  fs::path dir_;
};

std::vector<std::string> ids(const ReadBatch& b) {
  std::vector<std::string> out;
  for (const auto& a : b.articles) out.push_back(a.id);
  return out;
}

TEST_F(ReadPaths, DirectoriesAreWalkedRecursivelyInSortedOrder) {
  write("b/z.txt", "Z title\n\nbody");
  write("b/a/deep.HTML", "<title>Deep</title><p>Deep body.</p>");
  write("a.json", R"({"title": "json", "text": "x"})");
  write("c.jsonl", "{\"id\": \"l1\", \"title\": \"one\"}\n{\"id\": \"l2\", \"title\": \"two\"}\n");
  write("b/notes.md", "ignored");
  write("b/image.png", "\x89PNG");
  write("b/a/page.htm", "<h1>Page</h1>");
  const ReadBatch b = read_paths({dir_.string()});
  EXPECT_TRUE(b.errors.empty()) << test::describe_errors(b);
  EXPECT_THAT(ids(b), ElementsAre("a", "deep", "page", "z", "l1", "l2"));
  // a.json < b/a/deep.HTML < b/a/page.htm < b/z.txt < c.jsonl
  EXPECT_EQ(b.articles[0].origin, path("a.json"));
  EXPECT_EQ(b.articles[5].origin, path("c.jsonl") + ":2");
}

TEST_F(ReadPaths, ExplicitPathsKeepTheirOrderAndErrorsDoNotStopTheBatch) {
  const std::string good = write("good.txt", "Good\n\nbody");
  const std::string md = write("notes.md", "# not read");
  const std::string empty = write("empty.txt", "");
  const std::string bin = write("bin.html", std::string("<p>\0\0\0</p>", 10));
  const std::string later = write("later.json", R"({"title": "later"})");
  const ReadBatch b = read_paths({good, path("missing.txt"), md, empty, bin, later});
  EXPECT_THAT(ids(b), ElementsAre("good", "later"));
  ASSERT_EQ(b.errors.size(), 4u) << test::describe_errors(b);
  EXPECT_EQ(b.errors[0].origin, path("missing.txt"));
  EXPECT_THAT(b.errors[0].message, HasSubstr("no such file"));
  EXPECT_EQ(b.errors[1].origin, md);
  EXPECT_THAT(b.errors[1].message, HasSubstr("unsupported file type"));
  EXPECT_EQ(b.errors[2].origin, empty);
  EXPECT_THAT(b.errors[2].message, HasSubstr("empty"));
  EXPECT_EQ(b.errors[3].origin, bin);
  EXPECT_THAT(b.errors[3].message, HasSubstr("binary"));
}

TEST_F(ReadPaths, HundredMegabyteSparseFileIsRefusedWithoutReadingIt) {
  const std::string big = path("huge.txt");
  {
    std::ofstream(big).put('x');
  }
  fs::resize_file(big, 100u << 20);  // sparse: no disk blocks, but 100 MB to stat()
  write("small.txt", "Small\n\nbody");
  // Refused from its size alone (speed is for bench/, not a timed assertion here).
  const ReadBatch b = read_paths({dir_.string()});
  EXPECT_THAT(ids(b), ElementsAre("small"));
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].origin, big);
  EXPECT_THAT(b.errors[0].message, HasSubstr("too large (104857600 bytes"));
}

TEST_F(ReadPaths, LimitIsConfigurable) {
  const std::string f = write("f.txt", "Title\n\n0123456789");
  ReadOptions options;
  options.max_file_bytes = 10;
  const ReadBatch b = read_paths({f}, options);
  EXPECT_TRUE(b.articles.empty());
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_THAT(b.errors[0].message, HasSubstr("limit is 10 bytes"));
  options.max_file_bytes = 17;  // exactly the file's size is allowed
  EXPECT_EQ(read_paths({f}, options).articles.size(), 1u);
}

TEST_F(ReadPaths, UnreadableFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read anything";
  const std::string f = write("locked.txt", "Title\n\nbody");
  fs::permissions(f, fs::perms::none);
  const ReadBatch b = read_paths({f});
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].origin, f);
  EXPECT_THAT(b.errors[0].message, HasSubstr("cannot open"));
}

TEST_F(ReadPaths, SymlinkedDirectoryLoopsAreNotFollowed) {
  write("sub/a.txt", "A\n\nbody");
  fs::create_directory_symlink(dir_, dir_ / "sub" / "loop");
  const ReadBatch b = read_paths({dir_.string()});
  EXPECT_THAT(ids(b), ElementsAre("a"));
}

TEST_F(ReadPaths, EmptyDirectoryIsNotAnError) {
  fs::create_directories(dir_ / "nothing");
  const ReadBatch b = read_paths({path("nothing")});
  EXPECT_TRUE(b.articles.empty());
  EXPECT_TRUE(b.errors.empty());
}

// Ids come from file names without their folder: the second "index" used to replace the first.
TEST_F(ReadPaths, DuplicateIdsKeepTheFirstAndNameBothOrigins) {
  write("d1/index.txt", "First\n\nbody one");
  write("d2/index.txt", "Second\n\nbody two");
  write("d2/other.txt", "Other\n\nbody");
  ReadBatch b = read_paths({path("d1"), path("d2")});
  drop_duplicate_ids(b);
  EXPECT_THAT(ids(b), ElementsAre("index", "other"));
  EXPECT_EQ(b.articles[0].title, "First");
  ASSERT_EQ(b.errors.size(), 1u) << test::describe_errors(b);
  EXPECT_EQ(b.errors[0].origin, path("d2/index.txt"));
  EXPECT_EQ(b.errors[0].message,
            "article id \"index\" is also the id of " + path("d1/index.txt") + "; this one is skipped");
}

TEST(ReadPathsShared, SamplesDirectory) {
  const std::string dir = std::string(STORYLINE_SHARED_DIR) + "/samples";
  if (!fs::exists(dir)) GTEST_SKIP() << dir << " not present";
  const ReadBatch b = read_paths({dir});
  EXPECT_TRUE(b.errors.empty()) << test::describe_errors(b);
  EXPECT_THAT(ids(b), ElementsAre("000_97f2943d0885677f", "001_3fb660b0b4e710bb"));
}

// stdin is read a line at a time with a bound: a stream without newlines never piles up.
TEST(ReadBoundedLine, KeepsLinesUpToTheLimitAndSkipsLongerOnes) {
  std::string input = "short\n\n" + std::string(200000, 'x') + "\n" + "after\nlast without newline";
  std::istringstream in(input);
  std::string line;
  bool too_long = false;
  std::vector<std::pair<std::string, bool>> read;
  while (detail::read_bounded_line(in, line, 100000, too_long)) read.emplace_back(line, too_long);
  const std::vector<std::pair<std::string, bool>> expected = {
      {"short", false}, {"", false}, {"", true}, {"after", false}, {"last without newline", false}};
  EXPECT_EQ(read, expected);
  std::istringstream exactly(std::string(100000, 'y') + "\n");
  ASSERT_TRUE(detail::read_bounded_line(exactly, line, 100000, too_long));
  EXPECT_FALSE(too_long);
  EXPECT_EQ(line.size(), 100000u);
  EXPECT_FALSE(detail::read_bounded_line(exactly, line, 100000, too_long));
}

}  // namespace
}  // namespace storyline
