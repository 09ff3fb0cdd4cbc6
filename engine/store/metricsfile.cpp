#include "store/metricsfile.h"

#include "core/logging.h"
#include "store/metricsstore.h"
#include "store/storeerror.h"
#include "sqlite/sqlfile.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringList>
#include <QUrl>
#include <QtEndian>

#include <sqlite3.h>

#include <algorithm>
#include <string>

namespace hb {

using sql::messageOf;

namespace {

bool isDamage(const std::exception &e)
{
    const auto *sqlite = dynamic_cast<const SQLite::Exception *>(&e);
    if (!sqlite)
        return false;
    const int code = sqlite->getErrorCode() & 0xff;
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB || code == SQLITE_FORMAT;
}

[[noreturn]] void refuse(const QString &path, const QString &why)
{
    throw StoreError(path + u": " + why);
}

QString damaged(const QString &why)
{
    return QCoreApplication::translate(
               "hb::MetricsFile",
               "the file is damaged (%1); restore a copy, or rescue what is left with "
               "`sqlite3 FILE .recover`")
        .arg(why);
}

// The tables each schema version has (schema.cpp); a file of version v must have all of those
// of versions 1..v.
struct VersionTables
{
    int version;
    const char *names[5];
};
constexpr VersionTables kTables[] = {
    {1, {"executions", "ticks", "breaker_events", "samples", "audit_log"}},
    {1, {"breaker_state"}},
    {2, {"engine_state", "exec_minute", "exec_hour", "sample_minute", "sample_hour"}},
    {5, {"machine_events", "machine_seen"}},
    {6,
     {"notification_events", "notification_deliveries", "notification_pending",
      "notification_silences", "notification_state"}},
    {9, {"tick_minute", "tick_hour"}},
};

// Columns whose smallest and largest value SQLite finds by one descent of a b-tree (a table's
// row id or primary key, or an index): reading both ends touches the root, the interior pages
// on the way and the first and last leaf of every main table and index, which is where a copy
// cut short or a torn write shows, at the cost of a few pages.
struct Probe
{
    int version;
    const char *table;
    const char *column;
};
constexpr Probe kProbes[] = {
    {1, "executions", "id"},           {1, "executions", "started_at_ms"},
    {1, "executions", "task"},         {1, "ticks", "id"},
    {1, "ticks", "started_at_ms"},     {1, "audit_log", "id"},
    {1, "audit_log", "ts_ms"},         {1, "breaker_events", "rowid"},
    {1, "breaker_events", "ts_ms"},    {1, "samples", "rowid"},
    {1, "samples", "series"},          {2, "exec_minute", "task"},
    {2, "exec_minute", "bucket_ms"},   {2, "exec_hour", "task"},
    {2, "exec_hour", "bucket_ms"},     {2, "sample_minute", "series"},
    {2, "sample_minute", "bucket_ms"}, {2, "sample_hour", "series"},
    {2, "sample_hour", "bucket_ms"},
    {9, "tick_minute", "bucket_ms"},   {9, "tick_hour", "bucket_ms"},
};

struct Header
{
    bool wal = false;
    qint64 pageSize = 0;
    qint64 pageCount = 0; // 0 when the header's count is not valid (an old writer)
};

// Reads what SQLite's 100-byte file header says, refusing what is no SQLite file at all.
Header readHeader(const QString &path, const QFileInfo &info)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        refuse(path, QCoreApplication::translate("hb::MetricsFile", "cannot read (%1)")
                         .arg(file.errorString()));
    const QByteArray h = file.read(100);
    if (h.isEmpty() && info.size() == 0)
        refuse(path, QCoreApplication::translate("hb::MetricsFile",
                                                 "the file is empty, not a metrics database"));
    if (!h.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        refuse(path, QCoreApplication::translate(
                         "hb::MetricsFile", "not an SQLite database, so not a metrics database"));
    if (h.size() < 100)
        refuse(path, damaged(QCoreApplication::translate("hb::MetricsFile",
                                                         "shorter than an SQLite header")));
    const auto *bytes = reinterpret_cast<const uchar *>(h.constData());
    Header header;
    header.wal = bytes[18] == 2 && bytes[19] == 2;
    const quint16 size = qFromBigEndian<quint16>(bytes + 16);
    header.pageSize = size == 1 ? 65536 : size;
    // The size in pages is valid when "version-valid-for" matches the change counter.
    if (qFromBigEndian<quint32>(bytes + 24) == qFromBigEndian<quint32>(bytes + 92))
        header.pageCount = qFromBigEndian<quint32>(bytes + 28);
    return header;
}

std::unique_ptr<SQLite::Database> openConnection(const QString &path, bool wal, int busyTimeoutMs)
{
    QString uri =
        QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded) +
        QStringLiteral("?mode=ro");
    // Without a -wal nobody is writing a WAL file: everything is in the main file, and
    // `immutable` reads it without the -shm a WAL reader otherwise needs (and would create).
    if (wal && !QFileInfo::exists(path + QStringLiteral("-wal")))
        uri += QStringLiteral("&immutable=1");
    auto db = std::make_unique<SQLite::Database>(
        uri.toStdString(), SQLite::OPEN_READONLY | SQLite::OPEN_URI, busyTimeoutMs);
    db->exec("PRAGMA query_only = 1");
    return db;
}

QSet<QString> tablesOf(SQLite::Database &db)
{
    QSet<QString> tables;
    SQLite::Statement q(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
    while (q.executeStep())
        tables.insert(QString::fromUtf8(q.getColumn(0).getText()));
    return tables;
}

QStringList missingTables(const QSet<QString> &tables, int version)
{
    QStringList missing;
    for (const VersionTables &v : kTables) {
        if (v.version > version)
            continue;
        for (const char *name : v.names) {
            if (name && !tables.contains(QLatin1String(name)))
                missing.append(QLatin1String(name));
        }
    }
    return missing;
}

void probeEnds(SQLite::Database &db, int version)
{
    for (const Probe &p : kProbes) {
        if (p.version > version)
            continue;
        // One min() or max() per statement: with both, SQLite scans the whole table.
        for (const char *fn : {"min", "max"}) {
            SQLite::Statement q(db,
                                std::string("SELECT ") + fn + "(" + p.column + ") FROM " + p.table);
            q.executeStep();
        }
    }
}

} // namespace

MetricsFile openMetricsFile(const QString &path, int busyTimeoutMs)
{
    const QFileInfo info(path);
    if (!info.exists())
        refuse(path, QCoreApplication::translate("hb::MetricsFile", "no such file"));
    if (info.isDir())
        refuse(path,
               QCoreApplication::translate("hb::MetricsFile", "a folder, not a metrics database"));
    if (!info.isFile())
        refuse(path, QCoreApplication::translate("hb::MetricsFile",
                                                 "not a regular file, so not a metrics database"));
    const Header header = readHeader(path, info);
    // A copy cut short. With a -wal the main file may legitimately lag its header until the
    // next checkpoint, so only a file complete on its own is measured.
    if (header.pageCount > 0 && !QFileInfo::exists(path + QStringLiteral("-wal")) &&
        info.size() < header.pageCount * header.pageSize)
        refuse(path, damaged(QCoreApplication::translate(
                                 "hb::MetricsFile",
                                 "%1 bytes where its header says %2: a truncated copy?")
                                 .arg(info.size())
                                 .arg(header.pageCount * header.pageSize)));

    MetricsFile file;
    try {
        file.db = openConnection(path, header.wal, busyTimeoutMs);
        file.schemaVersion = file.db->execAndGet("PRAGMA user_version").getInt();
        const QSet<QString> tables = tablesOf(*file.db);
        if (file.schemaVersion > MetricsStore::SchemaVersion)
            refuse(path, QCoreApplication::translate(
                             "hb::MetricsFile",
                             "written by a newer version of Heartbeat Dashboard (schema %1; "
                             "this build reads up to %2); upgrade to open it")
                             .arg(file.schemaVersion)
                             .arg(MetricsStore::SchemaVersion));
        const QStringList missing = missingTables(tables, std::max(file.schemaVersion, 1));
        if (file.schemaVersion <= 0) {
            if (tables.isEmpty())
                refuse(path,
                       QCoreApplication::translate(
                           "hb::MetricsFile", "an empty SQLite database, not a metrics database"));
            refuse(path, QCoreApplication::translate(
                             "hb::MetricsFile",
                             "an SQLite database of another program, not a metrics database "
                             "(no schema version; tables missing: %1)")
                             .arg(missing.join(QStringLiteral(", "))));
        }
        if (!missing.isEmpty())
            refuse(path, QCoreApplication::translate(
                             "hb::MetricsFile",
                             "not a complete metrics database (schema %1; tables missing: %2)")
                             .arg(file.schemaVersion)
                             .arg(missing.join(QStringLiteral(", "))));
        probeEnds(*file.db, file.schemaVersion);
    } catch (const SQLite::Exception &e) {
        // The thrown line says it all; whoever catches it shows or logs it.
        qCDebug(lcStore) << "opening" << path << "for reading failed:" << e.what();
        if (isDamage(e))
            refuse(path, damaged(messageOf(e)));
        refuse(
            path,
            QCoreApplication::translate("hb::MetricsFile", "cannot read (%1)").arg(messageOf(e)));
    }
    return file;
}

QString checkMetricsFile(const QString &path)
{
    try {
        openMetricsFile(path, 2000); // as long as a reader waits for a checkpoint
    } catch (const StoreError &e) {
        return e.message();
    }
    return {};
}

QString metricsReadError(const QString &path, const std::exception &error, const QString &what)
{
    if (isDamage(error))
        return path + u": " +
               damaged(QCoreApplication::translate("hb::MetricsFile", "reading %1: %2")
                           .arg(what, messageOf(error)));
    return path + u": " +
           QCoreApplication::translate("hb::MetricsFile", "cannot read %1 (%2)")
               .arg(what, messageOf(error));
}

} // namespace hb
