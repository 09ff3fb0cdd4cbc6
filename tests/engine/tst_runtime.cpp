// EngineRuntime as both binaries use it: a new demo data directory gets the deterministic demo
// ledger (shards scaled while it is filled), the oracle and its monitor, and all ten tasks plus
// the demo workload, which then run on the engine's own thread. A damaged ledger stops start-up
// with an error naming the file.

#include "core/clock.h"
#include "ledger/demoledger.h"
#include "ledger/ledger.h"
#include "notify/notifier.h"
#include "oracle/demooracle.h"
#include "oracle/pricedocument.h"
#include "recordfeed.h"
#include "runtime.h"
#include "store/metricsreader.h"
#include "store/storeerror.h"
#include "tasks/demoworkloadtask.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

class TestRuntime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoDataDirectoryGetsTheDemoLedgerAndRunsEveryTask();
    void reopeningDoesNotSeedAgain();
    void aRealDirectoryStaysRealWhenOpenedForTheDemo();
    void fiftyThousandDemoLoansScaleTheLedgerAndNoneIsLost();
    void nonDemoLedgerStartsEmpty();
    void demoDirectoryWithoutAPriceSourceKeepsItsWorkload();
    void secondPriceSourceAnswersForAlternative();
    void damagedLedgerNamesTheFile();
    void notifiesThroughTheConfiguredChannels();
};

void TestRuntime::demoDataDirectoryGetsTheDemoLedgerAndRunsEveryTask()
{
    QTemporaryDir dir;
    RuntimeOptions options;
    options.dataDir = dir.filePath(u"data"_s);
    options.demo = true;
    options.demoLoans = 3000;
    options.tickIntervalOverrideMs = 300;
    EngineRuntime runtime(options);
    QVERIFY(runtime.createdDataDir());
    QVERIFY(runtime.seededDemoLedger());
    QCOMPARE(runtime.oracleSource(), OracleSourceName::Demo);
    QVERIFY(QFileInfo::exists(runtime.ledgerPath() + u"/catalog.db"_s));
    QCOMPARE(runtime.ledger()->countLoans().total, qint64(3000));
    QVERIFY2(runtime.ledger()->shardCount() >= 4,
             qPrintable(QString::number(runtime.ledger()->shardCount())));
    // The demo starts just above the cycles alert line, so a top-up follows soon.
    const Balances balances = runtime.ledger()->balances();
    QVERIFY(double(balances.cycles) > runtime.initialConfig().cyclesAlertThreshold);
    QVERIFY(double(balances.cycles) < 1.5 * runtime.initialConfig().cyclesAlertThreshold);
    // Prices in the demo oracle's unit, so its quotes pass the jump rule; one of them stale.
    std::array<double, kCommodityCount> prices{};
    for (const PriceQuote &quote : runtime.ledger()->prices()) {
        QCOMPARE(quote.price, DemoOracle::basePrice(commodityName(quote.commodity)));
        prices[size_t(quote.commodity)] = quote.price;
    }
    QVERIFY(std::count(prices.begin(), prices.end(), 0.0) == 0);
    // The collateral in kg is worth 130..200 % of the principal at those prices (whole kg).
    double lowest = 1e9, highest = 0;
    runtime.ledger()->forEachLoan({}, [&](const Loan &loan) {
        const double cover = loan.collateralQuantity * prices[size_t(loan.collateral)]
                             / (double(loan.principal) / 100.0);
        lowest = std::min(lowest, cover);
        highest = std::max(highest, cover);
        return true;
    });
    QVERIFY2(lowest >= 1.29 && highest <= 2.02,
             qPrintable(u"collateral covers %1 .. %2 of the principal"_s.arg(lowest).arg(highest)));

    RecordFeed feed;
    runtime.host().addRecordFeed(&feed);
    QHash<QString, QVector<Outcome>> outcomes;
    QStringList errors;
    connect(&feed, &RecordFeed::recordsArrived, this, [&](const RecordBatch &batch) {
        for (const ExecutionRecord &r : batch.executions) {
            outcomes[r.task].append(r.outcome);
            if (r.outcome != Outcome::Success)
                errors.append(r.task + u": " + r.error);
        }
    });
    runtime.start();

    QStringList expected = TaskName::all();
    expected.append(DemoWorkloadTask::kName);
    const auto everySucceeded = [&] {
        for (const QString &task : std::as_const(expected)) {
            // price_update may meet one of the demo feed's deliberate faults: it just has to run.
            const bool needSuccess = task != TaskName::PriceUpdate;
            if (!outcomes.contains(task)
                || (needSuccess && !outcomes.value(task).contains(Outcome::Success)))
                return false;
        }
        return true;
    };
    QVERIFY2(QTest::qWaitFor(everySucceeded, 15'000), qPrintable(errors.join(u"\n")));
    runtime.stop();

    // The workload opened loans; the ledger tasks acted on them without failing.
    QVERIFY(runtime.ledger()->countLoans().total > 3000);
    for (const QString &task : std::as_const(expected)) {
        if (task != TaskName::PriceUpdate)
            QVERIFY2(!outcomes.value(task).contains(Outcome::Failure),
                     qPrintable(errors.join(u"\n")));
    }
    // The demo ledger holds loans more than 45 days past due: the first ticks liquidated them.
    QVERIFY(runtime.ledger()->countLoans().of(LoanStatus::Liquidated) > 0);
}

void TestRuntime::reopeningDoesNotSeedAgain()
{
    QTemporaryDir dir;
    RuntimeOptions options;
    options.dataDir = dir.filePath(u"data"_s);
    options.demo = true;
    options.demoLoans = 500;
    {
        EngineRuntime first(options);
        QVERIFY(first.seededDemoLedger());
    }
    EngineRuntime second(options);
    QVERIFY(!second.createdDataDir());
    QVERIFY(!second.seededDemoLedger());
    QCOMPARE(second.ledger()->countLoans().total, qint64(500));
}

// The dashboard always asks for the demo (a first run shows something moving), and
// `heartbeatd --demo` may be run by mistake on a server's directory: over a directory that
// already has a real configuration, neither brings the demo workload, its outage-prone feed,
// demo loans or a 2 s tick. They would change the real ledger.
void TestRuntime::aRealDirectoryStaysRealWhenOpenedForTheDemo()
{
    QTemporaryDir dir;
    RuntimeOptions options;
    options.dataDir = dir.filePath(u"data"_s);
    {
        EngineRuntime production(options);
        QVERIFY(!production.initialConfig().demo);
        QVERIFY(!production.seededDemoLedger());
    }
    options.demo = true;
    EngineRuntime reopened(options);
    QVERIFY(!reopened.initialConfig().demo);
    QVERIFY(!reopened.seededDemoLedger());
    QCOMPARE(reopened.ledger()->countLoans().total, qint64(0));

    EngineSnapshot shown;
    bool got = false;
    // Snapshots still queued when the test returns die with `receiver`, not in a later test's
    // event loop writing to this frame's dead locals.
    QObject receiver;
    connect(reopened.engine(), &HeartbeatEngine::snapshotChanged, &receiver,
            [&shown, &got](const EngineSnapshot &s) {
                shown = s;
                got = !s->tasks.isEmpty();
            });
    reopened.start();
    QVERIFY(QTest::qWaitFor([&got] { return got; }, 5000));
    reopened.stop();
    QCOMPARE(shown->tickIntervalMs, HeartbeatConfig().tickIntervalMs); // 30 s, from config.json
    // Nor the demo's simulated prices: a real directory has no price source until one is set.
    QCOMPARE(reopened.oracleSource(), OracleSourceName::None);
    QCOMPARE(shown->oracleSource, OracleSourceName::None);
    QStringList tasks;
    for (const TaskStatus &t : shown->tasks)
        tasks.append(t.name);
    QVERIFY2(!tasks.contains(DemoWorkloadTask::kName), qPrintable(tasks.join(u", ")));
    QCOMPARE(reopened.ledger()->countLoans().total, qint64(0));
}

void TestRuntime::fiftyThousandDemoLoansScaleTheLedgerAndNoneIsLost()
{
    // A large demo: --demo-loans 50000 on a fresh data directory.
    constexpr qint64 kLoans = 50'000;
    QTemporaryDir dir;
    const auto clock = std::make_shared<FakeClock>();
    RuntimeOptions options;
    options.dataDir = dir.filePath(u"data"_s);
    options.demo = true;
    options.demoLoans = kLoans;
    options.clock = clock;
    QList<qint64> progress; // what a progress bar is told, loans written so far
    options.demoProgress = [&progress](qint64 written, qint64 total) {
        QCOMPARE(total, kLoans);
        progress.append(written);
    };
    EngineRuntime runtime(options);
    QVERIFY(runtime.seededDemoLedger());
    Ledger &ledger = *runtime.ledger();
    QVERIFY(progress.size() >= kLoans / DemoLedgerOptions().batchSize);
    QCOMPARE(progress.constFirst(), 0);
    QCOMPARE(progress.constLast(), kLoans);
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));

    // Enough shards to hold them below the scale-up load: ceil(50 000 / (1000 * 0.8)).
    const ScalingPolicy policy;
    const int needed = int(std::ceil(double(kLoans) / (policy.capacity * policy.scaleUpLoad)));
    QCOMPARE(needed, 63);
    const int shards = ledger.shardCount();
    QVERIFY2(shards >= needed && shards <= policy.maxShards, qPrintable(QString::number(shards)));
    QCOMPARE(QDir(runtime.ledgerPath()).entryList({u"shard-*.db"_s}, QDir::Files).size(), shards);

    // No shard above capacity, and the shards together hold exactly what was seeded.
    qint64 stored = 0;
    for (const ShardLoad &load : ledger.shardLoads()) {
        QVERIFY2(load.loans <= policy.capacity,
                 qPrintable(u"shard %1 holds %2 loans"_s.arg(load.shard).arg(load.loans)));
        stored += load.loans;
    }
    QCOMPARE(stored, kLoans);
    QCOMPARE(ledger.countLoans().total, kLoans);

    // Every seeded loan is found, unchanged, where the ring routes it; the checksum over all
    // shards matches the seeded loans'.
    DemoLoanGenerator seeded(DemoLedgerOptions().seed, clock->nowMs());
    LoanChecksum expected;
    for (qint64 i = 0; i < kLoans; ++i) {
        const Loan loan = seeded.next();
        expected.add(loan);
        const std::optional<Loan> found = ledger.loan(loan.id);
        if (!found || !(*found == loan))
            QFAIL(qPrintable(u"loan %1 lost or changed"_s.arg(loan.id)));
    }
    QCOMPARE(ledger.checksum(), expected);
}

void TestRuntime::nonDemoLedgerStartsEmpty()
{
    QTemporaryDir dir;
    RuntimeOptions options;
    options.dataDir = dir.filePath(u"data"_s);
    EngineRuntime runtime(options);
    QVERIFY(!runtime.seededDemoLedger());
    QCOMPARE(runtime.ledger()->countLoans().total, qint64(0));
    QVERIFY(runtime.oracleMonitor());
    // The config.json it wrote says so, for the user to change.
    QCOMPARE(runtime.oracleSource(), OracleSourceName::None);
    QString error;
    const auto written = ConfigFile(runtime.configPath()).load(&error);
    QVERIFY2(written, qPrintable(error));
    QCOMPARE(written->oracleSource, OracleSourceName::None);

    // Price updates are skipped with the reason, every tick, never failed.
    RecordFeed feed;
    runtime.host().addRecordFeed(&feed);
    QVector<ExecutionRecord> prices;
    connect(&feed, &RecordFeed::recordsArrived, this, [&prices](const RecordBatch &batch) {
        for (const ExecutionRecord &r : batch.executions) {
            if (r.task == TaskName::PriceUpdate)
                prices.append(r);
        }
    });
    runtime.start();
    QVERIFY(QTest::qWaitFor([&prices] { return !prices.isEmpty(); }, 5000));
    runtime.stop();
    QCOMPARE(prices.constFirst().outcome, Outcome::Skipped);
    QCOMPARE(prices.constFirst().error, u"no price source configured"_s);
}

// A demo directory whose user turned the demo feed off: no prices, but still the demo workload.
void TestRuntime::demoDirectoryWithoutAPriceSourceKeepsItsWorkload()
{
    QTemporaryDir dir;
    RuntimeOptions options;
    options.dataDir = dir.filePath(u"data"_s);
    options.demo = true;
    options.demoLoans = 50;
    QString configPath;
    {
        EngineRuntime first(options);
        configPath = first.configPath();
    }
    QString error;
    HeartbeatConfig config = *ConfigFile(configPath).load(&error);
    config.oracleSource = OracleSourceName::None;
    QVERIFY2(ConfigFile(configPath).save(config, &error), qPrintable(error));

    EngineRuntime runtime(options);
    QCOMPARE(runtime.oracleSource(), OracleSourceName::None);
    EngineSnapshot shown;
    bool got = false;
    // Snapshots still queued when the test returns die with `receiver`, not in a later test's
    // event loop writing to this frame's dead locals.
    QObject receiver;
    connect(runtime.engine(), &HeartbeatEngine::snapshotChanged, &receiver,
            [&shown, &got](const EngineSnapshot &s) {
                shown = s;
                got = !s->tasks.isEmpty();
            });
    runtime.start();
    QVERIFY(QTest::qWaitFor([&got] { return got; }, 5000));
    runtime.stop();
    QCOMPARE(shown->oracleSource, OracleSourceName::None);
    QStringList tasks;
    for (const TaskStatus &t : shown->tasks)
        tasks.append(t.name);
    QVERIFY2(tasks.contains(DemoWorkloadTask::kName), qPrintable(tasks.join(u", ")));
}

// The runtime builds oracle.fallback_source and hands it to price_update: with the first source
// unreadable and "fallback": "alternative", the prices come from the second one.
void TestRuntime::secondPriceSourceAnswersForAlternative()
{
    QTemporaryDir dir;
    RuntimeOptions options;
    options.dataDir = dir.filePath(u"data"_s);
    options.tickIntervalOverrideMs = 300;
    QString configPath;
    {
        EngineRuntime first(options);
        configPath = first.configPath();
    }
    const QString backup = dir.filePath(u"backup.json"_s);
    {
        QFile file(backup);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        file.write(priceDocument({{u"rice"_s, 14'500, now, u"backup"_s},
                                  {u"corn"_s, 6'100, now, u"backup"_s},
                                  {u"wheat"_s, 9'300, now, u"backup"_s}}));
    }
    QString error;
    HeartbeatConfig config = *ConfigFile(configPath).load(&error);
    config.oracleSource = OracleSourceName::File;
    config.oraclePath = dir.filePath(u"nowhere.json"_s);
    config.oracleFallbackSource = OracleSourceName::File;
    config.oracleFallbackPath = backup;
    TaskSchedule schedule;
    schedule.fallback = TaskSchedule::Fallback::Alternative;
    config.schedules.insert(TaskName::PriceUpdate, schedule);
    QVERIFY2(ConfigFile(configPath).save(config, &error), qPrintable(error));

    EngineRuntime runtime(options);
    runtime.start();
    const auto priced = [&runtime] {
        const std::optional<PriceQuote> wheat = runtime.ledger()->price(Commodity::Wheat);
        return wheat && wheat->source == u"backup";
    };
    QVERIFY(QTest::qWaitFor(priced, 10'000));
    runtime.stop();
    QCOMPARE(runtime.ledger()->price(Commodity::Rice)->price, 14'500.0);
}

void TestRuntime::damagedLedgerNamesTheFile()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(u"data"_s);
    QVERIFY(QDir().mkpath(data + u"/ledger"_s));
    const QString catalog = data + u"/ledger/catalog.db"_s;
    QFile file(catalog);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    RuntimeOptions options;
    options.dataDir = data;
    options.demo = true;
    try {
        EngineRuntime runtime(options);
        QFAIL("a damaged ledger was opened");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().contains(u"catalog.db"), qPrintable(e.message()));
    }
    QCOMPARE(QFileInfo(catalog).size(), qint64(4096)); // left as it was
}

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"

// The runtime feeds the notifier the engine's snapshots: an emergency pause reaches the channels
// of config.json, once, its resume too, and a channel added by a config change is used at once.
void TestRuntime::notifiesThroughTheConfiguredChannels()
{
    QTemporaryDir dir;
    RuntimeOptions options;
    options.dataDir = dir.filePath(u"data"_s);
    options.registry = TaskRegistry(); // no tasks: only the commands change anything
    options.desktop = true; // as the dashboard: its desktop channel shows
    {
        EngineRuntime create(options); // writes config.json
    }
    ConfigFile file(dir.filePath(u"data/config.json"_s));
    QString error;
    HeartbeatConfig config = *file.load(&error);
    NotificationChannel tray;
    tray.type = NotificationChannelType::Desktop;
    tray.name = u"tray"_s;
    config.notifications.channels = {tray};
    QVERIFY2(file.save(config, &error), qPrintable(error));

    EngineRuntime runtime(options);
    QVERIFY(runtime.notifier());
    QSignalSpy desktop(runtime.notifier(), &Notifier::desktopNotification);
    runtime.start();
    QObject receiver;
    const auto command = [&](std::function<CommandResult(HeartbeatEngine &)> run) {
        std::optional<CommandResult> answer;
        runtime.host().command(&receiver, std::move(run),
                               [&answer](const CommandResult &r) { answer = r; });
        QVERIFY(QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000));
        QVERIFY(answer->ok);
    };
    command([](HeartbeatEngine &e) {
        return e.setEmergencyStop(Actor::system(), true, u"disk on fire"_s);
    });
    QTRY_COMPARE_WITH_TIMEOUT(desktop.size(), 1, 5000);
    QVERIFY(desktop.at(0).at(1).toString().contains(u"disk on fire"_s));
    QCOMPARE(desktop.at(0).at(2).toString(), u"critical"_s);

    HeartbeatConfig twoChannels = config;
    NotificationChannel second = tray;
    second.name = u"second"_s;
    twoChannels.notifications.channels.append(second);
    NotificationChannel quiet; // takes nothing of this test; its secret must not reach the audit
    quiet.name = u"quiet"_s;
    quiet.url = u"http://127.0.0.1:9/never"_s;
    quiet.secret = u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s;
    quiet.kinds = {NotificationKind::StoreFailed};
    twoChannels.notifications.channels.append(quiet);
    command([twoChannels](HeartbeatEngine &e) {
        return e.updateConfig(Actor::system(), twoChannels);
    });
    command([](HeartbeatEngine &e) { return e.setEmergencyStop(Actor::system(), false, {}); });
    QTRY_COMPARE_WITH_TIMEOUT(desktop.size(), 3, 5000); // the resume, to both channels
    QTest::qWait(300);
    QCOMPARE(desktop.size(), 3); // the pause was not sent again
    runtime.stop();
    QCOMPARE(runtime.notifier()->deliveries(0, 10).size(), 3);
    // The config change is audited with the channels, their secrets hidden.
    MetricsReader reader(runtime.metricsPath());
    const auto audit = reader.auditPage({});
    const auto change =
        std::find_if(audit.rows.cbegin(), audit.rows.cend(),
                     [](const AuditEntry &e) { return e.detail.contains(u"notifications"_s); });
    QVERIFY(change != audit.rows.cend());
    QVERIFY(change->detail.contains(u"quiet"_s));
    QVERIFY2(!change->detail.contains(u"MfKQ9r8GKYqrTwjUPD8"_s), qPrintable(change->detail));
}
