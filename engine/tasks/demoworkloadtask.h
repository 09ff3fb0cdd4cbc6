#pragma once

#include "task.h"

#include "ledger/demoledger.h"

namespace hb {

class DemoOutageOracle;
class Ledger;

// Demo mode only (registered by EngineRuntime, never in TaskName::all()): business for the other
// tasks to react to, so the charts move and every kind of automatic action happens within the
// first minutes at the 2 s demo tick. Each tick it opens loans (due within minutes: a compressed
// clock, so they go overdue soon; a few already 46+ days past due, for auto liquidation) and
// repays some (from random shards), so the ledger grows until shard balancing scales up; it
// spends cycles at a steady rate, so the balance (seeded just above the alert line) crosses it
// and the treasury tops it up (repaid loans pay fees into the treasury, so that goes on all
// day); and once a minute into the run, then every kPriceOutagePeriodMs, the prices age by a
// day and the demo feed has an outage long enough to open the price task's breaker. Cycles and
// outages follow the clock, not the tick count, so a short run at a fast --tick-ms stays quiet.
// Seeded: the same ticks do the same things on every machine.
class DemoWorkloadTask final : public MaintenanceTask
{
public:
    static inline const QString kName = QStringLiteral("demo_workload");
    static constexpr int kOpenPerTick = 80;
    static constexpr int kRepayPerTick = 20;
    static constexpr int kRepayShardsPerTick = 5; // the repayments come from this many shards
    static constexpr int kBackdatedPerTick = 2;          // of the opened ones, 46+ days past due
    static constexpr qint64 kMaxLoans = 20'000;          // stops opening loans beyond this
    static constexpr qint64 kCyclesPerSecond = 4'000'000'000; // the platform's own use
    // Paid into the treasury per repaid loan. At kRepayPerTick a 2 s tick, more than the demo
    // ever spends: its own use plus every task's cost over a full ledger (kMaxLoans items at
    // the default cost of 10^6 cycles, a few times a tick).
    static constexpr qint64 kFeePerRepaidLoan = 2'000'000'000;
    static constexpr qint64 kPriceOutageStartMs = 60'000;     // first outage a minute in
    static constexpr qint64 kPriceOutagePeriodMs = 400'000;   // longer than the breaker timeout
    static constexpr int kPriceOutageTicks = 8;          // > breaker threshold (5)
    static constexpr quint64 kSeed = 20'240'715;

    DemoWorkloadTask(std::shared_ptr<Ledger> ledger, std::shared_ptr<DemoOutageOracle> oracle = {});
    QString name() const override;
    TaskResult run(const TaskContext &ctx) override;

    // Right after the demo ledger is seeded: cycles just above the alert line, so the first
    // top-up comes within a minute.
    static void prepareLedger(Ledger &ledger, const HeartbeatConfig &config);

private:
    std::shared_ptr<Ledger> m_ledger;
    std::shared_ptr<DemoOutageOracle> m_oracle;
    DemoRandom m_random{kSeed};
    qint64 m_runs = 0;
    qint64 m_opened = 0;
    qint64 m_startMs = 0;      // the first run's time; ids carry it, so they stay unique across restarts
    qint64 m_lastRunMs = 0;    // cycles are spent for the time since
    qint64 m_nextOutageMs = 0; // when the next outage starts
    int m_outageTicksLeft = 0;
};

} // namespace hb
