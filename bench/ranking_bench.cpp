// What ranking the threads costs a server that publishes its thread list five times a second:
// every thread sorted again (rank_threads) against the list before merged with the threads
// changed since (rerank). N threads of 1 to 12 members from 40 outlets over three days, and
// per publication 2% of them changed (about what 400 PUTs do to 20k threads at 100k articles:
// serve_bench's 200 ms between publications at 2,000 PUT/s).
//
//   ranking_bench [--benchmark_filter=...]   (Google Benchmark flags)
#include <benchmark/benchmark.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "threads/rerank.h"
#include "threads/thread_summary.h"

namespace {

using namespace storyline;

constexpr std::int64_t kStart = 1'700'000'000;

struct Corpus {
  std::mt19937 random{7};
  std::vector<Thread> threads;  // as the builder holds them
  std::vector<std::shared_ptr<const Thread>> described;
  std::int64_t now = kStart;
  int next_article = 0;

  explicit Corpus(std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      Thread t;
      t.id = thread_id_for("founder " + std::to_string(i));
      const int members = std::uniform_int_distribution<int>(1, 12)(random);
      for (int m = 0; m < members; ++m) join(t);
      threads.push_back(std::move(t));
    }
    for (Thread& t : threads) described.push_back(describe_copy(t));
  }

  void join(Thread& t) {
    now += std::uniform_int_distribution<int>(0, 3)(random);
    const int outlet = std::uniform_int_distribution<int>(0, 39)(random);
    t.members.push_back({"a" + std::to_string(next_article++), "A headline of some eight words or so",
                         outlet % 7 ? "en" : "de", "outlet " + std::to_string(outlet), now, 0.9f, {}});
  }

  static std::shared_ptr<const Thread> describe_copy(const Thread& t) {
    auto copy = std::make_shared<Thread>(t);
    describe(*copy, nullptr);
    return copy;
  }

  // 2% of the threads gain a member: their ids, and their new descriptions.
  std::pair<std::vector<std::string>, std::vector<std::shared_ptr<const Thread>>> change() {
    std::vector<std::string> ids;
    std::vector<std::shared_ptr<const Thread>> changed;
    std::uniform_int_distribution<std::size_t> any(0, threads.size() - 1);
    for (std::size_t k = 0; k < threads.size() / 50; ++k) {
      const std::size_t i = any(random);
      join(threads[i]);
      described[i] = describe_copy(threads[i]);
      ids.push_back(threads[i].id);
      changed.push_back(described[i]);
    }
    return {std::move(ids), std::move(changed)};
  }
};

void BM_RankEveryThread(benchmark::State& state) {
  Corpus corpus(std::size_t(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    corpus.change();
    std::vector<std::shared_ptr<const Thread>> all = corpus.described;
    state.ResumeTiming();
    benchmark::DoNotOptimize(rank_threads(std::move(all), corpus.now));  // freed timed too
  }
}
BENCHMARK(BM_RankEveryThread)->Arg(5000)->Arg(20000)->Arg(40000)->Unit(benchmark::kMillisecond);

void BM_Rerank(benchmark::State& state) {
  Corpus corpus(std::size_t(state.range(0)));
  std::int64_t before_now = corpus.now;
  std::vector<ThreadBuilder::RankedThread> ranking = rank_threads(corpus.described, before_now);
  for (auto _ : state) {
    state.PauseTiming();
    auto [ids, changed] = corpus.change();
    state.ResumeTiming();
    Reranking next = rerank(&ranking, before_now, ids, std::move(changed), corpus.now);
    ranking = std::move(next.threads);  // freeing the list before is part of the cost
    before_now = corpus.now;
  }
}
BENCHMARK(BM_Rerank)->Arg(5000)->Arg(20000)->Arg(40000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
