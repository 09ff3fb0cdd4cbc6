#pragma once

// The sharded loan ledger: DATA/ledger/catalog.db (shards, ring, migration journal, pools,
// prices, treasury, cycles) and DATA/ledger/shard-NNNN.db (loans, placed by consistent hashing
// of their id). The interface the maintenance tasks use; a PostgreSQL/Citus backend is meant
// to sit behind the same calls.
//
// Errors: every storage failure is a StoreError whose message is one line naming the file.
// Opening a damaged or newer file fails the same way and leaves the file untouched.
//
// Transactions: every mutating call is one transaction on the file it touches (insertLoans and
// markOverdueLoans: one per shard). A call that changes loans and the stored pool totals
// (insertLoans, updateLoanStatus) commits the loans first and the catalog after: SQLite cannot
// commit two WAL files atomically, so a crash in between leaves the stored pool totals behind
// the loans (the loans are the truth). Pool maintenance re-derives and corrects them in one
// locked call (correctPoolTotals), so a correction is a rare event worth reading: it only
// follows such a crash or a change made outside the ledger. transferTreasuryToCycles and
// burnCycles touch the catalog only and are atomic.
//
// Audit: every mutating call takes an AuditNote. A note with an action makes the call write the
// audit entry of its change to the `audit_outbox` of the file the change commits to, in the
// same transaction (one entry per shard transaction for calls that span shards; nothing for a
// refused change). takeOutbox()/acknowledgeOutbox() move the entries to metrics.db (see
// ledger/auditoutbox.h). While changes are refused (refuseChanges(), the metrics store
// failed), every mutating call throws StoreError with the reason and changes nothing.
//
// Durability: a commit survives a crash of the process (WAL, synchronous NORMAL); a power cut
// may lose the last commits. Migrations are crash-safe (journal in catalog.db, recovered on
// open) and force the commits whose order matters to disk, so not even a power cut loses a
// loan; what one can leave behind (stale copies of moved loans) is removed on the next open.
//
// Threads: every call may be made from any thread; calls are serialised by one lock (a
// migration holds it throughout, so nobody sees a half-moved ledger). forEachLoan holds the
// lock while it calls the visitor: the visitor must not call this ledger (doing so throws
// std::logic_error); collect ids and act after the scan.

#include "core/records.h"
#include "ledger/ledgeroptions.h"
#include "ledger/ledgertypes.h"
#include "ledger/shardbreaker.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

namespace hb {

class Ledger
{
public:
    // Opens the ledger in `directory` (creating it with options.initialShards empty shards) and
    // recovers an interrupted migration. Throws StoreError.
    explicit Ledger(const QString &directory, LedgerOptions options = {});
    ~Ledger();
    Ledger(const Ledger &) = delete;
    Ledger &operator=(const Ledger &) = delete;

    QString directory() const;
    QString catalogPath() const;

    // Loans
    // One transaction per shard. A loan id already stored fails the call (LoanConflictError)
    // and the loans of the call already committed to other shards are removed again. Stored
    // pool totals grow by the outstanding loans afterwards.
    void insertLoans(const QVector<Loan> &loans, const AuditNote &note = {});
    std::optional<Loan> loan(const QString &id);
    // Outstanding loans (active, overdue) may move between those two or be closed (liquidated,
    // repaid); closed loans never change. Closing one lowers its pool's stored totals.
    StatusChange updateLoanStatus(const QString &id, LoanStatus status,
                                  const AuditNote &note = {});
    StatusChange repayLoan(const QString &id, const AuditNote &note = {})
    {
        return updateLoanStatus(id, LoanStatus::Repaid, note);
    }
    // Active loans due before now become overdue (one transaction per shard); returns how many.
    qint64 markOverdueLoans(const AuditNote &note = {});
    // Streams matching loans shard by shard (bounded memory) until `visit` returns false.
    // Returns how many were visited.
    qint64 forEachLoan(const LoanFilter &filter, const std::function<bool(const Loan &)> &visit);
    LoanCounts countLoans(const LoanFilter &filter = {});
    LoanChecksum checksum();

    // Shards
    int shardCount();
    QVector<int> shardIds(); // ascending
    QVector<ShardLoad> shardLoads();    // ascending shard id
    int shardOf(const QString &loanId); // through the router's lookup cache
    // What rebalance() would aim for with `incoming` more loans.
    int targetShardCount(qint64 incoming = 0);
    // Scales the ring up or down to the policy's target in one migration. `incoming` lets a
    // bulk load grow the ring before it writes, so its loans land where they will stay.
    RebalanceReport rebalance(qint64 incoming = 0);
    QVector<ShardBreakerStatus> shardBreakers();
    qint64 migrationCount(); // migrations ever journaled

    // Pools
    QVector<PoolTotals> storedPoolTotals();
    // Re-derived from the loans across all shards (active + overdue), every stored pool
    // included (with zeros when it has no outstanding loan).
    QVector<PoolTotals> derivedPoolTotals();
    void setStoredPoolTotals(const QVector<PoolTotals> &totals); // not audited: tests, demo
    // Re-derives the totals and corrects every stored one that differs, under one lock (no
    // loan change can slip between the derivation and the correction) and in one catalog
    // transaction with one audit entry per corrected pool. Returns the corrections.
    QVector<PoolCorrection> correctPoolTotals(const AuditNote &note);

    // Prices
    QVector<PriceQuote> prices();
    std::optional<PriceQuote> price(Commodity commodity);
    void setPrice(const PriceQuote &quote, const AuditNote &note = {}); // upsert

    // Treasury and cycles (one unit: cycles)
    Balances balances();
    void setBalances(const Balances &balances, const AuditNote &note = {});
    // Atomic; refused (applied = false, nothing changed) when the treasury cannot cover it.
    BalanceChange transferTreasuryToCycles(qint64 amount, const AuditNote &note = {});
    // Refused (applied = false) when the balance cannot cover it.
    BalanceChange burnCycles(qint64 amount, const AuditNote &note = {});
    // Income paid into the treasury (the demo's loan fees).
    BalanceChange creditTreasury(qint64 amount, const AuditNote &note = {});

    // The audit outbox. takeOutbox() returns up to `limit` entries not yet moved and not
    // claimed by an earlier take still unanswered (each file's oldest first); the caller
    // answers with acknowledgeOutbox() once metrics.db committed them (they are deleted) or
    // releaseOutbox() when it could not (they are taken again later). After a restart every
    // entry left is taken again: metrics.db stores each uid once.
    QVector<AuditEntry> takeOutbox(int limit = 5000);
    void acknowledgeOutbox(const QStringList &uids);
    void releaseOutbox(const QStringList &uids);
    // False once every entry has been taken (claimed ones included).
    bool outboxMayHoldMore();
    // Changes committed to catalog.db per audited action (ledger_changes): what the audit log
    // must hold once the outbox is empty.
    QHash<QString, qint64> catalogChangeCounts();

    // Every mutating call throws StoreError(reason) until allowChanges(). Reads and the
    // outbox's take/acknowledge go on.
    void refuseChanges(const QString &reason);
    void allowChanges();

    // Bytes of catalog.db and every shard file, with their -wal and -shm.
    qint64 diskBytes();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace hb
