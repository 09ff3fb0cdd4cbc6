#pragma once

// Opening the ledger's SQLite files (catalog.db and shard-NNNN.db) the way engine/store opens
// metrics.db: inspect an existing file read-only first and refuse, byte for byte untouched, one
// that is damaged or newer; then open read-write in WAL mode, migrate, and prove with a real
// commit that the file can be written. Every failure is a StoreError naming the file.

#include "sqlite/sqlfile.h"
#include "store/storeerror.h"

#include <QString>

#include <functional>
#include <memory>
#include <string>

namespace SQLite {
class Database;
class Exception;
} // namespace SQLite

namespace hb {

// A shard answered, but with a refusal about the data (a loan id already stored): the shard is
// healthy, so this does not count against its circuit breaker.
class LoanConflictError : public StoreError
{
public:
    using StoreError::StoreError;
};

} // namespace hb

namespace hb::ledgerfile {

std::string utf8(const QString &text);
using sql::messageOf;

// What kind of ledger file a path is, for messages ("ledger catalog", "ledger shard").
enum class Kind { Catalog, Shard };

// "<path>: <what> (<cause>)", the message of a failed operation on an open file.
StoreError failure(const QString &path, const QString &what, const std::exception &cause);

// A shard of the ring whose file is gone: its loans are lost unless the file is restored.
StoreError missingShard(const QString &path);

// Throws StoreError if the existing file at `path` is not a database, is damaged, is another
// application's database, or was written by a newer schema than `schemaVersion`. Opens the
// file read-only (immutable when it has no -wal), so nothing on disk changes.
// `ownTable` is a table every version of this kind of file has.
void inspectExisting(const QString &path, Kind kind, int schemaVersion, const char *ownTable);

// Opens `path` read-write (creating it), WAL, runs `migrate(db, fileVersion)` to bring the
// schema to `schemaVersion`, then commits a probe write. On failure nothing half-created is
// left behind and StoreError names the file.
std::unique_ptr<SQLite::Database>
openReadWrite(const QString &path, Kind kind, int schemaVersion,
              const std::function<void(SQLite::Database &, int fileVersion)> &migrate);

// Creates `path` (which must not exist) with the schema of `schemaVersion`, in WAL mode. The
// file is built under a temporary name (no journal, no syncs: nobody else sees it), synced
// once, and renamed into place, so `path` never names a half-built file whatever stops the
// process or the machine. Much cheaper than openReadWrite() on a missing file, which pays a
// rollback journal and its syncs. syncDirectory() afterwards makes the new name itself
// survive a power cut. Throws StoreError naming `path`.
void createFile(const QString &path, Kind kind, int schemaVersion,
                const std::function<void(SQLite::Database &, int fileVersion)> &migrate);

// Forces the folder's entries (files created, renamed or removed in it) to the disk.
void syncDirectory(const QString &path);

// Read-only and, without a -wal or hot journal next to it, `immutable`: a plain read-only
// connection to a WAL file would leave empty -wal/-shm files behind. Throws SQLite::Exception.
std::unique_ptr<SQLite::Database> openForPeek(const QString &path);

// Number of loans of a shard file (or -1 when it has no loans table), read-only.
qint64 peekLoanCount(const QString &path);

// Removes the file and its -wal/-shm/-journal: the side files first, so that an interrupted
// removal never leaves a stale WAL next to a later file of the same name.
void removeDatabaseFiles(const QString &path);

// Bytes of the file plus its -wal and -shm.
qint64 bytesOnDisk(const QString &path);

} // namespace hb::ledgerfile
