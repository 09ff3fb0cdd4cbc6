// The engine on its own: isolation of misbehaving tasks, breakers through real ticks, pause,
// resume and maintenance semantics, authorization and audit, persistence across a restart.

#include "engine.h"
#include "enginehost.h"
#include "oracle/oraclemonitor.h"
#include "tasks/oraclemonitoringtask.h"
#include "recordfeed.h"
#include "store/metricswriter.h"
#include "testsupport.h"
#include "testtasks.h"

#include <SQLiteCpp/Database.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hb;
using namespace Qt::StringLiterals;
using namespace hb::test;

namespace {

const Actor kAdmin{QStringLiteral("alice"), Role::Admin};
const Actor kOperator{QStringLiteral("oscar"), Role::Operator};
const Actor kViewer{QStringLiteral("victor"), Role::Viewer};

HeartbeatConfig testConfig()
{
    HeartbeatConfig c;
    c.taskTimeoutMs = 300;
    c.maxConcurrentTasks = 8;
    c.tickIntervalMs = 60'000; // tests tick by hand
    return c;
}

// An engine on the test thread, a feed collecting what it publishes, and a fake clock.
struct Rig
{
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
    std::unique_ptr<RecordFeed> feed = std::make_unique<RecordFeed>();
    std::unique_ptr<HeartbeatEngine> engine;
    QVector<ExecutionRecord> records;
    QVector<TickRecord> ticks;

    explicit Rig(std::vector<std::shared_ptr<MaintenanceTask>> tasks,
                 HeartbeatConfig config = testConfig(), PersistedState state = {},
                 MetricsWriter *writer = nullptr, QString configPath = {})
    {
        EngineOptions o;
        o.clock = clock;
        o.config = std::move(config);
        o.configPath = std::move(configPath);
        o.state = std::move(state);
        o.tasks = std::move(tasks);
        o.writer = writer;
        engine = std::make_unique<HeartbeatEngine>(std::move(o));
        engine->setRecordFeed(feed.get());
        QObject::connect(feed.get(), &RecordFeed::recordsArrived, feed.get(),
                         [this](const RecordBatch &r) {
                             records += r.executions;
                             ticks += r.ticks;
                         });
    }

    // Runs one tick to completion and returns its records (by task name).
    QHash<QString, ExecutionRecord> tick(int timeoutMs = 3000)
    {
        QSignalSpy finished(engine.get(), &HeartbeatEngine::tickFinished);
        engine->tickNow();
        if (finished.isEmpty() && !finished.wait(timeoutMs))
            return {};
        const qint64 id = finished.constFirst().constFirst().toLongLong();
        QCoreApplication::processEvents(); // the feed's queued drain
        QHash<QString, ExecutionRecord> byTask;
        for (const ExecutionRecord &r : std::as_const(records)) {
            if (r.tickId == id)
                byTask.insert(r.task, r);
        }
        return byTask;
    }
    EngineState state() { return *engine->snapshot(); }
    QVector<Alert> alertsWithKey(const QString &key)
    {
        QVector<Alert> found;
        for (const Alert &a : state().activeAlerts) {
            if (a.key == key)
                found.append(a);
        }
        return found;
    }
    BreakerStatus breaker(const QString &task)
    {
        const EngineState s = state();
        for (const BreakerStatus &b : s.breakers) {
            if (b.task == task)
                return b;
        }
        return {};
    }
};

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void misbehavingTasksDoNotStopTheOthers();
    void timedOutTaskThatIgnoresCancellationIsNotStartedTwice();
    void breakerOpensSkipsAndRecoversThroughRealTicks();
    void oracleHealthFollowsTheMonitorAndThePriceBreaker();
    void snapshotCarriesTheSchedule();
    void emergencyPauseCancelsRunningTasksWithinOneSecond();
    void pausedTicksStillRecordTheHeartbeat();
    void maintenanceModeRunsNothingButStaysFresh();
    void healthFreshnessFollowsTheClock();
    void taskToggleTakesEffectOnNextTickAndIsSavedAndAudited();
    void refusedCommands_data();
    void refusedCommands();
    void invalidConfigIsRejectedAndNotApplied();
    void breakerResetAndForceOpen();
    void stateSurvivesRestartThroughTheStore();
    void taskLedgerChangesAreAudited();
    void committedCountersNeverRunAheadOfRows();
    void auditLogCapIsAppliedByTheWriter();
    void snapshotsAreCoalesced();
    void hostRunsEngineOnItsOwnThread();
};

void TestEngine::misbehavingTasksDoNotStopTheOthers()
{
    auto good1 = std::make_shared<ScriptedTask>(TaskName::PriceUpdate);
    auto failing = std::make_shared<ScriptedTask>(TaskName::LoanMonitoring, true);
    auto hanging = std::make_shared<HangingTask>();
    auto good2 = std::make_shared<ScriptedTask>(TaskName::AutoCleanup);
    Rig rig({good1, failing, std::make_shared<ThrowingTask>(), hanging, good2});

    QElapsedTimer timer;
    timer.start();
    const auto byTask = rig.tick();
    QCOMPARE(byTask.size(), 5);
    QCOMPARE(byTask.value(TaskName::PriceUpdate).outcome, Outcome::Success);
    QCOMPARE(byTask.value(TaskName::PriceUpdate).items, 7);
    QCOMPARE(byTask.value(TaskName::AutoCleanup).outcome, Outcome::Success);
    QCOMPARE(byTask.value(TaskName::LoanMonitoring).outcome, Outcome::Failure);
    QCOMPARE(byTask.value(TaskName::LoanMonitoring).error, QStringLiteral("scripted failure"));
    QCOMPARE(byTask.value(QStringLiteral("throws")).outcome, Outcome::Failure);
    QVERIFY(byTask.value(QStringLiteral("throws")).error.contains(u"kaboom"));
    QCOMPARE(byTask.value(QStringLiteral("hangs")).outcome, Outcome::Timeout);
    QVERIFY(byTask.value(QStringLiteral("hangs")).error.contains(u"timed out"));
    QVERIFY2(timer.elapsed() < 2000, "the hanging task held the tick past its timeout");
    // The tick itself reached the live feed too.
    QCOMPARE(rig.ticks.size(), 1);
    QCOMPARE(rig.ticks.constFirst().ran, 5);
    QCOMPARE(rig.ticks.constFirst().succeeded, 2);
    QCOMPARE(rig.ticks.constFirst().failed, 3);

    const EngineState s = rig.state();
    QCOMPARE(s.metrics.totalExecutions, 5);
    QCOMPARE(s.metrics.successfulExecutions, 2);
    QCOMPARE(s.metrics.failedExecutions, 3);
    QCOMPARE(s.metrics.tickCount, 1);
    QCOMPARE(s.metrics.tasksCompleted.value(TaskName::PriceUpdate), 1);
    QVERIFY(!s.metrics.lastError.isEmpty());
    // The hanging task saw its cancellation flag and returned.
    QTRY_VERIFY_WITH_TIMEOUT(!rig.state().tasks.at(3).running, 2000);

    // And the next tick runs everyone again.
    const auto second = rig.tick();
    QCOMPARE(second.value(TaskName::PriceUpdate).outcome, Outcome::Success);
    QCOMPARE(good1->runs.load(), 2);
}

void TestEngine::timedOutTaskThatIgnoresCancellationIsNotStartedTwice()
{
    auto stubborn = std::make_shared<StubbornTask>(700);
    auto good = std::make_shared<ScriptedTask>(TaskName::PriceUpdate);
    HeartbeatConfig config = testConfig();
    config.taskTimeoutMs = 100;
    Rig rig({stubborn, good}, config);

    auto first = rig.tick();
    QCOMPARE(first.value(QStringLiteral("stubborn")).outcome, Outcome::Timeout);
    auto second = rig.tick();
    QCOMPARE(second.value(QStringLiteral("stubborn")).outcome, Outcome::Skipped);
    QVERIFY(second.value(QStringLiteral("stubborn")).error.contains(u"still in progress"));
    QCOMPARE(second.value(TaskName::PriceUpdate).outcome, Outcome::Success);
    QTRY_VERIFY_WITH_TIMEOUT(!rig.state().tasks.at(0).running, 3000);
    // Skipped runs are not executions; the timeout was a failure.
    QCOMPARE(rig.state().metrics.failedExecutions, 1);
}

void TestEngine::breakerOpensSkipsAndRecoversThroughRealTicks()
{
    auto task = std::make_shared<ScriptedTask>(TaskName::PriceUpdate, true);
    Rig rig({task});
    for (int i = 1; i <= 4; ++i) {
        QCOMPARE(rig.tick().value(TaskName::PriceUpdate).outcome, Outcome::Failure);
        QCOMPARE(rig.breaker(TaskName::PriceUpdate).state, BreakerState::Closed);
        QCOMPARE(rig.breaker(TaskName::PriceUpdate).failureCount, i);
    }
    QVERIFY(rig.alertsWithKey(u"breaker_open"_s).isEmpty());
    QCOMPARE(rig.tick().value(TaskName::PriceUpdate).outcome, Outcome::Failure);
    QCOMPARE(rig.breaker(TaskName::PriceUpdate).state, BreakerState::Open);
    // An opened breaker is an alert (the GUI notifies once per opening) until it closes.
    QCOMPARE(rig.alertsWithKey(u"breaker_open"_s).size(), 1);
    const Alert opened = rig.alertsWithKey(u"breaker_open"_s).constFirst();
    QCOMPARE(opened.source, TaskName::PriceUpdate);
    QCOMPARE(opened.severity, Severity::Critical);
    QCOMPARE(opened.tsMs, rig.breaker(TaskName::PriceUpdate).openedAtMs);
    QVERIFY2(opened.message.contains(TaskName::PriceUpdate) && opened.message.contains(u"5"),
             qPrintable(opened.message));
    // Without price updates the oracle is down, whatever the monitor last measured.
    QCOMPARE(Health::evaluate(rig.state(), rig.clock->nowMs()).oracle.status,
             OracleHealth::Status::Down);

    // Open: skipped, the task is not even called.
    const int runs = task->runs;
    rig.clock->advance(299'000);
    QCOMPARE(rig.tick().value(TaskName::PriceUpdate).outcome, Outcome::Skipped);
    QCOMPARE(task->runs.load(), runs);

    // Timeout passed: one half-open trial; it fails, so the breaker re-opens.
    rig.clock->advance(1'000);
    QCOMPARE(rig.tick().value(TaskName::PriceUpdate).outcome, Outcome::Failure);
    QCOMPARE(task->runs.load(), runs + 1);
    QCOMPARE(rig.breaker(TaskName::PriceUpdate).state, BreakerState::Open);
    QCOMPARE(rig.tick().value(TaskName::PriceUpdate).outcome, Outcome::Skipped);

    // Next trial succeeds: closed again, count cleared.
    task->setFailing(false);
    rig.clock->advance(300'000);
    QCOMPARE(rig.tick().value(TaskName::PriceUpdate).outcome, Outcome::Success);
    QCOMPARE(rig.breaker(TaskName::PriceUpdate).state, BreakerState::Closed);
    QCOMPARE(rig.breaker(TaskName::PriceUpdate).failureCount, 0);
    QVERIFY(rig.alertsWithKey(u"breaker_open"_s).isEmpty());
}

void TestEngine::oracleHealthFollowsTheMonitorAndThePriceBreaker()
{
    auto monitor = std::make_shared<OracleMonitor>(10);
    Rig rig({std::make_shared<OracleMonitoringTask>(monitor)});
    const auto oracle = [&rig] { return Health::evaluate(rig.state(), rig.clock->nowMs()).oracle; };

    // Nothing fetched yet: no evidence either way.
    QCOMPARE(rig.tick().value(TaskName::OracleMonitoring).outcome, Outcome::Success);
    QCOMPARE(oracle().status, OracleHealth::Status::Unknown);
    QCOMPARE(oracle().errorRate, -1.0);

    OracleResult good;
    good.quotes.append({u"rice"_s, 12'000, rig.clock->nowMs(), u"test"_s});
    good.latencyMs = 40;
    for (int i = 0; i < 10; ++i)
        monitor->record(good, rig.clock->nowMs());
    rig.tick();
    QCOMPARE(oracle().status, OracleHealth::Status::Ok);
    QCOMPARE(oracle().errorRate, 0.0);
    QCOMPARE(oracle().latencyMs, 40.0);
    QCOMPARE(oracle().freshnessMs, qint64(0));
    QVERIFY(oracle().problem.isEmpty());

    // Half the window fails: above the 25 % default, so the monitor's alert degrades it.
    for (int i = 0; i < 5; ++i)
        monitor->record(OracleResult::failure(u"HTTP 503"_s), rig.clock->nowMs());
    rig.tick();
    QCOMPARE(oracle().status, OracleHealth::Status::Degraded);
    QCOMPARE(oracle().errorRate, 0.5);
    QVERIFY2(oracle().problem.contains(u"error rate"), qPrintable(oracle().problem));

    // Recovered: the alert clears with the next measurement.
    for (int i = 0; i < 10; ++i)
        monitor->record(good, rig.clock->nowMs());
    rig.tick();
    QCOMPARE(oracle().status, OracleHealth::Status::Ok);
}

void TestEngine::snapshotCarriesTheSchedule()
{
    HeartbeatConfig config = testConfig();
    config.tickIntervalMs = 45'000;
    Rig rig({std::make_shared<ScriptedTask>(TaskName::PriceUpdate)}, config);
    QCOMPARE(rig.state().tickIntervalMs, qint64(45'000));
    QCOMPARE(rig.state().nextTickAtMs, qint64(0)); // not started: nothing scheduled

    rig.engine->start();
    QTRY_VERIFY(rig.state().metrics.tickCount >= 1);
    const EngineState s = rig.state();
    QVERIFY2(s.nextTickAtMs > s.takenAtMs && s.nextTickAtMs <= s.takenAtMs + 45'000,
             qPrintable(u"next tick at %1, snapshot at %2"_s.arg(s.nextTickAtMs).arg(s.takenAtMs)));
    rig.engine->stop();
}

void TestEngine::emergencyPauseCancelsRunningTasksWithinOneSecond()
{
    auto slow = std::make_shared<SlowTask>(10'000);
    auto good = std::make_shared<ScriptedTask>(TaskName::PriceUpdate);
    HeartbeatConfig config = testConfig();
    config.taskTimeoutMs = 20'000;
    Rig rig({slow, good}, config);

    QSignalSpy finished(rig.engine.get(), &HeartbeatEngine::tickFinished);
    rig.engine->tickNow();
    QTRY_VERIFY_WITH_TIMEOUT(rig.state().tasks.at(1).hasRun, 2000); // the quick one is done
    QVERIFY(finished.isEmpty());                                    // the slow one holds the tick

    QElapsedTimer timer;
    timer.start();
    const CommandResult r = rig.engine->setEmergencyStop(kAdmin, true, QStringLiteral("drill"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 1000);
    QVERIFY(timer.elapsed() < 1000);
    QCoreApplication::processEvents();
    const auto cancelled = std::find_if(rig.records.cbegin(), rig.records.cend(),
                                        [](const ExecutionRecord &e) { return e.task == u"slow"; });
    QVERIFY(cancelled != rig.records.cend());
    QCOMPARE(cancelled->outcome, Outcome::Cancelled);
    // The worker thread saw the flag and returned promptly, too.
    QTRY_VERIFY_WITH_TIMEOUT(!rig.state().tasks.at(0).running, 1000);

    const EngineState s = rig.state();
    QVERIFY(s.emergencyStop);
    QCOMPARE(s.emergencyReason, QStringLiteral("drill"));
    QCOMPARE(s.metrics.cancelledExecutions, 1);
    QCOMPARE(s.recentAudit.constLast().action, QStringLiteral("emergency_pause"));
    QCOMPARE(s.recentAudit.constLast().actor, QStringLiteral("alice"));
    // Cancelling is not a failure: the breaker did not count it.
    QCOMPARE(rig.breaker(QStringLiteral("slow")).failureCount, 0);

    QVERIFY(rig.engine->setEmergencyStop(kAdmin, false, {}).ok);
    QVERIFY(!rig.state().emergencyStop);
    QCOMPARE(rig.state().recentAudit.constLast().action, QStringLiteral("resume"));
}

void TestEngine::pausedTicksStillRecordTheHeartbeat()
{
    auto good = std::make_shared<ScriptedTask>(TaskName::PriceUpdate);
    Rig rig({good});
    QVERIFY(rig.engine->setEmergencyStop(kAdmin, true, QStringLiteral("test")).ok);
    rig.clock->advance(5'000);
    const auto byTask = rig.tick();
    QVERIFY(byTask.isEmpty());
    QCOMPARE(good->runs.load(), 0);
    EngineState s = rig.state();
    QCOMPARE(s.metrics.tickCount, 1);
    QCOMPARE(s.metrics.lastTickMs, rig.clock->nowMs());
    QCOMPARE(s.metrics.totalExecutions, 0);

    QVERIFY(rig.engine->setEmergencyStop(kAdmin, false, {}).ok);
    QCOMPARE(rig.tick().value(TaskName::PriceUpdate).outcome, Outcome::Success);
}

void TestEngine::maintenanceModeRunsNothingButStaysFresh()
{
    auto good = std::make_shared<ScriptedTask>(TaskName::PriceUpdate);
    Rig rig({good});
    QVERIFY(rig.engine->setMaintenanceMode(kAdmin, true).ok);
    QVERIFY(rig.tick().isEmpty());
    QCOMPARE(good->runs.load(), 0);
    const EngineState s = rig.state();
    QVERIFY(s.config.maintenanceMode);
    const Health h = Health::evaluate(s, rig.clock->nowMs());
    QVERIFY(h.fresh);
    QVERIFY(h.maintenance);
    QVERIFY(!h.healthy);
    QCOMPARE(s.recentAudit.constLast().action, QStringLiteral("maintenance_on"));

    QVERIFY(rig.engine->setMaintenanceMode(kAdmin, false).ok);
    QCOMPARE(rig.tick().value(TaskName::PriceUpdate).outcome, Outcome::Success);
    QVERIFY(Health::evaluate(rig.state(), rig.clock->nowMs()).healthy);

    // Disabling the whole heartbeat behaves the same way.
    QVERIFY(rig.engine->setEnabled(kAdmin, false).ok);
    QVERIFY(rig.tick().isEmpty());
    QCOMPARE(good->runs.load(), 1);
}

void TestEngine::healthFreshnessFollowsTheClock()
{
    Rig rig({std::make_shared<ScriptedTask>(TaskName::PriceUpdate)});
    QVERIFY(!Health::evaluate(rig.state(), rig.clock->nowMs()).fresh); // no tick yet
    rig.tick();
    const EngineState s = rig.state();
    const qint64 t0 = rig.clock->nowMs();
    QVERIFY(Health::evaluate(s, t0).healthy);
    QVERIFY(Health::evaluate(s, t0 + Health::FreshnessMs - 1).fresh);
    QVERIFY(!Health::evaluate(s, t0 + Health::FreshnessMs).fresh);
    QVERIFY(!Health::evaluate(s, t0 + Health::FreshnessMs).healthy);
}

void TestEngine::taskToggleTakesEffectOnNextTickAndIsSavedAndAudited()
{
    QTemporaryDir dir;
    const QString configPath = dir.filePath(QStringLiteral("config.json"));
    QString error;
    QVERIFY(ConfigFile(configPath).save(testConfig(), &error));
    auto price = std::make_shared<ScriptedTask>(TaskName::PriceUpdate);
    auto loans = std::make_shared<ScriptedTask>(TaskName::LoanMonitoring);
    Rig rig({price, loans}, testConfig(), {}, nullptr, configPath);

    const CommandResult r = rig.engine->setTaskEnabled(kAdmin, TaskName::PriceUpdate, false);
    QVERIFY2(r.ok, qPrintable(r.error));
    const auto byTask = rig.tick();
    QVERIFY(!byTask.contains(TaskName::PriceUpdate));
    QCOMPARE(byTask.value(TaskName::LoanMonitoring).outcome, Outcome::Success);
    QCOMPARE(price->runs.load(), 0);

    const auto saved = ConfigFile(configPath).load(&error);
    QVERIFY2(saved, qPrintable(error));
    QVERIFY(!saved->isTaskEnabled(TaskName::PriceUpdate));

    const AuditEntry entry = rig.state().recentAudit.constLast();
    QCOMPARE(entry.action, QStringLiteral("task_disable"));
    QCOMPARE(entry.actor, QStringLiteral("alice"));
    const QJsonObject detail = QJsonDocument::fromJson(entry.detail.toUtf8()).object();
    const QJsonObject change = detail.value(u"changes").toObject().value(u"tasks").toObject();
    QCOMPARE(change.value(u"before").toObject().value(TaskName::PriceUpdate).toBool(), true);
    QCOMPARE(change.value(u"after").toObject().value(TaskName::PriceUpdate).toBool(), false);

    QVERIFY(!rig.engine->setTaskEnabled(kAdmin, QStringLiteral("no_such_task"), true).ok);
}

using Command = std::function<CommandResult(HeartbeatEngine &, const Actor &)>;

void TestEngine::refusedCommands_data()
{
    QTest::addColumn<Command>("command");
    QTest::addColumn<QString>("action");
    const QVector<QPair<const char *, QPair<QString, Command>>> commands = {
        {"pause", {QStringLiteral("emergency_pause"),
                   [](HeartbeatEngine &e, const Actor &a) { return e.setEmergencyStop(a, true, {}); }}},
        {"maintenance", {QStringLiteral("maintenance_on"),
                         [](HeartbeatEngine &e, const Actor &a) { return e.setMaintenanceMode(a, true); }}},
        {"config", {QStringLiteral("config_change"), [](HeartbeatEngine &e, const Actor &a) {
                        HeartbeatConfig c = testConfig();
                        c.tickIntervalMs = 5'000;
                        return e.updateConfig(a, c);
                    }}},
        {"toggle", {QStringLiteral("task_disable"), [](HeartbeatEngine &e, const Actor &a) {
                        return e.setTaskEnabled(a, TaskName::PriceUpdate, false);
                    }}},
        {"reset", {QStringLiteral("breaker_reset"),
                   [](HeartbeatEngine &e, const Actor &a) { return e.resetBreaker(a, {}); }}},
        {"force open", {QStringLiteral("breaker_force_open"), [](HeartbeatEngine &e, const Actor &a) {
                            return e.forceOpenBreaker(a, TaskName::PriceUpdate);
                        }}},
    };
    for (const auto &c : commands)
        QTest::newRow(c.first) << c.second.second << c.second.first;
}

void TestEngine::refusedCommands()
{
    QFETCH(Command, command);
    QFETCH(QString, action);
    Rig rig({std::make_shared<ScriptedTask>(TaskName::PriceUpdate)});
    const EngineState before = rig.state();

    for (const Actor &actor : {kViewer, kOperator}) {
        const CommandResult r = command(*rig.engine, actor);
        QVERIFY(!r.ok);
        QVERIFY(r.refused);
        QVERIFY2(r.error.contains(u"admin"), qPrintable(r.error));
        const AuditEntry entry = rig.state().recentAudit.constLast();
        QCOMPARE(entry.action, QStringLiteral("refused"));
        QCOMPARE(entry.actor, actor.name);
        QVERIFY2(entry.detail.contains(action), qPrintable(entry.detail));
    }
    const EngineState after = rig.state();
    QCOMPARE(after.config, before.config);
    QCOMPARE(after.emergencyStop, before.emergencyStop);
    QCOMPARE(after.breakers.constFirst().state, before.breakers.constFirst().state);

    const CommandResult allowed = command(*rig.engine, kAdmin);
    QVERIFY2(allowed.ok, qPrintable(allowed.error));
}

void TestEngine::invalidConfigIsRejectedAndNotApplied()
{
    Rig rig({std::make_shared<ScriptedTask>(TaskName::PriceUpdate)});
    HeartbeatConfig bad = testConfig();
    bad.tickIntervalMs = -5;
    const CommandResult r = rig.engine->updateConfig(kAdmin, bad);
    QVERIFY(!r.ok);
    QVERIFY(!r.refused);
    QVERIFY2(r.error.contains(u"tick_interval_ms"), qPrintable(r.error));
    QCOMPARE(rig.state().config.tickIntervalMs, testConfig().tickIntervalMs);

    HeartbeatConfig good = testConfig();
    good.tickIntervalMs = 5'000;
    QVERIFY(rig.engine->updateConfig(kAdmin, good).ok);
    QCOMPARE(rig.state().config.tickIntervalMs, 5'000);
    const QJsonObject detail =
        QJsonDocument::fromJson(rig.state().recentAudit.constLast().detail.toUtf8()).object();
    const QJsonObject change = detail.value(u"changes").toObject().value(u"tick_interval_ms").toObject();
    QCOMPARE(change.value(u"before").toInteger(), 60'000);
    QCOMPARE(change.value(u"after").toInteger(), 5'000);
}

void TestEngine::breakerResetAndForceOpen()
{
    auto task = std::make_shared<ScriptedTask>(TaskName::PriceUpdate, true);
    Rig rig({task});
    for (int i = 0; i < 5; ++i)
        rig.tick();
    QCOMPARE(rig.breaker(TaskName::PriceUpdate).state, BreakerState::Open);
    QVERIFY(rig.engine->resetBreaker(kAdmin, TaskName::PriceUpdate).ok);
    QCOMPARE(rig.breaker(TaskName::PriceUpdate).state, BreakerState::Closed);
    QCOMPARE(rig.breaker(TaskName::PriceUpdate).failureCount, 0);
    QCOMPARE(rig.state().recentAudit.constLast().action, QStringLiteral("breaker_reset"));

    QVERIFY(rig.alertsWithKey(u"breaker_open"_s).isEmpty()); // reset closes the alert too

    task->setFailing(false);
    QVERIFY(rig.engine->forceOpenBreaker(kAdmin, TaskName::PriceUpdate).ok);
    QCOMPARE(rig.tick().value(TaskName::PriceUpdate).outcome, Outcome::Skipped);
    QVERIFY(!rig.engine->forceOpenBreaker(kAdmin, QStringLiteral("nope")).ok);
    // A forced opening says so (not "after 0 failures").
    QCOMPARE(rig.alertsWithKey(u"breaker_open"_s).size(), 1);
    const QString forced = rig.alertsWithKey(u"breaker_open"_s).constFirst().message;
    QVERIFY2(forced.contains(u"forced open"), qPrintable(forced));
    // A task turned off gets no trial: its open breaker is no alert (the toggle says why).
    QVERIFY(rig.engine->setTaskEnabled(kAdmin, TaskName::PriceUpdate, false).ok);
    QVERIFY(rig.alertsWithKey(u"breaker_open"_s).isEmpty());
    QCOMPARE(Health::evaluate(rig.state(), rig.clock->nowMs()).activeAlerts, 0);
}

void TestEngine::stateSurvivesRestartThroughTheStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    auto clock = std::make_shared<FakeClock>();
    HeartbeatMetrics metricsBefore;
    {
        auto store = std::make_unique<MetricsStore>(path);
        MetricsWriter writer(std::move(store), {}, clock);
        auto task = std::make_shared<ScriptedTask>(TaskName::PriceUpdate, true);
        Rig rig({task, std::make_shared<ScriptedTask>(TaskName::LoanMonitoring)}, testConfig(), {},
                &writer);
        for (int i = 0; i < 3; ++i)
            rig.tick();
        QVERIFY(rig.engine->setEmergencyStop(kAdmin, true, QStringLiteral("restart test")).ok);
        rig.engine->stop();
        metricsBefore = rig.state().metrics;
        writer.stop();
    }
    MetricsStore reopened(path);
    const PersistedState state = reopened.loadState();
    QCOMPARE(state.metrics, metricsBefore);
    QCOMPARE(state.metrics.tickCount, 3);
    QCOMPARE(state.metrics.failedExecutions, 3);
    QVERIFY(state.emergencyStop);
    QCOMPARE(state.emergencyReason, QStringLiteral("restart test"));

    // A new engine picks it all up, including the breaker's failure count.
    Rig rig({std::make_shared<ScriptedTask>(TaskName::PriceUpdate, true),
             std::make_shared<ScriptedTask>(TaskName::LoanMonitoring)},
            testConfig(), state);
    QVERIFY(rig.state().emergencyStop);
    QCOMPARE(rig.breaker(TaskName::PriceUpdate).failureCount, 3);
    QCOMPARE(rig.state().metrics.tickCount, 3);
    QCOMPARE(rig.state().tasks.at(1).completed, 3);
}

void TestEngine::taskLedgerChangesAreAudited()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    {
        MetricsWriter writer(std::make_unique<MetricsStore>(path), {}, std::make_shared<FakeClock>());
        Rig rig({std::make_shared<AuditingTask>()}, testConfig(), {}, &writer);
        rig.tick();
        const AuditEntry entry = rig.state().recentAudit.constLast();
        QCOMPARE(entry.action, QStringLiteral("pool_corrected"));
        QCOMPARE(entry.actor, QStringLiteral("heartbeat:pool_maintenance"));
        QCOMPARE(entry.tsMs, rig.clock->nowMs());
        writer.stop();
    }
    // It reached audit_log in the same commit as the tick.
    MetricsStore store(path);
    QCOMPARE(store.loadState().metrics.tickCount, 1);
    SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
    QCOMPARE(db.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'pool_corrected'"
                           " AND actor = 'heartbeat:pool_maintenance'")
                 .getInt(),
             1);
}

void TestEngine::auditLogCapIsAppliedByTheWriter()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    MetricsWriter writer(std::make_unique<MetricsStore>(path), {}, std::make_shared<FakeClock>());
    auto task = std::make_shared<AuditingTask>();
    Rig rig({task}, testConfig(), {}, &writer);
    for (int i = 0; i < 8; ++i)
        rig.tick();
    task->auditLogCap = 3;
    rig.tick();
    writer.flush();
    SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
    QCOMPARE(db.execAndGet("SELECT count(*) FROM audit_log").getInt(), 3);
    // The newest ones stay: ticks 7, 8 and 9.
    QCOMPARE(db.execAndGet("SELECT min(json_extract(detail, '$.tick')) FROM audit_log").getInt(), 7);
    writer.stop();
}

void TestEngine::committedCountersNeverRunAheadOfRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    MetricsWriter writer(std::make_unique<MetricsStore>(path), {}, std::make_shared<FakeClock>());
    HeartbeatConfig config = testConfig();
    config.taskTimeoutMs = 5'000;
    Rig rig({std::make_shared<SlowTask>(800), std::make_shared<ScriptedTask>(TaskName::PriceUpdate)},
            config, {}, &writer);
    QSignalSpy finished(rig.engine.get(), &HeartbeatEngine::tickFinished);
    rig.engine->tickNow();      // tick 1 holds on the slow task
    rig.engine->tickNow();      // tick 2 overlaps: written at once
    QVERIFY(rig.engine->setTaskEnabled(kAdmin, TaskName::PriceUpdate, false).ok); // commits state
    writer.flush();             // what a kill -9 right now would leave behind

    auto rows = [&] {
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
        return db.execAndGet("SELECT count(*) FROM ticks").getInt64();
    };
    {
        MetricsStore store(path);
        const HeartbeatMetrics saved = store.loadState().metrics;
        QCOMPARE(saved.tickCount, rows());
        QCOMPARE(saved.tickCount, 1);
        QCOMPARE(saved.lastTickId, 2);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 3000);
    writer.flush();
    MetricsStore store(path);
    QCOMPARE(store.loadState().metrics.tickCount, rows());
    QCOMPARE(store.loadState().metrics.tickCount, 2);
    // A fresh engine continues the numbering after the highest id.
    Rig next({std::make_shared<ScriptedTask>(TaskName::PriceUpdate)}, testConfig(), store.loadState());
    QSignalSpy nextFinished(next.engine.get(), &HeartbeatEngine::tickFinished);
    next.engine->tickNow();
    QTRY_COMPARE_WITH_TIMEOUT(nextFinished.size(), 1, 2000);
    QCOMPARE(nextFinished.constFirst().constFirst().toLongLong(), 3);
    writer.stop();
}

void TestEngine::snapshotsAreCoalesced()
{
    Rig rig({std::make_shared<ScriptedTask>(TaskName::PriceUpdate)});
    QSignalSpy spy(rig.engine.get(), &HeartbeatEngine::snapshotChanged);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 50; ++i) {
        rig.engine->setEmergencyStop(kAdmin, i % 2 == 0, {});
        QTest::qWait(10);
    }
    QTest::qWait(HeartbeatEngine::SnapshotIntervalMs * 2);
    // ~10 a second at most (plus the first one right away), never one per change.
    const double seconds = double(timer.elapsed()) / 1000.0;
    QVERIFY2(spy.size() <= int(seconds * 10.0) + 2, qPrintable(QString::number(spy.size())));
    QVERIFY(spy.size() >= 2);
    // The last published snapshot is the final state.
    QCOMPARE(spy.constLast().constFirst().value<EngineSnapshot>()->emergencyStop, false);
}

void TestEngine::hostRunsEngineOnItsOwnThread()
{
    EngineOptions o;
    o.clock = std::make_shared<FakeClock>();
    o.config = testConfig();
    o.tasks = {std::make_shared<ScriptedTask>(TaskName::PriceUpdate)};
    EngineHost host(std::move(o));
    QVERIFY(host.engine()->thread() != QThread::currentThread());

    QSignalSpy snapshots(host.engine(), &HeartbeatEngine::snapshotChanged);
    host.start();
    QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty()
                                 && snapshots.constLast().constFirst().value<EngineSnapshot>()->metrics.tickCount >= 1,
                             3000);

    QObject receiver;
    std::optional<CommandResult> answer;
    QThread *answeredOn = nullptr;
    host.command(&receiver,
                 [](HeartbeatEngine &e) { return e.setEmergencyStop(kViewer, true, {}); },
                 [&](const CommandResult &r) {
                     answer = r;
                     answeredOn = QThread::currentThread();
                 });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 2000);
    QVERIFY(answer->refused);
    QCOMPARE(answeredOn, QThread::currentThread());
    host.stop();
    QVERIFY(host.engine() == nullptr);
    host.stop(); // idempotent
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
