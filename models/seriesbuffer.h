#pragma once

#include "ringbuffer.h"

#include <QList>
#include <QPointF>

#include <vector>

namespace hb {

// Bounded memory for one live chart series at several resolutions (docs/architecture.md,
// "Charts"; after Netdata's tiers): a ring of the newest raw points plus 1 s, 1 min and 1 h tiers,
// each bucket keeping count / min / max / sum, each tier a bounded ring too. A redraw asks for
// points() of a time range at a pixel width and gets at most two points per pixel column (min/max
// decimation) from the finest tier that still covers the range.
//
// Times are epoch milliseconds. Points normally arrive in time order; a late one (tasks of a
// tick finish out of order) is inserted where it belongs. Not thread-safe: one thread owns it.
class SeriesBuffer
{
public:
    enum class Resolution { Raw, Second, Minute, Hour };
    static constexpr int ResolutionCount = 4;

    struct Limits
    {
        qsizetype raw = 100'000;    // newest points kept as they came
        qsizetype seconds = 21'600; // 6 h of 1 s buckets
        qsizetype minutes = 10'080; // 7 d of 1 min buckets
        qsizetype hours = 8'760;    // 1 year of 1 h buckets
    };

    struct Bucket
    {
        qint64 startMs = 0;
        qint64 count = 0;
        double min = 0.0;
        double max = 0.0;
        double sum = 0.0;
        double mean() const { return count > 0 ? sum / double(count) : 0.0; }
    };

    explicit SeriesBuffer(Limits limits);
    SeriesBuffer() : SeriesBuffer(Limits{}) {}

    // Non-finite values are ignored.
    void append(qint64 tMs, double value);

    // At most 2 × pixelWidth points of [fromMs, toMs] in time order: for each pixel column its
    // lowest and highest value. Points of a tier (not raw) sit at their bucket's start.
    QList<QPointF> points(qint64 fromMs, qint64 toMs, int pixelWidth) const;

    // The tier points() reads for a range: the finest one still holding data from `fromMs` (or
    // the one reaching furthest back when none does). Given the pixel width, a coarser tier
    // whose buckets are still at most 1/8 of a pixel column is read instead: the same picture
    // from far fewer values (a week of 1 s buckets is not scanned to draw 500 columns).
    Resolution resolutionFor(qint64 fromMs, qint64 toMs, int pixelWidth = 0) const;

    bool isEmpty() const { return m_raw.isEmpty(); }
    qsizetype rawCount() const { return m_raw.size(); }
    qsizetype bucketCount(Resolution tier) const;
    qint64 appendedCount() const { return m_appended; } // all time, evicted ones included
    qint64 lastMs() const { return m_raw.isEmpty() ? 0 : m_raw.back().tMs; }
    double lastValue() const { return m_raw.isEmpty() ? 0.0 : m_raw.back().value; }
    // Lowest and highest value of [fromMs, toMs] at the resolution points() would use; false
    // when the range holds nothing.
    bool valueRange(qint64 fromMs, qint64 toMs, double *min, double *max) const;

    // Heap bytes held (allocated capacity, not just used), for tests and diagnostics.
    qsizetype memoryBytes() const;
    const Limits &limits() const { return m_limits; }
    void clear();

    static qint64 bucketWidthMs(Resolution tier);

    // Raw points are summarised in blocks of this many consecutive stored points, so that a
    // redraw whose pixel columns span many points folds whole blocks instead of every point.
    static constexpr qsizetype BlockSize = 64;

private:
    struct RawPoint
    {
        qint64 tMs;
        double value;
    };
    // The summary of one block of the raw ring's storage (physical indexes
    // [b × BlockSize, (b + 1) × BlockSize)), recomputed lazily after any write into it.
    struct RawBlock
    {
        qint64 firstMs = 0;
        qint64 lastMs = 0;
        qint64 lowMs = 0; // first time the lowest value occurs
        qint64 highMs = 0;
        double low = 0.0;
        double high = 0.0;
        bool dirty = true;
    };
    using Tier = RingBuffer<Bucket>;

    void markRawWritten(qsizetype fromLogical); // logical [fromLogical, size) were (re)written
    const RawBlock &rawBlock(const RawPoint *storage, qsizetype block) const;
    template<typename Point, typename Run>
    void visitRaw(qint64 fromMs, qint64 toMs, Point point, Run run) const;

    static void addToTier(Tier &tier, qint64 width, qint64 tMs, double value);
    const Tier &tier(Resolution resolution) const;
    bool covers(Resolution resolution, qint64 fromMs) const;
    template<typename F, typename Run>
    void visit(qint64 fromMs, qint64 toMs, int pixelWidth, F f, Run run) const;

    Limits m_limits;
    RingBuffer<RawPoint> m_raw;
    mutable std::vector<RawBlock> m_blocks; // by physical block of m_raw's storage
    Tier m_seconds;
    Tier m_minutes;
    Tier m_hours;
    qint64 m_appended = 0;
};

} // namespace hb
