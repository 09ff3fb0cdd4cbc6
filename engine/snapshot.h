#pragma once

#include "core/alert.h"
#include "core/config.h"
#include "core/records.h"

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
};

struct EngineState
{
    qint64 takenAtMs = 0;
    bool running = false; // the tick loop is started
    HeartbeatConfig config;
    HeartbeatMetrics metrics;
    QVector<TaskStatus> tasks;
    QVector<BreakerStatus> breakers;
    QVector<qint64> breakerRetryAtMs; // parallel to breakers: when an Open one tries again
    bool emergencyStop = false;
    QString emergencyReason;
    QVector<Alert> activeAlerts;
    QVector<AuditEntry> recentAudit; // newest last, bounded
    qint64 memoryBytes = -1;         // latest memory.total_bytes reading, -1 before the first
};

// The one value that crosses from the engine thread to the GUI (STYLE.md #3): immutable,
// implicitly shared, cheap to copy.
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

// DESIGN.md "Health": the heartbeat is fresh when the last tick started less than 2 minutes
// ago; healthy = fresh and not paused and not in maintenance.
struct Health
{
    static constexpr qint64 FreshnessMs = 120'000;

    bool fresh = false;
    bool healthy = false;
    bool emergencyStop = false;
    bool maintenance = false;
    bool enabled = true;
    qint64 lastTickAgeMs = -1; // -1: no tick yet
    qint64 memoryBytes = -1;
    int activeAlerts = 0;

    static Health evaluate(const EngineState &state, qint64 nowMs);
};

} // namespace hb

Q_DECLARE_METATYPE(hb::EngineSnapshot)
