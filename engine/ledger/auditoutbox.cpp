#include "ledger/auditoutbox.h"

#include "sqlite/sqlvalues.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <QJsonDocument>
#include <QUuid>

#include <sqlite3.h>

#include <memory>

namespace hb::outbox {

const char kOutboxSchema[] = R"sql(
CREATE TABLE audit_outbox(
    seq INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    ts_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL);
)sql";

const char kChangesSchema[] = R"sql(
CREATE TABLE ledger_changes(
    action TEXT NOT NULL PRIMARY KEY,
    count INTEGER NOT NULL);
)sql";

namespace {
// ?1..?5 = uid, ts_ms, actor, action, detail
void bindEntry(SQLite::Statement &stmt, const AuditEntry &entry)
{
    sql::bindText(stmt, 1, entry.uid);
    sql::bindInt(stmt, 2, entry.tsMs);
    sql::bindText(stmt, 3, entry.actor);
    sql::bindText(stmt, 4, entry.action);
    sql::bindText(stmt, 5, entry.detail);
}
} // namespace

AuditEntry entryFor(const AuditNote &note, qint64 nowMs, const QJsonObject &extra)
{
    QJsonObject detail = note.detail;
    for (auto it = extra.begin(); it != extra.end(); ++it)
        detail.insert(it.key(), it.value());
    AuditEntry entry;
    entry.tsMs = nowMs;
    entry.actor = note.actor.isEmpty() ? QStringLiteral("ledger") : note.actor;
    entry.action = note.action;
    entry.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    entry.uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return entry;
}

void write(SQLite::Database &db, const AuditEntry &entry, bool countChange)
{
    SQLite::Statement insert(db, "INSERT INTO audit_outbox(uid, ts_ms, actor, action, detail)"
                                 " VALUES(?1, ?2, ?3, ?4, ?5)");
    bindEntry(insert, entry);
    insert.exec();
    if (countChange) {
        SQLite::Statement count(db, "INSERT INTO ledger_changes(action, count) VALUES(?1, 1)"
                                    " ON CONFLICT(action) DO UPDATE SET count = count + 1");
        sql::bindText(count, 1, entry.action);
        count.exec();
    }
}

QVector<AuditEntry> read(SQLite::Database &db, int limit)
{
    QVector<AuditEntry> entries;
    SQLite::Statement q(db, "SELECT uid, ts_ms, actor, action, detail FROM audit_outbox"
                            " ORDER BY seq LIMIT ?1");
    q.bind(1, limit);
    while (q.executeStep()) {
        AuditEntry entry;
        entry.uid = sql::textOf(q.getColumn(0));
        entry.tsMs = sql::int64Of(q.getColumn(1));
        entry.actor = sql::textOf(q.getColumn(2));
        entry.action = sql::textOf(q.getColumn(3));
        entry.detail = sql::textOf(q.getColumn(4));
        entries.append(entry);
    }
    return entries;
}

void remove(SQLite::Database &db, const QStringList &uids)
{
    if (uids.isEmpty())
        return;
    std::unique_ptr<SQLite::Transaction> own;
    if (db.getHandle() && sqlite3_get_autocommit(db.getHandle()))
        own = std::make_unique<SQLite::Transaction>(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement del(db, "DELETE FROM audit_outbox WHERE uid = ?1");
    for (const QString &uid : uids) {
        sql::bindText(del, 1, uid);
        del.exec();
        del.reset();
    }
    if (own)
        own->commit();
}

void adopt(SQLite::Database &db, const QVector<AuditEntry> &entries)
{
    SQLite::Statement insert(db, "INSERT OR IGNORE INTO audit_outbox(uid, ts_ms, actor, action,"
                                 " detail) VALUES(?1, ?2, ?3, ?4, ?5)");
    for (const AuditEntry &entry : entries) {
        bindEntry(insert, entry);
        insert.exec();
        insert.reset();
    }
}

QHash<QString, qint64> changeCounts(SQLite::Database &db)
{
    QHash<QString, qint64> counts;
    SQLite::Statement q(db, "SELECT action, count FROM ledger_changes");
    while (q.executeStep())
        counts.insert(sql::textOf(q.getColumn(0)), sql::int64Of(q.getColumn(1)));
    return counts;
}

} // namespace hb::outbox
