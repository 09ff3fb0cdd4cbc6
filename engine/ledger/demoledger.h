#pragma once

// A deterministic demo ledger (`--demo-loans N`, the first run's demo data directory): loans
// spread over four pools and the three commodities, dates relative to a given "now", some
// overdue and a few more than 45 days past due, initial prices, treasury and cycles. Seeded
// PRNG, never the time or std:: distributions (whose output differs between standard
// libraries): the same options give the same ledger on every machine.

#include "ledger/ledgertypes.h"

#include <QStringList>

#include <functional>

namespace hb {

class Ledger;

// splitmix64: tiny, fast, and fully specified.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
        : m_state(seed)
    {
    }
    quint64 next();
    double uniform();                        // [0, 1)
    qint64 between(qint64 low, qint64 high); // [low, high]

private:
    quint64 m_state;
};

class DemoLoanGenerator
{
public:
    DemoLoanGenerator(quint64 seed, qint64 nowMs);

    Loan next(); // ids "LN-0000001", "LN-0000002", ...
    QVector<Loan> take(qint64 count);

    static QStringList pools();

private:
    DemoRandom m_random;
    qint64 m_nowMs;
    qint64 m_index = 0;
};

struct DemoLedgerOptions
{
    qint64 loans = 2000;
    qint64 nowMs = 0; // dates are relative to this
    quint64 seed = 20'240'601;
    int batchSize = 2000; // loans per insert; the ring grows once, ahead of the first
    // Leaves one pool's stored totals a little off, so pool maintenance has something to
    // correct in the demo.
    bool driftPoolTotals = true;
    // Called with the loans written so far (0 first, `loans` last), for a progress bar: a
    // million loans take a while.
    std::function<void(qint64 written, qint64 total)> progress;
};

// IDR per kg at the demo oracle's levels (demoMarketPrice); one stale (older than 24 h).
QVector<PriceQuote> demoPrices(qint64 nowMs);
Balances demoBalances();

struct DemoSeedReport
{
    qint64 loans = 0;
    int shards = 0;
    qint64 migrations = 0;
};

// Fills an empty ledger (std::invalid_argument if it holds loans). Throws StoreError.
DemoSeedReport seedDemoLedger(Ledger &ledger, const DemoLedgerOptions &options);

} // namespace hb
