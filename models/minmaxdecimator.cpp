#include "minmaxdecimator.h"

#include <algorithm>

namespace hb {

MinMaxDecimator::MinMaxDecimator(qint64 fromMs, qint64 toMs, int columns)
    : m_from(fromMs)
    , m_to(std::max(toMs, fromMs))
    , m_span(std::max<qint64>(m_to - m_from, 1))
    , m_columns(std::clamp(columns, 1, MaxColumns))
{
}

void MinMaxDecimator::startColumn(qint64 tMs, double low, double high)
{
    if (tMs < m_from || tMs > m_to || !std::isfinite(low) || !std::isfinite(high))
        return;
    flush();
    const qint64 column = columnOf(tMs);
    m_columnStart = m_from + (column * m_span + m_columns - 1) / m_columns;
    // The last column ends with the range: a later time is ignored, not folded in.
    m_nextColumn = column != m_columns - 1 ? m_from + ((column + 1) * m_span + m_columns - 1) / m_columns
                   : m_to < std::numeric_limits<qint64>::max() ? m_to + 1
                                                               : m_to;
    m_gathering = true;
    m_lowT = m_highT = tMs;
    m_low = low;
    m_high = high;
}

void MinMaxDecimator::flush()
{
    if (!m_gathering)
        return;
    if (m_out.isEmpty())
        m_out.reserve(maxPoints());
    const QPointF low(double(m_lowT), m_low);
    const QPointF high(double(m_highT), m_high);
    if (m_lowT == m_highT && m_low == m_high) {
        m_out.append(low);
    } else if (m_lowT <= m_highT) {
        m_out.append(low);
        m_out.append(high);
    } else {
        m_out.append(high);
        m_out.append(low);
    }
    m_gathering = false;
}

QList<QPointF> MinMaxDecimator::take()
{
    flush();
    m_columnStart = std::numeric_limits<qint64>::max();
    m_nextColumn = std::numeric_limits<qint64>::min();
    QList<QPointF> out = std::move(m_out);
    m_out = {};
    return out;
}

} // namespace hb
