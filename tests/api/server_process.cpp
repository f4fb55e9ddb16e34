#include "server_process.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace storyline::test {

ServerProcess::ServerProcess(const std::string& data_dir, const std::vector<std::string>& extra) {
  // The tests are the clients: cpp-httplib's client writes without MSG_NOSIGNAL, and a server
  // that answers 413 and closes while a body is still being sent would end the test process
  // with SIGPIPE (and leave the server running, so ctest waits out its timeout).
  signal(SIGPIPE, SIG_IGN);
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe");
  std::vector<std::string> args = {STORYLINE_BINARY, "serve", "--data", data_dir, "--host", "127.0.0.1",
                                   "--port", "0", "--analysers", "1", "--http-threads", "4"};
  args.insert(args.end(), extra.begin(), extra.end());
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  // The first line is "listening on http://127.0.0.1:PORT".
  std::string line;
  char c;
  while (line.size() < 200 && read(out[0], &c, 1) == 1 && c != '\n') line += c;
  close(out[0]);  // later output goes nowhere (the server only logs to stderr)
  auto colon = line.rfind(':');
  if (line.rfind("listening on", 0) != 0 || colon == std::string::npos) {
    kill9();
    throw std::runtime_error("server did not start: '" + line + "'");
  }
  port_ = std::stoi(line.substr(colon + 1));
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop();
}

httplib::Client ServerProcess::client() const {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(30, 0);
  return client;
}

bool ServerProcess::wait_ready(int timeout_ms) const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  auto c = client();
  while (std::chrono::steady_clock::now() < deadline) {
    if (auto r = c.Get("/health"); r && r->status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

void ServerProcess::kill9() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

int ServerProcess::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  // A server stopped soon after starting first lets its engines finish loading the
  // dictionaries: 1.7 s in a release build, about 7 s in a debug one.
  for (int i = 0; i < 1200; ++i) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  kill9();
  return -1;
}

std::string article_body(const std::string& title, const std::string& text, const std::string& source,
                         const std::string& date) {
  nlohmann::json body = {{"title", title}, {"text", text}, {"source", source}};
  if (!date.empty()) body["date"] = date;
  return body.dump();
}

std::pair<std::string, std::string> read_sample(const std::string& name) {
  std::ifstream in(std::string(STORYLINE_SHARED_DIR) + "/samples/" + name + ".txt");
  if (!in) return {};
  std::string title;
  std::getline(in, title);
  std::ostringstream rest;
  rest << in.rdbuf();
  return {title, rest.str()};
}

nlohmann::json json_of(const httplib::Result& result) {
  if (!result) return nullptr;
  return nlohmann::json::parse(result->body, nullptr, false);
}

int connect_to(int port, int patience_ms) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  const timeval patience{patience_ms / 1000, (patience_ms % 1000) * 1000};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(std::uint16_t(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::string raw_exchange(int port, const std::string& request, int patience_ms) {
  const int fd = connect_to(port, patience_ms);
  if (fd < 0) return {};
  std::string reply;
  if (::send(fd, request.data(), request.size(), 0) == ssize_t(request.size())) {
    char buffer[4096];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) reply.append(buffer, std::size_t(n));
  }
  ::close(fd);
  return reply;
}

}  // namespace storyline::test
