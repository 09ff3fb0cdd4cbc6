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
    if (m_raw.isEmpty() || tMs >= m_raw.back().tMs) {
        m_raw.push({tMs, value});
        markRawWritten(m_raw.size() - 1);
    } else { // late: after the points of the same time, before the newer ones
        const qsizetype at = m_raw.upperBound(tMs, [](const RawPoint &p) { return p.tMs; });
        const bool dropped = at == 0 && m_raw.isFull(); // older than all a full ring keeps
        m_raw.insert(at, {tMs, value});
        if (!dropped)
            markRawWritten(std::max<qsizetype>(0, at - 1)); // one less if the oldest made room
    }

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

void SeriesBuffer::markRawWritten(qsizetype fromLogical)
{
    m_raw.forEachRun(fromLogical, m_raw.size(), [this](const RawPoint *, qsizetype first, qsizetype count) {
        const size_t lastBlock = size_t((first + count - 1) / BlockSize);
        if (m_blocks.size() <= lastBlock) {
            // Grows with the ring, never past what its capacity needs.
            const size_t most = size_t((m_raw.capacity() + BlockSize - 1) / BlockSize);
            if (m_blocks.capacity() <= lastBlock)
                m_blocks.reserve(std::min(most, std::max<size_t>(lastBlock + 1, 2 * m_blocks.size())));
            m_blocks.resize(lastBlock + 1);
        }
        for (size_t b = size_t(first / BlockSize); b <= lastBlock; ++b)
            m_blocks[b].dirty = true;
    });
}

const SeriesBuffer::RawBlock &SeriesBuffer::rawBlock(const RawPoint *storage, qsizetype block) const
{
    RawBlock &b = m_blocks[size_t(block)];
    if (!b.dirty)
        return b;
    const RawPoint *p = storage + block * BlockSize;
    b = {p[0].tMs, p[BlockSize - 1].tMs, p[0].tMs, p[0].tMs, p[0].value, p[0].value, false};
    for (qsizetype i = 1; i < BlockSize; ++i) {
        if (p[i].value < b.low) {
            b.low = p[i].value;
            b.lowMs = p[i].tMs;
        }
        if (p[i].value > b.high) {
            b.high = p[i].value;
            b.highMs = p[i].tMs;
        }
    }
    return b;
}

// Raw points of [fromMs, toMs] in time order: point(t, value) for each, except that a whole
// stored block inside the range is first offered to run(block), which returns false to have
// its points visited one by one instead.
template<typename Point, typename Run>
void SeriesBuffer::visitRaw(qint64 fromMs, qint64 toMs, Point point, Run run) const
{
    const auto timeOf = [](const RawPoint &p) { return p.tMs; };
    const qsizetype begin = m_raw.lowerBound(fromMs, timeOf);
    const qsizetype end = m_raw.upperBound(toMs, timeOf);
    m_raw.forEachRun(begin, end, [&](const RawPoint *storage, qsizetype first, qsizetype count) {
        const qsizetype stop = first + count;
        qsizetype i = first;
        while (i < stop) {
            if (i % BlockSize == 0 && i + BlockSize <= stop && run(rawBlock(storage, i / BlockSize))) {
                i += BlockSize;
                continue;
            }
            point(storage[i].tMs, storage[i].value);
            ++i;
        }
    });
}

template<typename F, typename Run>
void SeriesBuffer::visit(qint64 fromMs, qint64 toMs, int pixelWidth, F f, Run run) const
{
    const Resolution resolution = resolutionFor(fromMs, toMs, pixelWidth);
    if (resolution == Resolution::Raw) {
        visitRaw(fromMs, toMs, [&f](qint64 t, double v) { f(t, v, v); }, run);
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
    visit(
        fromMs, toMs, pixelWidth,
        [&decimator](qint64 t, double low, double high) { decimator.add(t, low, high); },
        [&decimator](const RawBlock &b) {
            return decimator.addRun(b.firstMs, b.lastMs, b.lowMs, b.low, b.highMs, b.high);
        });
    return decimator.take();
}

bool SeriesBuffer::valueRange(qint64 fromMs, qint64 toMs, double *min, double *max) const
{
    bool any = false;
    double lo = 0.0;
    double hi = 0.0;
    const auto fold = [&](qint64, double low, double high) {
        lo = any ? std::min(lo, low) : low;
        hi = any ? std::max(hi, high) : high;
        any = true;
    };
    visit(fromMs, toMs, 0, fold, [&fold](const RawBlock &b) {
        fold(b.firstMs, b.low, b.high);
        return true;
    });
    if (any) {
        *min = lo;
        *max = hi;
    }
    return any;
}

qsizetype SeriesBuffer::memoryBytes() const
{
    return m_raw.memoryBytes() + qsizetype(m_blocks.capacity() * sizeof(RawBlock))
           + m_seconds.memoryBytes() + m_minutes.memoryBytes() + m_hours.memoryBytes();
}

void SeriesBuffer::clear()
{
    m_raw.clear();
    m_blocks.clear();
    m_blocks.shrink_to_fit();
    m_seconds.clear();
    m_minutes.clear();
    m_hours.clear();
    m_appended = 0;
}

} // namespace hb
