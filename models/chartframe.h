#pragma once

#include "core/records.h"

#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace hb {

// Gauge series the charts draw (samples.series). Cycles and shards come from the ledger; until
// it reports them the charts say "no data yet".
namespace ChartSeries {
inline const QString Memory = QStringLiteral("memory.total_bytes");
inline const QString Cycles = QStringLiteral("cycles.balance");
inline const QString ShardCount = QStringLiteral("shard.count");
inline const QString ShardLoadPrefix = QStringLiteral("shard.load."); // + shard id, "0003"
} // namespace ChartSeries

// Audit actions shown as markers on the execution-time chart: what an admin did that may explain
// a change in the curves.
QStringList adminMarkerActions();
bool isAdminMarkerAction(const QString &action);

// A machine that went down, or came back up from down, as a marker beside the admin actions:
// action "machine_down" / "machine_up", the machine as the actor, the reason as the detail.
// Other transitions (first heartbeat, pause, resume) are no marker. States are the words of
// machine_events ("new", "up", "down", "paused").
std::optional<AuditEntry> machineMarker(qint64 tsMs, const QString &machine,
                                        const QString &fromState, const QString &toState,
                                        const QString &reason);

// A circuit breaker that opened, as a marker beside the admin actions: action "breaker_open",
// the task as the actor, the reason as the detail.
AuditEntry breakerOpenMarker(const BreakerEvent &event);

// Everything the chart panel draws for one time range, already decimated to the plot width
// (x: epoch ms, y: the value). Built from the live buffers (LiveChartData) or from metrics.db
// (loadChartRange, off the GUI thread); a value, cheap to move across threads.
struct ChartFrame
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int columns = 0;

    QList<QPointF> tickMs;        // duration of each tick (bucket mean for long ranges)
    QList<QPointF> tickAverageMs; // running average over the last ticks
    QList<QPointF> tickPeakMs;    // running peak over the last ticks
    QMap<QString, QList<QPointF>> taskMs; // by task name: the tasks asked for
    QList<QPointF> successPercent; // rolling success rate, 0..100
    QList<QPointF> cycles;
    QList<QPointF> memoryBytes;
    QList<QPointF> shardCount;
    QMap<QString, QList<QPointF>> shardLoad; // by shard id ("0003")
    // From the database, with machine_down / machine_up markers (machineMarker) and breaker
    // openings (breakerOpenMarker); live ones come from snapshots and the monitor.
    QVector<AuditEntry> adminActions;

    QString error; // why the range could not be read; empty when it could
};

} // namespace hb
