#include "wallseries.h"

#include "chartframe.h"

#include <algorithm>

namespace hb {

WallSeries::WallSeries(qint64 bucketMs)
    : m_bucketMs(std::max<qint64>(bucketMs, 1))
    , m_buckets(BucketCount)
{
}

void WallSeries::add(qint64 tsMs, double value)
{
    const qint64 index = tsMs / m_bucketMs;
    Bucket &b = m_buckets[int(index % BucketCount)];
    if (b.index > index)
        return; // older than the ring holds
    if (b.index != index)
        b = Bucket{index, 0, value, 0};
    b.sum += value;
    b.peak = std::max(b.peak, value);
    ++b.count;
    if (!m_hasLatest || tsMs >= m_latestMs) {
        m_latest = value;
        m_latestMs = tsMs;
        m_hasLatest = true;
    }
}

QVector<QPointF> WallSeries::points(qint64 fromMs, qint64 toMs, QVector<QPointF> *peaks) const
{
    QVector<QPointF> out;
    const qint64 first = std::max(fromMs / m_bucketMs, toMs / m_bucketMs - BucketCount + 1);
    const qint64 last = toMs / m_bucketMs;
    for (qint64 i = first; i <= last; ++i) {
        const Bucket &b = m_buckets[int(i % BucketCount)];
        if (b.index != i || b.count == 0)
            continue;
        const double x = double(i * m_bucketMs + m_bucketMs / 2);
        out.append({x, b.sum / b.count});
        if (peaks)
            peaks->append({x, b.peak});
    }
    return out;
}

WallChartData::WallChartData()
    : m_execution(5'000)
    , m_success(5'000)
    , m_cycles(5'000)
    , m_memory(5'000)
{
}

void WallChartData::add(const RecordBatch &batch)
{
    for (const TickRecord &tick : batch.ticks) {
        const int judged = tick.succeeded + tick.failed;
        if (judged > 0)
            m_success.add(tick.startedAtMs, 100.0 * tick.succeeded / judged);
    }
    for (const ExecutionRecord &run : batch.executions) {
        if (run.outcome == Outcome::Skipped) // the breaker was open: nothing ran
            continue;
        m_execution.add(run.startedAtMs + run.durationMs, double(run.durationMs));
        if (m_recentMs.size() < RollingRuns)
            m_recentMs.append(double(run.durationMs));
        else
            m_recentMs[m_recentMsNext] = double(run.durationMs);
        m_recentMsNext = (m_recentMsNext + 1) % RollingRuns;
        if (run.outcome == Outcome::Cancelled)
            continue;
        const char ok = run.outcome == Outcome::Success ? 1 : 0;
        if (m_recentOk.size() < RollingRuns)
            m_recentOk.append(ok);
        else
            m_recentOk[m_recentOkNext] = ok;
        m_recentOkNext = (m_recentOkNext + 1) % RollingRuns;
    }
    for (const Sample &sample : batch.samples) {
        if (sample.series == ChartSeries::Memory) {
            m_memory.add(sample.tsMs, sample.value);
        } else if (sample.series == ChartSeries::Cycles) {
            m_cycles.add(sample.tsMs, sample.value);
        } else if (sample.series.startsWith(ChartSeries::ShardLoadPrefix)) {
            const QString id = sample.series.mid(ChartSeries::ShardLoadPrefix.size());
            if (m_shards.contains(id) || m_shards.size() < MaxShards)
                m_shards.insert(id, sample.value);
        } else if (sample.series == ChartSeries::ShardCount) {
            // Shards merged away leave the map: keep only as many as there are now.
            while (m_shards.size() > std::max(0, int(sample.value)))
                m_shards.erase(std::prev(m_shards.end()));
        }
    }
}

double WallChartData::recentAverageMs() const
{
    if (m_recentMs.isEmpty())
        return -1;
    double sum = 0;
    for (double v : m_recentMs)
        sum += v;
    return sum / m_recentMs.size();
}

double WallChartData::recentSuccessShare() const
{
    if (m_recentOk.isEmpty())
        return -1;
    return double(std::count(m_recentOk.cbegin(), m_recentOk.cend(), 1)) / m_recentOk.size();
}

} // namespace hb
