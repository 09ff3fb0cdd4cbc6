#include "seriesbuffer.h"

#include "minmaxdecimator.h"

#include <cmath>

namespace hb {

namespace {

constexpr qint64 floorTo(qint64 ms, qint64 width)
{
    return ms - ((ms % width) + width) % width;
}

} // namespace

SeriesBuffer::SeriesBuffer(Limits limits)
    : m_limits(limits)
    , m_raw(limits.raw)
    , m_seconds(limits.seconds)
    , m_minutes(limits.minutes)
    , m_hours(limits.hours)
{
}

qint64 SeriesBuffer::bucketWidthMs(Resolution tier)
{
    switch (tier) {
    case Resolution::Raw:
        return 1;
    case Resolution::Second:
        return 1'000;
    case Resolution::Minute:
        return 60'000;
    case Resolution::Hour:
        return 3'600'000;
    }
    return 1;
}

void SeriesBuffer::append(qint64 tMs, double value)
{
    if (!std::isfinite(value))
        return;
    ++m_appended;
    if (m_raw.isEmpty() || tMs >= m_raw.back().tMs)
        m_raw.push({tMs, value});
    else // late: after the points of the same time, before the newer ones
        m_raw.insert(m_raw.upperBound(tMs, [](const RawPoint &p) { return p.tMs; }), {tMs, value});

    addToTier(m_seconds, bucketWidthMs(Resolution::Second), tMs, value);
    addToTier(m_minutes, bucketWidthMs(Resolution::Minute), tMs, value);
    addToTier(m_hours, bucketWidthMs(Resolution::Hour), tMs, value);
}

void SeriesBuffer::addToTier(Tier &tier, qint64 width, qint64 tMs, double value)
{
    const qint64 start = floorTo(tMs, width);
    const auto fold = [value](Bucket &b) {
        b.min = std::min(b.min, value);
        b.max = std::max(b.max, value);
        b.sum += value;
        ++b.count;
    };
    if (tier.isEmpty() || start > tier.back().startMs) {
        tier.push({start, 1, value, value, value});
        return;
    }
    if (start == tier.back().startMs) {
        fold(tier.back());
        return;
    }
    const qsizetype pos = tier.lowerBound(start, [](const Bucket &b) { return b.startMs; });
    if (pos < tier.size() && tier.at(pos).startMs == start)
        fold(tier.at(pos));
    else
        tier.insert(pos, {start, 1, value, value, value});
}

const SeriesBuffer::Tier &SeriesBuffer::tier(Resolution resolution) const
{
    switch (resolution) {
    case Resolution::Second:
        return m_seconds;
    case Resolution::Minute:
        return m_minutes;
    case Resolution::Hour:
    case Resolution::Raw:
        break;
    }
    return m_hours;
}

qsizetype SeriesBuffer::bucketCount(Resolution resolution) const
{
    return resolution == Resolution::Raw ? m_raw.size() : tier(resolution).size();
}

bool SeriesBuffer::covers(Resolution resolution, qint64 fromMs) const
{
    if (resolution == Resolution::Raw)
        return !m_raw.hasEvicted() || m_raw.isEmpty() || m_raw.front().tMs <= fromMs;
    // A bucket that started at or before fromMs covers it, even if part of it lies earlier.
    const Tier &t = tier(resolution);
    return !t.hasEvicted() || t.isEmpty() || t.front().startMs <= fromMs;
}

SeriesBuffer::Resolution SeriesBuffer::resolutionFor(qint64 fromMs, qint64 toMs,
                                                     int pixelWidth) const
{
    constexpr Resolution order[] = {Resolution::Raw, Resolution::Second, Resolution::Minute,
                                    Resolution::Hour};
    int chosen = ResolutionCount - 1; // reaches furthest back of all
    for (int i = 0; i < ResolutionCount - 1; ++i) {
        if (covers(order[i], fromMs)) {
            chosen = i;
            break;
        }
    }
    if (pixelWidth > 0 && toMs > fromMs) {
        const qint64 columnMs = (toMs - fromMs) / pixelWidth;
        for (int i = chosen + 1; i < ResolutionCount; ++i) {
            if (bucketWidthMs(order[i]) * 8 <= columnMs && covers(order[i], fromMs))
                chosen = i;
        }
    }
    return order[chosen];
}

template<typename F>
void SeriesBuffer::visit(qint64 fromMs, qint64 toMs, int pixelWidth, F f) const
{
    const Resolution resolution = resolutionFor(fromMs, toMs, pixelWidth);
    if (resolution == Resolution::Raw) {
        const auto timeOf = [](const RawPoint &p) { return p.tMs; };
        const qsizetype begin = m_raw.lowerBound(fromMs, timeOf);
        const qsizetype end = m_raw.upperBound(toMs, timeOf);
        m_raw.forEach(begin, end, [&f](const RawPoint &p) { f(p.tMs, p.value, p.value); });
        return;
    }
    const Tier &t = tier(resolution);
    const qint64 width = bucketWidthMs(resolution);
    const auto startOf = [](const Bucket &b) { return b.startMs; };
    const qsizetype begin = t.lowerBound(floorTo(fromMs, width), startOf);
    const qsizetype end = t.upperBound(toMs, startOf);
    // The bucket holding fromMs starts before it: draw it at fromMs so it is not cut off.
    t.forEach(begin, end, [&f, fromMs](const Bucket &b) {
        f(std::max(b.startMs, fromMs), b.min, b.max);
    });
}

QList<QPointF> SeriesBuffer::points(qint64 fromMs, qint64 toMs, int pixelWidth) const
{
    if (m_raw.isEmpty() || toMs < fromMs)
        return {};
    MinMaxDecimator decimator(fromMs, toMs, pixelWidth);
    visit(fromMs, toMs, pixelWidth, [&decimator](qint64 t, double low, double high) {
        decimator.add(t, low, high);
    });
    return decimator.take();
}

bool SeriesBuffer::valueRange(qint64 fromMs, qint64 toMs, double *min, double *max) const
{
    bool any = false;
    double lo = 0.0;
    double hi = 0.0;
    visit(fromMs, toMs, 0, [&](qint64, double low, double high) {
        lo = any ? std::min(lo, low) : low;
        hi = any ? std::max(hi, high) : high;
        any = true;
    });
    if (any) {
        *min = lo;
        *max = hi;
    }
    return any;
}

qsizetype SeriesBuffer::memoryBytes() const
{
    return m_raw.memoryBytes() + m_seconds.memoryBytes() + m_minutes.memoryBytes()
           + m_hours.memoryBytes();
}

void SeriesBuffer::clear()
{
    m_raw.clear();
    m_seconds.clear();
    m_minutes.clear();
    m_hours.clear();
    m_appended = 0;
}

} // namespace hb
