// A `storyline serve` child process for integration tests: started on a free loopback port
// (read from its first stdout line), stopped with SIGTERM or killed with SIGKILL.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "../support/scratch_dir.h"

namespace storyline::test {

// A server's data directory: declare it before the ServerProcess, which may write there until
// it is stopped, so that the server goes first.
using storyline::testing::ScratchDir;

class ServerProcess {
 public:
  // Starts `storyline serve --data data_dir --port 0 --analysers 1 <extra...>`; throws when it does
  // not report a port within a few seconds.
  ServerProcess(const std::string& data_dir, const std::vector<std::string>& extra = {});
  ~ServerProcess();  // SIGTERM, then SIGKILL if it lingers

  int port() const { return port_; }
  httplib::Client client() const;
  bool wait_ready(int timeout_ms = 20000) const;  // polls /health until 200
  void kill9();
  int stop();  // SIGTERM; the exit status

 private:
  int pid_ = -1;
  int port_ = 0;
};

// JSON body of an article: {"title", "text", "source", "date"?}.
std::string article_body(const std::string& title, const std::string& text, const std::string& source,
                         const std::string& date = "");

// Headline (first line) and body of a shared sample text file; empty when absent.
std::pair<std::string, std::string> read_sample(const std::string& name);

nlohmann::json json_of(const httplib::Result& result);

// A connection to the loopback server at `port` whose reads give up after `patience_ms` (a
// server that stops answering fails a test instead of hanging it); -1 when it cannot connect.
int connect_to(int port, int patience_ms);

// Sends `request` (raw HTTP bytes) on a new connection and returns what comes back until the
// server closes it or `patience_ms` pass: for requests no client library would send.
std::string raw_exchange(int port, const std::string& request, int patience_ms);

}  // namespace storyline::test
