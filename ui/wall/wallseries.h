#pragma once

#include "recordfeed.h"

#include <QMap>
#include <QPointF>
#include <QString>
#include <QVector>

namespace hb {

// One chart line of the wall: values folded into fixed time buckets (mean and peak per bucket)
// in a ring of BucketCount slots. Memory is fixed at construction whatever the rate of values,
// and drawing reads at most BucketCount points: the wall runs for weeks.
class WallSeries
{
public:
    static constexpr int BucketCount = 240;

    explicit WallSeries(qint64 bucketMs = 5'000);

    void add(qint64 tsMs, double value);
    // Bucket means (x: the bucket's middle, ms since the epoch) from `fromMs` to `toMs`, oldest
    // first; `peaks` (optional) gets each bucket's largest value at the same x.
    QVector<QPointF> points(qint64 fromMs, qint64 toMs, QVector<QPointF> *peaks = nullptr) const;
    bool hasLatest() const { return m_hasLatest; }
    double latest() const { return m_latest; }
    qint64 bucketMs() const { return m_bucketMs; }
    // The span the ring covers.
    qint64 spanMs() const { return m_bucketMs * BucketCount; }

private:
    struct Bucket
    {
        qint64 index = -1; // tsMs / bucketMs; -1: empty
        double sum = 0;
        double peak = 0;
        int count = 0;
    };
    qint64 m_bucketMs;
    QVector<Bucket> m_buckets;
    double m_latest = 0;
    qint64 m_latestMs = 0;
    bool m_hasLatest = false;
};

// What the wall's four charts draw, fed by record batches (the same records the desk window's
// charts read): run durations, the success share of each tick's runs, the cycles and memory
// gauges and the latest load of every shard.
class WallChartData
{
public:
    static constexpr int MaxShards = 128;
    static constexpr int RollingRuns = 20; // the headline average and success rate

    WallChartData();

    void add(const RecordBatch &batch);

    const WallSeries &executionMs() const { return m_execution; }
    const WallSeries &successPercent() const { return m_success; }
    const WallSeries &cycles() const { return m_cycles; }
    const WallSeries &memoryBytes() const { return m_memory; }
    const QMap<QString, double> &shardLoads() const { return m_shards; } // by shard id
    // Over the last RollingRuns runs; -1 before the first.
    double recentAverageMs() const;
    double recentSuccessShare() const;

private:
    WallSeries m_execution;
    WallSeries m_success;
    WallSeries m_cycles;
    WallSeries m_memory;
    QMap<QString, double> m_shards;
    QVector<double> m_recentMs; // ring of RollingRuns durations
    QVector<char> m_recentOk;   // ring of RollingRuns verdicts (cancelled runs have none)
    int m_recentMsNext = 0;
    int m_recentOkNext = 0;
};

} // namespace hb
