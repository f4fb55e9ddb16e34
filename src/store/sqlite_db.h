// Thin RAII over the SQLite C API: a connection and prepared statements that bind and read
// by position. Errors become std::runtime_error with SQLite's message.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace storyline::sqlite {

class Db {
 public:
  explicit Db(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(const char* sql);
  sqlite3* handle() { return db_; }
  [[noreturn]] void fail(const char* what);

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Db& db, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binding (1-based, like SQLite); text and blobs are copied by SQLite.
  Statement& bind(int i, std::string_view text);
  Statement& bind_blob(int i, std::string_view bytes);
  Statement& bind(int i, std::int64_t value);
  Statement& bind(int i, double value);
  Statement& bind(int i, const std::optional<std::int64_t>& value);

  // true while there is a row; resets at the end so the statement can be reused.
  bool step();
  void run();    // step() to completion, for statements without rows
  void reset();  // after reading only some rows

  // Reading the current row (0-based, like SQLite).
  std::string text(int column);
  std::string_view blob(int column);  // valid until the next step()
  std::int64_t integer(int column);
  double real(int column);
  bool is_null(int column);

 private:
  Db& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted (an exception).
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace storyline::sqlite
