// The engine's commands: authorization by role (refusals audited), task toggles, config
// changes, breaker reset / force-open, ledger changes in the audit log, and what the store keeps
// across a restart and a crash.

#include "engine.h"
#include "enginerig.h"
#include "store/metricsstore.h"
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

class TestEngineCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void taskToggleTakesEffectOnNextTickAndIsSavedAndAudited();
    void refusedCommands_data();
    void refusedCommands();
    void invalidConfigIsRejectedAndNotApplied();
    void breakerResetAndForceOpen();
    void stateSurvivesRestartThroughTheStore();
    void taskLedgerChangesAreAudited();
    void committedCountersNeverRunAheadOfRows();
    void auditLogCapIsAppliedByTheWriter();
};

void TestEngineCommands::taskToggleTakesEffectOnNextTickAndIsSavedAndAudited()
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

void TestEngineCommands::refusedCommands_data()
{
    QTest::addColumn<Command>("prepare"); // run by an admin first (resume needs a pause), or null
    QTest::addColumn<Command>("command");
    QTest::addColumn<QString>("action");
    const Command pause = [](HeartbeatEngine &e, const Actor &a) {
        return e.setEmergencyStop(a, true, {});
    };
    const Command maintenanceOn = [](HeartbeatEngine &e, const Actor &a) {
        return e.setMaintenanceMode(a, true);
    };
    const Command disable = [](HeartbeatEngine &e, const Actor &a) { return e.setEnabled(a, false); };
    const Command toggleOff = [](HeartbeatEngine &e, const Actor &a) {
        return e.setTaskEnabled(a, TaskName::PriceUpdate, false);
    };
    const Command forceOpen = [](HeartbeatEngine &e, const Actor &a) {
        return e.forceOpenBreaker(a, TaskName::PriceUpdate);
    };
    const Command none;
    QTest::newRow("pause") << none << pause << u"emergency_pause"_s;
    QTest::newRow("resume") << pause
                            << Command([](HeartbeatEngine &e, const Actor &a) {
                                   return e.setEmergencyStop(a, false, {});
                               })
                            << u"resume"_s;
    QTest::newRow("maintenance on") << none << maintenanceOn << u"maintenance_on"_s;
    QTest::newRow("maintenance off") << maintenanceOn
                                     << Command([](HeartbeatEngine &e, const Actor &a) {
                                            return e.setMaintenanceMode(a, false);
                                        })
                                     << u"maintenance_off"_s;
    QTest::newRow("heartbeat off") << none << disable << u"heartbeat_disable"_s;
    QTest::newRow("heartbeat on") << disable
                                  << Command([](HeartbeatEngine &e, const Actor &a) {
                                         return e.setEnabled(a, true);
                                     })
                                  << u"heartbeat_enable"_s;
    QTest::newRow("config") << none
                            << Command([](HeartbeatEngine &e, const Actor &a) {
                                   HeartbeatConfig c = testConfig();
                                   c.tickIntervalMs = 5'000;
                                   return e.updateConfig(a, c);
                               })
                            << u"config_change"_s;
    QTest::newRow("task off") << none << toggleOff << u"task_disable"_s;
    QTest::newRow("task on") << toggleOff
                             << Command([](HeartbeatEngine &e, const Actor &a) {
                                    return e.setTaskEnabled(a, TaskName::PriceUpdate, true);
                                })
                             << u"task_enable"_s;
    QTest::newRow("force open") << none << forceOpen << u"breaker_force_open"_s;
    QTest::newRow("reset") << forceOpen
                           << Command([](HeartbeatEngine &e, const Actor &a) {
                                  return e.resetBreaker(a, {});
                              })
                           << u"breaker_reset"_s;
}

void TestEngineCommands::refusedCommands()
{
    QFETCH(Command, prepare);
    QFETCH(Command, command);
    QFETCH(QString, action);
    Rig rig({std::make_shared<ScriptedTask>(TaskName::PriceUpdate)});
    if (prepare)
        QVERIFY(prepare(*rig.engine, kAdmin).ok);
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

    // The same command from an admin changes what the refused ones left alone.
    const CommandResult allowed = command(*rig.engine, kAdmin);
    QVERIFY2(allowed.ok, qPrintable(allowed.error));
    const EngineState done = rig.state();
    QVERIFY2(done.config != before.config || done.emergencyStop != before.emergencyStop
                 || done.breakers.constFirst().state != before.breakers.constFirst().state,
             "the admin's command had an effect");
    QCOMPARE(done.recentAudit.constLast().action, action);
}

void TestEngineCommands::invalidConfigIsRejectedAndNotApplied()
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

void TestEngineCommands::breakerResetAndForceOpen()
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

void TestEngineCommands::stateSurvivesRestartThroughTheStore()
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
        for (int i = 0; i < 3; ++i) {
            rig.tick();
            // Time passes between ticks, as it does: a run's start is its tick's start plus
            // however long it waited for a thread, so runs of one frozen instant could sort
            // in any order.
            rig.clock->advance(testConfig().tickIntervalMs);
        }
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
    // Each task's newest run comes back from `executions` (for the task list's last run).
    QCOMPARE(state.lastRuns.size(), 2);
    QHash<QString, ExecutionRecord> lastRun;
    for (const ExecutionRecord &r : state.lastRuns)
        lastRun.insert(r.task, r);
    QCOMPARE(lastRun.value(TaskName::PriceUpdate).outcome, Outcome::Failure);
    QCOMPARE(lastRun.value(TaskName::PriceUpdate).error, QStringLiteral("scripted failure"));
    QCOMPARE(lastRun.value(TaskName::LoanMonitoring).outcome, Outcome::Success);
    QCOMPARE(lastRun.value(TaskName::LoanMonitoring).tickId, 3);

    // A new engine picks it all up, including the breaker's failure count.
    Rig rig({std::make_shared<ScriptedTask>(TaskName::PriceUpdate, true),
             std::make_shared<ScriptedTask>(TaskName::LoanMonitoring)},
            testConfig(), state);
    QVERIFY(rig.state().emergencyStop);
    QCOMPARE(rig.breaker(TaskName::PriceUpdate).failureCount, 3);
    // The task list says when each task last ran, before any tick of this run.
    for (const TaskStatus &t : rig.state().tasks) {
        QVERIFY2(t.hasRun, qPrintable(t.name));
        QCOMPARE(t.lastRunMs, lastRun.value(t.name).startedAtMs);
        QCOMPARE(t.lastOutcome, lastRun.value(t.name).outcome);
    }
    QCOMPARE(rig.state().metrics.tickCount, 3);
    QCOMPARE(rig.state().tasks.at(1).completed, 3);
}

void TestEngineCommands::taskLedgerChangesAreAudited()
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

void TestEngineCommands::auditLogCapIsAppliedByTheWriter()
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

void TestEngineCommands::committedCountersNeverRunAheadOfRows()
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

QTEST_GUILESS_MAIN(TestEngineCommands)
#include "tst_enginecommands.moc"
