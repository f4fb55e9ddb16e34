#include "loopback_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <strings.h>

namespace storyline::bench {
namespace {

// The value of header `name` in `head` (its lines after the status line), or "".
std::string_view header(std::string_view head, std::string_view name) {
  std::size_t at = head.find("\r\n");
  while (at != std::string_view::npos && at + 2 < head.size()) {
    const std::size_t begin = at + 2;
    const std::size_t end = std::min(head.find("\r\n", begin), head.size());
    std::string_view line = head.substr(begin, end - begin);
    if (line.size() > name.size() && line[name.size()] == ':' &&
        strncasecmp(line.data(), name.data(), name.size()) == 0) {
      line.remove_prefix(name.size() + 1);
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      return line;
    }
    at = end;
  }
  return {};
}

}  // namespace

LoopbackClient::~LoopbackClient() { close(); }

bool LoopbackClient::connect() {
  close();
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port_));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // A server that stops answering fails the request instead of hanging the benchmark (60 s:
  // the first article of a language waits for its dictionary).
  const timeval patience{60, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
  if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    close();
    return false;
  }
  return true;
}

void LoopbackClient::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  in_.clear();
}

bool LoopbackClient::send_all(std::string_view head, std::string_view body) {
  iovec parts[2] = {{const_cast<char*>(head.data()), head.size()}, {const_cast<char*>(body.data()), body.size()}};
  iovec* part = parts;
  int left = body.empty() ? 1 : 2;
  while (left > 0) {
    msghdr message{};
    message.msg_iov = part;
    message.msg_iovlen = std::size_t(left);
    // MSG_NOSIGNAL: a connection the server closed is an error here, not a SIGPIPE.
    const ssize_t sent = ::sendmsg(fd_, &message, MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    for (std::size_t n = std::size_t(sent); n > 0 && left > 0;) {
      const std::size_t taken = std::min(n, part->iov_len);
      part->iov_base = static_cast<char*>(part->iov_base) + taken;
      part->iov_len -= taken;
      n -= taken;
      if (part->iov_len == 0) ++part, --left;
    }
  }
  return true;
}

int LoopbackClient::read_response() {
  char buffer[16384];
  std::size_t head_end = std::string::npos, total = 0;
  for (;;) {
    if (head_end == std::string::npos) {
      if (const std::size_t at = in_.find("\r\n\r\n"); at != std::string::npos) {
        head_end = at + 4;
        const std::string_view length = header(std::string_view(in_).substr(0, at), "Content-Length");
        std::size_t body = 0;
        std::from_chars(length.data(), length.data() + length.size(), body);
        total = head_end + body;
      }
    }
    if (head_end != std::string::npos && in_.size() >= total) break;
    const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return -1;
    in_.append(buffer, std::size_t(got));
  }
  const std::string_view head = std::string_view(in_).substr(0, head_end);
  int status = -1;
  if (head.size() > 12 && head.starts_with("HTTP/1.")) std::from_chars(head.data() + 9, head.data() + 12, status);
  const std::string_view connection = header(head, "Connection");
  const bool closing = connection.size() == 5 && strncasecmp(connection.data(), "close", 5) == 0;
  in_.erase(0, total);
  if (closing) close();
  return status;
}

int LoopbackClient::request(std::string_view method, std::string_view path, std::string_view body,
                            std::string_view content_type) {
  std::string head;
  head.reserve(160 + path.size());
  head.append(method).append(" ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  if (!body.empty() || method == "PUT" || method == "POST") {
    head.append("Content-Type: ").append(content_type).append("\r\nContent-Length: ");
    head.append(std::to_string(body.size())).append("\r\n");
  }
  head.append("\r\n");
  // A kept connection the server has since closed fails at once: one more try on a new one.
  for (int attempt = 0; attempt < 2; ++attempt) {
    const bool fresh = fd_ < 0;
    if (fresh && !connect()) return -1;
    if (send_all(head, body))
      if (const int status = read_response(); status >= 0) return status;
    close();
    if (fresh) return -1;
  }
  return -1;
}

}  // namespace storyline::bench
