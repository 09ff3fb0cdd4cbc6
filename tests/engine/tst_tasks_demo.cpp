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

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

class TestDemoWorkload : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void liquidationTopUpScaleUpAndBreakerTripWithinFiveMinutes();
    void aFullDemoLedgerEarnsMoreThanItSpends();
};

void TestDemoWorkload::liquidationTopUpScaleUpAndBreakerTripWithinFiveMinutes()
{
    QTemporaryDir dir;
    auto clock = std::make_shared<FakeClock>(1'750'000'000'000);
    LedgerOptions ledgerOptions;
    ledgerOptions.clock = clock;
    auto ledger = std::make_shared<Ledger>(dir.filePath(u"ledger"_s), ledgerOptions);
    HeartbeatConfig config = HeartbeatConfig::demoDefaults();
    config.taskTimeoutMs = 20'000; // a slow CI machine must not turn work into timeouts
    DemoLedgerOptions demo;
    demo.loans = 5000;
    demo.nowMs = clock->nowMs();
    seedDemoLedger(*ledger, demo);
    DemoWorkloadTask::prepareLedger(*ledger, config);

    auto oracle = std::make_shared<DemoOutageOracle>(makeOracle(config, clock), clock);
    TaskEnvironment env;
    env.dataDir = dir.path();
    env.ledger = ledger;
    env.oracle = oracle;
    env.oracleMonitor = std::make_shared<OracleMonitor>();
    env.metricsPath = dir.filePath(u"metrics.db"_s);
    TaskRegistry registry = TaskRegistry::builtin();
    registry.add(DemoWorkloadTask::kName, [oracle](const TaskEnvironment &e) {
        return std::make_shared<DemoWorkloadTask>(e.ledger, oracle);
    });

    EngineOptions options;
    options.clock = clock;
    options.config = config;
    options.tasks = registry.create(env);
    HeartbeatEngine engine(std::move(options));

    const int shardsBefore = ledger->shardCount();
    bool liquidated = false, toppedUp = false, scaledUp = false, tripped = false;
    int ticks = 0;
    for (; ticks < 150 && !(liquidated && toppedUp && scaledUp && tripped); ++ticks) {
        QSignalSpy finished(&engine, &HeartbeatEngine::tickFinished);
        engine.tickNow();
        QVERIFY(!finished.isEmpty() || finished.wait(30'000));
        clock->advance(config.tickIntervalMs);
        liquidated = liquidated || ledger->countLoans().of(LoanStatus::Liquidated) > 0;
        for (const AuditEntry &e : engine.snapshot()->recentAudit)
            toppedUp = toppedUp || e.action == u"cycles_topped_up";
        scaledUp = scaledUp || ledger->shardCount() > shardsBefore;
        for (const BreakerStatus &b : engine.snapshot()->breakers) {
            if (b.task == TaskName::PriceUpdate && b.state == BreakerState::Open)
                tripped = true;
        }
    }
    qInfo("after %d ticks: liquidated %d, topped up %d, scaled up %d (%d -> %d shards), "
          "breaker tripped %d", ticks, liquidated, toppedUp, scaledUp, shardsBefore,
          ledger->shardCount(), tripped);
    QVERIFY(liquidated);
    QVERIFY(toppedUp);
    QVERIFY(scaledUp);
    QVERIFY(tripped);
}

// A demo left running all day must not run the treasury dry: with the ledger at the
// workload's full size (the most work for every task), repaid loans' fees bring in more than
// the tasks and the platform burn, so treasury + cycles do not fall.
void TestDemoWorkload::aFullDemoLedgerEarnsMoreThanItSpends()
{
    QTemporaryDir dir;
    auto clock = std::make_shared<FakeClock>(1'750'000'000'000);
    LedgerOptions ledgerOptions;
    ledgerOptions.clock = clock;
    auto ledger = std::make_shared<Ledger>(dir.filePath(u"ledger"_s), ledgerOptions);
    HeartbeatConfig config = HeartbeatConfig::demoDefaults();
    config.taskTimeoutMs = 60'000;
    config.oracleDemoFaultRate = 0;
    DemoLedgerOptions demo;
    demo.loans = int(DemoWorkloadTask::kMaxLoans);
    demo.nowMs = clock->nowMs();
    seedDemoLedger(*ledger, demo);
    DemoWorkloadTask::prepareLedger(*ledger, config);

    TaskEnvironment env;
    env.dataDir = dir.path();
    env.ledger = ledger;
    env.oracle = makeOracle(config, clock);
    env.oracleMonitor = std::make_shared<OracleMonitor>();
    env.metricsPath = dir.filePath(u"metrics.db"_s);
    TaskRegistry registry = TaskRegistry::builtin();
    registry.add(DemoWorkloadTask::kName, [](const TaskEnvironment &e) {
        return std::make_shared<DemoWorkloadTask>(e.ledger);
    });
    EngineOptions options;
    options.clock = clock;
    options.config = config;
    options.tasks = registry.create(env);
    HeartbeatEngine engine(std::move(options));

    const auto funds = [&ledger] { return ledger->balances().treasury + ledger->balances().cycles; };
    const auto tick = [&] {
        QSignalSpy finished(&engine, &HeartbeatEngine::tickFinished);
        engine.tickNow();
        QVERIFY(!finished.isEmpty() || finished.wait(60'000));
        clock->advance(config.tickIntervalMs);
    };
    tick(); // the first tick starts the workload's clock
    const qint64 before = funds();
    for (int i = 0; i < 10; ++i)
        tick();
    const qint64 after = funds();
    qInfo("treasury + cycles over 10 ticks of a %lld-loan ledger: %lld -> %lld", qlonglong(demo.loans),
          qlonglong(before), qlonglong(after));
    QVERIFY2(after >= before, "the demo spends more than it earns: its treasury will run dry");
}

QTEST_GUILESS_MAIN(TestDemoWorkload)
#include "tst_tasks_demo.moc"
