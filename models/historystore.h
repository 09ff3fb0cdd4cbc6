#pragma once

#include "chartframe.h"
#include "chartrangeloader.h"
#include "core/records.h"
#include "recordfeed.h"

#include <QString>
#include <QVector>

#include <optional>

namespace hb {

// The stored history behind a source (docs/architecture.md, "Sources"): every read the panels
// make of metrics.db — earlier runs and ticks, older audit entries, chart ranges, the minutes
// before a live window opened — goes through this one value, on a worker thread (it opens its
// own read-only MetricsReader per read; every method throws StoreError). What comes back joins
// what the live feed brought by one rule, kept by the models' appendOlder(): a stored row is
// shown when it is older than the oldest live one (runs and ticks by tick id; audit entries by
// time, with equal entries of the oldest shown millisecond matched one for one).
// Without a path (a remote source has no metrics.db here) every read finds nothing.
class HistoryStore
{
public:
    HistoryStore() = default;
    explicit HistoryStore(QString metricsPath)
        : m_path(std::move(metricsPath))
    {
    }

    QString metricsPath() const { return m_path; }
    // False when there is no file (a new data directory): nothing happened before.
    bool exists() const;

    struct Earlier
    {
        QVector<TickRecord> ticks;     // oldest first
        QVector<ExecutionRecord> runs; // oldest first
    };
    // The newest `ticks` ticks and `runs` runs: what happened before a window opened.
    Earlier earlierRuns(int ticks, int runs) const;

    struct AuditPage
    {
        QVector<AuditEntry> entries; // oldest first
        bool reachesStart = false;   // nothing in the store is older
    };
    // The `pageSize` entries before `oldestShownMs` (the newest ones when nothing is shown), and
    // every entry of that millisecond itself, since not all of it may be shown yet.
    AuditPage auditBefore(std::optional<qint64> oldestShownMs, int pageSize) const;

    // The runs started in [fromMs, toMs), of `task` (all when empty), oldest first, at most
    // `limit` (the newest ones): the runs behind a chart's bucket.
    QVector<ExecutionRecord> runsIn(qint64 fromMs, qint64 toMs, const QString &task,
                                    int limit) const;
    // The audit entries within `spanMs` of `atMs`, oldest first (at most 50).
    QVector<AuditEntry> auditAround(qint64 atMs, qint64 spanMs) const;

    // A chart range, decimated to the query's columns (never throws: see ChartFrame::error).
    ChartFrame chartRange(ChartRangeQuery query) const;
    // The raw records of [fromMs, toMs) as the live feed would have brought them.
    RecordBatch recentRecords(qint64 fromMs, qint64 toMs) const;

private:
    QString m_path;
};

} // namespace hb
