#include "store/sqlite_db.h"

#include <stdexcept>

namespace storyline::sqlite {

Db::Db(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error(path + ": " + message);
  }
  sqlite3_busy_timeout(db_, 5000);
}

Db::~Db() { sqlite3_close_v2(db_); }

void Db::fail(const char* what) { throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db_)); }

void Db::exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error(std::string("sqlite: ") + message);
  }
}

Statement::Statement(Db& db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
    db.fail("sqlite prepare");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int i, std::string_view text) {
  if (sqlite3_bind_text(stmt_, i, text.data(), int(text.size()), SQLITE_TRANSIENT) != SQLITE_OK) db_.fail("sqlite bind");
  return *this;
}
Statement& Statement::bind_blob(int i, std::string_view bytes) {
  if (sqlite3_bind_blob(stmt_, i, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT) != SQLITE_OK) db_.fail("sqlite bind");
  return *this;
}
Statement& Statement::bind(int i, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, i, value) != SQLITE_OK) db_.fail("sqlite bind");
  return *this;
}
Statement& Statement::bind(int i, double value) {
  if (sqlite3_bind_double(stmt_, i, value) != SQLITE_OK) db_.fail("sqlite bind");
  return *this;
}
Statement& Statement::bind(int i, const std::optional<std::int64_t>& value) {
  if (value) return bind(i, *value);
  if (sqlite3_bind_null(stmt_, i) != SQLITE_OK) db_.fail("sqlite bind");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (rc != SQLITE_DONE) db_.fail("sqlite step");
  return false;
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, std::size_t(sqlite3_column_bytes(stmt_, column))) : std::string();
}
std::string_view Statement::blob(int column) {
  auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  return p ? std::string_view(p, std::size_t(sqlite3_column_bytes(stmt_, column))) : std::string_view();
}
std::int64_t Statement::integer(int column) { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) { return sqlite3_column_double(stmt_, column); }
bool Statement::is_null(int column) { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}
void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace storyline::sqlite
