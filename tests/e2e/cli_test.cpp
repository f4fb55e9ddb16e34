// Runs the built `storyline` binary as a user would: JSON on stdout, messages on stderr, exit codes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const fs::path kSamples = fs::path(STORYLINE_SHARED_DIR) / "samples";
const std::string kA = "000_97f2943d0885677f";
const std::string kB = "001_3fb660b0b4e710bb";

struct Result {
  int code = -1;
  std::string out, err;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("storyline-e2e-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Result run(const std::string& args) {
    fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    std::string command = quote(STORYLINE_BINARY) + " " + args + " </dev/null >" +
                          quote(out.string()) + " 2>" + quote(err.string());
    int status = std::system(command.c_str());
    Result r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }
  void need_samples() {
    if (!fs::exists(kSamples / (kA + ".txt"))) GTEST_SKIP() << kSamples << " is absent";
  }
  fs::path write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  fs::path dir_;
};

std::vector<std::string> articles_of(const nlohmann::json& thread) {
  std::vector<std::string> ids = thread["articles"].get<std::vector<std::string>>();
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool surfaces_include(const nlohmann::json& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

TEST_F(Cli, ThreadsOnSamplesGivesOneThread) {
  need_samples();
  Result r = run("threads " + quote(kSamples.string()));
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json threads = nlohmann::json::parse(r.out);
  ASSERT_EQ(threads.size(), 1u) << r.out;
  EXPECT_EQ(articles_of(threads[0]), (std::vector<std::string>{kA, kB}));
  EXPECT_FALSE(threads[0]["title"].get<std::string>().empty());
  EXPECT_EQ(threads[0]["id"].get<std::string>().size(), 13u);
  // The variant ledger names both spellings of Griner, each with the article that used it.
  bool griner = false;
  for (const auto& entry : threads[0]["variants"]) {
    std::vector<std::string> forms;
    for (const auto& f : entry["forms"]) forms.push_back(f["surface"]);
    if (std::find(forms.begin(), forms.end(), "Brittney Griner") != forms.end() &&
        std::find(forms.begin(), forms.end(), "Britney Greiner") != forms.end()) {
      griner = true;
      EXPECT_EQ(entry["verdict"], "spelling variants");
    }
  }
  EXPECT_TRUE(griner) << threads[0]["variants"].dump();
}

// Average linkage (the default), online with the second look (--online), and online in one
// pass (--single-pass): each is accepted and makes the samples one thread with one id.
TEST_F(Cli, EveryBatchThreadingModeKeepsTheSamplesTogether) {
  need_samples();
  std::set<std::string> ids;
  for (const std::string command : {"threads ", "--online threads ", "threads --single-pass "}) {
    Result r = run(command + quote(kSamples.string()));
    ASSERT_EQ(r.code, 0) << command << ": " << r.err;
    nlohmann::json threads = nlohmann::json::parse(r.out);
    ASSERT_EQ(threads.size(), 1u) << command << ": " << r.out;
    EXPECT_EQ(articles_of(threads[0]), (std::vector<std::string>{kA, kB})) << command;
    ids.insert(threads[0]["id"].get<std::string>());
  }
  EXPECT_EQ(ids.size(), 1u);
}

TEST_F(Cli, CompareSamplesExplainsTheVariants) {
  need_samples();
  Result r = run("compare " + quote((kSamples / (kA + ".txt")).string()) + " " +
                 quote((kSamples / (kB + ".txt")).string()));
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json c = nlohmann::json::parse(r.out);
  EXPECT_LT(c["overall"].get<double>(), 2.5) << r.out;
  EXPECT_EQ(c["same_story"], true);
  EXPECT_EQ(c["a"]["id"], kA);
  EXPECT_EQ(c["b"]["id"], kB);
  bool griner = false, lavrov = false;
  for (const auto& e : c["why"]["shared_entities"]) {
    griner = griner || (surfaces_include(e["a"], "Brittney Griner") && surfaces_include(e["b"], "Britney Greiner"));
    lavrov = lavrov || (surfaces_include(e["a"], "Sergei Lavrov") && surfaces_include(e["b"], "Sergey Lavrov"));
  }
  EXPECT_TRUE(griner) << c["why"]["shared_entities"].dump(1);
  EXPECT_TRUE(lavrov) << c["why"]["shared_entities"].dump(1);
}

// BUG (reported to the lead): the model retrained at 14:10 on 2023-11-23 scores the samples
// overall 2.104; the expected behaviour is <= 1.5. Enable once the model is fixed.
TEST_F(Cli, CompareSamplesOverallAtMostOnePointFive) {
  need_samples();
  Result r = run("compare " + quote((kSamples / (kA + ".txt")).string()) + " " +
                 quote((kSamples / (kB + ".txt")).string()));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_LE(nlohmann::json::parse(r.out)["overall"].get<double>(), 1.5);
}

TEST_F(Cli, ThreadsSurvivesBadFilesAndNamesThem) {
  need_samples();
  fs::path corpus = dir_ / "corpus";
  fs::create_directories(corpus);
  fs::copy_file(kSamples / (kA + ".txt"), corpus / (kA + ".txt"));
  fs::copy_file(kSamples / (kB + ".txt"), corpus / (kB + ".txt"));
  write("corpus/binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20));
  write("corpus/empty.txt", "");
  write("corpus/latin1.txt", "Caf\xe9 au lait\n\nUn article \xe9\xe8\xe0 en Latin-1, pas en UTF-8.\n");
  Result r = run("threads " + quote(corpus.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  nlohmann::json threads = nlohmann::json::parse(r.out);
  ASSERT_EQ(threads.size(), 1u) << r.out;
  EXPECT_EQ(articles_of(threads[0]), (std::vector<std::string>{kA, kB}));
  for (const char* bad : {"binary.txt", "empty.txt", "latin1.txt"})
    EXPECT_NE(r.err.find(bad), std::string::npos) << bad << " not named in stderr:\n" << r.err;
}

TEST_F(Cli, NothingReadableIsAnError) {
  write("only/empty.txt", "");
  write("only/binary.txt", std::string("\0\0\0\0", 4));
  Result r = run("threads " + quote((dir_ / "only").string()));
  EXPECT_NE(r.code, 0);
  EXPECT_TRUE(r.out.empty() || r.out == "\n") << r.out;
  EXPECT_NE(r.err.find("no article could be read"), std::string::npos) << r.err;

  r = run("threads " + quote((dir_ / "does-not-exist").string()));
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("does-not-exist"), std::string::npos) << r.err;

  r = run("compare " + quote((dir_ / "nope-a.txt").string()) + " " + quote((dir_ / "nope-b.txt").string()));
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("nope-a.txt"), std::string::npos) << r.err;
}

// Ids are file names without their folder: two index.txt used to become one article, silently.
TEST_F(Cli, ThreadsNamesADuplicateIdAndKeepsTheFirst) {
  fs::path first = write("d1/index.txt", "Quake hits Chile\n\nA magnitude 7.1 earthquake struck northern Chile.\n");
  fs::path second = write("d2/index.txt", "Football transfer\n\nManchester United sign a striker.\n");
  Result r = run("threads " + quote((dir_ / "d1").string()) + " " + quote((dir_ / "d2").string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find(second.string() + ": article id \"index\" is also the id of " + first.string() +
                       "; this one is skipped"),
            std::string::npos)
      << r.err;
  nlohmann::json threads = nlohmann::json::parse(r.out);
  ASSERT_EQ(threads.size(), 1u) << r.out;
  EXPECT_EQ(threads[0]["title"], "Quake hits Chile");
}

// Two lines with one id in two clusters scored n 2, gold_clusters 1, b3_f1 1.0.
TEST_F(Cli, EvalThreadsSkipsADuplicateId) {
  fs::path corpus = write("gold.jsonl",
                          "{\"id\": \"x\", \"title\": \"Quake hits Chile\", \"cluster\": \"c1\"}\n"
                          "{\"id\": \"x\", \"title\": \"United sign a striker\", \"cluster\": \"c2\"}\n");
  Result r = run("eval threads " + quote(corpus.string()));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("gold.jsonl:2: article id \"x\" is also the id of"), std::string::npos) << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["n"], 1) << r.out;
  EXPECT_EQ(report["gold_clusters"], 1) << r.out;
}

// A and B were read together and the articles counted across both: a directory of two
// files for A compared those two although B does not exist.
TEST_F(Cli, CompareNeedsOneArticleInEachOfAAndB) {
  write("two/a.txt", "Quake hits Chile\n\nA magnitude 7.1 earthquake struck northern Chile.\n");
  write("two/b.txt", "Chile earthquake\n\nAn earthquake struck northern Chile on Tuesday.\n");
  fs::path one = write("one.txt", "Quake in Chile\n\nAn earthquake struck Chile.\n");
  Result r = run("compare " + quote((dir_ / "two").string()) + " " + quote((dir_ / "missing.txt").string()));
  EXPECT_NE(r.code, 0) << r.out;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find((dir_ / "two").string() + ": need exactly one article, got 2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing.txt: no such file or directory"), std::string::npos) << r.err;

  r = run("compare " + quote(one.string()) + " " + quote((dir_ / "two").string()));
  EXPECT_NE(r.code, 0) << r.out;
  EXPECT_NE(r.err.find("need exactly one article, got 2"), std::string::npos) << r.err;

  r = run("compare " + quote(one.string()) + " " + quote((dir_ / "two" / "a.txt").string()));
  EXPECT_EQ(r.code, 0) << r.err;
}

// A corrupt model is an error naming the file, forest, tree and node. (A child index of
// 1000000 made compare hang; this split on a feature the classifier is not given was read
// from past its input.)
TEST_F(Cli, CorruptModelIsAnErrorNamingTheFile) {
  need_samples();
  const fs::path params = fs::path(STORYLINE_SOURCE_DIR) / "params";
  fs::create_directories(dir_ / "params");
  fs::copy_file(params / "background_df.tsv", dir_ / "params" / "background_df.tsv");
  nlohmann::json model = nlohmann::json::parse(slurp(params / "story_model.json"));
  auto& root = model["same_story"]["trees"][0][0];
  ASSERT_GE(root[0].get<int>(), 0) << "the first tree's root should be a split";
  root[0] = model["features"].size() + 10;
  fs::path bad = write("params/story_model.json", model.dump());
  Result r = run("--params " + quote((dir_ / "params").string()) + " compare " +
                 quote((kSamples / (kA + ".txt")).string()) + " " + quote((kSamples / (kB + ".txt")).string()));
  EXPECT_NE(r.code, 0) << r.out;
  EXPECT_NE(r.err.find(bad.string() + ": same_story: tree 0 node 0: feature"), std::string::npos) << r.err;
}

// A negative, NaN or huge window went into an int64 cast unchecked (undefined behaviour).
TEST_F(Cli, WindowHoursMustBeAFiniteNumberAtLeastZero) {
  fs::path article = write("a.txt", "Quake hits Chile\n\nA magnitude 7.1 earthquake struck northern Chile.\n");
  for (const std::string bad : {"-1", "nan", "inf", "1e300"})
    for (const std::string command : {"threads", "eval threads"}) {
      Result r = run(command + " --window-hours " + bad + " " + quote(article.string()));
      EXPECT_NE(r.code, 0) << command << " " << bad;
      EXPECT_NE(r.err.find("--window-hours: expected a number of hours from 0 (no limit)"), std::string::npos)
          << command << " " << bad << ": " << r.err;
    }
  Result r = run("serve --window-hours -1");
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("--window-hours: expected a number of hours"), std::string::npos) << r.err;
  EXPECT_EQ(run("threads --window-hours 0 " + quote(article.string())).code, 0);
}

// Average linkage reads neither option: say so rather than accept them silently.
TEST_F(Cli, MembersOptionsAreForOnlineThreadingOnly) {
  fs::path article = write("a.txt", "Quake hits Chile\n\nA magnitude 7.1 earthquake struck northern Chile.\n");
  const std::string warning = "apply to online threading only";
  Result r = run("--members-compared 3 threads " + quote(article.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find(warning), std::string::npos) << r.err;
  r = run("--online --members-averaged 2 threads " + quote(article.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err.find(warning), std::string::npos) << r.err;
  r = run("--help");
  EXPECT_NE(r.out.find("Online threading only"), std::string::npos) << r.out;
}

TEST_F(Cli, HelpWorksForEverySubcommand) {
  for (const std::string sub : {"", "threads", "analyze", "compare", "eval", "eval pairs",
                                "eval threads", "train", "serve"}) {
    Result r = run(sub + " --help");
    EXPECT_EQ(r.code, 0) << "'" << sub << " --help': " << r.err;
    EXPECT_FALSE(r.out.empty()) << "'" << sub << " --help' printed nothing";
    EXPECT_NE(r.out.find("--help"), std::string::npos) << sub << ":\n" << r.out;
  }
}

TEST_F(Cli, NoSubcommandOrBadOptionFails) {
  EXPECT_NE(run("").code, 0);
  EXPECT_NE(run("threads --no-such-option x").code, 0);
  Result r = run("compare");
  EXPECT_NE(r.code, 0);
}

TEST_F(Cli, EvalPairsPrintsCorrelations) {
  need_samples();
  auto csv_field = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::string a = slurp(kSamples / (kA + ".txt")), b = slurp(kSamples / (kB + ".txt"));
  std::string quake1 =
      "Magnitude 7.1 earthquake strikes northern Chile\nA powerful earthquake struck northern Chile "
      "near Antofagasta on Tuesday, killing two people. A tsunami warning was briefly issued.";
  std::string quake2 =
      "Deadly quake hits Antofagasta in Chile\nTwo people died when a magnitude 7.1 earthquake hit "
      "northern Chile near Antofagasta. The navy briefly issued a tsunami warning.";
  std::string football =
      "Manchester United sign Dutch striker\nManchester United have signed striker Joost van Dalen "
      "from PSV Eindhoven for 60 million euros on a five-year contract.";
  fs::path csv = write("pairs.csv",
                       "pair_id,lang1,lang2,Overall,text1,text2\n"
                       "p1,en,en,1," + csv_field(a) + "," + csv_field(b) + "\n"
                       "p2,en,en,4," + csv_field(quake1) + "," + csv_field(football) + "\n"
                       "p3,en,en,1.5," + csv_field(quake1) + "," + csv_field(quake2) + "\n"
                       "p4,en,en,4," + csv_field(a) + "," + csv_field(football) + "\n");
  Result r = run("eval pairs " + quote(csv.string()));
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["n"], 4);
  ASSERT_TRUE(report.contains("pearson")) << r.out;
  ASSERT_TRUE(report.contains("spearman")) << r.out;
  EXPECT_GE(report["pearson"].get<double>(), -1.0);
  EXPECT_LE(report["pearson"].get<double>(), 1.0);
  EXPECT_GT(report["spearman"].get<double>(), 0.0) << "same-story pairs should score lower (closer)";
}

// A row whose text is not UTF-8 is named and skipped; the pairs after it are still compared
// (nlohmann::json used to throw on writing it, which ended the run at that row).
TEST_F(Cli, ComparePairsSkipsARowWithInvalidUtf8) {
  fs::path csv = write("pairs.csv",
                       "pair_id,lang1,lang2,text1,text2\n"
                       "bad,en,en,\"Quake \xFF hits Chile\nBody.\",\"Quake in Chile\nBody.\"\n"
                       "good,en,en,\"Quake hits Chile\nBody.\",\"Quake in Chile\nBody.\"\n");
  Result r = run("compare --pairs " + quote(csv.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("pairs.csv:record 2: text1: invalid UTF-8"), std::string::npos) << r.err;
  std::istringstream lines(r.out);
  std::vector<std::string> ids;
  for (std::string line; std::getline(lines, line);) ids.push_back(nlohmann::json::parse(line)["pair_id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"good"})) << r.out;
}

TEST_F(Cli, EvalPairsWithoutLabelsFails) {
  fs::path csv = write("unlabelled.csv", "pair_id,lang1,lang2,text1,text2\np1,en,en,\"A\nx\",\"B\ny\"\n");
  Result r = run("eval pairs " + quote(csv.string()));
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("unlabelled.csv"), std::string::npos) << r.err;
}

}  // namespace
