#pragma once

#include "core/records.h"
#include "store/notificationstore.h"
#include "store/rangesummary.h"
#include "store/storeerror.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <limits>
#include <memory>
#include <optional>

namespace SQLite {
class Database;
}

namespace hb {

// Execution rows of one bucket (a tick at Raw resolution, a minute or an hour otherwise),
// over all tasks or one task.
struct ExecutionBucket
{
    qint64 bucketMs = 0;  // start of the minute / hour; at Raw, when the tick's first run started
    qint64 rows = 0;      // executions rows, skipped ones included (the rollups' `runs`)
    qint64 successes = 0;
    qint64 failures = 0;
    qint64 timeouts = 0;
    qint64 skipped = 0;
    qint64 cancelled = 0;
    qint64 totalMs = 0;   // sum of duration_ms
    qint64 maxMs = 0;     // max of duration_ms

    // Runs that started (HeartbeatMetrics::totalExecutions counts the same): all but skipped.
    qint64 runs() const { return rows - skipped; }
    // Runs with a verdict: successes, failures and timeouts (cancelled ones have none).
    qint64 decided() const { return successes + failures + timeouts; }
    double averageMs() const { return runs() > 0 ? double(totalMs) / double(runs()) : 0.0; }
    // successes / decided, in [0, 1]; 0 when nothing was decided (check decided()).
    double successRate() const
    {
        return decided() > 0 ? double(successes) / double(decided()) : 0.0;
    }
};

// Ticks of one bucket (a single tick at Raw resolution).
struct TickBucket
{
    qint64 bucketMs = 0; // start of the bucket; at Raw, the tick's started_at_ms
    qint64 ticks = 0;
    qint64 totalMs = 0;
    qint64 maxMs = 0;
    qint64 ran = 0;
    qint64 succeeded = 0;
    qint64 failed = 0;

    double averageMs() const { return ticks > 0 ? double(totalMs) / double(ticks) : 0.0; }
};

// Samples of one series in one bucket (a single sample at Raw resolution).
struct SampleBucket
{
    qint64 bucketMs = 0; // start of the bucket; at Raw, the sample's ts_ms
    qint64 count = 0;
    double sum = 0.0;
    double min = 0.0;
    double max = 0.0;

    double mean() const { return count > 0 ? sum / double(count) : 0.0; }
};

// Read-only range queries on DATA/metrics.db or a saved copy, for charts and analysis, from any
// one thread (one instance per thread; open one per job). Opened by openMetricsFile()
// (store/metricsfile.h): nothing is ever written or created beside the file, a file that is not a
// readable metrics.db is refused by the constructor, and a schema 1 file is read as it is. In
// WAL mode the connection never blocks the writer, and each query sees what was committed.
// Minute and hour resolutions read the rollup tables (exec_*, sample_*; grouped from the raw rows
// in a schema 1 file); ticks have no rollup and are grouped from `ticks`. Ranges are
// [fromMs, toMs): rows whose time is in it at Raw, buckets whose start is in
// [bucket of fromMs, toMs) otherwise. Results are in time order. Every failure throws StoreError
// naming the file.
class MetricsReader
{
public:
    enum class Resolution { Raw, Minute, Hour };

    explicit MetricsReader(const QString &path);
    ~MetricsReader();
    MetricsReader(const MetricsReader &) = delete;
    MetricsReader &operator=(const MetricsReader &) = delete;

    QString path() const { return m_path; }
    // PRAGMA user_version of the file (1 .. MetricsStore::SchemaVersion; never upgraded here).
    int schemaVersion() const { return m_schemaVersion; }

    // The earliest and the latest time of any tick, run or audit entry (ms, both inclusive);
    // nullopt for a file that holds none. What "the whole file" means for a range.
    struct TimeSpan
    {
        qint64 firstMs = 0;
        qint64 lastMs = 0;
    };
    std::optional<TimeSpan> timeSpan();
    // The first and the last tick: what the engine was running for (audit entries may be far
    // older, such as a seeded ledger's); nullopt for a file without ticks.
    std::optional<TimeSpan> tickSpan();

    // All tasks when `task` is empty. At Raw, one bucket per tick.
    QVector<ExecutionBucket> executionSeries(qint64 fromMs, qint64 toMs, Resolution resolution,
                                             const QString &task = {});
    // Per task and bucket, over every bucket that overlaps [fromMs, toMs), whole: calls `visit`
    // in time order, tasks by name within a bucket. Raw reads as Minute. Streams, so a year of
    // minutes needs no memory of its own.
    void forEachTaskBucket(
        qint64 fromMs, qint64 toMs, Resolution resolution,
        const std::function<void(const QString &task, const ExecutionBucket &bucket)> &visit);
    QVector<TickBucket> tickSeries(qint64 fromMs, qint64 toMs, Resolution resolution);
    QVector<SampleBucket> sampleSeries(const QString &series, qint64 fromMs, qint64 toMs,
                                       Resolution resolution);
    // Names of the sample series starting with `prefix` (all when empty), sorted.
    QStringList sampleSeriesNames(const QString &prefix = {});
    // audit_log rows in [fromMs, toMs) whose action is one of `actions` (any when empty), oldest
    // first, at most `limit` (the newest ones).
    QVector<AuditEntry> auditEntries(qint64 fromMs, qint64 toMs, const QStringList &actions = {},
                                     int limit = 1000);

    // breaker_events rows in [fromMs, toMs) that went to `toState` (all when unset), oldest
    // first, at most `limit` (the newest ones). (store/breakerreads.cpp)
    QVector<BreakerEvent> breakerEvents(qint64 fromMs, qint64 toMs,
                                        std::optional<BreakerState> toState = std::nullopt,
                                        int limit = 1000);

    // The newest `limit` ticks / executions of ticks before `beforeTickId`, oldest first: the
    // history a window shows of what happened before it opened.
    QVector<TickRecord> recentTicks(int limit,
                                    qint64 beforeTickId = std::numeric_limits<qint64>::max());
    QVector<ExecutionRecord> recentExecutions(
        int limit, qint64 beforeTickId = std::numeric_limits<qint64>::max());

    // Raw rows started in [fromMs, toMs), oldest first, at most `limit` (the newest ones): what
    // the live charts show of the minutes before the window opened.
    QVector<TickRecord> ticks(qint64 fromMs, qint64 toMs, int limit);
    QVector<ExecutionRecord> executions(qint64 fromMs, qint64 toMs, int limit);

    // Every run started / audit entry made in [fromMs, toMs), in time order, one by one along
    // the time index: an export of any range of any file in bounded memory.
    void forEachExecution(qint64 fromMs, qint64 toMs,
                          const std::function<void(const ExecutionRecord &)> &visit);
    void forEachAuditEntry(qint64 fromMs, qint64 toMs,
                           const std::function<void(const AuditEntry &)> &visit);

    static qint64 bucketWidthMs(Resolution resolution); // 0 for Raw

    // What happened in [fromMs, toMs), per task and overall (store/rangesummary.cpp): runs,
    // outcomes, duration percentiles, ticks, breaker openings, admin actions, alerts. Exact from
    // the raw rows while they cover the range, estimated from the rollups otherwise; the result
    // says which. Fast on a large file: one index range per task, or the rollups.
    RangeSummary rangeSummary(qint64 fromMs, qint64 toMs, const RangeSummaryOptions &options = {});

    // Pushing machines (store/machinereads.cpp); nothing from a file older than schema 5.
    // Every machine_seen row, by name.
    QVector<MachineSeenRecord> machineSeen();
    // machine_events rows with a time in [fromMs, toMs), of `machine` (all when empty), oldest
    // first, at most `limit` (the newest ones).
    QVector<MachineEventRecord> machineEvents(qint64 fromMs, qint64 toMs,
                                              const QString &machine = {}, int limit = 1000);

    // One page of rows for the HTTP API's paged reads (docs/api.md, "Paged reads"): rows with a
    // time in [fromMs, toMs), matching `task` / `outcome` when set (audit: `task` matches the
    // action), oldest first by row id, after the row id `afterId`. `nextAfterId` is the id to ask
    // after for the next page, 0 when this page is the last.
    struct PageQuery
    {
        qint64 fromMs = 0;
        qint64 toMs = std::numeric_limits<qint64>::max();
        QString task;
        QString outcome;
        qint64 afterId = 0;
        int limit = 100;
    };
    template<typename Row>
    struct Page
    {
        QVector<Row> rows;
        qint64 nextAfterId = 0;
    };
    Page<ExecutionRecord> executionsPage(const PageQuery &query);
    Page<TickRecord> ticksPage(const PageQuery &query);
    Page<AuditEntry> auditPage(const PageQuery &query);
    // notification_deliveries; `task` filters by channel. Empty before schema 6.
    Page<DeliveryRecord> notificationDeliveriesPage(const PageQuery &query);

private:
    [[noreturn]] void fail(const std::exception &e, const char *what) const;
    // Schema 1 has no rollup tables: Minute and Hour are grouped from the raw rows.
    bool hasRollups() const { return m_schemaVersion >= 2; }
    void readRangeEvents(qint64 fromMs, qint64 toMs, int listLimit, RangeSummary *out);

    QString m_path;
    std::unique_ptr<SQLite::Database> m_db;
    int m_schemaVersion = 0; // PRAGMA user_version when opened: which columns exist
};

} // namespace hb
