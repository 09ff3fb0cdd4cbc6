#include "tasks/demoworkloadtask.h"

#include "core/clock.h"
#include "ledger/ledger.h"
#include "tasks/demooutageoracle.h"
#include "tasks/taskcommon.h"

#include <utility>

namespace hb {

namespace {
constexpr qint64 kHourMs = 3'600'000;
} // namespace

DemoWorkloadTask::DemoWorkloadTask(std::shared_ptr<Ledger> ledger,
                                   std::shared_ptr<DemoOutageOracle> oracle)
    : m_ledger(std::move(ledger)), m_oracle(std::move(oracle))
{}

QString DemoWorkloadTask::name() const
{
    return kName;
}

void DemoWorkloadTask::prepareLedger(Ledger &ledger, const HeartbeatConfig &config)
{
    Balances balances = ledger.balances();
    balances.cycles = qint64(config.cyclesAlertThreshold * 1.4);
    ledger.setBalances(balances, tasks::auditNote(kName, QStringLiteral("demo_balances_set")));
}

TaskResult DemoWorkloadTask::run(const TaskContext &ctx)
{
    if (!m_ledger)
        return tasks::missingDependency(name(), QStringLiteral("ledger"));
    const qint64 now = ctx.clock.nowMs();
    if (m_startMs == 0) {
        m_startMs = now;
        m_lastRunMs = now;
        m_nextOutageMs = now + kPriceOutageStartMs;
    }
    const qint64 tick = m_runs++;
    TaskResult result = TaskResult::success(0);

    // Open loans. Contents come from the demo generator; ids and dates are the workload's own.
    if (m_ledger->countLoans().total < kMaxLoans) {
        DemoLoanGenerator generator(kSeed + quint64(tick), now);
        QVector<Loan> loans = generator.take(kOpenPerTick);
        for (int i = 0; i < loans.size(); ++i) {
            Loan &loan = loans[i];
            loan.id = QStringLiteral("DW-%1-%2").arg(m_startMs).arg(++m_opened, 7, 10, QLatin1Char('0'));
            loan.status = LoanStatus::Active;
            loan.createdMs = now;
            loan.dueMs = i < kBackdatedPerTick
                             ? now - m_random.between(46 * kDayMs, 60 * kDayMs)
                             : now + m_random.between(10'000, 10 * 60'000);
            loan.updatedMs = now;
        }
        // One audit entry per shard, committed with its loans (count and ids).
        m_ledger->insertLoans(loans, tasks::auditNote(name(), QStringLiteral("loans_opened")));
        result.items += loans.size();
    }
    if (ctx.isCancelled())
        return result;

    // Repay a few active loans: a handful from each of a few shards picked at random, so the
    // repayments fall across the whole ring as a real customer base's would (a scan from the
    // start would take them all from the first shard). Within a shard, the seeded generator
    // picks them as the scan goes by.
    QVector<int> shards = m_ledger->shardIds();
    QStringList repay;
    for (int pick = 0; pick < kRepayShardsPerTick && pick < shards.size(); ++pick) {
        // A shard not picked yet this tick (a partial shuffle): none is scanned twice.
        std::swap(shards[pick], shards[m_random.between(pick, shards.size() - 1)]);
        LoanFilter active;
        active.statuses = {LoanStatus::Active};
        active.shard = shards.at(pick);
        const qsizetype quota = repay.size() + kRepayPerTick / kRepayShardsPerTick;
        m_ledger->forEachLoan(active, [&](const Loan &loan) {
            if (m_random.between(0, 99) < 5)
                repay.append(loan.id);
            return repay.size() < quota;
        });
    }
    qint64 repaid = 0;
    const AuditNote repayNote = tasks::auditNote(name(), QStringLiteral("loan_repaid"));
    for (const QString &id : std::as_const(repay)) {
        if (m_ledger->repayLoan(id, repayNote).applied)
            ++repaid;
    }
    result.items += repaid;
    // Their fees are the platform's income: the treasury that tops the cycles up is refilled,
    // so a demo left running all day does not run dry.
    if (repaid > 0)
        m_ledger->creditTreasury(repaid * kFeePerRepaidLoan,
                                 tasks::auditNote(name(), QStringLiteral("treasury_credited"),
                                                  {{QStringLiteral("repaid_loans"), repaid}}));

    // The platform's own use of cycles, beyond what the tasks burn for their work.
    const qint64 spend = std::max<qint64>(0, now - m_lastRunMs) * (kCyclesPerSecond / 1000);
    m_lastRunMs = now;
    const qint64 cycles = m_ledger->balances().cycles;
    if (cycles > 0 && spend > 0)
        m_ledger->burnCycles(std::min(cycles, spend));

    // A day passes for the prices, and the feed goes down for a few ticks.
    if (now >= m_nextOutageMs) {
        m_nextOutageMs += kPriceOutagePeriodMs;
        m_outageTicksLeft = kPriceOutageTicks;
    }
    const bool outage = m_outageTicksLeft > 0;
    if (outage)
        --m_outageTicksLeft;
    if (m_oracle)
        m_oracle->setOutage(outage);
    if (outage) {
        const AuditNote aged = tasks::auditNote(name(), QStringLiteral("demo_prices_aged"));
        for (PriceQuote quote : m_ledger->prices()) {
            quote.updatedAtMs = std::min(quote.updatedAtMs, now - 25 * kHourMs);
            m_ledger->setPrice(quote, aged);
        }
    }
    result.samples.append({QStringLiteral("demo.opened"), now, double(m_opened)});
    return result;
}

} // namespace hb
