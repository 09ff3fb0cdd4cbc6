#pragma once

#include "core/records.h"
#include "store/storeerror.h"

#include <QString>

#include <memory>

namespace SQLite {
class Database;
}

namespace hb {

struct RetentionPolicy
{
    int rawDays = 14;     // executions, ticks, samples, breaker_events, machine_events
    int minuteDays = 90;  // *_minute rollups
    int hourDays = 730;   // *_hour rollups
};

// Everything one writer transaction commits together.
struct WriteBatch
{
    QVector<TickRecord> ticks;
    QVector<ExecutionRecord> executions;
    QVector<BreakerEvent> breakerEvents;
    QVector<Sample> samples;
    QVector<AuditEntry> audit;
    QVector<MachineEventRecord> machineEvents;
    QVector<MachineSeenRecord> machineSeen; // applied in order: a later row of a machine wins
    std::optional<PersistedState> state; // newest wins when batches are merged
    // Auto cleanup: after this batch's rows, keep only the newest N audit_log entries.
    std::optional<qint64> auditLogCap;
    // Asks the writer to move the audit outbox even if nothing else is to be written.
    bool moveOutbox = false;

    bool isEmpty() const
    {
        return ticks.isEmpty() && executions.isEmpty() && breakerEvents.isEmpty()
               && samples.isEmpty() && audit.isEmpty() && machineEvents.isEmpty()
               && machineSeen.isEmpty() && !state && !auditLogCap && !moveOutbox;
    }
    qsizetype recordCount() const
    {
        return ticks.size() + executions.size() + breakerEvents.size() + samples.size()
               + audit.size() + machineEvents.size() + machineSeen.size();
    }
    // Appends `other` (moved from) after this batch's rows.
    void merge(WriteBatch &&other);
};

// DATA/metrics.db: opening, schema migration, loading persisted state, and writing batches.
// All SQL for the metrics database lives in engine/store/. Not thread-safe: one thread uses an
// instance at a time (MetricsWriter's thread once the engine runs).
class MetricsStore
{
public:
    static constexpr int SchemaVersion = 10;

    // Opens (creating if missing) and migrates. Throws StoreError naming `path` when the file is
    // corrupt, not a database, from a newer version, or cannot be written. The file is never
    // modified when that happens.
    explicit MetricsStore(const QString &path);
    ~MetricsStore();

    QString path() const { return m_path; }

    PersistedState loadState();

    // One transaction: rows, rollups and state. Throws StoreError on failure (nothing of the
    // batch is committed then).
    void write(const WriteBatch &batch);

    // Deletes rows older than the policy allows (rollups keep the summary). Throws StoreError.
    void applyRetention(const RetentionPolicy &policy, qint64 nowMs);

    // Reads `PRAGMA user_version` of a file without changing it; -1 if it cannot be read.
    static int fileSchemaVersion(const QString &path);

private:
    void migrate();
    void writeMachines(const WriteBatch &batch); // inside write()'s transaction
    QString describe(const std::exception &e) const;

    QString m_path;
    std::unique_ptr<SQLite::Database> m_db;
    struct Statements;
    std::unique_ptr<Statements> m_stmts;
};

} // namespace hb
