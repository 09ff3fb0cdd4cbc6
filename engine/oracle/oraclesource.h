#pragma once

#include "core/clock.h"
#include "oracle/oracletypes.h"
#include "oracle/pricedocument.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

#include <atomic>
#include <memory>

namespace hb {

// Where prices come from. fetch() is called synchronously from a task's pool thread; it blocks
// for at most oracle.timeout_ms and returns within ~100 ms once `cancelled` is set. Every source
// delivers the same document and runs it through parsePriceDocument(), so a quote is believed
// or rejected by the same rules whichever source it came from. Thread-safe.
class OracleSource
{
public:
    explicit OracleSource(std::shared_ptr<const Clock> clock);
    virtual ~OracleSource();
    OracleSource(const OracleSource &) = delete;
    OracleSource &operator=(const OracleSource &) = delete;

    // Names the source in logs and is Quote::source when a document names none: "demo", the
    // URL without credentials or query, the file's path.
    virtual QString name() const = 0;
    virtual OracleResult fetch(const QStringList &commodities,
                               const std::atomic_bool &cancelled) = 0;

    // The last accepted price per commodity (the ledger's), for the jump rule; without one
    // for a commodity its first price is taken as it comes.
    void setReferencePrices(const QHash<QString, double> &prices);
    QHash<QString, double> referencePrices() const;

protected:
    const Clock &clock() const { return *m_clock; }
    // The checks for a fetch of `commodities` now.
    PriceCheck priceCheck(const QStringList &commodities) const;

private:
    std::shared_ptr<const Clock> m_clock;
    mutable QMutex m_mutex;
    QHash<QString, double> m_reference;
};

} // namespace hb
