#include "minmaxdecimator.h"

#include <algorithm>
#include <cmath>

namespace hb {

MinMaxDecimator::MinMaxDecimator(qint64 fromMs, qint64 toMs, int columns)
    : m_from(fromMs)
    , m_to(std::max(toMs, fromMs))
    , m_columns(std::max(columns, 1))
    , m_scale(double(m_columns) / double(std::max<qint64>(m_to - m_from, 1)))
{
}

void MinMaxDecimator::add(qint64 tMs, double low, double high)
{
    if (tMs < m_from || tMs > m_to || !std::isfinite(low) || !std::isfinite(high))
        return;
    const int column = std::min(int(double(tMs - m_from) * m_scale), m_columns - 1);
    if (column != m_column) {
        flush();
        m_column = column;
        m_lowT = m_highT = tMs;
        m_low = low;
        m_high = high;
        return;
    }
    if (low < m_low) {
        m_low = low;
        m_lowT = tMs;
    }
    if (high > m_high) {
        m_high = high;
        m_highT = tMs;
    }
}

void MinMaxDecimator::flush()
{
    if (m_column < 0)
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
    m_column = -1;
}

QList<QPointF> MinMaxDecimator::take()
{
    flush();
    QList<QPointF> out = std::move(m_out);
    m_out = {};
    return out;
}

} // namespace hb
