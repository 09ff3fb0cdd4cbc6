#include "tasktablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

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
    void passesModelTester();
    void sameTasksUpdateWithOneRangedDataChanged();
    void showsBreakerStateInWordsAndColour();
    void rawValuesSortNumerically();
    void scheduleFollowsTheTickAndWhatHoldsIt();
};

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
    QCOMPARE(running.data(TaskTableModel::RawValueRole).toLongLong(), 2000);
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

QTEST_MAIN(TestTaskTableModel)
#include "tst_tasktablemodel.moc"
