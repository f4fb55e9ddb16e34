#include "eval/datasets.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "article/reader.h"

namespace storyline {

ClusteredCorpus read_clustered_corpus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string bytes = buffer.str();

  // Gold labels by line, read beside the regular reader (which keeps only article fields), and
  // matched to articles by their origin "path:line": by id, a line without one (the reader
  // gives it the id "stem#line") found no label, and of two lines with one id the later's
  // label was taken.
  std::map<std::string, std::pair<std::string, std::string>> gold;
  std::istringstream lines(bytes);
  std::size_t line_no = 0;
  for (std::string line; std::getline(lines, line);) {
    ++line_no;
    auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("cluster")) continue;
    auto text = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
    gold[path + ":" + std::to_string(line_no)] = {text(json["cluster"]),
                                                  json.contains("topic") ? text(json["topic"]) : std::string()};
  }
  ReadBatch batch;
  read_jsonl(bytes, path, batch);
  // One article per id, so that thread_labels (by id) and the gold labels stay one-to-one.
  drop_duplicate_ids(batch);
  ClusteredCorpus corpus;
  corpus.errors = std::move(batch.errors);
  for (Article& article : batch.articles) {
    auto it = gold.find(article.origin);
    if (it == gold.end()) {
      corpus.errors.push_back({article.origin, "no gold 'cluster' field"});
      continue;
    }
    corpus.clusters.push_back(it->second.first);
    corpus.topics.push_back(it->second.second);
    corpus.articles.push_back(std::move(article));
  }
  return corpus;
}

}  // namespace storyline
