// Scheduled runs across process boundaries, on the real daemon: a restart neither repeats nor
// loses a run; a run missed while stopped is made by the misfire policy; a kill between a run
// and the commit of its row and next run time loses nothing and doubles nothing; a stop during a
// catch-up keeps the count owed; a new process resumes ticking within 5 s of the old one's exit.
//
// The daemon has no fake clock: "stopped for three hours" is made by moving the persisted next
// run back in metrics.db's task_schedule while no process runs, which is what three hours of
// downtime leave there.

#include "daemontestutil.h"

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kHourMs = 3'600'000;
const QString kTask = TaskName::PoolMaintenance;

struct ScheduleRow
{
    qint64 nextRunMs = 0;
    qint64 nominalMs = 0;
    qint64 followsMs = 0;
    int catchUp = 0;
    bool found = false;
};

ScheduleRow scheduleRow(const QString &dataDir)
{
    ScheduleRow row;
    const auto db = openReadOnly(dataDir + u"/metrics.db"_s);
    SQLite::Statement q(*db, "SELECT coalesce(next_run_ms, 0), coalesce(nominal_ms, 0),"
                             " coalesce(follows_ms, 0), catch_up FROM task_schedule WHERE task = ?1");
    q.bind(1, kTask.toStdString());
    if (q.executeStep()) {
        row.found = true;
        row.nextRunMs = q.getColumn(0).getInt64();
        row.nominalMs = q.getColumn(1).getInt64();
        row.followsMs = q.getColumn(2).getInt64();
        row.catchUp = q.getColumn(3).getInt();
    }
    return row;
}

// Runs of the task that did their work (a cancelled one did not; skipped ones are not runs).
qint64 runsOf(const QString &dataDir)
{
    const auto db = openReadOnly(dataDir + u"/metrics.db"_s);
    SQLite::Statement q(*db, "SELECT count(*) FROM executions WHERE task = ?1"
                             " AND outcome IN ('success', 'failure', 'timeout')");
    q.bind(1, kTask.toStdString());
    q.executeStep();
    return q.getColumn(0).getInt64();
}

// What downtime leaves: the next run `agoMs` in the past.
bool moveNextRunBack(const QString &dataDir, qint64 agoMs)
{
    try {
        SQLite::Database db(QString(dataDir + u"/metrics.db"_s).toStdString(), SQLite::OPEN_READWRITE);
        SQLite::Statement q(db, "UPDATE task_schedule SET next_run_ms = ?1, nominal_ms = ?1"
                                " WHERE task = ?2");
        q.bind(1, static_cast<int64_t>(QDateTime::currentMSecsSinceEpoch() - agoMs));
        q.bind(2, kTask.toStdString());
        return q.exec() == 1;
    } catch (const std::exception &e) {
        qWarning() << e.what();
        return false;
    }
}

} // namespace

class TestHeartbeatdSchedules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_daemon.init(), "heartbeatd is built"); }

    void restartNeitherRepeatsNorLoses()
    {
        QTemporaryDir parent;
        const QString dir = parent.filePath(u"data"_s);
        QVERIFY(makeDir(dir, u"1h"_s, TaskSchedule::Misfire::RunOnce));
        const qint64 before = runsOf(dir);

        // The first start meets a new schedule: an interval runs at once, the next in an hour.
        const qint64 firstStart = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(runFor(dir, u"1"_s));
        QCOMPARE(runsOf(dir), before + 1);
        const ScheduleRow first = scheduleRow(dir);
        QVERIFY(first.found);
        QVERIFY(first.followsMs >= firstStart);
        QCOMPARE(first.nextRunMs, first.followsMs + kHourMs);

        // A restart: the run made is not made again; the next one stands.
        QVERIFY(runFor(dir, u"1"_s));
        QCOMPARE(runsOf(dir), before + 1);
        QCOMPARE(scheduleRow(dir).nextRunMs, first.nextRunMs);

        // Stopped for three hours (three runs missed): run_once makes one, then the next is
        // in the future on the hourly grid, following the last missed one.
        QVERIFY(moveNextRunBack(dir, 3 * kHourMs - 60'000));
        const ScheduleRow moved = scheduleRow(dir);
        QVERIFY(runFor(dir, u"1"_s));
        QCOMPARE(runsOf(dir), before + 2);
        const ScheduleRow after = scheduleRow(dir);
        QCOMPARE(after.followsMs, moved.nominalMs + 2 * kHourMs);
        QCOMPARE(after.nextRunMs, moved.nominalMs + 3 * kHourMs);
        QVERIFY(after.nextRunMs > QDateTime::currentMSecsSinceEpoch());
        QVERIFY(countersMismatch(dir + u"/metrics.db"_s).isEmpty());
    }

    // kill -9 between a run and the commit of its row and of the next run time: the run is made
    // again after the restart and recorded once, following the same scheduled time.
    void killBetweenRunAndCommit()
    {
        QTemporaryDir parent;
        const QString dir = parent.filePath(u"data"_s);
        QVERIFY(makeDir(dir, u"1h"_s, TaskSchedule::Misfire::RunOnce));
        QVERIFY(runFor(dir, u"1"_s));
        const qint64 before = runsOf(dir);
        QVERIFY(moveNextRunBack(dir, 5'000)); // due now, on time
        const ScheduleRow due = scheduleRow(dir);

        m_daemon.setEnv(u"HB_FAULT_EXIT_AFTER_RUN"_s, kTask);
        const Result killed = m_daemon.run(
            {u"--data-dir"_s, dir, u"--tick-ms"_s, u"100"_s, u"--run-for"_s, u"10"_s});
        m_daemon.setEnv(u"HB_FAULT_EXIT_AFTER_RUN"_s, {});
        QVERIFY2(killed.exitedWith(87), killed.describe());
        QCOMPARE(runsOf(dir), before);         // nothing of the run was written ...
        QVERIFY(scheduleRow(dir).nextRunMs == due.nextRunMs); // ... nor its next run time

        QVERIFY(runFor(dir, u"1"_s));
        QCOMPARE(runsOf(dir), before + 1);
        const ScheduleRow after = scheduleRow(dir);
        QCOMPARE(after.followsMs, due.nominalMs);
        QCOMPARE(after.nextRunMs, due.nominalMs + kHourMs);
        QVERIFY(countersMismatch(dir + u"/metrics.db"_s).isEmpty());
    }

    // run_all owes at most ten runs, one a tick; stopped in the middle, the count still owed is
    // committed with the runs made, and the next start makes exactly the rest.
    void stopDuringCatchUp()
    {
        QTemporaryDir parent;
        const QString dir = parent.filePath(u"data"_s);
        QVERIFY(makeDir(dir, u"1h"_s, TaskSchedule::Misfire::RunAll));
        QVERIFY(runFor(dir, u"1"_s));
        const qint64 before = runsOf(dir);
        // Twelve runs missed (10.5 hours): ten will be made.
        QVERIFY(moveNextRunBack(dir, 10 * kHourMs + kHourMs / 2));

        auto process = m_daemon.start({u"--data-dir"_s, dir, u"--tick-ms"_s, u"250"_s});
        QVERIFY(process->waitForStarted(5000));
        QVERIFY(QTest::qWaitFor([&] { return runsOf(dir) >= before + 3; }, kFinishTimeoutMs));
        ::kill(pid_t(process->processId()), SIGTERM);
        QVERIFY(process->waitForFinished(kFinishTimeoutMs));
        QCOMPARE(process->exitCode(), 0);
        const qint64 made = runsOf(dir) - before;
        QVERIFY2(made >= 3 && made < 10, qPrintable(QString::number(made)));
        QCOMPARE(scheduleRow(dir).catchUp, int(10 - made));

        QVERIFY(runFor(dir, u"4"_s)); // 40 ticks: more than enough for the rest
        QCOMPARE(runsOf(dir) - before, 10);
        QCOMPARE(scheduleRow(dir).catchUp, 0);
        QVERIFY(scheduleRow(dir).nextRunMs > QDateTime::currentMSecsSinceEpoch());
    }

    // An upgrade: the old process stops, the new one starts on the same directory and ticks
    // within 5 s of the old one's exit.
    void handoverResumesWithinFiveSeconds()
    {
        QTemporaryDir parent;
        const QString dir = parent.filePath(u"data"_s);
        QVERIFY(makeDir(dir, u"1h"_s, TaskSchedule::Misfire::RunOnce));
        const QString db = dir + u"/metrics.db"_s;
        const QStringList args{u"--tick-ms"_s, u"200"_s};
        auto old = m_daemon.startTicking(dir, args, committedTicks(db) + 2);
        QVERIFY(old);
        ::kill(pid_t(old->processId()), SIGTERM);
        QVERIFY(old->waitForFinished(kFinishTimeoutMs));
        QElapsedTimer sinceExit;
        sinceExit.start();
        const qint64 ticksBefore = committedTicks(db);
        const qint64 runsBefore = runsOf(dir);

        auto next = m_daemon.start({u"--data-dir"_s, dir, u"--tick-ms"_s, u"200"_s});
        QVERIFY(QTest::qWaitFor([&] { return committedTicks(db) > ticksBefore; }, kFinishTimeoutMs));
        const qint64 resumedMs = sinceExit.elapsed();
        qInfo("ticking again %lld ms after the old process exited", resumedMs);
        QVERIFY2(resumedMs <= 5000, qPrintable(QString::number(resumedMs)));
        ::kill(pid_t(next->processId()), SIGTERM);
        QVERIFY(next->waitForFinished(kFinishTimeoutMs));
        QCOMPARE(next->exitCode(), 0);
        QCOMPARE(runsOf(dir), runsBefore); // the hourly run was not made again by the new one
    }

private:
    // A demo data directory whose pool maintenance runs every `interval` under `misfire`.
    bool makeDir(const QString &dir, const QString &interval, TaskSchedule::Misfire misfire)
    {
        if (!m_daemon.createDataDir(dir))
            return false;
        ConfigFile file(dir + u"/config.json"_s);
        QString error;
        std::optional<HeartbeatConfig> config = file.load(&error);
        if (!config) {
            qWarning().noquote() << error;
            return false;
        }
        TaskSchedule s;
        s.kind = TaskSchedule::Kind::Interval;
        s.intervalMs = *parseIntervalText(interval);
        s.misfire = misfire;
        config->schedules.insert(kTask, s);
        return file.save(*config, &error);
    }

    bool runFor(const QString &dir, const QString &seconds)
    {
        const Result r = m_daemon.run(
            {u"--data-dir"_s, dir, u"--tick-ms"_s, u"100"_s, u"--run-for"_s, seconds});
        if (!r.exitedWith(0))
            qWarning().noquote() << r.describe();
        return r.exitedWith(0);
    }

    Daemon m_daemon;
};

QTEST_GUILESS_MAIN(TestHeartbeatdSchedules)
#include "tst_heartbeatd_schedules.moc"
