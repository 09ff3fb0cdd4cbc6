// Comparing two ranges: the per-task table (RangeCompareModel) and range B's chart lines moved
// onto range A's time axis (ghostFrame).

#include "ghostframe.h"
#include "rangecomparemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace hb;

namespace {

TaskRangeSummary task(const QString &name, qint64 runs, qint64 failures, qint64 p50, qint64 p95,
                      qint64 max, Precision precision = Precision::Exact)
{
    TaskRangeSummary t;
    t.task = name;
    t.runs = runs;
    t.successes = runs - failures;
    t.failures = failures;
    t.durations.precision = precision;
    t.durations.p50Ms = p50;
    t.durations.p95Ms = p95;
    t.durations.p99Ms = max;
    t.durations.maxMs = max;
    t.durations.sampleRuns = runs;
    return t;
}

RangeSummary range(qint64 from, QVector<TaskRangeSummary> tasks,
                   Precision precision = Precision::Exact)
{
    RangeSummary s;
    s.fromMs = from;
    s.toMs = from + 3'600'000;
    s.precision = precision;
    s.tasks = tasks;
    s.total.runs = 0;
    for (const TaskRangeSummary &t : tasks) {
        s.total.runs += t.runs;
        s.total.failures += t.failures;
    }
    s.total.durations.precision = precision;
    s.total.durations.p50Ms = 100;
    s.total.durations.p95Ms = 900;
    s.total.durations.maxMs = 5000;
    return s;
}

int rowOf(const RangeCompareModel &model, const QString &task)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(RangeCompareModel::TaskNameRole).toString() == task)
            return r;
    }
    return -1;
}

} // namespace

class TestRangeCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QLocale::setDefault(QLocale::c()); }
    void figuresAndChanges();
    void taskInOneRangeOnly();
    void estimatedAndUnavailable();
    void sameTasksUpdateInPlace();
    void ghostLinesStartWithRangeA();
};

void TestRangeCompare::figuresAndChanges()
{
    RangeCompareModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRanges(
        range(7'200'000, {task(QStringLiteral("price_update"), 200, 10, 120, 800, 950)}),
        range(0, {task(QStringLiteral("price_update"), 160, 4, 100, 1000, 1200)}));
    QCOMPARE(model.rowCount(), 2); // the task and all tasks
    QCOMPARE(model.columnCount(), int(RangeCompareModel::ColumnCount));
    const int r = rowOf(model, QStringLiteral("price_update"));
    QCOMPARE(r, 0);
    const auto cell = [&](int column, int role = Qt::DisplayRole) {
        return model.index(r, column).data(role);
    };
    QCOMPARE(cell(RangeCompareModel::TaskColumn).toString(), QStringLiteral("Price update"));
    QCOMPARE(cell(RangeCompareModel::RunsA).toString(), QStringLiteral("200"));
    QCOMPARE(cell(RangeCompareModel::RunsB).toString(), QStringLiteral("160"));
    QCOMPARE(cell(RangeCompareModel::RunsChange).toString(), QStringLiteral("+40 (+25.0 %)"));
    QCOMPARE(cell(RangeCompareModel::RunsChange, RangeCompareModel::RawValueRole).toDouble(), 40.0);
    QCOMPARE(cell(RangeCompareModel::RunsChange, RangeCompareModel::ChangePercentRole).toDouble(),
             25.0);
    // 5 % against 2.5 %: +2.5 points, +100 %.
    QCOMPARE(cell(RangeCompareModel::FailureRateA, RangeCompareModel::RawValueRole).toDouble(),
             0.05);
    QCOMPARE(cell(RangeCompareModel::FailureRateChange).toString(),
             QStringLiteral("+2.5 pp (+100.0 %)"));
    QCOMPARE(cell(RangeCompareModel::P50A).toString(), QStringLiteral("120 ms"));
    QCOMPARE(cell(RangeCompareModel::P50Change).toString(), QStringLiteral("+20 ms (+20.0 %)"));
    QCOMPARE(cell(RangeCompareModel::P95Change).toString(),
             QStringLiteral("\u2212200 ms (\u221220.0 %)"));
    QCOMPARE(cell(RangeCompareModel::P95Change, RangeCompareModel::RawValueRole).toDouble(),
             -200.0);
    QCOMPARE(cell(RangeCompareModel::MaxB).toString(), QStringLiteral("1.2 s"));
    QCOMPARE(cell(RangeCompareModel::MaxChange, RangeCompareModel::ChangePercentRole).toDouble(),
             -250.0 / 12.0);
    QCOMPARE(model.headerData(RangeCompareModel::P95B, Qt::Horizontal).toString(),
             QStringLiteral("p95 (B)"));
    QCOMPARE(model.headerData(RangeCompareModel::MaxChange, Qt::Horizontal).toString(),
             QStringLiteral("Max change"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("All tasks"));
    QCOMPARE(model.index(1, RangeCompareModel::RunsA).data().toString(), QStringLiteral("200"));
}

void TestRangeCompare::taskInOneRangeOnly()
{
    RangeCompareModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRanges(range(0, {task(QStringLiteral("auto_cleanup"), 5, 0, 10, 20, 30)}),
                    range(0, {task(QStringLiteral("price_update"), 8, 1, 10, 20, 30)}));
    QCOMPARE(model.rowCount(), 3);
    const int cleanup = rowOf(model, QStringLiteral("auto_cleanup"));
    const int price = rowOf(model, QStringLiteral("price_update"));
    QVERIFY(cleanup >= 0 && price >= 0);
    QCOMPARE(model.index(cleanup, RangeCompareModel::RunsB).data().toString(), QStringLiteral("0"));
    QCOMPARE(model.index(cleanup, RangeCompareModel::RunsChange).data().toString(),
             QStringLiteral("+5")); // no percentage of nothing
    QVERIFY(!model.index(cleanup, RangeCompareModel::RunsChange)
                 .data(RangeCompareModel::ChangePercentRole)
                 .isValid());
    QCOMPARE(model.index(cleanup, RangeCompareModel::P50B).data().toString(),
             QStringLiteral("\u2014"));
    QCOMPARE(model.index(cleanup, RangeCompareModel::P50Change).data().toString(),
             QStringLiteral("\u2014"));
    QVERIFY(!model.index(cleanup, RangeCompareModel::P50B)
                 .data(RangeCompareModel::RawValueRole)
                 .isValid());
    QCOMPARE(model.index(price, RangeCompareModel::FailureRateA).data().toString(),
             QStringLiteral("\u2014"));
}

void TestRangeCompare::estimatedAndUnavailable()
{
    RangeCompareModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRanges(
        range(0,
              {task(QStringLiteral("price_update"), 100, 0, 120, 800, 950, Precision::Estimated)},
              Precision::Estimated),
        range(0, {task(QStringLiteral("price_update"), 100, 0, 0, 0, 900, Precision::Unavailable)},
              Precision::Estimated));
    const QModelIndex p50a = model.index(0, RangeCompareModel::P50A);
    QCOMPARE(p50a.data().toString(), QStringLiteral("\u2248 120 ms"));
    QCOMPARE(p50a.data(RangeCompareModel::PrecisionRole).toInt(), int(Precision::Estimated));
    QVERIFY(p50a.data(Qt::ToolTipRole).toString().contains(QStringLiteral("histogram")));
    const QModelIndex p50b = model.index(0, RangeCompareModel::P50B);
    QCOMPARE(p50b.data().toString(), QStringLiteral("\u2014"));
    QCOMPARE(p50b.data(RangeCompareModel::PrecisionRole).toInt(), int(Precision::Unavailable));
    QVERIFY(!p50b.data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(model.index(0, RangeCompareModel::P50Change).data().toString(),
             QStringLiteral("\u2014"));
    // The maximum is kept exactly by the rollups, so it compares even when percentiles cannot.
    QCOMPARE(model.index(0, RangeCompareModel::MaxChange).data().toString(),
             QStringLiteral("+50 ms (+5.6 %)"));
    QCOMPARE(
        model.index(0, RangeCompareModel::RunsA).data(RangeCompareModel::PrecisionRole).toInt(),
        int(Precision::Estimated));
}

void TestRangeCompare::sameTasksUpdateInPlace()
{
    RangeCompareModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RangeSummary a = range(0, {task(QStringLiteral("price_update"), 10, 1, 1, 2, 3)});
    model.setRanges(a, a);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRanges(range(0, {task(QStringLiteral("price_update"), 12, 1, 1, 2, 3)}), a);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1); // one ranged dataChanged
    QCOMPARE(model.index(0, RangeCompareModel::RunsA).data().toString(), QStringLiteral("12"));
    model.setRanges(range(0, {task(QStringLiteral("loan_monitoring"), 12, 1, 1, 2, 3)}), a);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 3);
}

void TestRangeCompare::ghostLinesStartWithRangeA()
{
    // B is the same hour a day earlier: its lines land on A's hour, values unchanged.
    const qint64 day = 86'400'000;
    const qint64 aFrom = 1'700'000'000'000;
    ChartFrame b;
    b.fromMs = aFrom - day;
    b.toMs = aFrom - day + 3'600'000;
    b.tickMs = {QPointF(double(b.fromMs), 40.0), QPointF(double(b.fromMs + 60'000), 55.0)};
    b.successPercent = {QPointF(double(b.fromMs + 1000), 99.5)};
    b.taskMs.insert(QStringLiteral("price_update"), {QPointF(double(b.fromMs + 5), 12.0)});
    b.shardLoad.insert(QStringLiteral("0001"), {QPointF(double(b.toMs - 1), 0.7)});
    b.adminActions.append(
        {b.fromMs + 30'000, QStringLiteral("alice"), QStringLiteral("config_change"), QString()});
    QCOMPARE(ghostOffsetMs(aFrom, b.fromMs), day);
    const ChartFrame g = ghostFrame(b, aFrom);
    QCOMPARE(g.fromMs, aFrom);
    QCOMPARE(g.toMs, aFrom + 3'600'000);
    QCOMPARE(g.tickMs,
             (QList<QPointF>{QPointF(double(aFrom), 40.0), QPointF(double(aFrom + 60'000), 55.0)}));
    QCOMPARE(g.successPercent.constFirst(), QPointF(double(aFrom + 1000), 99.5));
    QCOMPARE(g.taskMs.value(QStringLiteral("price_update")).constFirst(),
             QPointF(double(aFrom + 5), 12.0));
    QCOMPARE(g.shardLoad.value(QStringLiteral("0001")).constFirst(),
             QPointF(double(aFrom + 3'600'000 - 1), 0.7));
    QCOMPARE(g.adminActions.constFirst().tsMs, aFrom + 30'000);
    QCOMPARE(b.tickMs.constFirst().x(), double(aFrom - day)); // B itself is untouched
}

QTEST_MAIN(TestRangeCompare)
#include "tst_rangecompare.moc"
