#pragma once

// DATA/ledger/catalog.db: which shard files exist and which of them are in the ring, the
// migration journal, and the ledger's global tables (pools, prices, treasury and cycles
// balances). Every mutating call is one transaction; every failure is a StoreError naming the
// file. Not thread-safe: the ledger's lock guards it.
//
// Tables (SQL kept portable; a PostgreSQL backend is planned):
//   ledger_meta(key, value)               virtual_nodes: fixed when the ledger is created
//   shards(id, in_ring, created_ms)       in_ring = 1: the ring routes keys to it
//   migrations(id, step, outcome, from_ring, to_ring, moved_loans, moved_checksum,
//              started_ms, updated_ms)    one row per migration; outcome 'running' = pending
//   pools(id, total_principal, active_loans, updated_ms)   stored totals, may drift
//   prices(commodity, price, updated_at_ms, source)
//   balances(account, amount, updated_ms) accounts 'treasury' and 'cycles'
//   audit_outbox, ledger_changes          see ledger/auditoutbox.h (schema v2)
//
// Every mutating call that takes an AuditNote writes its audit entry to the outbox in the same
// transaction as the change (nothing when the note is null or the change is refused).

#include "core/records.h"
#include "ledger/ledgertypes.h"

#include <QHash>
#include <QStringList>

#include <QString>
#include <QVector>

#include <memory>
#include <optional>

namespace SQLite {
class Database;
}

namespace hb {

struct ShardEntry
{
    int id = 0;
    bool inRing = false;
};

// The steps of a migration, in order; the journal records the last one completed.
enum class MigrationStep : quint8 { Journal, Copy, Verify, Switch, Delete, Done };
QString migrationStepName(MigrationStep step);

struct MigrationRecord
{
    qint64 id = 0;
    MigrationStep step = MigrationStep::Journal;
    QVector<int> from;  // ring members before
    QVector<int> to;    // ring members after
    LoanChecksum moved; // of the rows copied (set by the copy step)
};

class Catalog
{
public:
    static constexpr int SchemaVersion = 2;
    static QString fileName() { return QStringLiteral("catalog.db"); }

    // Refuses, without changing it, an existing file that is damaged or newer (StoreError).
    static void inspect(const QString &path);
    // The shard list of an existing catalog, read without changing the file.
    static QVector<ShardEntry> peekShards(const QString &path);

    explicit Catalog(const QString &path);
    ~Catalog();
    Catalog(const Catalog &) = delete;
    Catalog &operator=(const Catalog &) = delete;

    QString path() const { return m_path; }
    qint64 bytesOnDisk() const;
    // See Shard::setPowerSafe().
    void setPowerSafe(bool on);

    // Shards and ring.
    QVector<ShardEntry> shards();
    std::optional<int> virtualNodes();
    // A new ledger: its first ring members and virtual node count.
    void initialize(const QVector<int> &ring, int virtualNodes, qint64 nowMs);
    // Makes exactly `ring` the members (in_ring = 1); other listed shards stay, out of the ring.
    void setRing(const QVector<int> &ring);

    // Migration journal.
    // Writes the plan and lists the joining shards (out of the ring until the switch).
    qint64 beginMigration(const QVector<int> &from, const QVector<int> &to, qint64 nowMs);
    void recordCopied(qint64 id, const LoanChecksum &moved, qint64 nowMs);
    void recordStep(qint64 id, MigrationStep step, qint64 nowMs);
    // The switch: ring membership and the journal step in one transaction.
    void switchRouting(qint64 id, const QVector<int> &to, qint64 nowMs);
    // Forgets the shards out of the ring (their files are gone) and records `step`; with
    // step Done also the outcome ("done", "rolled_back", "rolled_forward").
    void dropOutOfRing(qint64 id, MigrationStep step, const QString &outcome, qint64 nowMs);
    std::optional<MigrationRecord> pendingMigration();
    qint64 migrationCount(); // every migration ever journaled

    // Pools: stored totals.
    QVector<PoolTotals> poolTotals(); // by pool id
    void setPoolTotals(const QVector<PoolTotals> &totals, qint64 nowMs);
    void addToPoolTotals(const QVector<PoolTotals> &deltas, qint64 nowMs);
    // Sets every stored total that differs from `derived` (a pool missing there keeps its row),
    // one audit entry per corrected pool, all in one transaction. Returns the corrections.
    QVector<PoolCorrection> correctPoolTotals(const QVector<PoolTotals> &derived, qint64 nowMs,
                                              const AuditNote *note);

    // Prices.
    QVector<PriceQuote> prices(); // by commodity
    void setPrice(const PriceQuote &quote, const AuditNote *note = nullptr);

    // Treasury and cycles.
    Balances balances();
    void setBalances(const Balances &balances, qint64 nowMs, const AuditNote *note = nullptr);
    BalanceChange transferTreasuryToCycles(qint64 amount, qint64 nowMs,
                                           const AuditNote *note = nullptr);
    BalanceChange burnCycles(qint64 amount, qint64 nowMs, const AuditNote *note = nullptr);
    BalanceChange creditTreasury(qint64 amount, qint64 nowMs, const AuditNote *note = nullptr);

    // The audit outbox (ledger/auditoutbox.h).
    QVector<AuditEntry> outbox(int limit);
    void removeFromOutbox(const QStringList &uids);
    // Takes over rows of another file's outbox (a shard about to be deleted); rows it already
    // holds stay as they are.
    void adoptOutbox(const QVector<AuditEntry> &entries);
    // One audit entry on its own (a change spread over files, recorded once in the catalog).
    void writeAudit(const AuditEntry &entry);
    // Changes committed per audited action (ledger_changes).
    QHash<QString, qint64> changeCounts();

private:
    [[noreturn]] void fail(const QString &what, const std::exception &e) const;
    Balances readBalances();
    // Adds `delta` to one account in one transaction; refused (nothing changed) when the
    // balance would go below zero.
    BalanceChange adjust(const char *account, qint64 delta, qint64 nowMs, const QString &what,
                         const AuditNote *note);

    QString m_path;
    std::unique_ptr<SQLite::Database> m_db;
};

} // namespace hb
