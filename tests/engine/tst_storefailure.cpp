// When metrics.db cannot be written, the ledger stops changing: the engine enters emergency
// pause with the reason, raises a critical alert, runs no task, and Resume first retries the
// store (refused with the error while it still fails).

#include "enginerig.h"
#include "filelimits.h"
#include "store/metricswriter.h"
#include "testtasks.h"

#include <SQLiteCpp/Database.h>

#include <QTemporaryDir>
#include <QTest>

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

class TestStoreFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedWritePausesAndResumeRetries();
};

void TestStoreFailure::failedWritePausesAndResumeRetries()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"metrics.db"_s);
    auto clock = std::make_shared<FakeClock>();
    MetricsWriter writer(std::make_unique<MetricsStore>(path), RetentionPolicy{}, clock);
    auto task = std::make_shared<ScriptedTask>(TaskName::AutoLiquidation);
    Rig rig({task}, testConfig(), {}, &writer);

    QCOMPARE(rig.tick().value(TaskName::AutoLiquidation).outcome, Outcome::Success);
    writer.flush();
    QCOMPARE(task->runs.load(), 1);

    {
        // The disk is full: the next commit fails.
        FileSizeLimit full(16 * 1024);
        rig.tick();
        writer.flush();
        QVERIFY(writer.hasFailed());
        QTRY_VERIFY(rig.state().emergencyStop); // the writer's signal is queued to the engine
        const EngineState s = rig.state();
        QVERIFY2(s.emergencyReason.startsWith(u"metrics store failed: "_s),
                 qPrintable(s.emergencyReason));
        QVERIFY2(s.emergencyReason.contains(path), qPrintable(s.emergencyReason));
        const QVector<Alert> alerts = rig.alertsWithKey(u"store_failed"_s);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts[0].severity, Severity::Critical);

        // Paused: ticks are still heartbeats, but nothing runs.
        rig.tick();
        QCOMPARE(task->runs.load(), 2);

        // Resume retries the store first, and is refused while it still fails.
        const CommandResult refused = rig.engine->setEmergencyStop(kAdmin, false, {});
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(u"still cannot be written"_s), qPrintable(refused.error));
        QVERIFY(rig.state().emergencyStop);
        rig.tick();
        QCOMPARE(task->runs.load(), 2);
        // What an admin does meanwhile is kept for the audit log, not dropped with the ticks.
        QVERIFY(rig.engine->forceOpenBreaker(kAdmin, TaskName::AutoLiquidation).ok);
        QVERIFY(rig.engine->resetBreaker(kAdmin, TaskName::AutoLiquidation).ok);
    }

    // Space is back: Resume works, the alert goes, tasks run again.
    const CommandResult resumed = rig.engine->setEmergencyStop(kAdmin, false, {});
    QVERIFY2(resumed.ok, qPrintable(resumed.error));
    QVERIFY(!rig.state().emergencyStop);
    QVERIFY(rig.alertsWithKey(u"store_failed"_s).isEmpty());
    QCOMPARE(rig.tick().value(TaskName::AutoLiquidation).outcome, Outcome::Success);
    QCOMPARE(task->runs.load(), 3);
    writer.flush();
    QVERIFY(!writer.hasFailed());

    // The automatic pause and the admin's resume are both in the audit log.
    SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
    QCOMPARE(db.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'emergency_pause'"
                           " AND actor = 'heartbeat' AND detail LIKE '%metrics store failed%'")
                 .getInt64(),
             1);
    QCOMPARE(db.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'resume'").getInt64(), 1);
    QCOMPARE(db.execAndGet("SELECT count(*) FROM audit_log WHERE action IN"
                           " ('breaker_force_open', 'breaker_reset')")
                 .getInt64(),
             2);
    writer.stop();
}

QTEST_GUILESS_MAIN(TestStoreFailure)
#include "tst_storefailure.moc"
