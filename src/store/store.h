// Store: where the server keeps what it was given, so that a restart (or a crash) loses nothing
// it acknowledged. Small on purpose: one SQLite implementation now, a PostgreSQL one can follow
// without touching the server. Implementations are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "article/article.h"
#include "features/profile.h"

namespace storyline {

struct StoredArticle {
  Article article;                       // as received (origin is not kept)
  std::optional<Profile> profile;        // its analysis; nullopt when none was stored, or it was unreadable
  std::optional<std::int64_t> expires;   // UTC seconds; nullopt = never
  std::string thread_id;                 // the thread it joined
  float probability = 1;                 // P(same story) when it joined (1 for a founder)
  std::string matched;                   // the member it was most like then ("" for a founder)
  float matched_probability = 0;         // P(same story) with that member
  std::int64_t received = 0;             // wall clock when it arrived, UTC seconds
};

// One line of an article's history: what happened to it, when, and in which thread.
struct AssignmentEvent {
  std::string article_id;
  std::string event;  // "joined", "updated", "deleted", "expired"
  std::string thread_id;
  float probability = 0;
  std::int64_t at = 0;
};

enum class RemovalReason { Deleted, Expired };

// One write of a batch (Store::apply). A put carries its profile already encoded
// (encode_profile): the caller encodes outside any lock and nothing copies the Profile.
struct ArticleWrite {
  Article article;                      // as received (origin is not kept)
  std::string profile;                  // encode_profile() bytes; empty = none
  std::optional<std::int64_t> expires;  // UTC seconds; nullopt = never
  std::string thread_id;
  float probability = 1;
  std::string matched;  // as in StoredArticle
  float matched_probability = 0;
  std::int64_t received = 0;
  std::optional<std::int64_t> now;  // the index's clock: an UnindexedWrite expired by then is gone
};
struct RemovalWrite {
  std::string article_id;
  RemovalReason reason = RemovalReason::Deleted;
  std::int64_t at = 0;
  std::optional<std::int64_t> now;  // as in ArticleWrite
};
// The thread a stored article joined, written after the article itself (the server analyses
// and threads an article once it is stored, and acknowledges it before), with its analysis
// when the ArticleWrite had none. An ArticleWrite without a thread_id leaves its article
// unassigned until then; a restart analyses and threads such articles anew.
struct AssignmentWrite {
  std::string article_id;
  std::string thread_id;
  float probability = 1;
  std::string matched;  // as in StoredArticle
  float matched_probability = 0;
  bool replaced = false;  // another version of the article was in a thread before: "updated"
  std::int64_t at = 0;
  // encode_profile() bytes of an article stored without them (the server acknowledges an
  // article before analysing it); empty = the stored ones stay.
  std::string profile{};
};
// A document acknowledged but not indexed (the Telegram contest sends non-news and expects
// 201/204 for it too): only its id is kept, so that a later PUT of it is an update and a DELETE
// finds it. A stored article of that id is deleted. An ArticleWrite or RemovalWrite of the id
// forgets it. It expires as articles do: once `expires` is before the index's clock (`now` of
// a later write), it counts as gone, and such rows are pruned.
struct UnindexedWrite {
  std::string article_id;
  std::int64_t at = 0;
  std::optional<std::int64_t> expires;  // UTC seconds; nullopt = never
  std::optional<std::int64_t> now;      // the index's clock
};
using StoreWrite = std::variant<ArticleWrite, RemovalWrite, AssignmentWrite, UnindexedWrite>;

class Store {
 public:
  virtual ~Store() = default;

  // Inserts or replaces an article (it moves to the end of the arrival order) and records the
  // assignment in the history (when it has a thread), in one transaction that is on disk when this returns: the
  // caller may acknowledge it. True when the id was new. Throws std::runtime_error.
  virtual bool put(const StoredArticle& article) = 0;

  // Deletes an article and records why, or forgets an unindexed document (UnindexedWrite);
  // false when the id is neither.
  virtual bool remove(const std::string& article_id, RemovalReason reason, std::int64_t at) = 0;

  // Applies the writes in order in one transaction (all or none), on disk as put() promises
  // when it returns: one commit for many articles (see GroupCommitter). Per write: true when
  // a put's or an unindexed write's id was new (neither an article nor an unindexed
  // document), when a removed article or unindexed document existed, or when an assigned
  // article existed. Throws std::runtime_error, and then none of the writes happened.
  virtual std::vector<bool> apply(std::span<const StoreWrite> writes) = 0;

  // Every article in arrival order, which is the order the threads saw them in.
  virtual void scan(const std::function<void(StoredArticle&&)>& visit) = 0;

  virtual std::size_t size() = 0;
  virtual std::vector<AssignmentEvent> history(const std::string& article_id) = 0;
};

struct SqliteOptions {
  // FULL: also survives power loss (one fsync per write). NORMAL (with WAL) survives the
  // process being killed at any moment, which is what acknowledging requires; much faster.
  bool fsync_every_commit = false;
};

// Opens (creating if needed) `dir`/storyline.sqlite. Throws std::runtime_error.
std::unique_ptr<Store> open_sqlite_store(const std::string& dir, SqliteOptions options = {});

}  // namespace storyline
