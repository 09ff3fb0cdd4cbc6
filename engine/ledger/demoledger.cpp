#include "ledger/demoledger.h"

#include "core/clock.h"
#include "core/demomarket.h"
#include "ledger/ledger.h"

#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace hb {

namespace {

constexpr qint64 kHourMs = 3'600'000;

// Weighted choice from cumulative weights out of 100.
template<size_t N> int pick(DemoRandom &random, const int (&cumulative)[N])
{
    const qint64 roll = random.between(0, 99);
    for (size_t i = 0; i < N; ++i) {
        if (roll < cumulative[i])
            return int(i);
    }
    return int(N - 1);
}

constexpr int kPoolWeights[] = {40, 65, 85, 100};  // java, sumatra, sulawesi, kalimantan
constexpr int kCommodityWeights[] = {50, 80, 100}; // rice, corn, wheat
constexpr int kTermDays[] = {30, 60, 90, 120, 180};

// IDR per kg: the demo oracle's levels, so its first quotes pass the jump rule.
double basePrice(Commodity commodity)
{
    static const std::array<double, kCommodityCount> levels = [] {
        std::array<double, kCommodityCount> byCommodity{};
        for (int i = 0; i < kCommodityCount; ++i)
            byCommodity[size_t(i)] = demoMarketPrice(commodityName(Commodity(i))).value();
        return byCommodity;
    }();
    return levels[size_t(commodity)];
}

} // namespace

quint64 DemoRandom::next()
{
    quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double DemoRandom::uniform()
{
    return double(next() >> 11) * 0x1.0p-53;
}

qint64 DemoRandom::between(qint64 low, qint64 high)
{
    // The modulo bias over 2^64 is far below anything a demo could show.
    return low + qint64(next() % quint64(high - low + 1));
}

DemoLoanGenerator::DemoLoanGenerator(quint64 seed, qint64 nowMs)
    : m_random(seed)
    , m_nowMs(nowMs)
{
}

QStringList DemoLoanGenerator::pools()
{
    return {QStringLiteral("pool-java"), QStringLiteral("pool-sumatra"),
            QStringLiteral("pool-sulawesi"), QStringLiteral("pool-kalimantan")};
}

Loan DemoLoanGenerator::next()
{
    ++m_index;
    DemoRandom &r = m_random;
    Loan loan;
    loan.id = QStringLiteral("LN-%1").arg(m_index, 7, 10, QLatin1Char('0'));
    // Fewer borrowers than loans: many borrow more than once.
    loan.borrower = QStringLiteral("BR-%1").arg(
        r.between(1, std::max<qint64>(10, m_index / 3 + 10)), 6, 10, QLatin1Char('0'));
    loan.pool = pools().at(pick(r, kPoolWeights));
    loan.collateral = Commodity(pick(r, kCommodityWeights));
    // Log-uniform from IDR 1 000 000 to 100 000 000 (in sen, the minor unit): many small loans,
    // a few large ones.
    loan.principal = qint64(std::llround(100'000'000.0 * std::pow(100.0, r.uniform())));
    const double ratio = 1.3 + 0.7 * r.uniform(); // over-collateralised 130..200 %
    loan.collateralQuantity =
        std::round(double(loan.principal) / 100.0 / basePrice(loan.collateral) * ratio);
    loan.createdMs = m_nowMs - r.between(1 * kDayMs, 200 * kDayMs);
    loan.dueMs = loan.createdMs + kTermDays[r.between(0, 4)] * kDayMs;
    loan.updatedMs = loan.createdMs;

    const qint64 pastDueDays = (m_nowMs - loan.dueMs) / kDayMs;
    const qint64 roll = r.between(0, 99);
    if (loan.dueMs > m_nowMs) {
        loan.status = roll < 92 ? LoanStatus::Active : LoanStatus::Repaid;
    } else if (pastDueDays <= 45) {
        // Not all past-due loans are marked yet: loan monitoring has work to do.
        loan.status =
            roll < 55 ? LoanStatus::Repaid : (roll < 80 ? LoanStatus::Overdue : LoanStatus::Active);
    } else {
        // A few left overdue for more than 45 days: the auto-liquidation candidates.
        loan.status = roll < 85 ? LoanStatus::Repaid
                                : (roll < 96 ? LoanStatus::Liquidated : LoanStatus::Overdue);
    }
    if (loan.status != LoanStatus::Active)
        loan.updatedMs =
            std::min(m_nowMs, std::max(loan.createdMs, loan.dueMs) + r.between(0, 10) * kDayMs);
    return loan;
}

QVector<Loan> DemoLoanGenerator::take(qint64 count)
{
    QVector<Loan> loans;
    loans.reserve(count);
    for (qint64 i = 0; i < count; ++i)
        loans.append(next());
    return loans;
}

QVector<PriceQuote> demoPrices(qint64 nowMs)
{
    const QString source = QStringLiteral("demo");
    return {{Commodity::Rice, basePrice(Commodity::Rice), nowMs - 2 * kHourMs, source},
            {Commodity::Corn, basePrice(Commodity::Corn), nowMs - 5 * kHourMs, source},
            {Commodity::Wheat, basePrice(Commodity::Wheat), nowMs - 30 * kHourMs, source}};
}

Balances demoBalances()
{
    // Cycles comfortably above the 1 T alert; the treasury can top them up many times.
    return {50'000'000'000'000, 2'500'000'000'000};
}

DemoSeedReport seedDemoLedger(Ledger &ledger, const DemoLedgerOptions &options)
{
    if (options.loans < 0 || options.batchSize < 1)
        throw std::invalid_argument("seedDemoLedger: loans >= 0 and batchSize >= 1");
    if (ledger.countLoans().total != 0)
        throw std::invalid_argument("seedDemoLedger: the ledger already holds loans");
    const qint64 migrationsBefore = ledger.migrationCount();
    DemoLoanGenerator generator(options.seed, options.nowMs);
    const auto report = [&options](qint64 written) {
        if (options.progress)
            options.progress(written, options.loans);
    };
    report(0);
    for (qint64 left = options.loans; left > 0;) {
        const qint64 n = std::min<qint64>(left, options.batchSize);
        // Sized for every loan still to come: the first call grows the ring once, before any
        // loan is written, and the later ones find nothing to do. Sizing for one batch at a
        // time would migrate the loans already written again at each step.
        ledger.rebalance(left);
        ledger.insertLoans(generator.take(n));
        left -= n;
        report(options.loans - left);
    }
    ledger.rebalance();
    for (const PriceQuote &quote : demoPrices(options.nowMs))
        ledger.setPrice(quote);
    // Before the seed entry, which records the totals as stored: one correction follows.
    if (options.driftPoolTotals && options.loans > 0) {
        QVector<PoolTotals> stored = ledger.storedPoolTotals();
        for (PoolTotals &t : stored) {
            if (t.pool == DemoLoanGenerator::pools().at(2)) {
                t.totalPrincipal += 500'000'000; // IDR 5 000 000, half a median loan
                t.activeLoans += 1;
                ledger.setStoredPoolTotals({t});
            }
        }
    }
    // The import is one audit entry, committed with its last step: the ledger and the audit
    // log agree from the first second.
    const LoanCounts counts = ledger.countLoans();
    QJsonObject pools;
    for (const PoolTotals &t : ledger.storedPoolTotals())
        pools.insert(t.pool, QJsonObject{{QStringLiteral("total_principal"), t.totalPrincipal},
                                         {QStringLiteral("active_loans"), t.activeLoans}});
    const Balances balances = demoBalances();
    ledger.setBalances(
        balances,
        {QStringLiteral("demo"),
         QStringLiteral("ledger_seeded"),
         {{QStringLiteral("loans"), counts.total},
          {QStringLiteral("active"), counts.of(LoanStatus::Active)},
          {QStringLiteral("overdue"), counts.of(LoanStatus::Overdue)},
          {QStringLiteral("liquidated"), counts.of(LoanStatus::Liquidated)},
          {QStringLiteral("repaid"), counts.of(LoanStatus::Repaid)},
          {QStringLiteral("shards"), ledger.shardCount()},
          {QStringLiteral("prices"), kCommodityCount},
          {QStringLiteral("pools"), pools},
          {QStringLiteral("seed"), QString::number(options.seed)}}});
    DemoSeedReport seeded;
    seeded.loans = options.loans;
    seeded.shards = ledger.shardCount();
    seeded.migrations = ledger.migrationCount() - migrationsBefore;
    return seeded;
}

} // namespace hb
