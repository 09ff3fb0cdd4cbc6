// The engine runs each task on its own schedule: an interval or cron task runs only when due,
// its next run is persisted in metrics.db with the rows of the run it follows, and a restart
// (a new engine on the same file) neither repeats nor loses a run; missed runs follow the misfire
// policy; active hours skip with the reason.

#include "enginerig.h"
#include "store/metricsreader.h"
#include "store/metricswriter.h"
#include "testtasks.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace hb;
using namespace hb::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinute = 60'000;

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

HeartbeatConfig withInterval(const QString &task, qint64 ms,
                             TaskSchedule::Misfire misfire = TaskSchedule::Misfire::RunOnce)
{
    HeartbeatConfig config = testConfig();
    TaskSchedule s;
    s.kind = TaskSchedule::Kind::Interval;
    s.intervalMs = ms;
    s.misfire = misfire;
    config.schedules.insert(task, s);
    return config;
}

// An engine with its own writer on `path`, started from what the file holds: what a process
// start does. Destroying it is a stop.
struct Process
{
    std::shared_ptr<FakeClock> clock;
    std::unique_ptr<MetricsWriter> writer;
    std::unique_ptr<Rig> rig;

    Process(const QString &path, qint64 nowMs, std::vector<std::shared_ptr<MaintenanceTask>> tasks,
            const HeartbeatConfig &config)
    {
        auto store = std::make_unique<MetricsStore>(path);
        const PersistedState state = store->loadState();
        clock = std::make_shared<FakeClock>(nowMs);
        writer = std::make_unique<MetricsWriter>(std::move(store), RetentionPolicy{}, clock);
        rig = std::make_unique<Rig>(std::move(tasks), config, state, writer.get());
        rig->clock->set(nowMs);
    }
    ~Process()
    {
        rig->engine->stop();
        rig.reset();
        writer->stop();
    }
    QHash<QString, ExecutionRecord> tickAt(qint64 ms)
    {
        rig->clock->set(ms);
        clock->set(ms);
        auto records = rig->tick();
        writer->flush();
        return records;
    }
};

int executionRows(const QString &path, const QString &task)
{
    MetricsReader reader(path);
    int n = 0;
    for (const ExecutionRecord &r : reader.executions(0, std::numeric_limits<qint64>::max(), 100'000)) {
        if (r.task == task && r.outcome != Outcome::Skipped)
            ++n;
    }
    return n;
}

} // namespace

class TestSchedules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intervalTaskRunsOnlyWhenDue()
    {
        auto every = std::make_shared<ScriptedTask>(TaskName::LoanMonitoring);
        auto hourly = std::make_shared<ScriptedTask>(TaskName::AutoCleanup);
        Rig rig({every, hourly}, withInterval(TaskName::AutoCleanup, 60 * kMinute));
        const qint64 t0 = utc("2026-12-03T10:00:00Z");
        rig.clock->set(t0);

        auto first = rig.tick();
        QCOMPARE(first.value(TaskName::AutoCleanup).outcome, Outcome::Success); // first: at once
        QCOMPARE(first.value(TaskName::LoanMonitoring).outcome, Outcome::Success);

        rig.clock->set(t0 + 30 * kMinute);
        auto second = rig.tick();
        QVERIFY(!second.contains(TaskName::AutoCleanup)); // not due: no row at all
        QCOMPARE(second.value(TaskName::LoanMonitoring).outcome, Outcome::Success);
        QCOMPARE(hourly->runs.load(), 1);

        // The Tasks table's Schedule column reads these.
        const EngineState s = rig.state();
        const TaskStatus cleanup = s.tasks.at(1);
        QCOMPARE(cleanup.schedule, u"every 1h"_s);
        QCOMPARE(cleanup.nextRunMs, t0 + 60 * kMinute);
        QCOMPARE(s.tasks.at(0).schedule, u"every tick"_s);

        rig.clock->set(t0 + 60 * kMinute + 20'000);
        QCOMPARE(rig.tick().value(TaskName::AutoCleanup).outcome, Outcome::Success);
        QCOMPARE(hourly->runs.load(), 2);
        QCOMPARE(rig.state().tasks.at(1).nextRunMs, t0 + 120 * kMinute);
    }

    void outsideActiveHoursIsSkippedWithTheReason()
    {
        auto task = std::make_shared<ScriptedTask>(TaskName::AutoLiquidation);
        HeartbeatConfig config = testConfig();
        TaskSchedule s;
        s.activeHours = u"09:00-17:00"_s;
        s.tz = u"UTC"_s;
        config.schedules.insert(TaskName::AutoLiquidation, s);
        Rig rig({task}, config);
        rig.clock->set(utc("2026-12-03T18:00:00Z"));
        const ExecutionRecord r = rig.tick().value(TaskName::AutoLiquidation);
        QCOMPARE(r.outcome, Outcome::Skipped);
        QCOMPARE(r.error, u"outside active hours 09:00-17:00"_s);
        QCOMPARE(task->runs.load(), 0);
        rig.clock->set(utc("2026-12-04T09:00:00Z"));
        QCOMPARE(rig.tick().value(TaskName::AutoLiquidation).outcome, Outcome::Success);
    }

    // Stop and start again on the same metrics.db: a run already made is not repeated, a run due
    // while stopped is made once (run_once), and the rows say so.
    void restartNeitherRepeatsNorLoses()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"metrics.db"_s);
        const HeartbeatConfig config = withInterval(TaskName::AutoCleanup, 60 * kMinute);
        const qint64 t0 = utc("2026-12-03T10:00:00Z");
        auto task = std::make_shared<ScriptedTask>(TaskName::AutoCleanup);
        {
            Process p(path, t0, {task}, config);
            QCOMPARE(p.tickAt(t0).value(TaskName::AutoCleanup).outcome, Outcome::Success);
        }
        {
            // Restarted 10 minutes later: the 10:00 run stands, the next is 11:00.
            Process p(path, t0 + 10 * kMinute, {task}, config);
            QVERIFY(!p.tickAt(t0 + 10 * kMinute).contains(TaskName::AutoCleanup));
            QCOMPARE(p.rig->state().tasks.at(0).nextRunMs, t0 + 60 * kMinute);
        }
        QCOMPARE(task->runs.load(), 1);
        {
            // Down from 10:10 to 14:30: four runs missed, one made (run_once), then 15:00.
            Process p(path, utc("2026-12-03T14:30:00Z"), {task}, config);
            QCOMPARE(p.tickAt(utc("2026-12-03T14:30:00Z")).value(TaskName::AutoCleanup).outcome,
                     Outcome::Success);
            QVERIFY(!p.tickAt(utc("2026-12-03T14:30:30Z")).contains(TaskName::AutoCleanup));
            QCOMPARE(p.rig->state().tasks.at(0).nextRunMs, utc("2026-12-03T15:00:00Z"));
        }
        QCOMPARE(task->runs.load(), 2);
        QCOMPARE(executionRows(path, TaskName::AutoCleanup), 2);

        // What an analyst reads: the next run and the run it follows.
        MetricsStore store(path);
        const PersistedState state = store.loadState();
        QCOMPARE(state.schedules.size(), 1);
        QCOMPARE(state.schedules[0].task, TaskName::AutoCleanup);
        QCOMPARE(state.schedules[0].dueMs, utc("2026-12-03T15:00:00Z"));
        QCOMPARE(state.schedules[0].followsMs, utc("2026-12-03T14:00:00Z"));
    }

    void runAllCatchesUpAtMostTen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"metrics.db"_s);
        const HeartbeatConfig config =
            withInterval(TaskName::PoolMaintenance, 5 * kMinute, TaskSchedule::Misfire::RunAll);
        const qint64 t0 = utc("2026-12-03T10:00:00Z");
        auto task = std::make_shared<ScriptedTask>(TaskName::PoolMaintenance);
        {
            Process p(path, t0, {task}, config);
            p.tickAt(t0);
        }
        {
            // Down for an hour: twelve runs missed, ten made, one a tick.
            Process p(path, t0 + 60 * kMinute + 30'000, {task}, config);
            for (int i = 0; i < 15; ++i)
                p.tickAt(t0 + 60 * kMinute + 30'000 + i * 2000);
        }
        QCOMPARE(task->runs.load(), 11);
        QCOMPARE(executionRows(path, TaskName::PoolMaintenance), 11);
    }

    void skipPolicyRecordsTheMissedRun()
    {
        auto task = std::make_shared<ScriptedTask>(TaskName::PoolMaintenance);
        const HeartbeatConfig config =
            withInterval(TaskName::PoolMaintenance, 5 * kMinute, TaskSchedule::Misfire::Skip);
        PersistedState state;
        ScheduleState row;
        row.task = TaskName::PoolMaintenance;
        row.signature = config.scheduleOf(TaskName::PoolMaintenance).signature();
        row.nominalMs = row.dueMs = utc("2026-12-03T10:05:00Z");
        row.followsMs = utc("2026-12-03T10:00:00Z");
        state.schedules = {row};
        Rig rig({task}, config, state);
        rig.clock->set(utc("2026-12-03T11:00:00Z"));
        const ExecutionRecord r = rig.tick().value(TaskName::PoolMaintenance);
        QCOMPARE(r.outcome, Outcome::Skipped);
        QVERIFY2(r.error.contains(u"misfire policy skip"_s), qPrintable(r.error));
        QCOMPARE(task->runs.load(), 0);
        QCOMPARE(rig.state().tasks.at(0).nextRunMs, utc("2026-12-03T11:05:00Z"));
    }

    // A run cancelled by a stop (or a pause) did not do its work: its scheduled run stays due.
    void cancelledRunStaysDue()
    {
        auto task = std::make_shared<HangingTask>();
        const HeartbeatConfig config = withInterval(task->name(), 60 * kMinute);
        PersistedState state;
        ScheduleState row;
        row.task = task->name();
        row.signature = config.scheduleOf(task->name()).signature();
        row.nominalMs = row.dueMs = utc("2026-12-03T10:00:00Z");
        state.schedules = {row};
        Rig rig({task}, config, state);
        rig.clock->set(utc("2026-12-03T10:00:05Z"));
        rig.engine->tickNow();
        QTRY_VERIFY(task->started);
        rig.engine->stop();
        QCoreApplication::processEvents();
        QCOMPARE(rig.records.size(), 1);
        QCOMPARE(rig.records[0].outcome, Outcome::Cancelled);
        QCOMPARE(rig.state().tasks.at(0).nextRunMs, utc("2026-12-03T10:00:00Z"));
    }

    // A changed schedule starts afresh at the next tick.
    void changedScheduleStartsAfresh()
    {
        auto task = std::make_shared<ScriptedTask>(TaskName::AutoCleanup);
        Rig rig({task}, withInterval(TaskName::AutoCleanup, 60 * kMinute));
        rig.clock->set(utc("2026-12-03T10:00:00Z"));
        rig.tick();
        HeartbeatConfig cron = rig.state().config;
        TaskSchedule s;
        s.kind = TaskSchedule::Kind::Cron;
        s.cron = u"30 10 * * *"_s;
        s.tz = u"UTC"_s;
        cron.schedules.insert(TaskName::AutoCleanup, s);
        QVERIFY(rig.engine->updateConfig(kAdmin, cron).ok);
        QCOMPARE(rig.state().tasks.at(0).nextRunMs, utc("2026-12-03T10:30:00Z"));
        rig.clock->set(utc("2026-12-03T10:10:00Z"));
        QVERIFY(!rig.tick().contains(TaskName::AutoCleanup));
        rig.clock->set(utc("2026-12-03T10:30:05Z"));
        QCOMPARE(rig.tick().value(TaskName::AutoCleanup).outcome, Outcome::Success);
        QCOMPARE(rig.state().tasks.at(0).nextRunMs, utc("2026-12-04T10:30:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestSchedules)
#include "tst_schedules.moc"
