#pragma once

// Opening a metrics.db for reading only (analysis of a saved file, the charts' range loads, the
// HTTP API's paged reads): the one place that decides how the file is opened and whether it is
// a metrics.db this build can read.
//
// Strictly read-only: the file and its folder are left byte for byte as they were. A file in WAL
// mode with no -wal beside it (nobody is writing) is opened `immutable`, so no -shm is needed and
// a read-only folder or mount is fine; with a -wal (a writer is or was active) it is opened
// read-only through the WAL, so rows another process commits show on the next query; a file in
// rollback-journal mode is read under a shared lock, which creates nothing. Never migrated: an
// older schema (down to 1) is read as it is.

#include <QString>

#include <exception>
#include <memory>

namespace SQLite {
class Database;
}

namespace hb {

struct MetricsFile
{
    std::unique_ptr<SQLite::Database> db; // read-only, PRAGMA query_only
    int schemaVersion = 0;                // PRAGMA user_version: which tables and columns exist
};

// Opens `path` and checks it: a regular file, SQLite, of a schema version from 1 to the one this
// build writes, with the tables of that version, whose schema and first and last pages of the
// main tables and indexes read back. Cheap (never every page): a damaged page elsewhere shows
// when it is read (metricsReadError()). Throws StoreError whose message is one line,
// "<path>: <what is wrong>".
MetricsFile openMetricsFile(const QString &path, int busyTimeoutMs);

// Empty when `path` opens as above; else the one line openMetricsFile() would throw. What the
// command line prints before exiting with status 2, and what the GUI shows in a dialog.
QString checkMetricsFile(const QString &path);

// The one line for an error met while reading an opened file (`what`: the rows being read): a
// damaged page reads as the same "damaged" message the open gives.
QString metricsReadError(const QString &path, const std::exception &error, const QString &what);

} // namespace hb
