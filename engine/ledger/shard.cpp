#include "ledger/shard.h"

#include "ledger/auditoutbox.h"
#include "ledger/ledgerfile.h"
#include "sqlite/sqlvalues.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <sqlite3.h>

#include <array>

namespace hb {

using namespace sql;

namespace {

// v1. Plain SQL types and constraints so the same table can be created on PostgreSQL.
constexpr const char kShardSchemaV1[] = R"sql(
CREATE TABLE loans(
    id TEXT NOT NULL PRIMARY KEY,
    borrower TEXT NOT NULL,
    pool TEXT NOT NULL,
    principal INTEGER NOT NULL,
    collateral_commodity TEXT NOT NULL,
    collateral_quantity REAL NOT NULL,
    created_ms INTEGER NOT NULL,
    due_ms INTEGER NOT NULL,
    status TEXT NOT NULL,
    updated_ms INTEGER NOT NULL);
CREATE INDEX loans_status_due ON loans(status, due_ms);
)sql";

constexpr const char kColumns[] = "id, borrower, pool, principal, collateral_commodity,"
                                  " collateral_quantity, created_ms, due_ms, status, updated_ms";

// v2: the audit outbox (ledger/auditoutbox.h).
void migrateShard(SQLite::Database &db, int fileVersion)
{
    if (fileVersion >= 2)
        return;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (fileVersion < 1)
        db.exec(kShardSchemaV1);
    db.exec(outbox::kOutboxSchema);
    db.exec("PRAGMA user_version = 2");
    transaction.commit();
}

// UTF-8 of the stable names, bound without copies.
struct Names
{
    Names()
    {
        for (int i = 0; i < kLoanStatusCount; ++i)
            status[size_t(i)] = loanStatusName(LoanStatus(i)).toUtf8();
        for (int i = 0; i < kCommodityCount; ++i)
            commodity[size_t(i)] = commodityName(Commodity(i)).toUtf8();
    }
    std::array<QByteArray, kLoanStatusCount> status;
    std::array<QByteArray, kCommodityCount> commodity;
};

const Names &names()
{
    static const Names n;
    return n;
}

// The WHERE clause of a filter (parameters numbered from 1) and its bindings.
struct FilterSql
{
    explicit FilterSql(const LoanFilter &f)
        : filter(f)
    {
        QStringList terms;
        if (!f.statuses.isEmpty()) {
            QStringList marks;
            for (qsizetype i = 0; i < f.statuses.size(); ++i)
                marks << QStringLiteral("?");
            terms << u"status IN (" + marks.join(QLatin1Char(',')) + u')';
        }
        if (f.dueBeforeMs)
            terms << QStringLiteral("due_ms < ?");
        if (!f.pool.isEmpty())
            terms << QStringLiteral("pool = ?");
        if (!terms.isEmpty())
            where = (u" WHERE " + terms.join(QStringLiteral(" AND "))).toUtf8();
        pool = f.pool.toUtf8();
    }
    void bind(SQLite::Statement &stmt) const
    {
        int index = 1;
        for (const LoanStatus s : filter.statuses)
            bindText(stmt, index++, names().status[size_t(s)]);
        if (filter.dueBeforeMs)
            bindInt(stmt, index++, *filter.dueBeforeMs);
        if (!filter.pool.isEmpty())
            bindText(stmt, index++, pool);
    }

    const LoanFilter &filter;
    QByteArray where;
    QByteArray pool;
};

} // namespace

struct Shard::Statements
{
    explicit Statements(SQLite::Database &db)
        : insert(db, std::string("INSERT INTO loans(") + kColumns +
                         ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        , find(db, std::string("SELECT ") + kColumns + " FROM loans WHERE id = ?")
        , exists(db, "SELECT COUNT(*) FROM loans WHERE id = ?")
        , setStatus(db, "UPDATE loans SET status = ?, updated_ms = ? WHERE id = ? AND status = ?")
        , remove(db, "DELETE FROM loans WHERE id = ?")
    {
    }

    SQLite::Statement insert;
    SQLite::Statement find;
    SQLite::Statement exists;
    SQLite::Statement setStatus;
    SQLite::Statement remove;
};

namespace {

// Binds and runs the prepared insert for one loan.
void insertRow(SQLite::Statement &insert, const Loan &loan)
{
    const QByteArray id = loan.id.toUtf8();
    const QByteArray borrower = loan.borrower.toUtf8();
    const QByteArray pool = loan.pool.toUtf8();
    bindText(insert, 1, id);
    bindText(insert, 2, borrower);
    bindText(insert, 3, pool);
    bindInt(insert, 4, loan.principal);
    bindText(insert, 5, names().commodity[size_t(loan.collateral)]);
    insert.bind(6, loan.collateralQuantity);
    bindInt(insert, 7, loan.createdMs);
    bindInt(insert, 8, loan.dueMs);
    bindText(insert, 9, names().status[size_t(loan.status)]);
    bindInt(insert, 10, loan.updatedMs);
    insert.exec();
    insert.reset();
}

} // namespace

QString Shard::fileName(int id)
{
    return QStringLiteral("shard-%1.db").arg(id, 4, 10, QLatin1Char('0'));
}

void Shard::inspect(const QString &path)
{
    ledgerfile::inspectExisting(path, ledgerfile::Kind::Shard, SchemaVersion, "loans");
}

void Shard::createFile(const QString &path)
{
    ledgerfile::createFile(path, ledgerfile::Kind::Shard, SchemaVersion, migrateShard);
}

Shard::Shard(int id, const QString &path)
    : m_id(id)
    , m_path(path)
{
    m_db = ledgerfile::openReadWrite(path, ledgerfile::Kind::Shard, SchemaVersion, migrateShard);
    try {
        m_stmts = std::make_unique<Statements>(*m_db);
    } catch (const SQLite::Exception &e) {
        throw ledgerfile::failure(
            path, QCoreApplication::translate("hb::Ledger", "not a valid ledger shard"), e);
    }
}

Shard::~Shard()
{
    m_bulk.reset(); // rolls back before the statements and the connection go
}

void Shard::resetStatements()
{
    for (SQLite::Statement *stmt : {&m_stmts->insert, &m_stmts->find, &m_stmts->exists,
                                    &m_stmts->setStatus, &m_stmts->remove})
        stmt->tryReset();
}

template<size_t N>
std::optional<int> indexOfName(const std::array<QByteArray, N> &names, const SQLite::Column &column)
{
    const QByteArrayView text(column.getText(), column.getBytes());
    for (size_t i = 0; i < N; ++i) {
        if (text == names[i])
            return int(i);
    }
    return std::nullopt;
}

// Loans whose stored text is not one of ours are a damaged file, not a programming error.
static Loan loanFromRow(SQLite::Statement &row, const QString &path)
{
    Loan loan;
    loan.id = textOf(row.getColumn(0));
    loan.borrower = textOf(row.getColumn(1));
    loan.pool = textOf(row.getColumn(2));
    loan.principal = row.getColumn(3).getInt64();
    const std::optional<int> commodity = indexOfName(names().commodity, row.getColumn(4));
    loan.collateralQuantity = row.getColumn(5).getDouble();
    loan.createdMs = row.getColumn(6).getInt64();
    loan.dueMs = row.getColumn(7).getInt64();
    const std::optional<int> status = indexOfName(names().status, row.getColumn(8));
    loan.updatedMs = row.getColumn(9).getInt64();
    if (!commodity || !status)
        throw StoreError(
            path + u": " +
            QCoreApplication::translate("hb::Ledger", "loan '%1' has an unknown %2 '%3'")
                .arg(loan.id, commodity ? QStringLiteral("status") : QStringLiteral("commodity"),
                     textOf(row.getColumn(commodity ? 8 : 4))));
    loan.collateral = Commodity(*commodity);
    loan.status = LoanStatus(*status);
    return loan;
}

QString Shard::insert(const QVector<Loan> &loans, const AuditNote *note)
{
    if (loans.isEmpty())
        return {};
    QString uid;
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        for (const Loan &loan : loans) {
            try {
                insertRow(m_stmts->insert, loan);
            } catch (const SQLite::Exception &e) {
                if ((e.getErrorCode() & 0xff) != SQLITE_CONSTRAINT)
                    throw;
                throw LoanConflictError(
                    m_path + u": " +
                    QCoreApplication::translate("hb::Ledger", "loan '%1' already exists")
                        .arg(loan.id));
            }
        }
        if (note && !note->isEmpty()) {
            // Ids while they stay readable; a bulk load is recorded by its count.
            QJsonObject extra{{QStringLiteral("shard"), m_id},
                              {QStringLiteral("count"), qint64(loans.size())}};
            if (loans.size() <= 50) {
                QJsonArray ids;
                for (const Loan &loan : loans)
                    ids.append(loan.id);
                extra.insert(QStringLiteral("loans"), ids);
            }
            const AuditEntry entry = outbox::entryFor(*note, loans.constFirst().createdMs, extra);
            outbox::write(*m_db, entry);
            uid = entry.uid;
        }
        transaction.commit();
        counted(loans.size());
    } catch (const StoreError &) {
        resetStatements();
        throw; // keeps its type: a conflict is not a failure of the shard
    } catch (const std::exception &e) {
        resetStatements();
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot insert loans"), e);
    }
    return uid;
}

qint64 Shard::insertMissing(const QVector<Loan> &loans)
{
    qint64 inserted = 0;
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        for (const Loan &loan : loans) {
            const QByteArray id = loan.id.toUtf8();
            bindText(m_stmts->exists, 1, id);
            m_stmts->exists.executeStep();
            const bool present = m_stmts->exists.getColumn(0).getInt64() > 0;
            m_stmts->exists.reset();
            if (!present) {
                insertRow(m_stmts->insert, loan);
                ++inserted;
            }
        }
        transaction.commit();
        counted(inserted);
    } catch (const std::exception &e) {
        resetStatements();
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot insert loans"), e);
    }
    return inserted;
}

void Shard::remove(const QVector<QString> &ids, const QString &auditUid)
{
    if (ids.isEmpty() && auditUid.isEmpty())
        return;
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        qint64 removed = 0;
        for (const QString &id : ids) {
            const QByteArray utf8 = id.toUtf8();
            bindText(m_stmts->remove, 1, utf8);
            removed += m_stmts->remove.exec();
            m_stmts->remove.reset();
        }
        if (!auditUid.isEmpty())
            outbox::remove(*m_db, {auditUid});
        transaction.commit();
        counted(-removed);
    } catch (const std::exception &e) {
        resetStatements();
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot delete loans"), e);
    }
}

void Shard::bulkInsert(const Loan &loan)
{
    try {
        if (!m_bulk)
            m_bulk = std::make_unique<SQLite::Transaction>(*m_db,
                                                           SQLite::TransactionBehavior::IMMEDIATE);
        insertRow(m_stmts->insert, loan);
        ++m_bulkInserted;
    } catch (const SQLite::Exception &e) {
        resetStatements();
        m_bulk.reset();
        m_bulkInserted = 0;
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot insert loans"), e);
    }
}

void Shard::commitBulk()
{
    if (!m_bulk)
        return;
    try {
        m_bulk->commit();
        m_bulk.reset();
        counted(m_bulkInserted);
        m_bulkInserted = 0;
    } catch (const SQLite::Exception &e) {
        m_bulk.reset();
        m_bulkInserted = 0;
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot insert loans"), e);
    }
}

void Shard::abortBulk()
{
    m_bulk.reset();
    m_bulkInserted = 0;
}

std::optional<Loan> Shard::find(const QString &id)
{
    try {
        const QByteArray utf8 = id.toUtf8();
        SQLite::Statement &find = m_stmts->find;
        bindText(find, 1, utf8);
        std::optional<Loan> loan;
        if (find.executeStep())
            loan = loanFromRow(find, m_path);
        find.reset();
        return loan;
    } catch (const std::exception &e) {
        resetStatements();
        throw ledgerfile::failure(m_path,
                                  QCoreApplication::translate("hb::Ledger", "cannot read loan"), e);
    }
}

StatusChange Shard::updateStatus(const QString &id, LoanStatus to, qint64 nowMs,
                                 bool (*allowed)(LoanStatus, LoanStatus), const AuditNote *note)
{
    StatusChange change;
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        const QByteArray utf8 = id.toUtf8();
        SQLite::Statement &find = m_stmts->find;
        bindText(find, 1, utf8);
        if (find.executeStep()) {
            change.found = true;
            change.before = loanFromRow(find, m_path).status;
            change.after = change.before;
        }
        find.reset();
        if (change.found && change.before != to && allowed(change.before, to)) {
            SQLite::Statement &set = m_stmts->setStatus;
            bindText(set, 1, names().status[size_t(to)]);
            bindInt(set, 2, nowMs);
            bindText(set, 3, utf8);
            bindText(set, 4, names().status[size_t(change.before)]);
            change.applied = set.exec() == 1;
            set.reset();
            if (change.applied)
                change.after = to;
        }
        if (change.applied && note && !note->isEmpty())
            outbox::write(*m_db,
                          outbox::entryFor(*note, nowMs,
                                           {{QStringLiteral("loan"), id},
                                            {QStringLiteral("before"), loanStatusName(change.before)},
                                            {QStringLiteral("after"), loanStatusName(change.after)}}));
        transaction.commit();
    } catch (const std::exception &e) {
        resetStatements();
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot update loan status"), e);
    }
    return change;
}

qint64 Shard::markOverdue(qint64 nowMs, const AuditNote *note)
{
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        // RETURNING: the audit entry names the loans it changed (while they stay readable).
        SQLite::Statement update(*m_db, "UPDATE loans SET status = ?, updated_ms = ?"
                                        " WHERE status = ? AND due_ms < ? RETURNING id");
        bindText(update, 1, names().status[size_t(LoanStatus::Overdue)]);
        bindInt(update, 2, nowMs);
        bindText(update, 3, names().status[size_t(LoanStatus::Active)]);
        bindInt(update, 4, nowMs);
        qint64 changed = 0;
        QJsonArray ids;
        while (update.executeStep()) {
            if (++changed <= 50)
                ids.append(textOf(update.getColumn(0)));
        }
        if (changed > 0 && note && !note->isEmpty()) {
            QJsonObject extra{{QStringLiteral("shard"), m_id}, {QStringLiteral("count"), changed}};
            if (changed <= 50)
                extra.insert(QStringLiteral("loans"), ids);
            outbox::write(*m_db, outbox::entryFor(*note, nowMs, extra));
        }
        transaction.commit();
        return changed;
    } catch (const std::exception &e) {
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot update loan status"), e);
    }
}

bool Shard::forEach(const LoanFilter &filter, const std::function<bool(const Loan &)> &visit)
{
    return forEach(filter, {}, visit);
}

bool Shard::forEach(const LoanFilter &filter, const std::function<bool(QByteArrayView)> &keepId,
                    const std::function<bool(const Loan &)> &visit)
{
    try {
        const FilterSql where(filter);
        SQLite::Statement scan(*m_db, std::string("SELECT ") + kColumns + " FROM loans" +
                                          where.where.toStdString());
        where.bind(scan);
        while (scan.executeStep()) {
            if (keepId) {
                const SQLite::Column id = scan.getColumn(0);
                if (!keepId(QByteArrayView(id.getText(), id.getBytes())))
                    continue;
            }
            if (!visit(loanFromRow(scan, m_path)))
                return false;
        }
        return true;
    } catch (const SQLite::Exception &e) {
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot read loans"), e);
    }
}

LoanCounts Shard::count(const LoanFilter &filter)
{
    LoanCounts counts;
    try {
        const FilterSql where(filter);
        SQLite::Statement q(*m_db, "SELECT status, COUNT(*) FROM loans" +
                                       where.where.toStdString() + " GROUP BY status");
        where.bind(q);
        while (q.executeStep()) {
            const QString name = textOf(q.getColumn(0));
            const std::optional<LoanStatus> status = loanStatusFromName(name);
            if (!status)
                throw StoreError(
                    m_path + u": " +
                    QCoreApplication::translate("hb::Ledger", "loans hold an unknown status '%1'")
                        .arg(name));
            const qint64 n = q.getColumn(1).getInt64();
            counts.byStatus[size_t(*status)] += n;
            counts.total += n;
        }
    } catch (const SQLite::Exception &e) {
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot count loans"), e);
    }
    return counts;
}

QVector<AuditEntry> Shard::outbox(int limit)
{
    try {
        return outbox::read(*m_db, limit);
    } catch (const SQLite::Exception &e) {
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot read the audit outbox"), e);
    }
}

void Shard::removeFromOutbox(const QStringList &uids)
{
    try {
        outbox::remove(*m_db, uids);
    } catch (const SQLite::Exception &e) {
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot clear the audit outbox"),
            e);
    }
}

qint64 Shard::loanCount()
{
    if (m_loanCount >= 0)
        return m_loanCount;
    try {
        m_loanCount = m_db->execAndGet("SELECT COUNT(*) FROM loans").getInt64();
        return m_loanCount;
    } catch (const SQLite::Exception &e) {
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot count loans"), e);
    }
}

QHash<QString, PoolTotals> Shard::outstandingByPool()
{
    QHash<QString, PoolTotals> totals;
    try {
        SQLite::Statement q(*m_db, "SELECT pool, SUM(principal), COUNT(*) FROM loans"
                                   " WHERE status IN (?, ?) GROUP BY pool");
        bindText(q, 1, names().status[size_t(LoanStatus::Active)]);
        bindText(q, 2, names().status[size_t(LoanStatus::Overdue)]);
        while (q.executeStep()) {
            PoolTotals t;
            t.pool = textOf(q.getColumn(0));
            t.totalPrincipal = q.getColumn(1).getInt64();
            t.activeLoans = q.getColumn(2).getInt64();
            totals.insert(t.pool, t);
        }
    } catch (const SQLite::Exception &e) {
        throw ledgerfile::failure(
            m_path, QCoreApplication::translate("hb::Ledger", "cannot sum pool totals"), e);
    }
    return totals;
}

void Shard::setPowerSafe(bool on)
{
    try {
        m_db->exec(on ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    } catch (const SQLite::Exception &e) {
        throw ledgerfile::failure(m_path, QStringLiteral("PRAGMA synchronous"), e);
    }
}

qint64 Shard::bytesOnDisk() const
{
    return ledgerfile::bytesOnDisk(m_path);
}

} // namespace hb
