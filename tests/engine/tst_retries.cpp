// Retries inside a run: a failing attempt is tried again after an exponential backoff with
// jitter; every attempt is a row, and only the run's last outcome counts for the breaker.

#include "enginerig.h"
#include "testtasks.h"

#include <QJsonDocument>
#include <QTest>

using namespace hb;
using namespace hb::test;
using namespace Qt::StringLiterals;

namespace {

// Fails its first `failures` attempts, then succeeds.
class FlakyTask : public MaintenanceTask
{
public:
    explicit FlakyTask(int failures) : m_failures(failures) {}
    QString name() const override { return TaskName::OracleMonitoring; }
    TaskResult run(const TaskContext &) override
    {
        if (++attempts <= m_failures)
            return TaskResult::failure(u"feed unreachable (%1)"_s.arg(attempts.load()));
        return TaskResult::success(7);
    }
    std::atomic_int attempts{0};

private:
    int m_failures;
};

HeartbeatConfig withRetries(int retries, qint64 baseMs, qint64 maxMs)
{
    HeartbeatConfig config = testConfig();
    config.taskTimeoutMs = 5000;
    TaskSchedule s;
    s.retries = retries;
    s.retryBaseMs = baseMs;
    s.retryMaxMs = maxMs;
    config.schedules.insert(TaskName::OracleMonitoring, s);
    return config;
}

QVector<ExecutionRecord> rowsOf(const Rig &rig, const QString &task)
{
    QVector<ExecutionRecord> rows;
    for (const ExecutionRecord &r : rig.records) {
        if (r.task == task)
            rows.append(r);
    }
    return rows;
}

} // namespace

class TestRetries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffDoublesUpToTheCapWithHalfOfItRandom()
    {
        TaskSchedule s;
        s.retryBaseMs = 100;
        s.retryMaxMs = 1000;
        QCOMPARE(s.retryDelayMs(0, 0.0), 50);  // 100: half fixed, half random
        QCOMPARE(s.retryDelayMs(0, 0.999), 99);
        QCOMPARE(s.retryDelayMs(1, 0.0), 100); // 200
        QCOMPARE(s.retryDelayMs(2, 0.5), 300); // 400: 200 + 100
        QCOMPARE(s.retryDelayMs(4, 0.0), 500); // 1600 capped at 1000
        QCOMPARE(s.retryDelayMs(40, 1.0), 1000);
    }

    void configReadsAndRefusesRetries()
    {
        ConfigError error;
        auto config = configFromJson(
            QJsonDocument::fromJson(R"({"tasks": {"oracle_monitoring": {"retries": 3,
                "retry_base_ms": 200, "retry_max_ms": 5000}}})")
                .object(),
            &error);
        QVERIFY2(config, qPrintable(error.toString()));
        const TaskSchedule s = config->scheduleOf(TaskName::OracleMonitoring);
        QCOMPARE(s.retries, 3);
        QCOMPARE(s.retryBaseMs, 200);
        QCOMPARE(s.retryMaxMs, 5000);
        QCOMPARE(s.kind, TaskSchedule::Kind::EveryTick);
        QVERIFY(*configFromJson(config->toJson(), &error) == *config);

        QVERIFY(!configFromJson(
            QJsonDocument::fromJson(R"({"tasks": {"oracle_monitoring": {"retries": 11}}})").object(),
            &error));
        QCOMPARE(error.field, u"tasks.oracle_monitoring.retries"_s);
        QVERIFY(!configFromJson(QJsonDocument::fromJson(
                                    R"({"tasks": {"oracle_monitoring": {"retry_base_ms": 500,
                                        "retry_max_ms": 100}}})")
                                    .object(),
                                &error));
        QCOMPARE(error.field, u"tasks.oracle_monitoring.retry_max_ms"_s);
    }

    // Two failures, then success: three rows, a success for the breaker, no failure counted.
    void retriedRunSucceeds()
    {
        auto task = std::make_shared<FlakyTask>(2);
        Rig rig({task}, withRetries(3, 20, 100));
        QCOMPARE(rig.tick().value(TaskName::OracleMonitoring).outcome, Outcome::Success);
        QCOMPARE(task->attempts.load(), 3);
        const QVector<ExecutionRecord> rows = rowsOf(rig, TaskName::OracleMonitoring);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].outcome, Outcome::Failure);
        QVERIFY2(rows[0].error.startsWith(u"attempt 1 of 4 failed; retrying in "_s),
                 qPrintable(rows[0].error));
        QVERIFY(rows[0].error.endsWith(u"feed unreachable (1)"_s));
        QVERIFY(rows[1].error.startsWith(u"attempt 2 of 4 failed"_s));
        QCOMPARE(rows[2].outcome, Outcome::Success);
        QCOMPARE(rows[2].items, 7);
        // The waits really were waited: each attempt starts after the one before plus its backoff
        // (at least half the backoff: base 20 ms, then 40).
        QVERIFY(rows[1].startedAtMs - rows[0].startedAtMs >= 10);
        QVERIFY(rows[2].startedAtMs - rows[1].startedAtMs >= 20);
        const BreakerStatus b = rig.breaker(TaskName::OracleMonitoring);
        QCOMPARE(b.state, BreakerState::Closed);
        QCOMPARE(b.failureCount, 0);
        QCOMPARE(rig.state().tasks.at(0).lastOutcome, Outcome::Success);
    }

    // Out of retries: one failure for the breaker, however many attempts failed.
    void exhaustedRetriesCountOnce()
    {
        auto task = std::make_shared<FlakyTask>(100);
        Rig rig({task}, withRetries(2, 10, 20));
        const ExecutionRecord last = rig.tick().value(TaskName::OracleMonitoring);
        QCOMPARE(task->attempts.load(), 3);
        QCOMPARE(rowsOf(rig, TaskName::OracleMonitoring).size(), 3);
        QCOMPARE(last.outcome, Outcome::Failure);
        QVERIFY2(last.error.startsWith(u"attempt 3 of 3: feed unreachable (3)"_s),
                 qPrintable(last.error));
        QCOMPARE(rig.breaker(TaskName::OracleMonitoring).failureCount, 1);
    }

    // No retries configured: exactly the old behaviour, one attempt and one row.
    void noRetriesIsOneAttempt()
    {
        auto task = std::make_shared<FlakyTask>(1);
        Rig rig({task}, testConfig());
        QCOMPARE(rig.tick().value(TaskName::OracleMonitoring).outcome, Outcome::Failure);
        QCOMPARE(task->attempts.load(), 1);
        QCOMPARE(rowsOf(rig, TaskName::OracleMonitoring).size(), 1);
        QCOMPARE(rowsOf(rig, TaskName::OracleMonitoring)[0].error, u"feed unreachable (1)"_s);
    }

    // A stop during the backoff ends the wait at once: the run is cancelled, not retried.
    void stopEndsTheBackoff()
    {
        auto task = std::make_shared<FlakyTask>(100);
        Rig rig({task}, withRetries(5, 60'000, 600'000));
        rig.engine->tickNow();
        QTRY_COMPARE(task->attempts.load(), 1);
        QElapsedTimer waited;
        waited.start();
        rig.engine->stop();
        QCOMPARE(task->attempts.load(), 1);
        QTRY_VERIFY(!rig.state().tasks.at(0).running);
        QVERIFY(waited.elapsed() < 30'000); // far below the minute of backoff
    }
};

QTEST_GUILESS_MAIN(TestRetries)
#include "tst_retries.moc"
