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
    const qint64 treasuryBefore = ledger->balances().treasury;
    bool liquidated = false, toppedUp = false, scaledUp = false, tripped = false;
    int ticks = 0;
    for (; ticks < 150 && !(liquidated && toppedUp && scaledUp && tripped); ++ticks) {
        QSignalSpy finished(&engine, &HeartbeatEngine::tickFinished);
        engine.tickNow();
        QVERIFY(!finished.isEmpty() || finished.wait(30'000));
        clock->advance(config.tickIntervalMs);
        liquidated = liquidated || ledger->countLoans().of(LoanStatus::Liquidated) > 0;
        toppedUp = toppedUp || ledger->balances().treasury < treasuryBefore;
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

QTEST_GUILESS_MAIN(TestDemoWorkload)
#include "tst_tasks_demo.moc"
