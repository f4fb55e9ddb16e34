#include "stories/story_json.h"

#include <date/date.h>

namespace storyline {

std::string iso_time(std::int64_t seconds) {
  return date::format("%FT%TZ", date::sys_seconds{std::chrono::seconds{seconds}});
}

nlohmann::json json_time(const std::optional<std::int64_t>& seconds) {
  return seconds ? nlohmann::json(iso_time(*seconds)) : nlohmann::json(nullptr);
}

nlohmann::json thread_json(const Thread& thread) {
  nlohmann::json articles = nlohmann::json::array();
  for (const ThreadMember& m : thread.members) articles.push_back(m.article_id);
  return {{"id", thread.id},
          {"title", thread.title},
          {"articles", articles},
          {"languages", thread.languages},
          {"sources", thread.sources},
          {"first_seen", json_time(thread.first_seen)},
          {"last_seen", json_time(thread.last_seen)},
          {"importance", std::round(thread.importance * 1000) / 1000}};
}

nlohmann::json profile_json(const Profile& p) {
  nlohmann::json entities = nlohmann::json::array();
  for (const ProfileEntity& e : p.entities)
    entities.push_back({{"key", e.key}, {"kind", to_string(e.kind)}, {"surfaces", e.surfaces},
                        {"count", e.count}, {"role", e.role}, {"in_title", e.in_title}});
  nlohmann::json days = nlohmann::json::array();
  for (int d : p.mentioned_days)
    days.push_back(date::format("%F", date::sys_days{date::days{d}}));
  nlohmann::json numbers = nlohmann::json::array();
  for (const CountedNumber& n : p.numbers) numbers.push_back({{"value", n.value}, {"counts", n.counted}});
  return {{"id", p.id},       {"lang", p.lang},         {"title", p.title},
          {"source", p.source}, {"url", p.url},         {"published", json_time(p.published)},
          {"tokens", p.token_count}, {"entities", entities}, {"dates", days}, {"numbers", numbers}};
}

}  // namespace storyline
