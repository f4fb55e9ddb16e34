// Engine: what every front end (CLI, server) needs, loaded once and shared read-only: the
// gazetteer, the cross-lingual dictionaries (only for languages the input uses), the learned
// story model and the background term statistics. Plus the batch operations built on them.
#pragma once

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "article/article.h"
#include "compare/comparer.h"
#include "features/profiler.h"
#include "index/term_stats.h"
#include "threads/thread_builder.h"

namespace storyline {

struct EngineOptions {
  std::string params_dir;          // story_model.json, background_df.tsv
  std::string dictd_dir = "/usr/share/dictd";
  bool use_dictionaries = true;
  bool keep_display = true;        // explanations need readable words
};

// Called with (done, total) while a batch runs, for progress bars.
using Progress = std::function<void(std::size_t, std::size_t)>;

class Engine {
 public:
  // Throws std::runtime_error naming a missing or bad parameter file. Training runs without
  // a model (require_model = false) since it makes one.
  explicit Engine(EngineOptions options, bool require_model = true);
  ~Engine();

  const StoryModel& model() const;
  const std::string& params_dir() const;

  // Profiles articles (language detection, then dictionaries for the languages present).
  std::vector<Profile> profile_all(std::vector<Article> articles, const Progress& progress = {});

  // Loads the dictionaries of these languages now (profile_all loads what its batch needs, but
  // each new language with a dictionary reloads all of them: a server preloads every language
  // at start instead of paying that, several times over, in the middle of a stream of PUTs).
  // A language without a dictionary (TermDictionary::canonical_lang() knows none for it)
  // reloads nothing once a dictionary is loaded.
  void load_dictionaries(const std::set<std::string>& languages);
  // How many times the dictionary tables were built.
  std::size_t dictionary_loads() const;

  // Background statistics plus the given corpus.
  TermStats corpus_stats(const std::vector<Profile>& profiles) const;

  // Threads a corpus in publication order (stable for articles without a date).
  std::vector<Thread> thread_corpus(std::vector<Profile> profiles, const TermStats& stats,
                                    ThreadingOptions options = {}, const Progress& progress = {}) const;

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// Indices of `profiles` in publication order; undated articles keep their input order after
// the dated ones (the order in which a corpus is threaded).
std::vector<std::size_t> publication_order(const std::vector<Profile>& profiles);
// The same profiles moved into shared pointers in that order, ready for
// ThreadBuilder::add_batch.
std::vector<std::shared_ptr<const Profile>> in_publication_order(std::vector<Profile> profiles);

// Every language TermDictionary can bridge (FreeDict files: de ar fr es pl tr it ru).
const std::set<std::string>& bridged_languages();

// The default parameters directory: $STORYLINE_PARAMS, else the source tree's params/.
std::string default_params_dir();

}  // namespace storyline
