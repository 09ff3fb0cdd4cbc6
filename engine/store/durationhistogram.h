#pragma once

// Run durations counted in fixed, roughly log-spaced buckets: the rollups keep one per (task,
// minute) and (task, hour) so percentiles of long ranges can be estimated after the raw rows
// are gone. The bounds never change (a stored histogram is only meaningful with them): about
// seven per decade from 1 ms to 10 min (1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 40, 50, 70, 100, ...),
// so an estimate is off by at most the width of one bucket, under half of its value above 10 ms.
//
// Bucket i holds durations in [lowerBound(i), upperBound(i)): bucket 0 is [0, 1) (instant
// runs), the last is [600 000, ∞).

#include <QByteArray>
#include <QtGlobal>

#include <array>
#include <optional>

namespace hb {

class DurationHistogram
{
public:
    static constexpr int BoundCount = 41;
    static constexpr int BucketCount = BoundCount + 1;

    static qint64 lowerBound(int bucket);
    // The first duration past the bucket; for the last bucket, the largest qint64.
    static qint64 upperBound(int bucket);
    static int bucketOf(qint64 durationMs);

    void add(qint64 durationMs, qint64 count = 1);
    void add(const DurationHistogram &other);

    qint64 count(int bucket) const { return m_counts[size_t(bucket)]; }
    qint64 total() const;
    bool isEmpty() const { return total() == 0; }

    // The duration at `rank` (1-based, ascending) estimated by spreading each bucket's runs
    // evenly over it; clamped to `maxMs` (the exact maximum, from the rollups) when given.
    // Always within the bucket that holds the true value. 0 when empty or rank is out of range.
    qint64 valueAtRank(qint64 rank, qint64 maxMs = -1) const;

    // Compact BLOB form: a format byte, then each bucket's count as an unsigned LEB128 varint
    // (42 bytes when the counts are small). decode() rejects anything else.
    QByteArray encode() const;
    static std::optional<DurationHistogram> decode(const char *data, qsizetype size);
    static std::optional<DurationHistogram> decode(const QByteArray &blob)
    {
        return decode(blob.constData(), blob.size());
    }

    bool operator==(const DurationHistogram &other) const { return m_counts == other.m_counts; }

private:
    std::array<qint64, BucketCount> m_counts = {};
};

// The nearest-rank percentile's rank among `n` sorted values: ceil(p / 100 * n), at least 1.
qint64 nearestRank(int percent, qint64 n);

} // namespace hb
