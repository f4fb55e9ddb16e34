#include "api/json_views.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace storyline {

double round3(double value) { return std::round(value * 1000) / 1000; }

nlohmann::json article_json(const Profile& p, const std::string& thread_id, const ThreadMember* member) {
  nlohmann::json out = profile_json(p);
  out.erase("tokens");
  out["thread"] = thread_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(thread_id);
  if (member) {
    const bool founder = member->matched.article_id.empty();
    out["joined"] = {{"probability", round3(member->probability)},
                     {"matched_article", founder ? nlohmann::json(nullptr) : nlohmann::json(member->matched.article_id)},
                     {"matched_probability", founder ? nlohmann::json(nullptr) : nlohmann::json(round3(member->matched.probability))}};
  }
  return out;
}

nlohmann::json thread_summary_json(const Thread& t) {
  // Outlets by how many articles they contributed; the UI shows the first few.
  std::map<std::string, int> per_source;
  for (const ThreadMember& m : t.members)
    if (!m.source.empty()) ++per_source[m.source];
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [source, n] : per_source) ranked.emplace_back(-n, source);
  std::sort(ranked.begin(), ranked.end());
  nlohmann::json top = nlohmann::json::array();
  for (std::size_t i = 0; i < ranked.size() && i < 5; ++i) top.push_back(ranked[i].second);
  return {{"id", t.id},
          {"title", t.title},
          {"articles", t.members.size()},
          {"sources", t.sources.size()},
          {"languages", t.languages},
          {"first_seen", json_time(t.first_seen)},
          {"last_seen", json_time(t.last_seen)},
          {"importance", round3(t.importance)},
          {"top_sources", top}};
}

}  // namespace storyline
