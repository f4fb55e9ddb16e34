// read_paths: expands directories, loads files with a size limit and dispatches on the
// extension to the per-format readers.
#include "article/reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <unordered_map>

#include <fmt/format.h>

#include "article/json_reader.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

using ReadFn = void (*)(std::string_view, std::string_view, ReadBatch&);

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

ReadFn reader_for(const fs::path& path) {
  const std::string ext = lower_extension(path);
  if (ext == ".txt") return read_txt;
  if (ext == ".html" || ext == ".htm") return read_html;
  if (ext == ".json") return read_json;
  if (ext == ".jsonl") return read_jsonl;
  return nullptr;
}

// Closes the descriptor on every return path.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Loads a file, refusing it before reading when it is over the limit; std::nullopt after
// recording an error. POSIX calls so the size check uses the open descriptor (no race between
// the check and the read) and so FIFOs and growing files are still capped while reading.
std::optional<std::string> load_file(const std::string& path, std::size_t limit, ReadBatch& out) {
  Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) {
    out.errors.push_back({path, fmt::format("cannot open: {}", std::strerror(errno))});
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) {
    out.errors.push_back({path, fmt::format("cannot stat: {}", std::strerror(errno))});
    return std::nullopt;
  }
  const auto too_large = [&](std::uint64_t size) {
    out.errors.push_back({path, fmt::format("file too large ({} bytes; the limit is {} bytes)", size, limit)});
  };
  if (S_ISDIR(st.st_mode)) {
    out.errors.push_back({path, "is a directory"});
    return std::nullopt;
  }
  if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > limit) {
    too_large(static_cast<std::uint64_t>(st.st_size));
    return std::nullopt;
  }
  std::string bytes;
  if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      out.errors.push_back({path, fmt::format("cannot read: {}", std::strerror(errno))});
      return std::nullopt;
    }
    if (n == 0) break;
    if (bytes.size() + static_cast<std::size_t>(n) > limit) {
      too_large(bytes.size() + static_cast<std::size_t>(n));
      return std::nullopt;
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  return bytes;
}

void read_file(const std::string& path, ReadFn reader, const ReadOptions& options, ReadBatch& out) {
  if (auto bytes = load_file(path, options.max_file_bytes, out)) reader(*bytes, path, out);
}

// All readable files under `root`, sorted by path so runs are deterministic. Symbolic links to
// directories are not followed (they could form cycles); links to files are read.
std::vector<std::string> list_directory(const fs::path& root, ReadBatch& out) {
  std::vector<std::string> files;
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      out.errors.push_back({dir.string(), fmt::format("cannot list directory: {}", ec.message())});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      const fs::directory_entry& entry = *it;
      std::error_code type_ec;
      if (entry.is_symlink(type_ec)) {
        if (entry.is_regular_file(type_ec) && reader_for(entry.path())) files.push_back(entry.path().string());
      } else if (entry.is_directory(type_ec)) {
        pending.push_back(entry.path());
      } else if (reader_for(entry.path())) {
        files.push_back(entry.path().string());
      }
    }
    if (ec) out.errors.push_back({dir.string(), fmt::format("cannot list directory: {}", ec.message())});
  }
  std::sort(files.begin(), files.end());
  return files;
}

// "-": JSONL streamed from stdin line by line, so a long pipe is never held in memory at once.
void read_stdin(const ReadOptions& options, ReadBatch& out) {
  std::string line;
  std::size_t line_no = 0;
  bool too_long = false;
  while (detail::read_bounded_line(std::cin, line, options.max_file_bytes, too_long)) {
    ++line_no;
    if (too_long) {
      out.errors.push_back({fmt::format("stdin:{}", line_no), "line too large"});
      continue;
    }
    if (line.find('\0') != std::string::npos) {
      out.errors.push_back({fmt::format("stdin:{}", line_no), "binary data (NUL byte), not text"});
      continue;
    }
    detail::read_jsonl_line(line, "stdin", line_no, out);
  }
}

}  // namespace

ReadBatch read_paths(const std::vector<std::string>& paths, const ReadOptions& options) {
  ReadBatch out;
  for (const std::string& p : paths) {
    if (p == "-") {
      read_stdin(options, out);
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      const bool missing = !ec || ec == std::errc::no_such_file_or_directory;
      out.errors.push_back({p, missing ? "no such file or directory" : fmt::format("cannot access: {}", ec.message())});
      continue;
    }
    if (fs::is_directory(st)) {
      for (const std::string& file : list_directory(p, out)) read_file(file, reader_for(file), options, out);
      continue;
    }
    ReadFn reader = reader_for(p);
    if (!reader) {
      out.errors.push_back({p, "unsupported file type (expected .txt, .html, .htm, .json or .jsonl)"});
      continue;
    }
    read_file(p, reader, options, out);
  }
  return out;
}

void drop_duplicate_ids(ReadBatch& batch) {
  std::unordered_map<std::string, std::string> first_origin;
  std::vector<Article> kept;
  kept.reserve(batch.articles.size());
  for (Article& article : batch.articles) {
    auto [it, inserted] = first_origin.try_emplace(article.id, article.origin);
    if (inserted) {
      kept.push_back(std::move(article));
    } else {
      batch.errors.push_back({article.origin, fmt::format("article id \"{}\" is also the id of {}; this one is skipped",
                                                          article.id, it->second)});
    }
  }
  batch.articles = std::move(kept);
}

}  // namespace storyline

namespace storyline::detail {

// std::getline would hold all of a line, and a stream without newlines would grow without bound.
bool read_bounded_line(std::istream& in, std::string& line, std::size_t limit, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  char buffer[1 << 16];
  for (;;) {
    in.get(buffer, sizeof buffer, '\n');  // stops before '\n', or with the buffer full
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n > 0) {
      any = true;
      if (!too_long && line.size() + n > limit) {
        too_long = true;
        std::string().swap(line);
      }
      if (!too_long) line.append(buffer, n);
    }
    if (in.fail() && !in.eof()) in.clear();  // nothing before the '\n': an empty line
    const int next = in.peek();
    if (next == '\n') {
      in.ignore();
      return true;
    }
    if (next == std::char_traits<char>::eof()) return any;
  }
}

}  // namespace storyline::detail
