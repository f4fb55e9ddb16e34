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

  // Gold labels by id, read beside the regular reader (which keeps only article fields).
  std::map<std::string, std::pair<std::string, std::string>> gold;
  std::istringstream lines(bytes);
  for (std::string line; std::getline(lines, line);) {
    auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("id") || !json.contains("cluster")) continue;
    auto text = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
    gold[text(json["id"])] = {text(json["cluster"]),
                              json.contains("topic") ? text(json["topic"]) : std::string()};
  }
  ReadBatch batch;
  read_jsonl(bytes, path, batch);
  ClusteredCorpus corpus;
  corpus.errors = std::move(batch.errors);
  for (Article& article : batch.articles) {
    auto it = gold.find(article.id);
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
