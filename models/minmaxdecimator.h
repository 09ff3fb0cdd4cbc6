#pragma once

#include <QList>
#include <QPointF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hb {

// Reduces a time-ordered stream of values to what a line chart of `columns` pixels can show:
// for each pixel column the lowest and the highest value, in time order (docs/architecture.md,
// "Charts"). Spikes survive however many points share a column, and the output never holds
// more than 2 × columns points. x is the time in epoch ms, y the value.
//
// Column c holds the times t with (t - from) * columns / (to - from) == c in integer
// arithmetic, so a point's column never depends on floating-point rounding.
class MinMaxDecimator
{
public:
    static constexpr int MaxColumns = 100'000;

    // Columns split [fromMs, toMs] evenly; `columns` is clamped to 1 .. MaxColumns.
    MinMaxDecimator(qint64 fromMs, qint64 toMs, int columns);

    // Times must not decrease between calls. Values outside [fromMs, toMs] and non-finite
    // values are ignored.
    void add(qint64 tMs, double value) { add(tMs, value, value); }
    // A pre-aggregated bucket at `tMs` whose values span [low, high].
    void add(qint64 tMs, double low, double high)
    {
        // The hot path (millions of calls a redraw): same column, finite values.
        if (tMs >= m_columnStart && tMs < m_nextColumn && std::isfinite(low)
            && std::isfinite(high)) {
            fold(tMs, low, tMs, high);
            return;
        }
        startColumn(tMs, low, high);
    }

    // A run of consecutive points with times in [firstMs, lastMs] (time order, all finite)
    // whose lowest value `low` came first at lowMs and highest `high` first at highMs: the same
    // as adding its points one by one, when they all fall in one column. Returns false and adds
    // nothing when they do not (or lie outside the range); add the points one by one then.
    bool addRun(qint64 firstMs, qint64 lastMs, qint64 lowMs, double low, qint64 highMs,
                double high)
    {
        if (firstMs >= m_columnStart && lastMs < m_nextColumn) {
            fold(lowMs, low, highMs, high);
            return true;
        }
        if (firstMs < m_from || lastMs > m_to || columnOf(firstMs) != columnOf(lastMs))
            return false;
        // The run opens a column: its first point would have, and the rest folded in.
        startColumn(firstMs, low, high);
        m_lowT = lowMs;
        m_highT = highMs;
        return true;
    }

    // The decimated points; the decimator is empty afterwards.
    QList<QPointF> take();

    int columns() const { return m_columns; }
    // The most points take() can return.
    qsizetype maxPoints() const { return 2 * qsizetype(m_columns); }

private:
    // Into the column being gathered. Strictly lower / higher only: on a tie the earlier
    // point, already in, stays.
    void fold(qint64 lowMs, double low, qint64 highMs, double high)
    {
        if (low < m_low) {
            m_low = low;
            m_lowT = lowMs;
        }
        if (high > m_high) {
            m_high = high;
            m_highT = highMs;
        }
    }
    // Spans of centuries times 100 000 columns still fit in 64 bits.
    qint64 columnOf(qint64 tMs) const
    {
        return std::min<qint64>((tMs - m_from) * m_columns / m_span, m_columns - 1);
    }
    void startColumn(qint64 tMs, double low, double high);
    void flush();

    qint64 m_from;
    qint64 m_to;
    qint64 m_span;
    int m_columns;
    // Times of the column being gathered: [m_columnStart, m_nextColumn). Empty before the first.
    qint64 m_columnStart = std::numeric_limits<qint64>::max();
    qint64 m_nextColumn = std::numeric_limits<qint64>::min();
    bool m_gathering = false;
    qint64 m_lowT = 0;
    qint64 m_highT = 0;
    double m_low = 0.0;
    double m_high = 0.0;
    QList<QPointF> m_out;
};

} // namespace hb
