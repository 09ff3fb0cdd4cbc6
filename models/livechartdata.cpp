#include "livechartdata.h"

#include "chartlogging.h"

#include <algorithm>

namespace hb {

SeriesBuffer::Limits LiveChartData::defaultLimits()
{
    SeriesBuffer::Limits limits;
    limits.raw = 20'000;     // 5 minutes of anything up to ~60 points a second
    limits.seconds = 3'600;  // 1 h
    limits.minutes = 1'440;  // 24 h
    limits.hours = 24 * 7;   // 7 d
    return limits;
}

LiveChartData::LiveChartData(SeriesBuffer::Limits limits)
    : m_limits(limits)
    , m_gaugeLimits(limits)
    , m_tick(limits)
    , m_tickAverage(limits)
    , m_tickPeak(limits)
    , m_success(limits)
{
    m_gaugeLimits.raw = std::min<qsizetype>(limits.raw, 4'000);
}

SeriesBuffer &LiveChartData::bufferFor(QHash<QString, std::shared_ptr<SeriesBuffer>> &map,
                                       const QString &key, const SeriesBuffer::Limits &limits)
{
    auto it = map.find(key);
    if (it != map.end())
        return **it;
    return *map.insert(key, std::make_shared<SeriesBuffer>(limits)).value();
}

void LiveChartData::add(const RecordBatch &batch)
{
    for (const TickRecord &tick : batch.ticks) {
        const double ms = double(tick.durationMs);
        m_tick.append(tick.startedAtMs, ms);
        m_tickWindow.add(ms);
        m_tickAverage.append(tick.startedAtMs, m_tickWindow.mean());
        m_tickPeak.append(tick.startedAtMs, m_tickWindow.max());
        m_newestMs = std::max(m_newestMs, tick.startedAtMs);
    }

    for (const ExecutionRecord &run : batch.executions) {
        if (run.outcome == Outcome::Skipped) // the breaker was open: nothing ran
            continue;
        if (m_tasks.contains(run.task) || m_tasks.size() < MaxTasks)
            bufferFor(m_tasks, run.task, m_limits).append(run.startedAtMs, double(run.durationMs));
        const qint64 finishedMs = run.startedAtMs + run.durationMs;
        m_newestMs = std::max(m_newestMs, finishedMs);
        // A cancelled run has no verdict (HeartbeatMetrics counts it apart too).
        if (run.outcome == Outcome::Cancelled)
            continue;
        m_runWindow.add(1, 0.0, 0.0, run.outcome == Outcome::Success ? 1 : 0);
        m_success.append(finishedMs, 100.0 * m_runWindow.hitRate());
    }

    for (const Sample &sample : batch.samples) {
        const bool shard = sample.series.startsWith(ChartSeries::ShardLoadPrefix);
        if (!shard && sample.series != ChartSeries::Memory && sample.series != ChartSeries::Cycles
            && sample.series != ChartSeries::ShardCount)
            continue; // not charted here
        if (shard && !m_samples.contains(sample.series)) {
            const auto shards = std::count_if(m_samples.keyBegin(), m_samples.keyEnd(),
                                              [](const QString &k) {
                                                  return k.startsWith(ChartSeries::ShardLoadPrefix);
                                              });
            if (shards >= MaxShards) {
                if (!m_warnedShards)
                    qCWarning(lcCharts) << "charts keep the load of" << MaxShards
                                        << "shards; ignoring" << sample.series << "and more";
                m_warnedShards = true;
                continue;
            }
        }
        bufferFor(m_samples, sample.series, m_gaugeLimits).append(sample.tsMs, sample.value);
        m_newestMs = std::max(m_newestMs, sample.tsMs);
    }
}

ChartFrame LiveChartData::frame(qint64 fromMs, qint64 toMs, int columns,
                                const QStringList &tasks) const
{
    ChartFrame f;
    f.fromMs = fromMs;
    f.toMs = toMs;
    f.columns = columns;
    f.tickMs = m_tick.points(fromMs, toMs, columns);
    f.tickAverageMs = m_tickAverage.points(fromMs, toMs, columns);
    f.tickPeakMs = m_tickPeak.points(fromMs, toMs, columns);
    f.successPercent = m_success.points(fromMs, toMs, columns);
    for (const QString &task : tasks) {
        if (const auto buffer = m_tasks.value(task))
            f.taskMs.insert(task, buffer->points(fromMs, toMs, columns));
        else
            f.taskMs.insert(task, {});
    }
    const auto gauge = [&](const QString &series) {
        const auto buffer = m_samples.value(series);
        return buffer ? buffer->points(fromMs, toMs, columns) : QList<QPointF>();
    };
    f.cycles = gauge(ChartSeries::Cycles);
    f.memoryBytes = gauge(ChartSeries::Memory);
    f.shardCount = gauge(ChartSeries::ShardCount);
    for (auto it = m_samples.cbegin(); it != m_samples.cend(); ++it) {
        if (it.key().startsWith(ChartSeries::ShardLoadPrefix))
            f.shardLoad.insert(it.key().mid(ChartSeries::ShardLoadPrefix.size()),
                               it.value()->points(fromMs, toMs, columns));
    }
    return f;
}

QStringList LiveChartData::taskNames() const
{
    QStringList names = m_tasks.keys();
    names.sort();
    return names;
}

QStringList LiveChartData::shardIds() const
{
    QStringList ids;
    for (auto it = m_samples.keyBegin(); it != m_samples.keyEnd(); ++it) {
        if (it->startsWith(ChartSeries::ShardLoadPrefix))
            ids.append(it->mid(ChartSeries::ShardLoadPrefix.size()));
    }
    ids.sort();
    return ids;
}

qsizetype LiveChartData::memoryBytes() const
{
    qsizetype bytes = m_tick.memoryBytes() + m_tickAverage.memoryBytes()
                      + m_tickPeak.memoryBytes() + m_success.memoryBytes();
    for (const auto &b : m_tasks)
        bytes += b->memoryBytes();
    for (const auto &b : m_samples)
        bytes += b->memoryBytes();
    return bytes;
}

const SeriesBuffer *LiveChartData::sampleBuffer(const QString &series) const
{
    return m_samples.value(series).get();
}

} // namespace hb
