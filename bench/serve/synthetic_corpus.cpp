#include "synthetic_corpus.h"


#include <cstdio>
#include <stdexcept>

#include "article/reader.h"
#include "eval/pairs_file.h"

namespace storyline::bench {
namespace {

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

}  // namespace

SyntheticCorpus::SyntheticCorpus(const std::string& shared_dir, std::uint32_t seed) : seed_(seed) {
  ReadBatch batch = read_paths({shared_dir + "/data/ecbplus_dev.jsonl"});
  for (Article& a : batch.articles) base_.push_back(std::move(a));
  for (const char* pairs : {"/data/semeval2022_pairs.csv", "/data/tgcontest_pairs.csv"}) {
    std::vector<ReadError> errors;
    try {
      for (LabelledPair& p : read_pairs_file(shared_dir + pairs, errors)) {
        base_.push_back(std::move(p.a));
        base_.push_back(std::move(p.b));
      }
    } catch (const std::exception&) {
      // a missing file: the others suffice
    }
  }
  std::erase_if(base_, [](const Article& a) { return a.text.size() < 200; });
  if (base_.empty()) throw std::runtime_error("no base articles under " + shared_dir + "/data");
}

Article SyntheticCorpus::make(std::size_t i, std::size_t total, int days) const {
  std::mt19937 rng(seed_ ^ static_cast<std::uint32_t>(i * 2654435761u));
  // Arrivals are in publication order (plus jitter); at any moment about 20 stories are
  // active, so threads interleave and each base story gets about total/base copies.
  const double position = double(i) / double(std::max<std::size_t>(total, 1));
  const std::size_t newest = std::size_t(position * double(base_.size()));
  const std::size_t story = newest - std::min<std::size_t>(newest, rng() % 20);
  const Article& base = base_[story % base_.size()];
  Article a;
  a.id = "syn-" + std::to_string(i);
  a.title = base.title;
  a.lang = base.lang;
  a.source = "outlet-" + std::to_string(rng() % 400);
  a.url = "https://" + a.source + ".example/" + std::to_string(i);
  a.published = 1640995200 + std::int64_t(position * days * 86400) + std::int64_t(rng() % 3600);
  // Syndicated copies keep the lede and drop some later paragraphs.
  std::vector<std::string> parts = paragraphs(base.text);
  std::string text;
  for (std::size_t k = 0; k < parts.size(); ++k)
    if (k == 0 || rng() % 4 != 0) text += (text.empty() ? "" : "\n\n") + parts[k];
  a.text = text;
  return a;
}

// Written directly rather than through a JSON object: the clients share the cores with the
// server, and building and dumping a JSON tree per PUT was a sizeable part of their cost. The
// texts are valid UTF-8 (they were read by our readers), so escaping is all there is to do.
std::string put_body(const Article& a) {
  std::string out;
  out.reserve(a.title.size() + a.text.size() + a.source.size() + a.url.size() + 96);
  auto field = [&out](std::string_view name, std::string_view value) {
    out += out.empty() ? "{\"" : ",\"";
    out += name;
    out += "\":\"";
    for (char c : value) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
        out += escaped;
      } else {
        out += c;
      }
    }
    out += '"';
  };
  field("title", a.title);
  field("text", a.text);
  field("source", a.source);
  field("url", a.url);
  field("lang", a.lang);
  if (a.published) out += ",\"date\":" + std::to_string(*a.published);
  out += '}';
  return out;
}

}  // namespace storyline::bench
