#pragma once

#include <QList>
#include <QPointF>

namespace hb {

// Reduces a time-ordered stream of values to what a line chart of `columns` pixels can show:
// for each pixel column the lowest and the highest value, in time order (DESIGN.md "Charts",
// STYLE.md #8). Spikes survive however many points share a column, and the output never holds
// more than 2 × columns points. x is the time in epoch ms, y the value.
class MinMaxDecimator
{
public:
    // Columns split [fromMs, toMs] evenly; `columns` < 1 counts as 1.
    MinMaxDecimator(qint64 fromMs, qint64 toMs, int columns);

    // Times must not decrease between calls. Values outside [fromMs, toMs] and non-finite values
    // are ignored.
    void add(qint64 tMs, double value) { add(tMs, value, value); }
    // A pre-aggregated bucket starting at `tMs` whose values span [low, high].
    void add(qint64 tMs, double low, double high);

    // The decimated points; the decimator is empty afterwards.
    QList<QPointF> take();

    int columns() const { return m_columns; }
    // Hint for reserving: the most points take() can return.
    qsizetype maxPoints() const { return 2 * qsizetype(m_columns); }

private:
    void flush();

    qint64 m_from;
    qint64 m_to;
    int m_columns;
    double m_scale; // columns per millisecond
    int m_column = -1; // column being gathered, -1 before the first value
    qint64 m_lowT = 0;
    qint64 m_highT = 0;
    double m_low = 0.0;
    double m_high = 0.0;
    QList<QPointF> m_out;
};

} // namespace hb
