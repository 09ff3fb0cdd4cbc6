#include "ledger/ledgerfile.h"

#include "ledger/ledgerlogging.h"
#include "sqlite/sqlfile.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace hb::ledgerfile {

namespace {

constexpr int kLedgerBusyTimeoutMs = 5000;

bool isContentError(const SQLite::Exception &e)
{
    const int code = e.getErrorCode() & 0xff;
    return code == SQLITE_NOTADB || code == SQLITE_CORRUPT || code == SQLITE_FORMAT ||
           code == SQLITE_SCHEMA;
}

QString kindName(Kind kind)
{
    return kind == Kind::Catalog ? QCoreApplication::translate("hb::Ledger", "ledger catalog")
                                 : QCoreApplication::translate("hb::Ledger", "ledger shard");
}

QString permissionHint(const QString &path)
{
    const QFileInfo file(path);
    if (file.exists() && !file.isWritable())
        return QCoreApplication::translate("hb::Ledger", "; the file is read-only");
    if (!QFileInfo(file.absolutePath()).isWritable())
        return QCoreApplication::translate("hb::Ledger", "; its folder is read-only");
    return {};
}

StoreError invalidFile(const QString &path, Kind kind, const QString &why)
{
    return StoreError(
        path + u": " +
        QCoreApplication::translate("hb::Ledger", "not a valid %1 (%2)").arg(kindName(kind), why));
}

StoreError newerVersion(const QString &path, int version, int supported)
{
    return StoreError(path + u": " +
                      QCoreApplication::translate(
                          "hb::Ledger", "written by a newer version of Heartbeat Dashboard "
                                        "(schema %1; this build reads up to %2); upgrade to "
                                        "open it")
                          .arg(version)
                          .arg(supported));
}

} // namespace

std::unique_ptr<SQLite::Database> openForPeek(const QString &path)
{
    return sql::openReadOnly(path, kLedgerBusyTimeoutMs);
}

namespace {

int userVersion(SQLite::Database &db)
{
    return db.execAndGet("PRAGMA user_version").getInt();
}

void removeEmptyWal(const QString &path)
{
    const QString wal = path + QStringLiteral("-wal");
    if (QFileInfo(wal).exists() && QFileInfo(wal).size() == 0) {
        QFile::remove(path + QStringLiteral("-shm"));
        QFile::remove(wal);
    }
}

} // namespace

std::string utf8(const QString &text)
{
    return sql::utf8(text);
}

StoreError failure(const QString &path, const QString &what, const std::exception &cause)
{
    if (const auto *store = dynamic_cast<const StoreError *>(&cause))
        return *store; // already names its file
    return StoreError(path + u": " + what + u" (" + messageOf(cause) + u')');
}

StoreError missingShard(const QString &path)
{
    return StoreError(path + u": " +
                      QCoreApplication::translate("hb::Ledger",
                                                  "missing, but catalog.db lists it in the "
                                                  "ring; restore it from a backup"));
}

void inspectExisting(const QString &path, Kind kind, int schemaVersion, const char *ownTable)
{
    int version = 0;
    int tables = 0;
    bool hasOwnTable = false;
    try {
        const auto db = openForPeek(path);
        version = userVersion(*db);
        // Reading the schema also checks the header against the file size: a truncated copy
        // is caught here rather than on some later read.
        tables = db->execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table'").getInt();
        hasOwnTable = db->tableExists(ownTable);
    } catch (const SQLite::Exception &e) {
        if (isContentError(e))
            throw invalidFile(path, kind, messageOf(e));
        throw StoreError(path + u": " +
                         QCoreApplication::translate("hb::Ledger", "cannot open (%1)")
                             .arg(messageOf(e) + permissionHint(path)));
    }
    if (version > schemaVersion)
        throw newerVersion(path, version, schemaVersion);
    if (version < 0)
        throw invalidFile(path, kind, QStringLiteral("schema version %1").arg(version));
    if ((version == 0 && tables > 0) || (version > 0 && !hasOwnTable))
        throw invalidFile(path, kind,
                          QCoreApplication::translate("hb::Ledger", "it holds %n other table(s)",
                                                      nullptr, tables));
}

std::unique_ptr<SQLite::Database>
openReadWrite(const QString &path, Kind kind, int schemaVersion,
              const std::function<void(SQLite::Database &, int fileVersion)> &migrate)
{
    const bool existed = QFileInfo::exists(path);
    const bool walExisted = QFileInfo::exists(path + QStringLiteral("-wal"));
    std::unique_ptr<SQLite::Database> db;
    try {
        db = std::make_unique<SQLite::Database>(
            utf8(path), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kLedgerBusyTimeoutMs);
        const std::string mode = db->execAndGet("PRAGMA journal_mode = WAL").getString();
        if (mode != "wal")
            qCWarning(lcLedger) << path << "stays in journal mode" << mode.c_str()
                                << "(WAL not available here)";
        // WAL + NORMAL: a commit survives a crash of the process; only a power cut may lose
        // the last commits, never corrupt the file.
        db->exec("PRAGMA synchronous = NORMAL");
        const int version = userVersion(*db);
        if (version > schemaVersion) // another process upgraded it since the inspection
            throw newerVersion(path, version, schemaVersion);
        migrate(*db, version);
        // A real commit, so a read-only file or folder, or a full disk, is reported now.
        SQLite::Transaction probe(*db, SQLite::TransactionBehavior::IMMEDIATE);
        db->exec("PRAGMA user_version = " + std::to_string(schemaVersion));
        probe.commit();
        return db;
    } catch (const SQLite::Exception &e) {
        db.reset();
        if (!existed)
            removeDatabaseFiles(path); // leave nothing half-created behind
        else if (!walExisted)
            removeEmptyWal(path);
        if (isContentError(e))
            throw invalidFile(path, kind, messageOf(e));
        throw StoreError(path + u": " +
                         QCoreApplication::translate("hb::Ledger", "cannot write (%1)")
                             .arg(messageOf(e) + permissionHint(path)));
    }
}

namespace {

// The temporary name createFile() builds under. It does not match "shard-*.db", so a leftover
// is never mistaken for a shard.
QString buildingPath(const QString &path)
{
    return path + QStringLiteral(".new");
}

void syncPath(const QString &path, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        throw StoreError(path + u": " +
                         QCoreApplication::translate("hb::Ledger", "cannot sync to disk (%1)")
                             .arg(QString::fromLocal8Bit(std::strerror(error))));
    }
    ::close(fd);
}

} // namespace

void createFile(const QString &path, Kind kind, int schemaVersion,
                const std::function<void(SQLite::Database &, int fileVersion)> &migrate)
{
    const QString building = buildingPath(path);
    removeDatabaseFiles(building); // left by a process stopped while building
    try {
        {
            SQLite::Database db(utf8(building), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                kLedgerBusyTimeoutMs);
            db.exec("PRAGMA journal_mode = OFF");
            db.exec("PRAGMA synchronous = OFF");
            migrate(db, 0);
            db.exec("PRAGMA user_version = " + std::to_string(schemaVersion));
            // Recorded in the header, so every later connection opens it in WAL mode.
            const std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
            if (mode != "wal")
                qCWarning(lcLedger) << path << "stays in journal mode" << mode.c_str()
                                    << "(WAL not available here)";
        }
        syncPath(building, O_RDONLY);
        if (!QFile::rename(building, path))
            throw StoreError(path + u": " +
                             QCoreApplication::translate("hb::Ledger",
                                                         "cannot create (renaming %1 failed%2)")
                                 .arg(QFileInfo(building).fileName(), permissionHint(path)));
    } catch (const SQLite::Exception &e) {
        removeDatabaseFiles(building);
        if (isContentError(e))
            throw invalidFile(path, kind, messageOf(e));
        throw StoreError(path + u": " +
                         QCoreApplication::translate("hb::Ledger", "cannot write (%1)")
                             .arg(messageOf(e) + permissionHint(path)));
    } catch (...) {
        removeDatabaseFiles(building);
        throw;
    }
}

void syncDirectory(const QString &path)
{
    syncPath(path, O_RDONLY | O_DIRECTORY);
}

qint64 peekLoanCount(const QString &path)
{
    try {
        const auto db = openForPeek(path);
        if (!db->tableExists("loans"))
            return -1;
        return db->execAndGet("SELECT COUNT(*) FROM loans").getInt64();
    } catch (const SQLite::Exception &e) {
        throw invalidFile(path, Kind::Shard, messageOf(e));
    }
}

void removeDatabaseFiles(const QString &path)
{
    // A leftover of building this file (see buildingPath()) goes with it.
    for (const QString &suffix :
         {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal"), QString(),
          QStringLiteral(".new"), QStringLiteral(".new-journal")})
        QFile::remove(path + suffix);
}

qint64 bytesOnDisk(const QString &path)
{
    qint64 total = 0;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QFileInfo info(path + suffix);
        if (info.exists())
            total += info.size();
    }
    return total;
}

} // namespace hb::ledgerfile
