#pragma once

#include "core/alert.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/records.h"

#include <QString>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>

namespace hb {

// What a task run may look at. The cancellation flag is set when the run times out, when an
// admin pauses the engine, and at shutdown: long work checks it between steps and returns.
struct TaskContext
{
    const std::atomic_bool &cancelled;
    const Clock &clock;
    const HeartbeatConfig &config;
    qint64 tickId = 0;
    // False while the run has retries left (TaskSchedule::retries): a fallback of the task's
    // own (a second source, carried-forward prices) waits for the last attempt.
    bool lastAttempt = true;

    bool isCancelled() const { return cancelled.load(std::memory_order_relaxed); }
};

struct TaskResult
{
    bool ok = true;
    // The run found nothing it could do (error says why): recorded as skipped, counted neither
    // as a success nor as a failure by the task's circuit breaker. ok stays true.
    bool isSkipped = false;
    qint64 items = 0;      // how much work was done (loans checked, rows removed, readings, ...)
    QString error;         // why it failed, or why it was skipped
    QVector<Sample> samples;
    QVector<Alert> alerts; // the conditions active now; an alert absent here is cleared
    // One entry per ledger change the run made (each change is its own transaction). The engine
    // stamps the time if it is 0 and the actor if it is empty ("heartbeat:<task>").
    QVector<AuditEntry> audit;
    // Auto cleanup asks the metrics writer (the only writer of metrics.db) to keep at most this
    // many audit_log entries; applied in the same commit as this tick's rows.
    std::optional<qint64> auditLogCap;

    static TaskResult success(qint64 items = 0)
    {
        TaskResult r;
        r.items = items;
        return r;
    }
    static TaskResult failure(const QString &error)
    {
        TaskResult r;
        r.ok = false;
        r.error = error;
        return r;
    }
    static TaskResult skipped(const QString &reason)
    {
        TaskResult r;
        r.isSkipped = true;
        r.error = reason;
        return r;
    }
};

// One maintenance task. run() is called on a pool thread, never concurrently with itself; it
// must be isolated (its failure, exception or hang must not affect other tasks) and it should
// honour ctx.cancelled.
class MaintenanceTask
{
public:
    virtual ~MaintenanceTask() = default;
    virtual QString name() const = 0;
    virtual TaskResult run(const TaskContext &ctx) = 0;
};

class Ledger;
class OracleSource;
class OracleMonitor;

// What a task factory may need to build its task. A task whose dependency is null fails every
// run with an error naming what is missing (a test or a broken start-up must not crash it).
struct TaskEnvironment
{
    QString dataDir;
    std::shared_ptr<Ledger> ledger;
    std::shared_ptr<OracleSource> oracle; // null: no price source configured (skipped, not failed)
    // oracle.fallback_source, asked by price_update when `oracle` fails and its fallback is
    // "alternative"; null: none configured.
    std::shared_ptr<OracleSource> fallbackOracle;
    std::shared_ptr<OracleMonitor> oracleMonitor;
    QString metricsPath; // metrics.db, read-only for tasks (the MetricsWriter is its one writer)
};

using TaskFactory = std::function<std::shared_ptr<MaintenanceTask>(const TaskEnvironment &)>;

// Which tasks exist. The builtin registry knows the real tasks; tests add their own.
class TaskRegistry
{
public:
    static TaskRegistry builtin();

    void add(const QString &name, TaskFactory factory);
    bool contains(const QString &name) const;
    QStringList names() const; // in TaskName::all() order first, then any others as added
    std::vector<std::shared_ptr<MaintenanceTask>> create(const TaskEnvironment &env) const;

private:
    QVector<QPair<QString, TaskFactory>> m_factories;
};

} // namespace hb
