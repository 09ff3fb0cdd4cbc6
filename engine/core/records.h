#pragma once

// Plain value types that cross threads: the engine produces them, the store writes them and the
// GUI shows them. No behaviour beyond naming; keep them cheap to copy and move.

#include "core/taskschedule.h"

#include <QHash>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace hb {

enum class Outcome : quint8 { Success, Failure, Timeout, Skipped, Cancelled };
QString outcomeName(Outcome outcome); // the stable string stored in executions.outcome
std::optional<Outcome> outcomeFromName(QStringView name);

enum class BreakerState : quint8 { Closed, Open, HalfOpen };
QString breakerStateName(BreakerState state); // "closed", "open", "half_open"
std::optional<BreakerState> breakerStateFromName(QStringView name);

// One task run (or a skipped one) inside a tick; one row of `executions`.
struct ExecutionRecord
{
    qint64 tickId = 0;
    QString task;
    qint64 startedAtMs = 0;
    qint64 durationMs = 0;
    Outcome outcome = Outcome::Success;
    qint64 items = 0;
    QString error;
    // How long the run waited for a pool thread before run() started (or, for one cancelled
    // while still queued, until it was cancelled); startedAtMs - queuedMs is when it was
    // queued. None for runs skipped without being queued, and for rows written before it was
    // measured.
    std::optional<qint64> queuedMs = std::nullopt;
};

// Why a tick ran no task. Stored in `ticks.skipped_reason` as fixed English words that users'
// queries rely on (tickSkipReasonName()); translated only where it is shown.
enum class TickSkipReason : quint8 {
    None, // the tick ran its tasks
    PreviousTickRunning,
    EmergencyStop,
    MaintenanceMode,
    HeartbeatDisabled,
    Other, // words this build does not know (a newer one wrote them): see skippedReasonText
};
QString tickSkipReasonName(TickSkipReason reason); // the stored words; empty for None and Other
// Empty text: None; text that names no known reason: Other.
TickSkipReason tickSkipReasonFromName(QStringView name);

// One row of `ticks`. A tick that ran no task (paused, maintenance, disabled) still exists:
// it is the heartbeat's liveness record, with `skippedReason` saying why nothing ran.
struct TickRecord
{
    qint64 id = 0;
    qint64 startedAtMs = 0;
    qint64 durationMs = 0;
    int ran = 0;
    int succeeded = 0;
    int failed = 0;
    TickSkipReason skippedReason = TickSkipReason::None;
    QString skippedReasonText = {}; // the stored words, only for TickSkipReason::Other
};

// One row of `breaker_state`.
struct BreakerStatus
{
    QString task;
    BreakerState state = BreakerState::Closed;
    int failureCount = 0;
    qint64 lastFailureMs = 0;
    qint64 openedAtMs = 0;
};

// One row of `breaker_events`.
struct BreakerEvent
{
    qint64 tsMs = 0;
    QString task;
    BreakerState from = BreakerState::Closed;
    BreakerState to = BreakerState::Closed;
    QString reason;
};

// One row of `samples`: a gauge reading (cycles, memory, shard load, ...).
struct Sample
{
    QString series;
    qint64 tsMs = 0;
    double value = 0.0;
};

// One row of `audit_log`.
struct AuditEntry
{
    qint64 tsMs = 0;
    QString actor;
    QString action;
    QString detail;
    // Set on entries that come from a ledger file's audit outbox: metrics.db stores each uid
    // once, so an entry moved twice (a crash between the two commits) is still one row.
    QString uid = {}; // (a default, so aggregate initialisers may leave it out)
};

// One row of `machine_events`: a pushing machine's change of state. States are the words of
// machineStateName() ("new", "up", "down", "paused"), and "removed" for a machine taken out of
// DATA/machines.json.
struct MachineEventRecord
{
    qint64 tsMs = 0;
    QString machine;
    QString fromState;
    QString toState;
    qint64 lastSeenMs = 0; // the heartbeat the judgement rests on; 0: never heard from (NULL)
    QString reason;
};

// One row of `machine_seen`, upserted: a machine's state and newest heartbeat. With `forget`,
// the machine's row is deleted instead (it was removed).
struct MachineSeenRecord
{
    QString machine;
    QString state;
    qint64 stateSinceMs = 0;
    qint64 lastSeenMs = 0; // 0: never heard from (NULL)
    QString lastKind;      // "heartbeat", "start", "fail"; empty: never heard from
    QString lastReport;    // the JSON body of that heartbeat, compact; empty: none
    bool forget = false;
};

// The seed's HeartbeatMetrics. Counted per task run (one `executions` row each):
//   totalExecutions      = runs, skipped ones aside (success + failure + timeout + cancelled)
//   successfulExecutions = success
//   failedExecutions     = failure + timeout
//   cancelledExecutions  = cancelled (emergency pause, maintenance or shutdown; a run cancelled
//                          while still queued counts too: it has an `executions` row)
// Skipped runs (breaker open) are not executions. Times are over the same runs.
struct HeartbeatMetrics
{
    qint64 tickCount = 0;
    qint64 lastTickId = 0;
    qint64 lastTickMs = 0;             // when the last tick (heartbeat) started
    qint64 lastExecutionMs = 0;        // when the last task run finished
    qint64 totalExecutions = 0;
    qint64 successfulExecutions = 0;
    qint64 failedExecutions = 0;
    qint64 cancelledExecutions = 0;
    qint64 totalExecutionTimeMs = 0;
    qint64 peakExecutionTimeMs = 0;
    QHash<QString, qint64> tasksCompleted; // successful runs per task
    QString lastError;
    qint64 lastErrorMs = 0;
    QStringList lastTickTasks;             // tasks that ran in the last tick

    double averageExecutionTimeMs() const
    {
        return totalExecutions > 0 ? double(totalExecutionTimeMs) / double(totalExecutions) : 0.0;
    }
    // Folds one record into the counters; skipped records only count as nothing.
    void account(const ExecutionRecord &record);
    bool operator==(const HeartbeatMetrics &other) const;
};

// What survives a restart: written in the same transaction as the rows it counts, so after a
// crash at any moment the counters agree with `executions`.
struct PersistedState
{
    HeartbeatMetrics metrics;
    QVector<BreakerStatus> breakers;
    bool emergencyStop = false;
    QString emergencyReason;
    // The newest run of each task that ran (skipped ones aren't runs), read back from
    // `executions`: after a restart the task list still says when each last ran and how.
    QVector<ExecutionRecord> lastRuns;
    // Where each task's schedule stands (`task_schedule`), written with the runs it follows.
    QVector<ScheduleState> schedules;
    // Safe mode (an emergency action): only the tasks marked critical run, until an admin
    // leaves it.
    bool safeMode = false;
    QString safeModeReason;
    // Failed runs (failure and timeout rows) per minute (UTC ms of its start) in the 24 hours
    // before the last tick, oldest first: seeds the engine's failed-runs alert.
    QVector<QPair<qint64, qint64>> failuresByMinute;
};

} // namespace hb

Q_DECLARE_METATYPE(hb::ExecutionRecord)
Q_DECLARE_METATYPE(hb::AuditEntry)
