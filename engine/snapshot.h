#pragma once

#include "core/alert.h"
#include "core/config.h"
#include "core/records.h"

#include <QHash>
#include <QMetaType>
#include <QVector>

#include <memory>

namespace hb {

// What the GUI shows about one task.
struct TaskStatus
{
    QString name;
    bool enabled = true;
    bool running = false;
    bool hasRun = false;
    Outcome lastOutcome = Outcome::Success;
    qint64 lastRunMs = 0;
    qint64 lastDurationMs = 0;
    qint64 lastItems = 0;
    QString lastError;
    qint64 completed = 0; // successful runs, all time
    QString schedule;     // TaskSchedule::describe() of its schedule
    // When it runs next (UTC ms): the next tick for an every-tick task or one owed a catch-up
    // run; 0: none (a once that ran, or the engine not ticking).
    qint64 nextRunMs = 0;
};

struct EngineState
{
    qint64 takenAtMs = 0;
    bool running = false; // the tick loop is started
    HeartbeatConfig config;
    QString oracleSource = OracleSourceName::None; // the price source in use (fixed at start)
    HeartbeatMetrics metrics;
    QVector<TaskStatus> tasks;
    QVector<BreakerStatus> breakers;
    QVector<qint64> breakerRetryAtMs; // parallel to breakers: when an Open one tries again
    bool emergencyStop = false;
    QString emergencyReason;
    bool safeMode = false; // only critical tasks run (an emergency action) until an admin leaves it
    QString safeModeReason;
    QVector<Alert> activeAlerts;
    QVector<AuditEntry> recentAudit; // newest last, bounded
    qint64 memoryBytes = -1;         // latest memory.total_bytes reading, -1 before the first
    QHash<QString, double> gauges;   // the latest reading of every sample series, by name
    qint64 tickIntervalMs = 0;       // the effective schedule (--tick-ms wins over the config)
    qint64 nextTickAtMs = 0;         // when the next tick starts; 0: no tick scheduled
};

// The price feed at a glance (docs/architecture.md, "Health"), judged from what the
// oracle monitoring task measured, its alerts and the price update task's circuit breaker.
struct OracleHealth
{
    enum class Status : quint8 {
        Unknown,  // not measured yet (no fetch since start, or monitoring is off)
        Ok,       // measured, within every threshold
        Degraded, // an oracle alert is active (error rate, latency or stale prices)
        Down,     // the price update task's breaker is open: no price is being fetched
        NotConfigured, // no price source (oracle.source "none"): prices are not updated
    };
    Status status = Status::Unknown;
    bool demoFeed = false;  // the prices are the demo's simulation
    double errorRate = -1;  // failed share of the recent fetches; -1: not measured
    double latencyMs = -1;  // their average latency; -1: not measured
    qint64 freshnessMs = -1; // age of the newest accepted price; -1: none yet
    QString problem;        // Degraded: the first oracle alert's message

    static OracleHealth evaluate(const EngineState &state);
};

// The one value that crosses from the engine thread to the GUI (docs/architecture.md, "A tick"):
// immutable, implicitly shared, cheap to copy.
class EngineSnapshot
{
public:
    EngineSnapshot() : d(std::make_shared<const EngineState>()) {}
    explicit EngineSnapshot(EngineState state)
        : d(std::make_shared<const EngineState>(std::move(state)))
    {}
    const EngineState &operator*() const { return *d; }
    const EngineState *operator->() const { return d.get(); }

private:
    std::shared_ptr<const EngineState> d;
};

// docs/architecture.md, "Health": the heartbeat is fresh when the last tick started less than 2
// minutes ago; healthy = fresh and not paused and not in maintenance.
struct Health
{
    static constexpr qint64 FreshnessMs = 120'000;

    bool fresh = false;
    bool healthy = false;
    bool emergencyStop = false;
    bool safeMode = false;
    bool maintenance = false;
    bool enabled = true;
    qint64 lastTickAgeMs = -1; // -1: no tick yet
    qint64 memoryBytes = -1;
    int activeAlerts = 0;
    OracleHealth oracle;

    static Health evaluate(const EngineState &state, qint64 nowMs);
};

} // namespace hb

Q_DECLARE_METATYPE(hb::EngineSnapshot)
