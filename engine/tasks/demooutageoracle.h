#pragma once

#include "oracle/oraclesource.h"

#include <atomic>
#include <memory>

namespace hb {

// Demo only: passes fetches through to the real source unless the demo workload has switched
// an outage on, when every fetch fails as an unreachable feed would. A random fault rate alone
// almost never gives five failures in a row; the demo must show the price task's breaker
// opening (and recovering) within minutes.
class DemoOutageOracle final : public OracleSource
{
public:
    DemoOutageOracle(std::shared_ptr<OracleSource> inner, std::shared_ptr<const Clock> clock);

    QString name() const override;
    OracleResult fetch(const QStringList &commodities, const std::atomic_bool &cancelled) override;

    void setOutage(bool outage) { m_outage = outage; }
    bool outage() const { return m_outage; }

private:
    std::shared_ptr<OracleSource> m_inner;
    std::atomic_bool m_outage{false};
};

} // namespace hb
