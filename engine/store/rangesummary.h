#pragma once

// What happened in a time range of metrics.db, per task and overall: the figures of the
// analysis mode's summary, its compare table and the maintenance report
// (MetricsReader::rangeSummary()).
//
// Definitions (the tests check each against plain SQL over the raw rows):
//   runs         executions rows that started: every outcome but skipped
//   failureRate  (failures + timeouts) / runs, as HeartbeatMetrics counts failed executions
//   pNN          nearest-rank percentile of duration_ms over the runs: the value at rank
//                ceil(NN / 100 * runs) in ascending order
//   an opening   a breaker_events row going from closed to open; it lasts until the task's next
//                event to closed (half-open trials that fail again in between are `reopenings`)
//   admin action an audit_log row whose actor is a person or the system, not a task
//                ("heartbeat:<task>") or the ledger ("ledger")
//   alert raised a notification_events row of kind alert_raised (files of schema 6 and later)

#include "core/records.h"

#include <QString>
#include <QVector>

namespace hb {

// How a figure was obtained.
enum class Precision {
    Exact,       // from the raw rows of exactly the range
    Estimated,   // from the rollups: whole minute / hour buckets, percentiles from histograms
    Unavailable, // nothing to compute it from (buckets written before histograms were kept)
};
QString precisionName(Precision precision); // "exact", "estimated", "unavailable"

struct DurationPercentiles
{
    Precision precision = Precision::Unavailable;
    qint64 p50Ms = 0;
    qint64 p95Ms = 0;
    qint64 p99Ms = 0;
    qint64 maxMs = 0; // exact whenever there are runs (the rollups keep the maximum)
    // The runs the percentiles rest on: all of them when exact; when estimated, those of the
    // buckets that have a histogram (fewer when part of the range predates histograms).
    qint64 sampleRuns = 0;
};

struct TaskRangeSummary
{
    QString task;
    qint64 runs = 0;
    qint64 successes = 0;
    qint64 failures = 0;
    qint64 timeouts = 0;
    qint64 cancelled = 0;
    qint64 skipped = 0; // not runs: the breaker was open
    DurationPercentiles durations;

    double failureRate() const
    {
        return runs > 0 ? double(failures + timeouts) / double(runs) : 0.0;
    }
};

struct BreakerOpening
{
    QString task;
    qint64 openedAtMs = 0;
    qint64 closedAtMs = 0; // 0: not closed again in what the file holds
    QString reason;
    int reopenings = 0; // failed half-open trials before it closed

    bool isClosed() const { return closedAtMs > 0; }
    // Until it closed, or until `endMs` while it is still open.
    qint64 durationMs(qint64 endMs) const { return (isClosed() ? closedAtMs : endMs) - openedAtMs; }
};

struct AlertRaised
{
    qint64 tsMs = 0;
    QString severity; // "info", "warning", "critical"
    QString subject;  // the task (or machine) it concerns
    QString title;
};

struct RangeSummary
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    // Exact: every figure is from the raw rows of [fromMs, toMs). Estimated: the raw rows of
    // part of the range are gone (retention) or the range is long: runs and percentiles come
    // from the rollups and cover [spanFromMs, spanToMs), whole buckets around the range.
    Precision precision = Precision::Exact;
    qint64 spanFromMs = 0;
    qint64 spanToMs = 0;

    QVector<TaskRangeSummary> tasks; // by name; tasks without a row in the range are left out
    TaskRangeSummary total;          // all tasks together (task empty)

    // From raw rows only (retention removes them with the executions): complete when the
    // range's raw rows are (rawComplete).
    bool rawComplete = true;
    qint64 ticks = 0;
    QVector<BreakerOpening> breakerOpenings; // oldest first
    qint64 adminActionCount = 0;
    QVector<AuditEntry> adminActions; // oldest first; the newest listLimit of them
    qint64 alertsRaisedCount = 0;
    QVector<AlertRaised> alertsRaised; // oldest first; the newest listLimit of them

    const TaskRangeSummary *task(const QString &name) const;
};

struct RangeSummaryOptions
{
    enum class Source {
        // Raw rows when they cover the range and it holds at most exactRunLimit rows (or the
        // rollups of the range lack histograms); the rollups otherwise.
        Auto,
        Rollups, // the rollups even for a short range (a quick answer, or to test the estimate)
    };
    Source source = Source::Auto;
    // Reading and ranking this many durations takes a few hundred ms on an idle machine
    // (bench_rangesummary); the rollups answer a longer range in tens of ms.
    qint64 exactRunLimit = 1'000'000;
    int listLimit = 500; // admin actions and alerts kept in the lists
};

// Audit entries the summary counts as admin actions (see above).
bool isAdminAuditEntry(const AuditEntry &entry);

} // namespace hb
