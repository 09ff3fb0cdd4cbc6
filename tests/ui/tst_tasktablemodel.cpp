#include "tasktablemodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <ctime>

using namespace hb;

namespace {
EngineSnapshot snapshotWith(const QStringList &tasks, qint64 completed = 0,
                            BreakerState breaker = BreakerState::Closed)
{
    EngineState s;
    for (const QString &name : tasks) {
        TaskStatus t;
        t.name = name;
        t.hasRun = completed > 0;
        t.completed = completed;
        t.lastDurationMs = 1234;
        s.tasks.append(t);
        BreakerStatus b;
        b.task = name;
        b.state = breaker;
        b.failureCount = breaker == BreakerState::Open ? 5 : 0;
        s.breakers.append(b);
    }
    return EngineSnapshot(s);
}
} // namespace

class TestTaskTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void passesModelTester();
    void sameTasksUpdateWithOneRangedDataChanged();
    void showsBreakerStateInWordsAndColour();
    void rawValuesSortNumerically();
    void scheduleFollowsTheTickAndWhatHoldsIt();
    void scheduleShowsEachTasksScheduleAndNextRun();
    void scheduleCountsFromTheModelsClockWithoutASnapshotTime();

private:
    QByteArray m_tz;
};

// The next-run times are local: the tests pin the machine's zone (Jakarta: no daylight saving).
void TestTaskTableModel::initTestCase()
{
    m_tz = qgetenv("TZ");
    qputenv("TZ", "Asia/Jakarta");
    tzset();
}

void TestTaskTableModel::cleanupTestCase()
{
    if (m_tz.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", m_tz);
    tzset();
}

void TestTaskTableModel::passesModelTester()
{
    TaskTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(snapshotWith({QStringLiteral("price_update"), QStringLiteral("memory_monitoring")}));
    model.setSnapshot(snapshotWith({QStringLiteral("price_update")}, 3));
    model.setSnapshot(snapshotWith({}));
    model.setSnapshot(snapshotWith({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, 1,
                                   BreakerState::Open));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(TaskTableModel::ColumnCount));
}

void TestTaskTableModel::sameTasksUpdateWithOneRangedDataChanged()
{
    TaskTableModel model;
    const QStringList tasks{QStringLiteral("price_update"), QStringLiteral("memory_monitoring")};
    model.setSnapshot(snapshotWith(tasks));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSnapshot(snapshotWith(tasks, 9));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(changed.constFirst().at(1).toModelIndex(), model.index(1, TaskTableModel::ColumnCount - 1));
    QCOMPARE(model.index(1, TaskTableModel::CompletedColumn).data().toString(), QStringLiteral("9"));
    QCOMPARE(model.taskAt(1), QStringLiteral("memory_monitoring"));
    QCOMPARE(model.index(1, TaskTableModel::NameColumn).data().toString(),
             QStringLiteral("Memory monitoring"));
}

void TestTaskTableModel::showsBreakerStateInWordsAndColour()
{
    TaskTableModel model;
    model.setSnapshot(snapshotWith({QStringLiteral("price_update")}, 1, BreakerState::Open));
    const QModelIndex cell = model.index(0, TaskTableModel::BreakerColumn);
    QVERIFY(cell.data().toString().contains(u"open"));
    QVERIFY(cell.data().toString().contains(u"5"));
    QVERIFY(cell.data(Qt::ForegroundRole).isValid()); // colour, but never colour alone
    model.setSnapshot(snapshotWith({QStringLiteral("price_update")}, 1, BreakerState::Closed));
    QCOMPARE(cell.data().toString(), QStringLiteral("closed"));
}

void TestTaskTableModel::rawValuesSortNumerically()
{
    TaskTableModel model;
    model.setSnapshot(snapshotWith({QStringLiteral("price_update")}, 12));
    const QModelIndex duration = model.index(0, TaskTableModel::DurationColumn);
    QCOMPARE(duration.data(TaskTableModel::RawValueRole).toLongLong(), 1234);
    QCOMPARE(duration.data().toString(), QStringLiteral("1.2 s"));
    QCOMPARE(model.index(0, TaskTableModel::EnabledColumn).data(Qt::CheckStateRole).toInt(),
             int(Qt::Checked));
}

void TestTaskTableModel::scheduleFollowsTheTickAndWhatHoldsIt()
{
    EngineState s = *snapshotWith({QStringLiteral("price_update"), QStringLiteral("auto_cleanup")});
    s.tickIntervalMs = 2000;
    s.nextTickAtMs = 1'700'000'000'000;
    s.tasks[1].enabled = false;
    TaskTableModel model;
    model.setSnapshot(EngineSnapshot(s));
    const QModelIndex running = model.index(0, TaskTableModel::ScheduleColumn);
    QCOMPARE(running.data().toString(), QStringLiteral("every 2 s"));
    QVERIFY2(running.data(Qt::ToolTipRole).toString().contains(u"next tick at"),
             qPrintable(running.data(Qt::ToolTipRole).toString()));
    QCOMPARE(model.index(1, TaskTableModel::ScheduleColumn).data().toString(), QStringLiteral("off"));
    QCOMPARE(model.headerData(TaskTableModel::ScheduleColumn, Qt::Horizontal).toString(),
             QStringLiteral("Schedule"));

    // Paused: every tick is recorded but starts no task, and the column says so.
    s.emergencyStop = true;
    model.setSnapshot(EngineSnapshot(s));
    QCOMPARE(running.data().toString(), QStringLiteral("every 2 s (held)"));
    s.emergencyStop = false;
    s.config.maintenanceMode = true;
    model.setSnapshot(EngineSnapshot(s));
    QCOMPARE(running.data().toString(), QStringLiteral("every 2 s (held)"));
    s.config.maintenanceMode = false;
    s.tickIntervalMs = 30'000;
    model.setSnapshot(EngineSnapshot(s));
    QCOMPARE(running.data().toString(), QStringLiteral("every 30 s"));
}

namespace {
qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}
} // namespace

void TestTaskTableModel::scheduleShowsEachTasksScheduleAndNextRun()
{
    const QString price = QStringLiteral("price_update");
    const QString cleanup = QStringLiteral("auto_cleanup");
    const QString loans = QStringLiteral("loan_monitoring");
    const QString report = QStringLiteral("pool_maintenance");
    EngineState s = *snapshotWith({price, cleanup, loans, report});
    TaskSchedule every5m;
    every5m.kind = TaskSchedule::Kind::Interval;
    every5m.intervalMs = 5 * 60'000;
    TaskSchedule nightly;
    nightly.kind = TaskSchedule::Kind::Cron;
    nightly.cron = QStringLiteral("0 3 * * *");
    nightly.tz = QStringLiteral("Asia/Jakarta");
    TaskSchedule once;
    once.kind = TaskSchedule::Kind::Once;
    once.atMs = utc("2026-12-01T10:00:00+07:00");
    s.config.schedules.insert(price, every5m);
    s.config.schedules.insert(cleanup, nightly);
    s.config.schedules.insert(report, once);
    s.takenAtMs = utc("2026-12-03T14:01:00+07:00");
    s.tickIntervalMs = 1000;
    s.nextTickAtMs = s.takenAtMs + 1000;
    for (TaskStatus &t : s.tasks)
        t.schedule = s.config.scheduleOf(t.name).describe();
    s.tasks[0].nextRunMs = utc("2026-12-03T14:05:00+07:00");
    s.tasks[1].nextRunMs = utc("2026-12-04T03:00:00+07:00");
    s.tasks[2].nextRunMs = s.nextTickAtMs;
    s.tasks[3].nextRunMs = 0; // a once that ran
    TaskTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(EngineSnapshot(s));
    const auto text = [&](int row) {
        return model.index(row, TaskTableModel::ScheduleColumn).data().toString();
    };
    QCOMPARE(text(0), QStringLiteral("every 5m · in 4 min, 14:05"));
    // Another day: the date in front of the time.
    QCOMPARE(text(1), QStringLiteral("cron 0 3 * * * (Asia/Jakarta) · in 13 h, 2026-12-04 03:00"));
    QCOMPARE(text(2), QStringLiteral("every tick · next tick"));
    QCOMPARE(text(3), QStringLiteral("once at 2026-12-01 10:00 · —"));
    QVERIFY2(model.index(1, TaskTableModel::ScheduleColumn).data(Qt::ToolTipRole).toString().contains(u"Next run at"),
             qPrintable(model.index(1, TaskTableModel::ScheduleColumn).data(Qt::ToolTipRole).toString()));
    // Sorting by the column puts who runs next first and what never runs again last.
    const auto raw = [&](int row) {
        return model.index(row, TaskTableModel::ScheduleColumn).data(TaskTableModel::RawValueRole).toLongLong();
    };
    QCOMPARE(raw(0), s.tasks[0].nextRunMs);
    QVERIFY(raw(2) < raw(0) && raw(0) < raw(1) && raw(1) < raw(3));

    // Later the same night: today's 03:00 needs no date, and the minutes round to the nearest.
    s.takenAtMs = utc("2026-12-04T01:30:20+07:00");
    s.nextTickAtMs = s.takenAtMs + 1000;
    s.tasks[0].nextRunMs = utc("2026-12-04T01:30:50+07:00");
    s.tasks[2].nextRunMs = s.nextTickAtMs;
    model.setSnapshot(EngineSnapshot(s));
    QCOMPARE(text(0), QStringLiteral("every 5m · in 30 s, 01:30"));
    QCOMPARE(text(1), QStringLiteral("cron 0 3 * * * (Asia/Jakarta) · in 1 h, 03:00"));

    // Held ticks run nothing, so no time is promised; an off task says off.
    s.emergencyStop = true;
    s.tasks[3].enabled = false;
    model.setSnapshot(EngineSnapshot(s));
    QCOMPARE(text(0), QStringLiteral("every 5m · held"));
    QCOMPARE(text(2), QStringLiteral("every tick · held"));
    QCOMPARE(text(3), QStringLiteral("off"));
    // The other columns are where they were.
    QCOMPARE(model.index(0, TaskTableModel::NameColumn).data().toString(), QStringLiteral("Price update"));
    QCOMPARE(model.index(0, TaskTableModel::BreakerColumn).data().toString(), QStringLiteral("closed"));
    QCOMPARE(model.index(0, TaskTableModel::DurationColumn).data().toString(), QStringLiteral("—"));
}

void TestTaskTableModel::scheduleCountsFromTheModelsClockWithoutASnapshotTime()
{
    EngineState s = *snapshotWith({QStringLiteral("auto_cleanup")});
    TaskSchedule hourly;
    hourly.kind = TaskSchedule::Kind::Cron;
    hourly.cron = QStringLiteral("0 * * * *");
    s.config.schedules.insert(QStringLiteral("auto_cleanup"), hourly);
    s.tasks[0].schedule = hourly.describe();
    s.tasks[0].nextRunMs = utc("2026-12-03T15:00:00+07:00");
    TaskTableModel model;
    qint64 now = utc("2026-12-03T14:50:00+07:00");
    model.setClock([&now] { return now; });
    model.setSnapshot(EngineSnapshot(s));
    const QModelIndex cell = model.index(0, TaskTableModel::ScheduleColumn);
    QCOMPARE(cell.data().toString(), QStringLiteral("cron 0 * * * * · in 10 min, 15:00"));
    now = utc("2026-12-01T15:00:00+07:00");
    QCOMPARE(cell.data().toString(), QStringLiteral("cron 0 * * * * · in 2 d, 2026-12-03 15:00"));
}

QTEST_MAIN(TestTaskTableModel)
#include "tst_tasktablemodel.moc"
