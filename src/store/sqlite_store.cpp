// The SQLite Store: one database file in WAL mode. Articles keep their raw fields and the
// encoded Profile (restoring decodes instead of re-analysing); `seq` is the arrival order the
// threads saw; `assignments` holds the threads stored after their articles; `history`
// records every assignment and removal.
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "store/profile_codec.h"
#include "store/sqlite_db.h"
#include "store/wal_checkpointer.h"
#include "store/store.h"

namespace storyline {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  lang TEXT NOT NULL,
  published INTEGER,
  url TEXT NOT NULL,
  source TEXT NOT NULL,
  expires INTEGER,
  received INTEGER NOT NULL,
  thread TEXT NOT NULL,
  probability REAL NOT NULL,
  profile BLOB,
  matched TEXT,
  matched_probability REAL
);
CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq);
CREATE TABLE IF NOT EXISTS history (
  id INTEGER PRIMARY KEY,
  article TEXT NOT NULL,
  event TEXT NOT NULL,
  thread TEXT NOT NULL,
  probability REAL NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS history_article ON history(article);
-- The thread each article joined, when stored after the article (AssignmentWrite): a row of
-- its own, because changing a column of `articles` rewrites the whole row, text and
-- analysis included. It overrides the article's own thread columns, and its profile (the
-- analysis of an article stored before it was analysed) the article's.
CREATE TABLE IF NOT EXISTS assignments (
  article TEXT PRIMARY KEY,
  thread TEXT NOT NULL,
  probability REAL NOT NULL,
  matched TEXT,
  matched_probability REAL,
  profile BLOB
) WITHOUT ROWID;
-- Documents acknowledged but not indexed (UnindexedWrite): their ids and expiry only.
CREATE TABLE IF NOT EXISTS unindexed (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  expires INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS unindexed_expires ON unindexed(expires) WHERE expires IS NOT NULL;
)sql";

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& dir, SqliteOptions options)
      : db_(prepare_dir(dir) + "/storyline.sqlite"),
        init_(db_, options),
        exists_(db_,
                "SELECT COALESCE(s.thread, a.thread) FROM articles a LEFT JOIN assignments s ON s.article = a.id "
                "WHERE a.id = ?1"),
        upsert_(db_,
                "INSERT INTO articles (id, seq, title, text, lang, published, url, source, expires, received, "
                "thread, probability, profile, matched, matched_probability) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
                "ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, title = excluded.title, text = excluded.text, "
                "lang = excluded.lang, published = excluded.published, url = excluded.url, source = "
                "excluded.source, expires = excluded.expires, received = excluded.received, thread = "
                "excluded.thread, probability = excluded.probability, profile = excluded.profile, matched = "
                "excluded.matched, matched_probability = excluded.matched_probability"),
        delete_(db_, "DELETE FROM articles WHERE id = ?1"),
        assign_(db_,
                "INSERT INTO assignments (article, thread, probability, matched, matched_probability, profile) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(article) DO UPDATE SET thread = excluded.thread, "
                "probability = excluded.probability, matched = excluded.matched, matched_probability = "
                "excluded.matched_probability, profile = COALESCE(excluded.profile, assignments.profile)"),
        unassign_(db_, "DELETE FROM assignments WHERE article = ?1"),
        log_(db_, "INSERT INTO history (article, event, thread, probability, at) VALUES (?1, ?2, ?3, ?4, ?5)"),
        scan_(db_,
              "SELECT a.id, a.title, a.text, a.lang, a.published, a.url, a.source, a.expires, a.received, "
              "COALESCE(s.thread, a.thread), COALESCE(s.probability, a.probability), COALESCE(s.profile, a.profile), "
              "IIF(s.article IS NULL, a.matched, s.matched), IIF(s.article IS NULL, a.matched_probability, "
              "s.matched_probability) FROM articles a LEFT JOIN assignments s ON s.article = a.id ORDER BY a.seq"),
        count_(db_, "SELECT COUNT(*) FROM articles"),
        history_(db_, "SELECT event, thread, probability, at FROM history WHERE article = ?1 ORDER BY id"),
        unindexed_exists_(db_, "SELECT expires FROM unindexed WHERE id = ?1"),
        unindexed_put_(db_, "INSERT OR REPLACE INTO unindexed (id, at, expires) VALUES (?1, ?2, ?3)"),
        unindexed_delete_(db_, "DELETE FROM unindexed WHERE id = ?1"),
        unindexed_prune_(db_, "DELETE FROM unindexed WHERE expires < ?1"),
        checkpointer_(db_, dir + "/storyline.sqlite") {
    sqlite::Statement max_seq(db_, "SELECT COALESCE(MAX(seq), 0) FROM articles");
    if (max_seq.step()) next_seq_ = max_seq.integer(0) + 1;
    max_seq.reset();
  }

  bool put(const StoredArticle& s) override {
    std::lock_guard lock(mutex_);
    sqlite::Transaction tx(db_);
    ArticleWrite w{s.article, s.profile ? encode_profile(*s.profile) : std::string(), s.expires,
                   s.thread_id, s.probability, s.matched, s.matched_probability, s.received, std::nullopt};
    const bool created = put_row(w);
    tx.commit();
    ++next_seq_;
    return created;
  }

  bool remove(const std::string& id, RemovalReason reason, std::int64_t at) override {
    std::lock_guard lock(mutex_);
    sqlite::Transaction tx(db_);
    if (!remove_row(id, reason, at)) return false;
    tx.commit();
    return true;
  }

  std::vector<bool> apply(std::span<const StoreWrite> writes) override {
    std::lock_guard lock(mutex_);
    std::vector<bool> results;
    results.reserve(writes.size());
    const std::int64_t first_seq = next_seq_;
    try {
      sqlite::Transaction tx(db_);
      for (const StoreWrite& w : writes) {
        if (const auto* put = std::get_if<ArticleWrite>(&w)) {
          results.push_back(put_row(*put));
          ++next_seq_;
        } else if (const auto* removal = std::get_if<RemovalWrite>(&w)) {
          results.push_back(remove_row(removal->article_id, removal->reason, removal->at, removal->now));
        } else if (const auto* assignment = std::get_if<AssignmentWrite>(&w)) {
          results.push_back(assign_row(*assignment));
        } else {
          const auto& unindexed = std::get<UnindexedWrite>(w);
          // An article or an unindexed document of the id was there: an update.
          const bool existed = remove_row(unindexed.article_id, RemovalReason::Deleted, unindexed.at, unindexed.now);
          if (unindexed.now) unindexed_prune_.bind(1, *unindexed.now).run();
          unindexed_put_.bind(1, unindexed.article_id).bind(2, unindexed.at).bind(3, unindexed.expires).run();
          results.push_back(!existed);
        }
      }
      tx.commit();
    } catch (...) {
      next_seq_ = first_seq;  // rolled back: the sequence numbers were not used
      throw;
    }
    return results;
  }

  void scan(const std::function<void(StoredArticle&&)>& visit) override {
    std::lock_guard lock(mutex_);
    while (scan_.step()) {
      StoredArticle s;
      s.article.id = scan_.text(0);
      s.article.title = scan_.text(1);
      s.article.text = scan_.text(2);
      s.article.lang = scan_.text(3);
      if (!scan_.is_null(4)) s.article.published = scan_.integer(4);
      s.article.url = scan_.text(5);
      s.article.source = scan_.text(6);
      if (!scan_.is_null(7)) s.expires = scan_.integer(7);
      s.received = scan_.integer(8);
      s.thread_id = scan_.text(9);
      s.probability = float(scan_.real(10));
      if (!scan_.is_null(11)) s.profile = decode_profile(scan_.blob(11));
      if (!scan_.is_null(12)) s.matched = scan_.text(12);
      if (!scan_.is_null(13)) s.matched_probability = float(scan_.real(13));
      visit(std::move(s));
    }
  }

  std::size_t size() override {
    std::lock_guard lock(mutex_);
    std::size_t n = count_.step() ? std::size_t(count_.integer(0)) : 0;
    count_.reset();
    return n;
  }

  std::vector<AssignmentEvent> history(const std::string& article_id) override {
    std::lock_guard lock(mutex_);
    std::vector<AssignmentEvent> out;
    history_.bind(1, article_id);
    while (history_.step())
      out.push_back({article_id, history_.text(0), history_.text(1), float(history_.real(2)), history_.integer(3)});
    return out;
  }

 private:
  static std::string prepare_dir(const std::string& dir) {
    std::filesystem::create_directories(dir);
    return dir;
  }

  // Runs before the statements are prepared (they need the schema).
  struct Init {
    Init(sqlite::Db& db, SqliteOptions options) {
      db.exec("PRAGMA journal_mode = WAL");
      db.exec(options.fsync_every_commit ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
      // Keeps the WAL from growing without bound between checkpoints under steady writes.
      db.exec("PRAGMA journal_size_limit = 67108864");
      db.exec(kSchema);
      add_missing_columns(db);
    }
  };

  // Data directories written before a column existed get it (NULL in the old rows).
  static void add_missing_columns(sqlite::Db& db) {
    auto has_column = [&db](const char* table, const std::string& name) {
      sqlite::Statement columns(db, (std::string("SELECT name FROM pragma_table_info('") + table + "')").c_str());
      bool found = false;
      while (columns.step()) found = found || columns.text(0) == name;
      return found;
    };
    if (!has_column("articles", "matched"))
      db.exec("ALTER TABLE articles ADD COLUMN matched TEXT; ALTER TABLE articles ADD COLUMN matched_probability REAL");
    if (!has_column("assignments", "profile")) db.exec("ALTER TABLE assignments ADD COLUMN profile BLOB");
  }

  // Inside a transaction. True when the id was new (no article, no unindexed document).
  bool put_row(const ArticleWrite& w) {
    const Article& a = w.article;
    exists_.bind(1, a.id);
    const bool existed = exists_.step();
    if (existed) exists_.reset();
    upsert_.bind(1, a.id).bind(2, next_seq_).bind(3, a.title).bind(4, a.text).bind(5, a.lang);
    upsert_.bind(6, a.published).bind(7, a.url).bind(8, a.source).bind(9, w.expires).bind(10, w.received);
    upsert_.bind(11, w.thread_id).bind(12, double(w.probability));
    if (!w.profile.empty()) upsert_.bind_blob(13, w.profile);
    if (!w.matched.empty()) upsert_.bind(14, w.matched).bind(15, double(w.matched_probability));
    upsert_.run();
    if (existed) unassign_.bind(1, a.id).run();  // the new version has the write's thread, or none yet
    if (!w.thread_id.empty()) log(a.id, existed ? "updated" : "joined", w.thread_id, w.probability, w.received);
    return !forget_unindexed(a.id, w.now) && !existed;
  }

  // Inside a transaction. Forgets an unindexed document; true when there was one not expired
  // by `now` (the rule of StoryIndex::expired_at: an expiry before now).
  bool forget_unindexed(const std::string& id, const std::optional<std::int64_t>& now) {
    unindexed_exists_.bind(1, id);
    if (!unindexed_exists_.step()) return false;
    const bool expired = !unindexed_exists_.is_null(0) && now && unindexed_exists_.integer(0) < *now;
    unindexed_exists_.reset();
    unindexed_delete_.bind(1, id).run();
    return !expired;
  }

  // Inside a transaction. False when the article is not stored (deleted meanwhile).
  bool assign_row(const AssignmentWrite& w) {
    exists_.bind(1, w.article_id);
    if (!exists_.step()) return false;
    exists_.reset();
    assign_.bind(1, w.article_id).bind(2, w.thread_id).bind(3, double(w.probability));
    if (!w.matched.empty()) assign_.bind(4, w.matched).bind(5, double(w.matched_probability));
    if (!w.profile.empty()) assign_.bind_blob(6, w.profile);
    assign_.run();
    log(w.article_id, w.replaced ? "updated" : "joined", w.thread_id, w.probability, w.at);
    return true;
  }

  // Inside a transaction. False when the id is unknown (no article, no unindexed document).
  bool remove_row(const std::string& id, RemovalReason reason, std::int64_t at,
                  const std::optional<std::int64_t>& now = std::nullopt) {
    const bool was_unindexed = forget_unindexed(id, now);
    exists_.bind(1, id);
    if (!exists_.step()) return was_unindexed;
    std::string thread = exists_.text(0);
    exists_.reset();
    delete_.bind(1, id).run();
    unassign_.bind(1, id).run();
    log(id, reason == RemovalReason::Expired ? "expired" : "deleted", thread, 0, at);
    return true;
  }

  void log(const std::string& id, const char* event, const std::string& thread, float p, std::int64_t at) {
    log_.bind(1, id).bind(2, std::string_view(event)).bind(3, thread).bind(4, double(p)).bind(5, at).run();
  }

  std::mutex mutex_;
  sqlite::Db db_;
  Init init_;
  sqlite::Statement exists_, upsert_, delete_, assign_, unassign_, log_, scan_, count_, history_;
  sqlite::Statement unindexed_exists_, unindexed_put_, unindexed_delete_, unindexed_prune_;
  std::int64_t next_seq_ = 1;
  sqlite::WalCheckpointer checkpointer_;  // last: stops before the connection closes
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& dir, SqliteOptions options) {
  return std::make_unique<SqliteStore>(dir, options);
}

}  // namespace storyline
