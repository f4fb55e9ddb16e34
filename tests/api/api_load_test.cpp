// `storyline serve --load DIR`: the README's first command. The two sample reports are stored
// as if PUT, threaded together, and still there after a restart without --load.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "server_process.h"

namespace storyline::test {
namespace {

// Polls GET /articles/{id} until it answers 200 (loading starts once the index is ready).
nlohmann::json wait_for_article(const ServerProcess& server, const std::string& id) {
  auto c = server.client();
  for (int i = 0; i < 400; ++i) {
    auto r = c.Get("/articles/" + id);
    if (r && r->status == 200) return nlohmann::json::parse(r->body);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return nullptr;
}

TEST(Load, SamplesDirectoryIsStoredAndThreadedTogether) {
  const std::string samples = std::string(STORYLINE_SHARED_DIR) + "/samples";
  const std::string a_id = "000_97f2943d0885677f", b_id = "001_3fb660b0b4e710bb";
  if (!std::filesystem::exists(samples + "/" + a_id + ".txt")) GTEST_SKIP() << "samples not available";
  const ScratchDir dir("load");  // one directory for both servers
  std::string thread;
  {
    ServerProcess server(dir, {"--load", samples});
    ASSERT_TRUE(server.wait_ready());
    nlohmann::json a = wait_for_article(server, a_id), b = wait_for_article(server, b_id);
    ASSERT_FALSE(a.is_null()) << "sample A never appeared";
    ASSERT_FALSE(b.is_null()) << "sample B never appeared";
    EXPECT_EQ(a["thread"], b["thread"]);
    thread = a["thread"];
    auto list = json_of(server.client().Get("/threads"));
    ASSERT_EQ(list["threads"].size(), 1u) << list.dump();
    EXPECT_EQ(list["threads"][0]["articles"], 2);
    EXPECT_EQ(server.stop(), 0);
  }
  // Stored, not just indexed: a restart without --load brings them back in the same thread.
  ServerProcess again(dir);
  ASSERT_TRUE(again.wait_ready());
  auto a = json_of(again.client().Get("/articles/" + a_id));
  EXPECT_EQ(a["thread"], thread);
}

// --load stores what PUT would: an id no URL can address (a slash, a control character, over
// 512 bytes) or an article with no words is refused, as PUT refuses it, instead of being stored
// where no GET or DELETE could reach it.
TEST(Load, RefusesWhatPutWouldRefuse) {
  const ScratchDir files("load-odd-files"), dir("load-odd");
  {
    std::ofstream out(files.path() + "/odd.jsonl");
    for (const std::string& id : {std::string("a/b"), std::string("x\\u0001y"), std::string(600, 'l')})
      out << R"({"id": ")" << id << R"(", "title": "Storm hits coast", "text": "A storm hit the coast."})" << "\n";
    out << R"({"id": "blank", "title": " ", "text": "\n"})" << "\n";
    out << R"({"id": "good-1", "title": "Storm hits coast", "text": "A storm hit the coast."})" << "\n";
  }
  ServerProcess server(dir, {"--load", files});
  ASSERT_TRUE(server.wait_ready());
  ASSERT_FALSE(wait_for_article(server, "good-1").is_null());  // loaded last
  EXPECT_EQ(json_of(server.client().Get("/health"))["articles"], 1);
  EXPECT_EQ(server.client().Get("/articles/blank")->status, 404);
}

}  // namespace
}  // namespace storyline::test
