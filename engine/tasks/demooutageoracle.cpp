#include "tasks/demooutageoracle.h"

#include <QCoreApplication>

namespace hb {

DemoOutageOracle::DemoOutageOracle(std::shared_ptr<OracleSource> inner,
                                   std::shared_ptr<const Clock> clock)
    : OracleSource(std::move(clock)), m_inner(std::move(inner))
{}

QString DemoOutageOracle::name() const
{
    return m_inner->name();
}

OracleResult DemoOutageOracle::fetch(const QStringList &commodities,
                                     const std::atomic_bool &cancelled)
{
    if (m_outage) {
        OracleResult result = OracleResult::failure(QCoreApplication::translate(
            "hb::Tasks", "demo outage: the price feed is unreachable"));
        result.latencyMs = 1'500; // a slow refusal, not an instant one
        return result;
    }
    m_inner->setReferencePrices(referencePrices());
    return m_inner->fetch(commodities, cancelled);
}

} // namespace hb
