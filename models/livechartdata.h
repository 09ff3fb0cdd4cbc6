#pragma once

#include "chartframe.h"
#include "recordfeed.h"
#include "rollingwindow.h"
#include "seriesbuffer.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace hb {

// The live side of the charts: every record batch from the engine goes into bounded
// SeriesBuffers at once (tick durations and their running average and peak, each task's run
// times, the rolling success rate, the gauges), and frame() reads a decimated ChartFrame for any
// range the buffers hold. GUI-free; the panel owns one and calls it on the GUI thread.
class LiveChartData
{
public:
    static constexpr int RollingRuns = 20;  // success rate and tick average/peak window
    static constexpr int MaxShards = 128;   // shard.load series kept; more are ignored
    static constexpr int MaxTasks = 64;     // per-task series kept

    // Live views show minutes; the 1 s / 1 min / 1 h tiers carry a few hours, days and weeks in
    // a few hundred kB per series.
    static SeriesBuffer::Limits defaultLimits();

    explicit LiveChartData(SeriesBuffer::Limits limits = defaultLimits());

    void add(const RecordBatch &batch);

    // `tasks`: whose run times to include (taskMs).
    ChartFrame frame(qint64 fromMs, qint64 toMs, int columns, const QStringList &tasks) const;

    bool isEmpty() const { return m_tick.isEmpty() && m_samples.isEmpty(); }
    QStringList taskNames() const;   // tasks seen so far, sorted
    QStringList shardIds() const;    // shards seen so far, sorted
    qint64 newestMs() const { return m_newestMs; }
    qsizetype memoryBytes() const;

    // The buffer behind a gauge series (nullptr before its first sample), for tests.
    const SeriesBuffer *sampleBuffer(const QString &series) const;
    const SeriesBuffer &tickBuffer() const { return m_tick; }

private:
    SeriesBuffer &bufferFor(QHash<QString, std::shared_ptr<SeriesBuffer>> &map,
                            const QString &key, const SeriesBuffer::Limits &limits);

    SeriesBuffer::Limits m_limits;
    SeriesBuffer::Limits m_gaugeLimits; // gauges come once a tick: fewer raw points suffice
    SeriesBuffer m_tick;
    SeriesBuffer m_tickAverage;
    SeriesBuffer m_tickPeak;
    SeriesBuffer m_success;
    RollingWindow m_tickWindow{RollingRuns};
    RollingWindow m_runWindow{RollingRuns};
    QHash<QString, std::shared_ptr<SeriesBuffer>> m_tasks;   // by task
    QHash<QString, std::shared_ptr<SeriesBuffer>> m_samples; // by series name
    qint64 m_newestMs = 0;
    bool m_warnedShards = false;
};

} // namespace hb
