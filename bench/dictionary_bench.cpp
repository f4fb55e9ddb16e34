// Dictionary bridge: load time and memory per language, all languages together, and lookups/s.
// Reads FreeDict from /usr/share/dictd (or $STORYLINE_DICTD_DIR); benchmarks skip when absent.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "../tests/features/dictd_test_normaliser.h"
#include "features/dictd.h"
#include "features/term_dictionary.h"

namespace {

using storyline::TermDictionary;

using storyline::testing::dictd_dir;

const std::vector<std::string> kLangs{"de", "ar", "fr", "es", "pl", "tr", "it", "ru"};

bool have_dicts(benchmark::State& state) {
  if (std::filesystem::exists(dictd_dir() + "/freedict-deu-eng.index")) return true;
  state.SkipWithError("FreeDict dictionaries not installed");
  return false;
}

void BM_LoadLanguage(benchmark::State& state) {
  if (!have_dicts(state)) return;
  const std::vector<std::string> langs{kLangs[std::size_t(state.range(0))]};
  state.SetLabel(langs[0]);
  std::size_t bytes = 0, stems = 0, english = 0;
  for (auto _ : state) {
    storyline::testing::SnowballNormaliser normaliser;  // fresh: no stemmer cache carried over
    auto dict = TermDictionary::load(dictd_dir(), langs, normaliser.function());
    bytes = dict.memory_bytes();
    stems = dict.stats().empty() ? 0 : dict.stats()[0].source_stems;
    english = dict.english_stems();
    benchmark::DoNotOptimize(dict);
  }
  state.counters["MB"] = double(bytes) / (1024.0 * 1024.0);
  state.counters["source_stems"] = double(stems);
  state.counters["english_stems"] = double(english);
}
BENCHMARK(BM_LoadLanguage)->DenseRange(0, 7)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_LoadAll(benchmark::State& state) {
  if (!have_dicts(state)) return;
  std::size_t bytes = 0;
  for (auto _ : state) {
    storyline::testing::SnowballNormaliser normaliser;
    auto dict = TermDictionary::load(dictd_dir(), kLangs, normaliser.function());
    bytes = dict.memory_bytes();
    benchmark::DoNotOptimize(dict);
  }
  state.counters["MB"] = double(bytes) / (1024.0 * 1024.0);
}
BENCHMARK(BM_LoadAll)->Unit(benchmark::kMillisecond)->Iterations(3);

// Inflate + index parse only (the I/O floor of a load).
void BM_ReadDeuFile(benchmark::State& state) {
  if (!have_dicts(state)) return;
  for (auto _ : state) {
    auto f = storyline::dictd::DictdFile::open(dictd_dir() + "/freedict-deu-eng");
    benchmark::DoNotOptimize(f);
  }
}
BENCHMARK(BM_ReadDeuFile)->Unit(benchmark::kMillisecond)->Iterations(3);

// German stems of real headwords (hits) mixed with misses, as an article's tokens would be.
void BM_TranslateGerman(benchmark::State& state) {
  if (!have_dicts(state)) return;
  static storyline::testing::SnowballNormaliser normaliser;
  static const TermDictionary dict = TermDictionary::load(dictd_dir(), std::vector<std::string>{"de"}, normaliser.function());
  static const std::vector<std::string> queries = [] {
    std::vector<std::string> q;
    for (const char* w : {"Regierung", "Minister", "Gefängnis", "Wahl", "Präsident", "Krieg", "Stadt", "Polizei",
                          "Außenminister", "Bundestag", "Merkel", "gestern", "sagte", "xqzzy", "Flüchtlinge",
                          "Wirtschaft", "Angriff", "Bericht", "Kanzlerin", "Berlin"})
      q.push_back(normaliser(w, "de"));
    return q;
  }();
  std::vector<TermDictionary::Translation> out;
  out.reserve(64);
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    out.clear();
    found += dict.translate_into("de", queries[i], out);
    benchmark::DoNotOptimize(out.data());
    if (++i == queries.size()) i = 0;
  }
  state.SetItemsProcessed(std::int64_t(state.iterations()));
  state.counters["found_per_lookup"] = double(found) / double(state.iterations());
}
BENCHMARK(BM_TranslateGerman);

}  // namespace

BENCHMARK_MAIN();
