// Runs that wait for a pool thread: a task's timeout counts from the moment its run() starts,
// not from when it was queued behind slower tasks; a run cancelled while still queued never
// starts and says so; every run records how long it waited (queued_ms).

#include "engine.h"
#include "enginerig.h"
#include "testtasks.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace hb;
using namespace hb::test;
using namespace Qt::StringLiterals;

namespace {

// Takes `ms` of real time (stopping early when cancelled), then succeeds; counts its runs.
class TimedTask : public MaintenanceTask
{
public:
    TimedTask(QString name, int ms)
        : m_name(std::move(name))
        , m_ms(ms)
    {
    }
    QString name() const override { return m_name; }
    TaskResult run(const TaskContext &ctx) override
    {
        ++runs;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < m_ms) {
            if (ctx.isCancelled())
                return TaskResult::failure(u"cancelled"_s);
            QThread::msleep(5);
        }
        return TaskResult::success(1);
    }
    std::atomic_int runs{0};

private:
    QString m_name;
    int m_ms;
};

// Holds its pool thread until cancelled. Named as a real task so the config can turn it off.
class HoldingTask : public MaintenanceTask
{
public:
    QString name() const override { return TaskName::LoanMonitoring; }
    TaskResult run(const TaskContext &ctx) override
    {
        started = true;
        while (!ctx.isCancelled())
            QThread::msleep(5);
        return TaskResult::failure(u"cancelled"_s);
    }
    std::atomic_bool started{false};
};

HeartbeatConfig onePoolThread(qint64 timeoutMs)
{
    HeartbeatConfig c = testConfig();
    c.maxConcurrentTasks = 1;
    c.taskTimeoutMs = timeoutMs;
    return c;
}

} // namespace

class TestTaskQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void waitingForAThreadIsNotTimedOut();
    void runCancelledWhileQueuedNeverStarts_data();
    void runCancelledWhileQueuedNeverStarts();
    void taskThatIgnoresItsTimeoutDoesNotHoldUpTheQueue();
    void shutdownDoesNotWaitForATaskWhoseThreadWasReplaced();
};

// One pool thread: the second task waits 700 ms for the first, then runs 600 ms. Both are
// within the 1 s timeout; counted from the queue the second would have taken 1.3 s.
void TestTaskQueue::waitingForAThreadIsNotTimedOut()
{
    auto first = std::make_shared<TimedTask>(u"first"_s, 700);
    auto second = std::make_shared<TimedTask>(u"second"_s, 600);
    Rig rig({first, second}, onePoolThread(1000));
    const qint64 tickAtMs = rig.clock->nowMs();

    const auto byTask = rig.tick(5000);
    QCOMPARE(byTask.size(), 2);
    const ExecutionRecord a = byTask.value(u"first"_s);
    const ExecutionRecord b = byTask.value(u"second"_s);
    QCOMPARE(a.outcome, Outcome::Success);
    QVERIFY2(b.outcome == Outcome::Success, qPrintable(outcomeName(b.outcome) + u' ' + b.error));
    QCOMPARE(second->runs.load(), 1);
    // The wait is recorded apart from the run; the run's duration is its own.
    QVERIFY(a.queuedMs && *a.queuedMs < 300);
    QVERIFY2(b.queuedMs && *b.queuedMs >= 650,
             qPrintable(u"queued %1 ms"_s.arg(b.queuedMs.value_or(-1))));
    QVERIFY2(b.durationMs >= 600 && b.durationMs < 1000, qPrintable(QString::number(b.durationMs)));
    // started_at_ms is when run() began; minus the wait it is when the tick queued it.
    QCOMPARE(b.startedAtMs - *b.queuedMs, tickAtMs);
    QCOMPARE(a.startedAtMs - *a.queuedMs, tickAtMs);
    // Nothing counted against the waiting task.
    QCOMPARE(rig.breaker(u"second"_s).failureCount, 0);
    QCOMPARE(rig.state().metrics.failedExecutions, 0);
}

void TestTaskQueue::runCancelledWhileQueuedNeverStarts_data()
{
    QTest::addColumn<QString>("cause");
    QTest::addColumn<QString>("reason");
    QTest::newRow("emergency pause") << u"pause"_s << u"cancelled: emergency pause"_s;
    QTest::newRow("maintenance mode") << u"maintenance"_s << u"cancelled: maintenance mode"_s;
    QTest::newRow("engine stopping") << u"stop"_s << u"cancelled: engine stopping"_s;
}

void TestTaskQueue::runCancelledWhileQueuedNeverStarts()
{
    QFETCH(QString, cause);
    QFETCH(QString, reason);
    auto hanging = std::make_shared<HoldingTask>(); // holds the only thread until cancelled
    auto queued = std::make_shared<ScriptedTask>(TaskName::PriceUpdate);
    Rig rig({hanging, queued}, onePoolThread(20'000));

    QSignalSpy finished(rig.engine.get(), &HeartbeatEngine::tickFinished);
    rig.engine->tickNow();
    QTRY_VERIFY_WITH_TIMEOUT(hanging->started.load(), 2000);
    QTest::qWait(150); // the queued run has waited a while

    if (cause == u"pause") {
        QVERIFY(rig.engine->setEmergencyStop(kAdmin, true, u"drill"_s).ok);
    } else if (cause == u"maintenance") {
        QVERIFY(rig.engine->setMaintenanceMode(kAdmin, true).ok);
    } else {
        rig.engine->stop();
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 1000);
    QCoreApplication::processEvents(); // the feed's queued drain

    const auto recordOf = [&rig](const QString &task) {
        for (const ExecutionRecord &r : std::as_const(rig.records)) {
            if (r.task == task)
                return r;
        }
        return ExecutionRecord{};
    };
    const ExecutionRecord running = recordOf(TaskName::LoanMonitoring);
    QCOMPARE(running.outcome, Outcome::Cancelled);
    QCOMPARE(running.error, reason);

    const ExecutionRecord waiting = recordOf(TaskName::PriceUpdate);
    QCOMPARE(waiting.outcome, Outcome::Cancelled);
    QVERIFY2(waiting.error.startsWith(reason) && waiting.error.contains(u"before it started"),
             qPrintable(waiting.error));
    QCOMPARE(waiting.durationMs, 0);
    QVERIFY2(waiting.queuedMs && *waiting.queuedMs >= 150,
             qPrintable(u"queued %1 ms"_s.arg(waiting.queuedMs.value_or(-1))));

    // The hanging task gives its thread back; the withdrawn run still does not start.
    QTRY_VERIFY_WITH_TIMEOUT(!rig.state().tasks.at(0).running, 1000);
    QTest::qWait(100);
    QCOMPARE(queued->runs.load(), 0);
    QVERIFY(!rig.state().tasks.at(1).running);
    QCOMPARE(rig.state().metrics.cancelledExecutions, 2);
    QCOMPARE(rig.breaker(TaskName::PriceUpdate).failureCount, 0);

    // Its slot is free: the next tick that runs tasks runs it (not "previous run still in
    // progress"). The hanging task sits this one out, or it would hold the thread again.
    if (cause == u"pause")
        QVERIFY(rig.engine->setEmergencyStop(kAdmin, false, {}).ok);
    else if (cause == u"maintenance")
        QVERIFY(rig.engine->setMaintenanceMode(kAdmin, false).ok);
    const CommandResult off = rig.engine->setTaskEnabled(kAdmin, TaskName::LoanMonitoring, false);
    QVERIFY2(off.ok, qPrintable(off.error));
    const auto next = rig.tick();
    QCOMPARE(next.value(TaskName::PriceUpdate).outcome, Outcome::Success);
    QCOMPARE(queued->runs.load(), 1);
}

// A timed-out task that ignores its cancellation keeps its pool thread for a while; the run
// queued behind it starts anyway instead of waiting for it (the timeout is what isolates them).
void TestTaskQueue::taskThatIgnoresItsTimeoutDoesNotHoldUpTheQueue()
{
    auto stubborn = std::make_shared<StubbornTask>(1500);
    auto quick = std::make_shared<ScriptedTask>(TaskName::PriceUpdate);
    Rig rig({stubborn, quick}, onePoolThread(200));

    QElapsedTimer timer;
    timer.start();
    const auto byTask = rig.tick(5000);
    QCOMPARE(byTask.value(u"stubborn"_s).outcome, Outcome::Timeout);
    QCOMPARE(byTask.value(TaskName::PriceUpdate).outcome, Outcome::Success);
    const ExecutionRecord quickRun = byTask.value(TaskName::PriceUpdate);
    QVERIFY2(quickRun.queuedMs && *quickRun.queuedMs < 1000,
             qPrintable(u"queued %1 ms"_s.arg(quickRun.queuedMs.value_or(-1))));
    QVERIFY2(timer.elapsed() < 1200, "the tick waited for the stubborn task to return");
    QVERIFY(!stubborn->finished.load());

    // When it returns at last, its outcome stands.
    QTRY_VERIFY_WITH_TIMEOUT(stubborn->finished.load() && !rig.state().tasks.at(0).running, 3000);
    QCOMPARE(rig.state().tasks.at(0).lastOutcome, Outcome::Timeout);
}

// The thread lent in place of a stubborn task must not make shutdown think the pool is idle
// and then wait on that task: the engine still gives up on it after its grace period.
void TestTaskQueue::shutdownDoesNotWaitForATaskWhoseThreadWasReplaced()
{
    auto stubborn = std::make_shared<StubbornTask>(8000);
    auto quick = std::make_shared<ScriptedTask>(TaskName::PriceUpdate);
    Rig rig({stubborn, quick}, onePoolThread(100));
    const auto byTask = rig.tick(5000);
    QCOMPARE(byTask.value(u"stubborn"_s).outcome, Outcome::Timeout);
    QCOMPARE(byTask.value(TaskName::PriceUpdate).outcome, Outcome::Success);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"did not stop within 2 s"_s));
    QElapsedTimer stopping;
    stopping.start();
    rig.engine.reset();
    QVERIFY2(stopping.elapsed() < 5000,
             qPrintable(u"destroying the engine took %1 ms"_s.arg(stopping.elapsed())));
    QVERIFY(!stubborn->finished.load());
}

QTEST_GUILESS_MAIN(TestTaskQueue)
#include "tst_taskqueue.moc"
