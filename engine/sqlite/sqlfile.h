#pragma once

// Opening SQLite files the way every part of the engine that reads one must: the metrics
// store and reader, and the ledger's catalog and shards.

#include <QString>

#include <exception>
#include <memory>
#include <string>

namespace SQLite {
class Database;
}

namespace hb::sql {

// SQLiteCpp's text API speaks UTF-8 std::string.
std::string utf8(const QString &text);

// An exception's message on one line, for errors that name their file.
QString messageOf(const std::exception &e);

// A read-only connection that cannot change the file and never holds up a writer. With a
// -wal or hot -journal beside it (a writer is or was active) the file is opened plainly
// read-only, so committed WAL frames are seen; without one it is complete on its own and
// opened `immutable`, which leaves no empty -wal/-shm behind next to a file that is only read.
// Throws SQLite::Exception.
std::unique_ptr<SQLite::Database> openReadOnly(const QString &path, int busyTimeoutMs);

} // namespace hb::sql
