#pragma once

// One shard file, DATA/ledger/shard-NNNN.db: the `loans` of the ids the ring gives it. Every
// mutating call is one transaction. Every failure is a StoreError naming the file. Not
// thread-safe: the ledger's lock guards it.

#include "core/records.h"
#include "ledger/ledgertypes.h"

#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace SQLite {
class Database;
class Transaction;
} // namespace SQLite

namespace hb {

class Shard
{
public:
    static constexpr int SchemaVersion = 2; // v2: audit_outbox
    static QString fileName(int id); // "shard-0007.db"

    // Refuses, without changing it, an existing file that is damaged or newer (StoreError).
    static void inspect(const QString &path);

    // A new, empty shard file at `path` (which must not exist), built whole and synced; see
    // ledgerfile::createFile(). Throws StoreError naming `path`.
    static void createFile(const QString &path);

    // Opens (creating if missing) and migrates. Throws StoreError naming `path`.
    Shard(int id, const QString &path);
    ~Shard();
    Shard(const Shard &) = delete;
    Shard &operator=(const Shard &) = delete;

    int id() const { return m_id; }
    QString path() const { return m_path; }

    // One transaction; a loan whose id is already stored fails the whole call. With a note, one
    // audit entry for the loans (their count and ids) in the same transaction; returns its uid.
    QString insert(const QVector<Loan> &loans, const AuditNote *note = nullptr);
    // One transaction; loans whose id is already stored are skipped (recovery re-copies).
    qint64 insertMissing(const QVector<Loan> &loans);
    // One transaction; also removes the outbox entry `auditUid` (the undo of an insert).
    void remove(const QVector<QString> &ids, const QString &auditUid = {});

    // A write transaction held open across calls, so a migration can feed one destination from
    // many sources and commit it once. Rolled back if the shard is closed before commitBulk().
    void bulkInsert(const Loan &loan); // begins the transaction on first use
    bool inBulk() const { return m_bulk != nullptr; }
    void commitBulk();
    void abortBulk();

    std::optional<Loan> find(const QString &id);
    // Reads and changes the status in one transaction; `allowed(from, to)` decides.
    // With a note, an applied change writes its audit entry (loan, before, after) in the transaction.
    StatusChange updateStatus(const QString &id, LoanStatus to, qint64 nowMs,
                              bool (*allowed)(LoanStatus from, LoanStatus to),
                              const AuditNote *note = nullptr);
    // Active loans due before `nowMs` become overdue, in one transaction; returns how many. With
    // a note and at least one change, one audit entry (shard, count) in the transaction.
    qint64 markOverdue(qint64 nowMs, const AuditNote *note = nullptr);

    // The audit outbox (ledger/auditoutbox.h).
    QVector<AuditEntry> outbox(int limit);
    void removeFromOutbox(const QStringList &uids);

    // Streams the matching loans (in no particular order) until `visit` returns false;
    // returns false if it stopped early.
    bool forEach(const LoanFilter &filter, const std::function<bool(const Loan &)> &visit);
    // The same, visiting only loans whose UTF-8 id `keepId` accepts; the others are never
    // decoded (a migration looks at every id but moves few of the loans).
    bool forEach(const LoanFilter &filter, const std::function<bool(QByteArrayView)> &keepId,
                 const std::function<bool(const Loan &)> &visit);
    LoanCounts count(const LoanFilter &filter = {});
    // Counted once, then kept up to date by this object's own writes: the engine is the only
    // writer of its ledger (engine.lock), and rebalancing asks for it often.
    qint64 loanCount();
    // Outstanding (active + overdue) principal and count per pool.
    QHash<QString, PoolTotals> outstandingByPool();

    qint64 bytesOnDisk() const;

    // Normally a commit survives a crash of the process (WAL, synchronous NORMAL). While a
    // migration runs every commit is also made to survive a power cut (synchronous FULL): the
    // steps on different files must reach the disk in order, or a loan could be deleted from
    // its old shard before its copy is on the disk.
    void setPowerSafe(bool on);

private:
    struct Statements;
    void resetStatements();
    void counted(qint64 delta) // after a commit
    {
        if (m_loanCount >= 0)
            m_loanCount += delta;
    }

    int m_id;
    QString m_path;
    std::unique_ptr<SQLite::Database> m_db;
    std::unique_ptr<Statements> m_stmts;
    std::unique_ptr<SQLite::Transaction> m_bulk;
    qint64 m_bulkInserted = 0;
    qint64 m_loanCount = -1; // -1: not counted yet
};

} // namespace hb
