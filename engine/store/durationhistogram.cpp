#include "store/durationhistogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hb {

namespace {

constexpr std::array<qint64, DurationHistogram::BoundCount> kBounds = {
    1,      2,      3,      4,      5,      7,               // < 10 ms
    10,     15,     20,     30,     40,     50,     70,      // 10 ms
    100,    150,    200,    300,    400,    500,    700,     // 100 ms
    1000,   1500,   2000,   3000,   4000,   5000,   7000,    // 1 s
    10000,  15000,  20000,  30000,  40000,  50000,  70000,   // 10 s
    100000, 150000, 200000, 300000, 400000, 500000, 600000}; // 100 s .. 10 min

constexpr char kFormat = 1;

} // namespace

qint64 DurationHistogram::lowerBound(int bucket)
{
    return bucket <= 0 ? 0 : kBounds[size_t(std::min(bucket, BoundCount) - 1)];
}

qint64 DurationHistogram::upperBound(int bucket)
{
    return bucket >= BoundCount ? std::numeric_limits<qint64>::max()
                                : kBounds[size_t(std::max(bucket, 0))];
}

int DurationHistogram::bucketOf(qint64 durationMs)
{
    // The number of bounds <= durationMs is the bucket.
    return int(std::upper_bound(kBounds.cbegin(), kBounds.cend(), durationMs) - kBounds.cbegin());
}

void DurationHistogram::add(qint64 durationMs, qint64 count)
{
    m_counts[size_t(bucketOf(durationMs))] += count;
}

void DurationHistogram::add(const DurationHistogram &other)
{
    for (size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
}

qint64 DurationHistogram::total() const
{
    qint64 sum = 0;
    for (const qint64 c : m_counts)
        sum += c;
    return sum;
}

qint64 DurationHistogram::valueAtRank(qint64 rank, qint64 maxMs) const
{
    if (rank < 1)
        return 0;
    qint64 before = 0;
    for (int b = 0; b < BucketCount; ++b) {
        const qint64 n = m_counts[size_t(b)];
        if (before + n < rank) {
            before += n;
            continue;
        }
        const qint64 lo = lowerBound(b);
        // The open-ended last bucket reaches to the maximum run, when known.
        qint64 hi = b == BucketCount - 1 ? (maxMs >= lo ? maxMs + 1 : lo + 1) : upperBound(b);
        // The k-th of n runs spread evenly over [lo, hi) sits at the middle of its slice.
        const double fraction = (double(rank - before) - 0.5) / double(n);
        qint64 value = lo + qint64(std::floor(fraction * double(hi - lo)));
        value = std::clamp(value, lo, hi - 1);
        if (maxMs >= 0)
            value = std::min(value, maxMs);
        return value;
    }
    return 0;
}

QByteArray DurationHistogram::encode() const
{
    QByteArray out;
    out.reserve(1 + BucketCount);
    out.append(kFormat);
    for (const qint64 count : m_counts) {
        quint64 v = quint64(std::max<qint64>(count, 0));
        do {
            const char byte = char(v & 0x7f);
            v >>= 7;
            out.append(v ? char(byte | 0x80) : byte);
        } while (v);
    }
    return out;
}

std::optional<DurationHistogram> DurationHistogram::decode(const char *data, qsizetype size)
{
    if (size < 1 + BucketCount || data[0] != kFormat)
        return std::nullopt;
    DurationHistogram h;
    qsizetype pos = 1;
    for (size_t i = 0; i < h.m_counts.size(); ++i) {
        quint64 v = 0;
        int shift = 0;
        for (;;) {
            if (pos >= size || shift > 56)
                return std::nullopt;
            const quint8 byte = quint8(data[pos++]);
            v |= quint64(byte & 0x7f) << shift;
            shift += 7;
            if (!(byte & 0x80))
                break;
        }
        if (v > quint64(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        h.m_counts[i] = qint64(v);
    }
    if (pos != size)
        return std::nullopt;
    return h;
}

qint64 nearestRank(int percent, qint64 n)
{
    if (n <= 0)
        return 0;
    // ceil(percent * n / 100) in integers, exact for any n a file can hold.
    const qint64 rank = (qint64(percent) * n + 99) / 100;
    return std::clamp<qint64>(rank, 1, n);
}

} // namespace hb
