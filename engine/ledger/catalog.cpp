#include "ledger/catalog.h"

#include "ledger/auditoutbox.h"
#include "ledger/ledgerfile.h"
#include "sqlite/sqlvalues.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <QCoreApplication>
#include <QStringList>

namespace hb {

using namespace sql;

namespace {

constexpr const char kCatalogSchemaV1[] = R"sql(
CREATE TABLE ledger_meta(
    key TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL);
CREATE TABLE shards(
    id INTEGER NOT NULL PRIMARY KEY,
    in_ring INTEGER NOT NULL,
    created_ms INTEGER NOT NULL);
CREATE TABLE migrations(
    id INTEGER NOT NULL PRIMARY KEY,
    step TEXT NOT NULL,
    outcome TEXT NOT NULL,
    from_ring TEXT NOT NULL,
    to_ring TEXT NOT NULL,
    moved_loans INTEGER NOT NULL,
    moved_checksum INTEGER NOT NULL,
    started_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL);
CREATE TABLE pools(
    id TEXT NOT NULL PRIMARY KEY,
    total_principal INTEGER NOT NULL,
    active_loans INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL);
CREATE TABLE prices(
    commodity TEXT NOT NULL PRIMARY KEY,
    price REAL NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    source TEXT NOT NULL);
CREATE TABLE balances(
    account TEXT NOT NULL PRIMARY KEY,
    amount INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL);
INSERT INTO balances(account, amount, updated_ms) VALUES('treasury', 0, 0);
INSERT INTO balances(account, amount, updated_ms) VALUES('cycles', 0, 0);
)sql";

constexpr const char kRunning[] = "running";
constexpr const char16_t *kStepNames[] = {u"journal", u"copy",   u"verify",
                                          u"switch",  u"delete", u"done"};

// v2: the audit outbox and the change counters (ledger/auditoutbox.h).
void migrateCatalog(SQLite::Database &db, int fileVersion)
{
    if (fileVersion >= 2)
        return;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (fileVersion < 1)
        db.exec(kCatalogSchemaV1);
    db.exec(outbox::kOutboxSchema);
    db.exec(outbox::kChangesSchema);
    db.exec("PRAGMA user_version = 2");
    transaction.commit();
}

QString ringText(const QVector<int> &ring)
{
    QStringList ids;
    for (const int id : ring)
        ids << QString::number(id);
    return ids.join(QLatin1Char(','));
}

std::optional<QVector<int>> ringFromText(const QString &text)
{
    QVector<int> ring;
    if (text.isEmpty())
        return ring;
    for (const QString &part : text.split(QLatin1Char(','))) {
        bool ok = false;
        const int id = part.toInt(&ok);
        if (!ok || id < 0)
            return std::nullopt;
        ring.append(id);
    }
    return ring;
}

// "IN (1,2,3)" with the ids inlined: they are integers we produced, and a variable-length
// parameter list is not worth a statement per size.
std::string inList(const QVector<int> &ids)
{
    return "(" + (ids.isEmpty() ? std::string("NULL") : ringText(ids).toStdString()) + ")";
}

std::optional<MigrationStep> stepFromName(QStringView name)
{
    for (int i = 0; i < int(std::size(kStepNames)); ++i) {
        if (name == QStringView(kStepNames[i]))
            return MigrationStep(i);
    }
    return std::nullopt;
}

} // namespace

QString migrationStepName(MigrationStep step)
{
    return QString::fromUtf16(kStepNames[int(step)]);
}

void Catalog::inspect(const QString &path)
{
    ledgerfile::inspectExisting(path, ledgerfile::Kind::Catalog, SchemaVersion, "shards");
}

QVector<ShardEntry> Catalog::peekShards(const QString &path)
{
    QVector<ShardEntry> entries;
    try {
        const auto db = ledgerfile::openForPeek(path);
        if (!db->tableExists("shards"))
            return entries;
        SQLite::Statement q(*db, "SELECT id, in_ring FROM shards ORDER BY id");
        while (q.executeStep())
            entries.append({q.getColumn(0).getInt(), q.getColumn(1).getInt() != 0});
    } catch (const SQLite::Exception &e) {
        throw ledgerfile::failure(
            path, QCoreApplication::translate("hb::Ledger", "cannot read the shard list"), e);
    }
    return entries;
}

Catalog::Catalog(const QString &path)
    : m_path(path)
{
    m_db = ledgerfile::openReadWrite(path, ledgerfile::Kind::Catalog, SchemaVersion, migrateCatalog);
}

Catalog::~Catalog() = default;

void Catalog::fail(const QString &what, const std::exception &e) const
{
    throw ledgerfile::failure(m_path, what, e);
}

qint64 Catalog::bytesOnDisk() const
{
    return ledgerfile::bytesOnDisk(m_path);
}

void Catalog::setPowerSafe(bool on)
{
    try {
        m_db->exec(on ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    } catch (const SQLite::Exception &e) {
        fail(QStringLiteral("PRAGMA synchronous"), e);
    }
}

QVector<ShardEntry> Catalog::shards()
{
    QVector<ShardEntry> entries;
    try {
        SQLite::Statement q(*m_db, "SELECT id, in_ring FROM shards ORDER BY id");
        while (q.executeStep())
            entries.append({q.getColumn(0).getInt(), q.getColumn(1).getInt() != 0});
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot read the shard list"), e);
    }
    return entries;
}

std::optional<int> Catalog::virtualNodes()
{
    try {
        SQLite::Statement q(*m_db, "SELECT value FROM ledger_meta WHERE key = 'virtual_nodes'");
        if (!q.executeStep())
            return std::nullopt;
        bool ok = false;
        const int n = textOf(q.getColumn(0)).toInt(&ok);
        if (!ok || n < 1)
            throw StoreError(m_path + u": " +
                             QCoreApplication::translate(
                                 "hb::Ledger", "ledger_meta 'virtual_nodes' is not a positive "
                                               "number"));
        return n;
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot read the ring settings"), e);
    }
}

void Catalog::initialize(const QVector<int> &ring, int virtualNodes, qint64 nowMs)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement meta(*m_db, "INSERT INTO ledger_meta(key, value)"
                                      " VALUES('virtual_nodes', ?)");
        meta.bind(1, std::to_string(virtualNodes));
        meta.exec();
        SQLite::Statement add(*m_db, "INSERT INTO shards(id, in_ring, created_ms) VALUES(?, 1, ?)");
        for (const int id : ring) {
            add.bind(1, id);
            bindInt(add, 2, nowMs);
            add.exec();
            add.reset();
        }
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot create the ring"), e);
    }
}

void Catalog::setRing(const QVector<int> &ring)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        m_db->exec("UPDATE shards SET in_ring = CASE WHEN id IN " + inList(ring) +
                   " THEN 1 ELSE 0 END");
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot change the ring"), e);
    }
}

qint64 Catalog::beginMigration(const QVector<int> &from, const QVector<int> &to, qint64 nowMs)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        const qint64 id =
            m_db->execAndGet("SELECT COALESCE(MAX(id), 0) + 1 FROM migrations").getInt64();
        SQLite::Statement journal(*m_db, "INSERT INTO migrations(id, step, outcome, from_ring,"
                                         " to_ring, moved_loans, moved_checksum, started_ms,"
                                         " updated_ms) VALUES(?, ?, ?, ?, ?, 0, 0, ?, ?)");
        bindInt(journal, 1, id);
        bindText(journal, 2, migrationStepName(MigrationStep::Journal));
        journal.bind(3, kRunning);
        bindText(journal, 4, ringText(from));
        bindText(journal, 5, ringText(to));
        bindInt(journal, 6, nowMs);
        bindInt(journal, 7, nowMs);
        journal.exec();
        SQLite::Statement add(*m_db, "INSERT INTO shards(id, in_ring, created_ms) VALUES(?, 0, ?)");
        for (const int shard : to) {
            if (from.contains(shard))
                continue;
            add.bind(1, shard);
            bindInt(add, 2, nowMs);
            add.exec();
            add.reset();
        }
        transaction.commit();
        return id;
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot journal a migration"), e);
    }
}

void Catalog::recordCopied(qint64 id, const LoanChecksum &moved, qint64 nowMs)
{
    try {
        SQLite::Statement q(*m_db, "UPDATE migrations SET step = ?, moved_loans = ?,"
                                   " moved_checksum = ?, updated_ms = ? WHERE id = ?");
        bindText(q, 1, migrationStepName(MigrationStep::Copy));
        bindInt(q, 2, moved.count);
        bindInt(q, 3, qint64(moved.sum)); // the same 64 bits, stored signed
        bindInt(q, 4, nowMs);
        bindInt(q, 5, id);
        q.exec();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot journal a migration"), e);
    }
}

void Catalog::recordStep(qint64 id, MigrationStep step, qint64 nowMs)
{
    try {
        SQLite::Statement q(*m_db, "UPDATE migrations SET step = ?, updated_ms = ? WHERE id = ?");
        bindText(q, 1, migrationStepName(step));
        bindInt(q, 2, nowMs);
        bindInt(q, 3, id);
        q.exec();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot journal a migration"), e);
    }
}

void Catalog::switchRouting(qint64 id, const QVector<int> &to, qint64 nowMs)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        m_db->exec("UPDATE shards SET in_ring = CASE WHEN id IN " + inList(to) +
                   " THEN 1 ELSE 0 END");
        recordStep(id, MigrationStep::Switch, nowMs);
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot switch the ring"), e);
    }
}

void Catalog::dropOutOfRing(qint64 id, MigrationStep step, const QString &outcome, qint64 nowMs)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        m_db->exec("DELETE FROM shards WHERE in_ring = 0");
        SQLite::Statement q(*m_db, "UPDATE migrations SET step = ?, outcome = ?, updated_ms = ?"
                                   " WHERE id = ?");
        bindText(q, 1, migrationStepName(step));
        bindText(q, 2, step == MigrationStep::Done ? outcome : QString::fromLatin1(kRunning));
        bindInt(q, 3, nowMs);
        bindInt(q, 4, id);
        q.exec();
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot journal a migration"), e);
    }
}

std::optional<MigrationRecord> Catalog::pendingMigration()
{
    try {
        SQLite::Statement q(*m_db, "SELECT id, step, from_ring, to_ring, moved_loans,"
                                   " moved_checksum FROM migrations WHERE outcome = ?"
                                   " ORDER BY id");
        q.bind(1, kRunning);
        if (!q.executeStep())
            return std::nullopt;
        MigrationRecord record;
        record.id = q.getColumn(0).getInt64();
        const std::optional<MigrationStep> step = stepFromName(textOf(q.getColumn(1)));
        const std::optional<QVector<int>> from = ringFromText(textOf(q.getColumn(2)));
        const std::optional<QVector<int>> to = ringFromText(textOf(q.getColumn(3)));
        record.moved.count = q.getColumn(4).getInt64();
        record.moved.sum = quint64(q.getColumn(5).getInt64());
        // Migrations run one at a time: a second pending one means the journal was tampered.
        if (!step || !from || !to || q.executeStep())
            throw StoreError(m_path + u": " +
                             QCoreApplication::translate(
                                 "hb::Ledger", "the migration journal is damaged (migration %1)")
                                 .arg(record.id));
        record.step = *step;
        record.from = *from;
        record.to = *to;
        return record;
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot read the migration journal"), e);
    }
}

QVector<AuditEntry> Catalog::outbox(int limit)
{
    try {
        return outbox::read(*m_db, limit);
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot read the audit outbox"), e);
    }
}

void Catalog::removeFromOutbox(const QStringList &uids)
{
    try {
        outbox::remove(*m_db, uids);
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot clear the audit outbox"), e);
    }
}

void Catalog::adoptOutbox(const QVector<AuditEntry> &entries)
{
    if (entries.isEmpty())
        return;
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        outbox::adopt(*m_db, entries);
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot write the audit outbox"), e);
    }
}

void Catalog::writeAudit(const AuditEntry &entry)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        outbox::write(*m_db, entry, true);
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot write the audit outbox"), e);
    }
}

QHash<QString, qint64> Catalog::changeCounts()
{
    try {
        return outbox::changeCounts(*m_db);
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot read the audit outbox"), e);
    }
}

qint64 Catalog::migrationCount()
{
    try {
        return m_db->execAndGet("SELECT COUNT(*) FROM migrations").getInt64();
    } catch (const SQLite::Exception &e) {
        fail(QCoreApplication::translate("hb::Ledger", "cannot read the migration journal"), e);
    }
}

} // namespace hb
