#include "stories/engine.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <set>

#include "document/language_id.h"
#include "features/gazetteer.h"
#include "features/term_dictionary.h"

namespace storyline {

struct Engine::Parts {
  EngineOptions options;
  Gazetteer gazetteer = Gazetteer::load_system();
  StoryModel model;
  std::string background_path;
  std::unique_ptr<TermDictionary> dictionary;
  std::set<std::string> dictionary_languages;
  std::size_t dictionary_loads = 0;
  // Kept between calls: a server profiles one article per call, and building ICU and
  // Snowball state each time costs more than the analysis. Rebuilt when dictionaries change.
  std::unique_ptr<Profiler> profiler;
};

Engine::Engine(EngineOptions options, bool require_model) : parts_(std::make_unique<Parts>()) {
  parts_->options = std::move(options);
  if (parts_->options.params_dir.empty()) parts_->options.params_dir = default_params_dir();
  if (require_model) parts_->model = StoryModel::load(parts_->options.params_dir + "/story_model.json");
  parts_->background_path = parts_->options.params_dir + "/background_df.tsv";
}

Engine::~Engine() = default;

const StoryModel& Engine::model() const { return parts_->model; }
const std::string& Engine::params_dir() const { return parts_->options.params_dir; }

std::vector<Profile> Engine::profile_all(std::vector<Article> articles, const Progress& progress) {
  Parts& parts = *parts_;
  if (!parts.profiler)
    parts.profiler = std::make_unique<Profiler>(parts.gazetteer, parts.dictionary.get(), parts.options.keep_display);
  // Languages first (CLD2 is cheap): they decide which dictionaries to load. The articles
  // are then analysed and profiled one at a time, so only profiles stay in memory.
  std::set<std::string> languages;
  for (Article& article : articles) {
    article.lang = article.lang.empty()
                       ? parts.profiler->analyzer().detect_language(article.title, article.text)
                       : normalise_language_tag(article.lang);
    if (article.lang != "en") languages.insert(article.lang);
  }
  load_dictionaries(languages);
  std::vector<Profile> profiles;
  profiles.reserve(articles.size());
  for (std::size_t i = 0; i < articles.size(); ++i) {
    profiles.push_back(parts.profiler->profile(std::move(articles[i])));
    if (progress) progress(i + 1, articles.size());
  }
  return profiles;
}

// Reloads every wanted language, not only the new ones (TermDictionary is built in one go).
void Engine::load_dictionaries(const std::set<std::string>& languages) {
  Parts& parts = *parts_;
  if (!parts.options.use_dictionaries || languages.empty()) return;
  // Once a dictionary is loaded, only a new language that has one of its own reloads it: any
  // other (Dutch, say) would reload every table for nothing, seconds of CPU whenever a server
  // meets a language for the first time.
  bool adds_a_table = false;
  for (const std::string& lang : languages)
    adds_a_table = adds_a_table || (!parts.dictionary_languages.contains(lang) && !TermDictionary::canonical_lang(lang).empty());
  const bool first = !parts.dictionary;
  parts.dictionary_languages.insert(languages.begin(), languages.end());
  if (!first && !adds_a_table) return;
  std::vector<std::string> wanted(parts.dictionary_languages.begin(), parts.dictionary_languages.end());
  Analyzer stemmer;
  parts.dictionary = std::make_unique<TermDictionary>(load_term_dictionary(parts.options.dictd_dir, wanted, stemmer));
  ++parts.dictionary_loads;
  parts.profiler = std::make_unique<Profiler>(parts.gazetteer, parts.dictionary.get(), parts.options.keep_display);
}

std::size_t Engine::dictionary_loads() const { return parts_->dictionary_loads; }

const std::set<std::string>& bridged_languages() {
  static const std::set<std::string> all{"ar", "de", "es", "fr", "it", "pl", "ru", "tr"};
  return all;
}

TermStats Engine::corpus_stats(const std::vector<Profile>& profiles) const {
  return storyline::corpus_stats(parts_->background_path, profiles);
}

std::vector<Thread> Engine::thread_corpus(std::vector<Profile> profiles, const TermStats& stats,
                                          ThreadingOptions options, const Progress& progress) const {
  ThreadBuilder builder(parts_->model, stats, options);
  builder.add_batch(in_publication_order(std::move(profiles)), progress);
  return builder.threads();
}

std::vector<std::size_t> publication_order(const std::vector<Profile>& profiles) {
  std::vector<std::size_t> order(profiles.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& pa = profiles[a].published;
    const auto& pb = profiles[b].published;
    if (pa.has_value() != pb.has_value()) return pa.has_value();
    return pa && *pa < *pb;
  });
  return order;
}

std::vector<std::shared_ptr<const Profile>> in_publication_order(std::vector<Profile> profiles) {
  std::vector<std::shared_ptr<const Profile>> out;
  out.reserve(profiles.size());
  for (std::size_t i : publication_order(profiles))
    out.push_back(std::make_shared<const Profile>(std::move(profiles[i])));
  return out;
}

std::string default_params_dir() {
  if (const char* env = std::getenv("STORYLINE_PARAMS")) return env;
  return STORYLINE_PARAMS_DIR;
}

}  // namespace storyline
