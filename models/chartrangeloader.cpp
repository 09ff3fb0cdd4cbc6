#include "chartrangeloader.h"

#include "chartlogging.h"
#include "minmaxdecimator.h"
#include "rollingwindow.h"
#include "livechartdata.h"

#include <QElapsedTimer>

#include <algorithm>

namespace hb {

namespace {

constexpr qint64 kHourMs = 3'600'000;

QList<QPointF> samplePoints(MetricsReader &reader, const ChartRangeQuery &q,
                            MetricsReader::Resolution resolution, const QString &series)
{
    MinMaxDecimator d(q.fromMs, q.toMs, q.columns);
    for (const SampleBucket &b : reader.sampleSeries(series, q.fromMs, q.toMs, resolution))
        d.add(std::max(b.bucketMs, q.fromMs), b.min, b.max);
    return d.take();
}

} // namespace

MetricsReader::Resolution chartResolutionFor(qint64 spanMs)
{
    if (spanMs <= 6 * kHourMs)
        return MetricsReader::Resolution::Raw;
    if (spanMs <= 72 * kHourMs)
        return MetricsReader::Resolution::Minute;
    return MetricsReader::Resolution::Hour;
}

ChartFrame loadChartRange(const ChartRangeQuery &q)
{
    ChartFrame f;
    f.fromMs = q.fromMs;
    f.toMs = q.toMs;
    f.columns = q.columns;
    QElapsedTimer timer;
    timer.start();
    const MetricsReader::Resolution resolution = chartResolutionFor(q.toMs - q.fromMs);
    try {
        MetricsReader reader(q.path);
        // Bucket start clamped into the range: the first bucket may begin before fromMs.
        const auto at = [&q](qint64 ms) { return std::max(ms, q.fromMs); };

        MinMaxDecimator tick(q.fromMs, q.toMs, q.columns);
        MinMaxDecimator average(q.fromMs, q.toMs, q.columns);
        MinMaxDecimator peak(q.fromMs, q.toMs, q.columns);
        RollingWindow window(LiveChartData::RollingRuns);
        for (const TickBucket &b : reader.tickSeries(q.fromMs, q.toMs, resolution)) {
            window.add(b.ticks, double(b.totalMs), double(b.maxMs));
            tick.add(at(b.bucketMs), b.averageMs());
            average.add(at(b.bucketMs), window.mean());
            peak.add(at(b.bucketMs), window.max());
        }
        f.tickMs = tick.take();
        f.tickAverageMs = average.take();
        f.tickPeakMs = peak.take();

        MinMaxDecimator success(q.fromMs, q.toMs, q.columns);
        RollingWindow runs(LiveChartData::RollingRuns);
        for (const ExecutionBucket &b : reader.executionSeries(q.fromMs, q.toMs, resolution)) {
            if (b.decided() == 0)
                continue;
            runs.add(b.decided(), 0.0, 0.0, b.successes);
            success.add(at(b.bucketMs), 100.0 * runs.hitRate());
        }
        f.successPercent = success.take();

        for (const QString &task : q.tasks) {
            MinMaxDecimator d(q.fromMs, q.toMs, q.columns);
            for (const ExecutionBucket &b :
                 reader.executionSeries(q.fromMs, q.toMs, resolution, task)) {
                if (b.runs() > 0)
                    d.add(at(b.bucketMs), b.averageMs());
            }
            f.taskMs.insert(task, d.take());
        }

        f.cycles = samplePoints(reader, q, resolution, ChartSeries::Cycles);
        f.memoryBytes = samplePoints(reader, q, resolution, ChartSeries::Memory);
        f.shardCount = samplePoints(reader, q, resolution, ChartSeries::ShardCount);
        const QStringList shards = reader.sampleSeriesNames(ChartSeries::ShardLoadPrefix);
        for (const QString &series : shards.mid(0, LiveChartData::MaxShards)) {
            QList<QPointF> points = samplePoints(reader, q, resolution, series);
            if (!points.isEmpty())
                f.shardLoad.insert(series.mid(ChartSeries::ShardLoadPrefix.size()),
                                   std::move(points));
        }
        f.adminActions = reader.auditEntries(q.fromMs, q.toMs, adminMarkerActions(), 500);
        for (const MachineEventRecord &e : reader.machineEvents(q.fromMs, q.toMs, {}, 500)) {
            if (auto marker = machineMarker(e.tsMs, e.machine, e.fromState, e.toState, e.reason))
                f.adminActions.append(*marker);
        }
        for (const BreakerEvent &e : reader.breakerEvents(q.fromMs, q.toMs, BreakerState::Open, 500))
            f.adminActions.append(breakerOpenMarker(e));
        // One time order for the chart's newest-first cut (MaxMarkers).
        std::stable_sort(f.adminActions.begin(), f.adminActions.end(),
                         [](const AuditEntry &a, const AuditEntry &b) { return a.tsMs < b.tsMs; });
    } catch (const StoreError &e) {
        qCWarning(lcCharts) << "chart range not loaded:" << e.message();
        f.error = e.message();
    }
    qCDebug(lcCharts) << "loaded chart range of" << (q.toMs - q.fromMs) / 1000 << "s at resolution"
                      << int(resolution) << "in" << timer.elapsed() << "ms";
    return f;
}

RecordBatch loadRecentRecords(const QString &path, qint64 fromMs, qint64 toMs)
{
    // Bounds: a 100 ms tick for six minutes is 3 600 ticks; a task per tick each.
    constexpr int kMaxTicks = 5'000;
    constexpr int kMaxRuns = 5'000 * 12;
    constexpr int kMaxSamplesPerSeries = 5'000;
    RecordBatch batch;
    MetricsReader reader(path);
    batch.ticks = reader.ticks(fromMs, toMs, kMaxTicks);
    batch.executions = reader.executions(fromMs, toMs, kMaxRuns);
    // Only the gauges the live charts draw (LiveChartData::add keeps no others).
    QStringList gauges{ChartSeries::Memory, ChartSeries::Cycles, ChartSeries::ShardCount};
    const QStringList shards = reader.sampleSeriesNames(ChartSeries::ShardLoadPrefix);
    gauges += shards.mid(0, LiveChartData::MaxShards);
    for (const QString &series : std::as_const(gauges)) {
        const QVector<SampleBucket> rows =
            reader.sampleSeries(series, fromMs, toMs, MetricsReader::Resolution::Raw);
        // The newest ones when there are too many.
        for (qsizetype i = std::max<qsizetype>(0, rows.size() - kMaxSamplesPerSeries); i < rows.size(); ++i)
            batch.samples.append({series, rows.at(i).bucketMs, rows.at(i).mean()});
    }
    // The feed delivers samples in time order.
    std::stable_sort(batch.samples.begin(), batch.samples.end(),
                     [](const Sample &a, const Sample &b) { return a.tsMs < b.tsMs; });
    return batch;
}

} // namespace hb
