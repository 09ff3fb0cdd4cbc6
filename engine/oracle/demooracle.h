#pragma once

#include "oracle/oraclesource.h"

#include <QMutex>
#include <QRandomGenerator>

#include <map>

namespace hb {

// The demo feed, in process: each commodity's price is a seeded random walk that drifts a
// little (about 1 % a fetch) around a realistic level and keeps returning to it. A share
// `faultRate` of fetches fails the way real feeds do - an outage, a truncated document, a
// negative price, a timestamp in the future - so the dashboard has errors to show. The faults
// go through parsePriceDocument() like any other document. Given the seed, the same sequence
// of fetches gives the same prices and faults; latency is simulated (30..120 ms) because an
// in-process answer takes microseconds.
class DemoOracle final : public OracleSource
{
public:
    DemoOracle(quint64 seed, double faultRate, std::shared_ptr<const Clock> clock = {});

    QString name() const override;
    OracleResult fetch(const QStringList &commodities, const std::atomic_bool &cancelled) override;

    // The level a commodity's walk starts at and returns to: IDR per kg, demoMarketPrice() for
    // the demo market's commodities; any other gets a level of 1 000 .. 20 000 from its name.
    static double basePrice(const QString &commodity);

private:
    struct Walk
    {
        QRandomGenerator random;
        double logPrice = 0;
    };
    Walk &walk(const QString &commodity);

    const quint64 m_seed;
    const double m_faultRate;
    QMutex m_mutex; // fetches from different pool threads over time; guards everything below
    QRandomGenerator m_random;       // faults and latency
    std::map<QString, Walk> m_walks; // per commodity: independent of which others are asked
    quint64 m_fetches = 0;
};

} // namespace hb
