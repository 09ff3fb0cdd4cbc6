// The demo workload drives every kind of automatic action within the first minutes at the 2 s
// demo tick: a real engine on the test thread with all ten tasks and the workload, the demo
// ledger (5 000 loans) and the demo oracle, and a fake clock moved 2 s per tick.

#include "engine.h"
#include "ledger/demoledger.h"
#include "ledger/ledger.h"
#include "oracle/oraclefactory.h"
#include "oracle/oraclemonitor.h"
#include "tasks/demooutageoracle.h"
#include "tasks/demoworkloadtask.h"
#include "testsupport.h"

#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace {

// A seeded demo ledger of `loans`, every built-in task plus the workload over it, and the
// engine on the test thread with a fake clock moved one demo tick at a time.
struct DemoRig
{
    QTemporaryDir dir;
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>(1'750'000'000'000);
    HeartbeatConfig config = HeartbeatConfig::demoDefaults();
    std::shared_ptr<Ledger> ledger;
    std::shared_ptr<DemoOutageOracle> oracle;
    std::unique_ptr<HeartbeatEngine> engine;

    DemoRig(int loans, double oracleFaultRate)
    {
        config.taskTimeoutMs = 60'000; // a slow CI machine must not turn work into timeouts
        config.oracleDemoFaultRate = oracleFaultRate;
        LedgerOptions ledgerOptions;
        ledgerOptions.clock = clock;
        ledger = std::make_shared<Ledger>(dir.filePath(u"ledger"_s), ledgerOptions);
        DemoLedgerOptions demo;
        demo.loans = loans;
        demo.nowMs = clock->nowMs();
        seedDemoLedger(*ledger, demo);
        DemoWorkloadTask::prepareLedger(*ledger, config);

        oracle = std::make_shared<DemoOutageOracle>(makeOracle(config, clock), clock);
        TaskEnvironment env;
        env.dataDir = dir.path();
        env.ledger = ledger;
        env.oracle = oracle;
        env.oracleMonitor = std::make_shared<OracleMonitor>();
        env.metricsPath = dir.filePath(u"metrics.db"_s);
        TaskRegistry registry = TaskRegistry::builtin();
        registry.add(DemoWorkloadTask::kName, [o = oracle](const TaskEnvironment &e) {
            return std::make_shared<DemoWorkloadTask>(e.ledger, o);
        });
        EngineOptions options;
        options.clock = clock;
        options.config = config;
        options.tasks = registry.create(env);
        engine = std::make_unique<HeartbeatEngine>(std::move(options));
    }

    // One tick to completion, then the clock moves on a tick.
    bool tick()
    {
        QSignalSpy finished(engine.get(), &HeartbeatEngine::tickFinished);
        engine->tickNow();
        const bool done = !finished.isEmpty() || finished.wait(60'000);
        clock->advance(config.tickIntervalMs);
        return done;
    }
};

} // namespace

class TestDemoWorkload : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void liquidationTopUpScaleUpAndBreakerTripWithinFiveMinutes();
    void aFullDemoLedgerEarnsMoreThanItSpends();
    void repaymentsFallAcrossTheRing();
};

void TestDemoWorkload::liquidationTopUpScaleUpAndBreakerTripWithinFiveMinutes()
{
    DemoRig rig(5000, HeartbeatConfig::demoDefaults().oracleDemoFaultRate);
    const int shardsBefore = rig.ledger->shardCount();
    bool liquidated = false, toppedUp = false, scaledUp = false, tripped = false;
    int ticks = 0;
    for (; ticks < 150 && !(liquidated && toppedUp && scaledUp && tripped); ++ticks) {
        QVERIFY(rig.tick());
        liquidated = liquidated || rig.ledger->countLoans().of(LoanStatus::Liquidated) > 0;
        // The ledger counts its audited changes (the engine here has no metrics writer to
        // move the audit entries on).
        toppedUp = rig.ledger->catalogChangeCounts().value(u"cycles_topped_up"_s) > 0;
        scaledUp = scaledUp || rig.ledger->shardCount() > shardsBefore;
        for (const BreakerStatus &b : rig.engine->snapshot()->breakers) {
            if (b.task == TaskName::PriceUpdate && b.state == BreakerState::Open)
                tripped = true;
        }
    }
    qInfo("after %d ticks: liquidated %d, topped up %d, scaled up %d (%d -> %d shards), "
          "breaker tripped %d", ticks, liquidated, toppedUp, scaledUp, shardsBefore,
          rig.ledger->shardCount(), tripped);
    QVERIFY(liquidated);
    QVERIFY(toppedUp);
    QVERIFY(scaledUp);
    QVERIFY(tripped);
    // Pool totals move with their loans: the one drift the demo seeds is corrected once, and
    // the workload's opens and repayments never make pool maintenance "correct" anything.
    QCOMPARE(rig.ledger->catalogChangeCounts().value(u"pool_corrected"_s), 1);
}

// A demo left running all day must not run the treasury dry: with the ledger at the
// workload's full size (the most work for every task), repaid loans' fees bring in more than
// the tasks and the platform burn, so treasury + cycles do not fall.
void TestDemoWorkload::aFullDemoLedgerEarnsMoreThanItSpends()
{
    DemoRig rig(int(DemoWorkloadTask::kMaxLoans), 0.0);
    const auto funds = [&rig] {
        const Balances b = rig.ledger->balances();
        return b.treasury + b.cycles;
    };
    QVERIFY(rig.tick()); // the first tick starts the workload's clock
    const qint64 before = funds();
    for (int i = 0; i < 10; ++i)
        QVERIFY(rig.tick());
    const qint64 after = funds();
    qInfo("treasury + cycles over 10 ticks of a %lld-loan ledger: %lld -> %lld",
          qlonglong(DemoWorkloadTask::kMaxLoans), qlonglong(before), qlonglong(after));
    QVERIFY2(after >= before, "the demo spends more than it earns: its treasury will run dry");
}

// The shard load chart shows the whole ring: repayments land on most shards, none takes the bulk
// of them (a scan from the start of the ring put them all on the first two).
void TestDemoWorkload::repaymentsFallAcrossTheRing()
{
    DemoRig rig(5000, 0.0);
    QVERIFY(rig.tick()); // the seeded ledger's own repaid loans are older than what follows
    const qint64 start = rig.clock->nowMs();
    constexpr int kTicks = 15;
    for (int i = 0; i < kTicks; ++i)
        QVERIFY(rig.tick());

    LoanFilter repaidFilter;
    repaidFilter.statuses = {LoanStatus::Repaid};
    QStringList repaid;
    rig.ledger->forEachLoan(repaidFilter, [&](const Loan &loan) {
        if (loan.updatedMs >= start)
            repaid.append(loan.id);
        return true;
    });
    QMap<int, int> perShard;
    for (const QString &id : std::as_const(repaid))
        ++perShard[rig.ledger->shardOf(id)];
    const int shards = rig.ledger->shardCount();
    const int busiest =
        perShard.isEmpty() ? 0 : *std::max_element(perShard.begin(), perShard.end());
    qInfo("%lld loans repaid over %d ticks, on %lld of %d shards, at most %d on one",
          qlonglong(repaid.size()), kTicks, qlonglong(perShard.size()), shards, busiest);
    QVERIFY(repaid.size() >= kTicks * DemoWorkloadTask::kRepayPerTick / 2);
    QVERIFY(shards >= 4);
    QVERIFY2(perShard.size() >= shards * 2 / 3, "repayments should reach most shards");
    QVERIFY2(busiest <= repaid.size() / 4, "one shard took the bulk of the repayments");
}

QTEST_GUILESS_MAIN(TestDemoWorkload)
#include "tst_tasks_demo.moc"
