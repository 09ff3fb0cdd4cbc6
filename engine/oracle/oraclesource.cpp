#include "oracle/oraclesource.h"

#include <QMutexLocker>

namespace hb {

OracleSource::OracleSource(std::shared_ptr<const Clock> clock)
    : m_clock(clock ? std::move(clock) : std::make_shared<SystemClock>())
{
}

OracleSource::~OracleSource() = default;

void OracleSource::setReferencePrices(const QHash<QString, double> &prices)
{
    const QMutexLocker lock(&m_mutex);
    m_reference = prices;
}

QHash<QString, double> OracleSource::referencePrices() const
{
    const QMutexLocker lock(&m_mutex);
    return m_reference;
}

PriceCheck OracleSource::priceCheck(const QStringList &commodities) const
{
    PriceCheck check;
    check.nowMs = m_clock->nowMs();
    check.requested = commodities;
    check.reference = referencePrices();
    check.defaultSource = name();
    return check;
}

} // namespace hb
