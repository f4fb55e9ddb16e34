// LoopbackClient: the load generator's side of a keep-alive HTTP/1.1 connection to the server
// under test, and nothing more. The benchmark's clients share the two cores with the server;
// cpp-httplib's client (a header map, a response object, a poll before every read, a request
// line rebuilt through streams) took about 5 % of all CPU of a fill, which the server then
// lacked. This one writes a request with one sendmsg() and reads the answer with as few
// recv() calls as it takes; it knows Content-Length bodies and `Connection: close` (the server
// ends a connection after its keep-alive limit), and reconnects when the server has closed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace storyline::bench {

class LoopbackClient {
 public:
  explicit LoopbackClient(int port) : port_(port) {}
  ~LoopbackClient();
  LoopbackClient(const LoopbackClient&) = delete;
  LoopbackClient& operator=(const LoopbackClient&) = delete;

  // Sends one request and waits for its answer: the status, or -1 when the connection failed
  // (once reconnected, a request the server closed before answering is sent again).
  int request(std::string_view method, std::string_view path, std::string_view body, std::string_view content_type);

 private:
  bool connect();
  void close();
  bool send_all(std::string_view head, std::string_view body);
  int read_response();  // -1: the connection broke before a whole answer

  int port_;
  int fd_ = -1;
  std::string in_;  // bytes read past the previous answer (none, as long as nothing pipelines)
};

}  // namespace storyline::bench
