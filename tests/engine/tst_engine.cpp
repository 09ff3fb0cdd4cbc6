// The engine's tick loop: isolation of misbehaving tasks, breakers through real ticks, pause,
// resume and maintenance semantics, health, alerts, snapshots and the host thread. Commands,
// authorization, audit and persistence are in tst_enginecommands.cpp.

#include "engine.h"
#include "enginerig.h"
#include "enginehost.h"
#include "oracle/oraclemonitor.h"
#include "tasks/oraclemonitoringtask.h"
#include "recordfeed.h"
#include "store/metricsstore.h"
#include "store/metricswriter.h"
#include "testsupport.h"
#include "testtasks.h"
#include "core/threadpriority.h"

#include <SQLiteCpp/Database.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <ctime>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using namespace hb;
using namespace Qt::StringLiterals;
using namespace hb::test;


class TestEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void misbehavingTasksDoNotStopTheOthers();
    void timedOutTaskThatIgnoresCancellationIsNotStartedTwice();
    void breakerOpensSkipsAndRecoversThroughRealTicks();
    void skippedRunSaysWhenTheNextTrialIsInLocalTime_data();
    void skippedRunSaysWhenTheNextTrialIsInLocalTime();
    void oracleHealthFollowsTheMonitorAndThePriceBreaker();
    void snapshotCarriesTheSchedule();
    void emergencyPauseCancelsRunningTasksWithinOneSecond();
    void pausedTicksStillRecordTheHeartbeat();
    void maintenanceModeRunsNothingButStaysFresh();
    void healthFreshnessFollowsTheClock();
    void snapshotsAreCoalesced();
    void hostRunsEngineOnItsOwnThread();
    void stopDoesNotWaitForATaskThatIgnoresCancellation();
    void tasksRunAtALowerPriorityThanTheEngine();
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
    QVERIFY(second.value(QStringLiteral("stubborn")).error.contains(u"still running"));
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

void TestEngine::skippedRunSaysWhenTheNextTrialIsInLocalTime_data()
{
    QTest::addColumn<QString>("opened"); // local time in Jakarta (UTC+7, no daylight saving)
    QTest::addColumn<QString>("error");
    QTest::newRow("same day") << u"2026-12-01T14:00:09"_s
                              << u"circuit breaker open; next trial at 14:05:09"_s;
    // Read beside the run's own time (23:58): a bare 00:03:30 would look like the same night.
    QTest::newRow("next day") << u"2026-12-01T23:58:30"_s
                              << u"circuit breaker open; next trial at 2026-12-02 00:03:30"_s;
}

// executions.error of a run skipped by an open breaker says when the trial comes as a time a
// person reads, not in epoch milliseconds.
void TestEngine::skippedRunSaysWhenTheNextTrialIsInLocalTime()
{
    QFETCH(QString, opened);
    QFETCH(QString, error);
    const QByteArray tz = qgetenv("TZ");
    qputenv("TZ", "Asia/Jakarta");
    tzset();
    const auto restore = qScopeGuard([tz] {
        if (tz.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", tz);
        tzset();
    });

    auto task = std::make_shared<ScriptedTask>(TaskName::PriceUpdate, true);
    Rig rig({task});
    QDateTime local = QDateTime::fromString(opened, Qt::ISODate);
    local.setTimeZone(QTimeZone(7 * 3600));
    rig.clock->set(local.toMSecsSinceEpoch());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(rig.tick().value(TaskName::PriceUpdate).outcome, Outcome::Failure);
    QCOMPARE(rig.breaker(TaskName::PriceUpdate).state, BreakerState::Open);

    const ExecutionRecord skipped = rig.tick().value(TaskName::PriceUpdate);
    QCOMPARE(skipped.outcome, Outcome::Skipped);
    QCOMPARE(skipped.error, error);
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

// SIGTERM's promise (exit within 5 s, the store flushed) holds even when a task ignores its
// cancellation flag: the engine records it as cancelled, flushes, and leaves its thread behind.
void TestEngine::stopDoesNotWaitForATaskThatIgnoresCancellation()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    auto clock = std::make_shared<FakeClock>();
    auto stubborn = std::make_shared<StubbornTask>(4000);
    MetricsWriter writer(std::make_unique<MetricsStore>(path), {}, clock);
    EngineOptions o;
    o.clock = clock;
    o.config = testConfig();
    o.config.taskTimeoutMs = 60'000;
    o.tasks = {stubborn, std::make_shared<ScriptedTask>(TaskName::PriceUpdate)};
    o.writer = &writer;
    {
        EngineHost host(std::move(o));
        host.start();
        QTRY_VERIFY_WITH_TIMEOUT(stubborn->started.load(), 3000);

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("did not stop within 2 s")));
        QElapsedTimer stopping;
        stopping.start();
        host.stop();
        qInfo("stopped after %lld ms with a task still running", stopping.elapsed());
        QVERIFY2(stopping.elapsed() < 5000, "stopping waited for the task");
        QVERIFY(!stubborn->finished.load());
    }
    writer.stop();

    // What the store holds agrees with itself: the stubborn run is there, cancelled.
    MetricsStore store(path);
    const PersistedState state = store.loadState();
    QCOMPARE(state.metrics.cancelledExecutions, 1);
    QCOMPARE(state.metrics.tasksCompleted.value(TaskName::PriceUpdate), 1);
    SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
    QCOMPARE(db.execAndGet("SELECT outcome FROM executions WHERE task = 'stubborn'").getString(),
             std::string("cancelled"));
    // The task's thread finishes on its own; the engine's pool goes with it (nothing leaks).
    QTRY_VERIFY_WITH_TIMEOUT(stubborn->finished.load(), 10'000);
    QTest::qWait(200);
}


namespace {
#ifdef Q_OS_LINUX
// The nice value of the calling thread, as the kernel schedules it.
int niceOfThisThread()
{
    return ::getpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)));
}

// Records the nice value of the pool thread it runs on.
class NiceProbeTask : public MaintenanceTask
{
public:
    QString name() const override { return TaskName::PriceUpdate; }
    TaskResult run(const TaskContext &) override
    {
        nice = niceOfThisThread();
        ++runs;
        return TaskResult::success(1);
    }
    std::atomic_int nice{-100};
    std::atomic_int runs{0};
};
#endif
} // namespace

// Tasks that keep both cores busy must not make the window wait: they run nicer than the GUI
// and the engine thread, which keep the priority they were started with.
void TestEngine::tasksRunAtALowerPriorityThanTheEngine()
{
#ifndef Q_OS_LINUX
    QSKIP("thread priorities are only lowered on Linux");
#else
    const int normal = niceOfThisThread();
    if (normal >= 19)
        QSKIP("the test runs at the lowest priority already");
    auto probe = std::make_shared<NiceProbeTask>();
    EngineOptions o;
    o.clock = std::make_shared<FakeClock>();
    o.config = testConfig();
    o.tasks = {probe};
    EngineHost host(std::move(o));
    host.start();
    QTRY_VERIFY_WITH_TIMEOUT(probe->runs.load() >= 1, 3000);
    QCOMPARE(probe->nice.load(), std::max(normal, BackgroundNice));
    QVERIFY(probe->nice.load() > normal);

    QObject receiver;
    std::atomic_int engineNice{-100};
    bool answered = false;
    host.command(
        &receiver,
        [&](HeartbeatEngine &) {
            engineNice = niceOfThisThread(); // read on the engine's thread
            return CommandResult{};
        },
        [&](const CommandResult &) { answered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 2000);
    QCOMPARE(engineNice.load(), normal);
    QCOMPARE(niceOfThisThread(), normal); // the GUI thread's
    host.stop();
#endif
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
