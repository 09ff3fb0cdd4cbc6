// Comparing two ranges in the GUI: CompareDialog's table against plain SQL over the raw rows,
// its presets for range B, a newer choice dropping an older answer, the CSV export, and the
// chart panel drawing range B's lines as ghosts shifted onto range A.

#include "chartpaneltestutil.h"
#include "comparedialog.h"
#include "rangecomparemodel.h"
#include "screenshotmode.h"
#include "store/metricsstore.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QThreadPool>

#include <cmath>
#include <set>

using namespace hb;
using namespace hb::test;

namespace {

constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kAFrom = kNow - kHour;
constexpr qint64 kATo = kNow;

std::string utf8(const QString &s)
{
    return s.toStdString();
}

// `count` ticks over [from, from + 1 h), three task runs each with random durations and
// outcomes (seeded: the figures differ from range to range but not from run to run).
void writeHour(MetricsStore &store, qint64 from, int count, quint32 seed, qint64 firstTick)
{
    QRandomGenerator random(seed);
    WriteBatch batch;
    for (int i = 0; i < count; ++i) {
        const qint64 t = from + (kHour * i) / count;
        const qint64 id = firstTick + i;
        // A slow wave with some noise: range B's ghost reads apart from A's line.
        const qint64 wave = qint64(90.0 * std::sin(double(i) / 18.0 + double(seed)));
        batch.ticks.append({id, t, 200 + wave + random.bounded(60), 3, 3, 0, {}});
        const QString tasks[] = {kPrice, kLoans, kMemory};
        for (int k = 0; k < 3; ++k) {
            const int roll = random.bounded(100);
            const Outcome o = roll < 8    ? Outcome::Failure
                              : roll < 11 ? Outcome::Timeout
                              : roll < 13 ? Outcome::Skipped
                                          : Outcome::Success;
            batch.executions.append(
                {id, tasks[k], t + k, 10 + random.bounded(300 + 200 * k), o, 1, {}});
        }
    }
    store.write(batch);
}

qint64 scalar(SQLite::Database &db, const QString &sql)
{
    SQLite::Statement q(db, utf8(sql));
    if (!q.executeStep() || q.getColumn(0).isNull())
        return 0;
    return q.getColumn(0).getInt64();
}

QString where(const QString &task, qint64 from, qint64 to)
{
    return QStringLiteral(" started_at_ms >= %1 AND started_at_ms < %2 AND outcome <> 'skipped'")
               .arg(from)
               .arg(to) +
           (task.isEmpty() ? QString() : QStringLiteral(" AND task = '%1'").arg(task));
}

struct Figures
{
    qint64 runs = 0;
    double failureRate = 0.0;
    qint64 p50 = 0;
    qint64 p95 = 0;
    qint64 max = 0;
};

// Nearest rank, as the summary defines it: the value at rank ceil(p / 100 * runs).
qint64 percentileSql(SQLite::Database &db, const QString &task, qint64 from, qint64 to, int p)
{
    const qint64 n = scalar(db, QStringLiteral("SELECT count(*) FROM executions WHERE ") +
                                    where(task, from, to));
    const qint64 offset = qint64(std::ceil(double(p) * double(n) / 100.0)) - 1;
    return scalar(db, QStringLiteral("SELECT duration_ms FROM executions WHERE %1"
                                     " ORDER BY duration_ms LIMIT 1 OFFSET %2")
                          .arg(where(task, from, to))
                          .arg(offset));
}

Figures figuresSql(SQLite::Database &db, const QString &task, qint64 from, qint64 to)
{
    Figures f;
    f.runs = scalar(db, QStringLiteral("SELECT count(*) FROM executions WHERE ") +
                            where(task, from, to));
    const qint64 failed =
        scalar(db, QStringLiteral("SELECT count(*) FROM executions WHERE outcome IN "
                                  "('failure', 'timeout') AND ") +
                       where(task, from, to));
    f.failureRate = f.runs > 0 ? double(failed) / double(f.runs) : 0.0;
    f.p50 = percentileSql(db, task, from, to, 50);
    f.p95 = percentileSql(db, task, from, to, 95);
    f.max = scalar(db, QStringLiteral("SELECT max(duration_ms) FROM executions WHERE ") +
                           where(task, from, to));
    return f;
}

int rowOf(const RangeCompareModel &model, const QString &task)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(RangeCompareModel::TaskNameRole).toString() == task)
            return r;
    }
    return -1;
}

double raw(const RangeCompareModel &model, int row, int column)
{
    return model.index(row, column).data(RangeCompareModel::RawValueRole).toDouble();
}

} // namespace

class TestCompareDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tableEqualsSqlOverRawRows();
    void presetsChooseRangeB_data();
    void presetsChooseRangeB();
    void newerChoiceDropsTheOlderResult();
    void exportWritesTheTable();
    void rangeBFollowsRangeA();
    void unreadableFileIsReported();
    void estimatedFiguresAreSaid();
    void chartDrawsRangeBAsGhosts();
    void screenshot();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestCompareDialog::initTestCase()
{
    // The stale-result test holds one worker back while another must run.
    QThreadPool::globalInstance()->setMaxThreadCount(
        std::max(4, QThreadPool::globalInstance()->maxThreadCount()));
    m_path = m_dir.filePath(QStringLiteral("metrics.db"));
    MetricsStore store(m_path);
    writeHour(store, kAFrom - kDay, 240, 7, 1);      // B: the day before
    writeHour(store, kAFrom - kHour, 200, 11, 1000); // the hour just before
    writeHour(store, kAFrom, 240, 3, 2000);          // A
}

void TestCompareDialog::tableEqualsSqlOverRawRows()
{
    CompareDialog dialog(m_path, kAFrom, kATo, nullptr);
    QSignalSpy rangeB(&dialog, &CompareDialog::rangeBChanged);
    QSignalSpy computed(&dialog, &CompareDialog::computed);
    QCOMPARE(dialog.preset(), CompareDialog::DayBefore);
    QVERIFY(computed.wait(10'000));
    QCOMPARE(rangeB.size(), 1);
    QCOMPARE(rangeB.first().at(0).toLongLong(), kAFrom - kDay);
    QCOMPARE(rangeB.first().at(1).toLongLong(), kATo - kDay);
    QVERIFY(!dialog.isComputing());
    QVERIFY(dialog.precisionText().contains(QStringLiteral("exact")));

    SQLite::Database db(utf8(m_path), SQLite::OPEN_READONLY);
    const RangeCompareModel &model = *dialog.model();
    QCOMPARE(model.rowCount(), 4); // three tasks and all of them
    for (const QString &task : {kPrice, kLoans, kMemory, QString()}) {
        const int row = rowOf(model, task);
        QVERIFY2(row >= 0, qPrintable(task));
        const Figures a = figuresSql(db, task, kAFrom, kATo);
        const Figures b = figuresSql(db, task, kAFrom - kDay, kATo - kDay);
        QVERIFY(a.runs > 100 && b.runs > 100);
        QCOMPARE(qint64(raw(model, row, RangeCompareModel::RunsA)), a.runs);
        QCOMPARE(qint64(raw(model, row, RangeCompareModel::RunsB)), b.runs);
        QCOMPARE(qint64(raw(model, row, RangeCompareModel::RunsChange)), a.runs - b.runs);
        QCOMPARE(raw(model, row, RangeCompareModel::FailureRateA), a.failureRate);
        QCOMPARE(raw(model, row, RangeCompareModel::FailureRateB), b.failureRate);
        QCOMPARE(qint64(raw(model, row, RangeCompareModel::P50A)), a.p50);
        QCOMPARE(qint64(raw(model, row, RangeCompareModel::P50B)), b.p50);
        QCOMPARE(qint64(raw(model, row, RangeCompareModel::P95A)), a.p95);
        QCOMPARE(qint64(raw(model, row, RangeCompareModel::P95B)), b.p95);
        QCOMPARE(qint64(raw(model, row, RangeCompareModel::MaxA)), a.max);
        QCOMPARE(qint64(raw(model, row, RangeCompareModel::MaxB)), b.max);
        QCOMPARE(qint64(raw(model, row, RangeCompareModel::MaxChange)), a.max - b.max);
    }
    // The view shows the model's text.
    QCOMPARE(dialog.table()->model(), dialog.model());
}

void TestCompareDialog::presetsChooseRangeB_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::newRow("day before") << int(CompareDialog::DayBefore) << kAFrom - kDay << kATo - kDay;
    QTest::newRow("week before") << int(CompareDialog::WeekBefore) << kAFrom - 7 * kDay
                                 << kATo - 7 * kDay;
    QTest::newRow("just before") << int(CompareDialog::JustBefore) << kAFrom - kHour << kAFrom;
}

void TestCompareDialog::presetsChooseRangeB()
{
    QFETCH(int, preset);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    CompareDialog dialog(m_path, kAFrom, kATo, nullptr);
    QSignalSpy computed(&dialog, &CompareDialog::computed);
    QVERIFY(computed.wait(10'000));
    QSignalSpy rangeB(&dialog, &CompareDialog::rangeBChanged);
    dialog.setPreset(CompareDialog::WeekBefore); // away, so each row is a change
    dialog.setPreset(CompareDialog::Preset(preset));
    QCOMPARE(dialog.bFromMs(), from);
    QCOMPARE(dialog.bToMs(), to);
    QVERIFY(!rangeB.isEmpty());
    QCOMPARE(rangeB.last().at(0).toLongLong(), from);
    QCOMPARE(rangeB.last().at(1).toLongLong(), to);
    QVERIFY(computed.wait(10'000));
    QCOMPARE(dialog.model()->rangeB().fromMs, from);
    QCOMPARE(dialog.model()->rangeB().toMs, to);

    // Custom: the edits start on B, as long as A; a custom range is compared as given.
    dialog.setPreset(CompareDialog::Custom);
    QCOMPARE(dialog.bFromMs(), from);
    QCOMPARE(dialog.bToMs() - dialog.bFromMs(), kATo - kAFrom);
    dialog.setCustomRangeB(kAFrom - 2 * kHour, kAFrom - kHour / 2);
    QCOMPARE(rangeB.last().at(0).toLongLong(), kAFrom - 2 * kHour);
    QCOMPARE(rangeB.last().at(1).toLongLong(), kAFrom - kHour / 2);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rangeB().fromMs, kAFrom - 2 * kHour, 10'000);
}

void TestCompareDialog::newerChoiceDropsTheOlderResult()
{
    CompareDialog dialog(m_path, kAFrom, kATo, nullptr);
    QSemaphore release;
    // The day before is slow to read; anything else answers at once.
    dialog.setSummarizer([&release](const QString &path, qint64 from, qint64 to) {
        if (from == kAFrom - kDay)
            release.acquire();
        MetricsReader reader(path);
        return reader.rangeSummary(from, to, RangeSummaryOptions{});
    });
    QTRY_VERIFY(dialog.isComputing());
    QCOMPARE(dialog.statusText(), QStringLiteral("Computing…"));
    QSignalSpy computed(&dialog, &CompareDialog::computed);
    dialog.setPreset(CompareDialog::JustBefore);
    QVERIFY(computed.wait(10'000));
    QCOMPARE(dialog.model()->rangeB().fromMs, kAFrom - kHour);
    QCOMPARE(dialog.droppedResults(), 0);

    release.release(); // the older answer comes now, and is dropped
    QTRY_COMPARE_WITH_TIMEOUT(dialog.droppedResults(), 1, 10'000);
    QCOMPARE(computed.size(), 1);
    QCOMPARE(dialog.model()->rangeB().fromMs, kAFrom - kHour);
    QCOMPARE(dialog.bFromMs(), kAFrom - kHour);
}

void TestCompareDialog::exportWritesTheTable()
{
    CompareDialog dialog(m_path, kAFrom, kATo, nullptr);
    QSignalSpy computed(&dialog, &CompareDialog::computed);
    QVERIFY(computed.wait(10'000));
    const QString out = m_dir.filePath(QStringLiteral("compare.csv"));
    QString error;
    QVERIFY2(dialog.exportCsv(out, &error), qPrintable(error));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    const QList<QByteArray> header = lines.first().trimmed().split(',');
    QCOMPARE(header.first(), QByteArray("task"));
    const qsizetype runsA = header.indexOf("runs_a");
    const qsizetype runsB = header.indexOf("runs_b");
    const qsizetype maxChange = header.indexOf("max_ms_change");
    QVERIFY(runsA > 0 && runsB > 0 && maxChange > 0);
    QVERIFY(header.contains("p50_ms_a") && header.contains("failure_rate_change"));

    SQLite::Database db(utf8(m_path), SQLite::OPEN_READONLY);
    bool sawPrice = false;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.trimmed().split(',');
        if (fields.first() != kPrice.toUtf8())
            continue;
        sawPrice = true;
        const Figures a = figuresSql(db, kPrice, kAFrom, kATo);
        const Figures b = figuresSql(db, kPrice, kAFrom - kDay, kATo - kDay);
        QCOMPARE(fields.at(runsA).toLongLong(), a.runs);
        QCOMPARE(fields.at(runsB).toLongLong(), b.runs);
        QCOMPARE(fields.at(maxChange).toLongLong(), a.max - b.max);
        QCOMPARE(fields.last(), QByteArray("exact"));
    }
    QVERIFY(sawPrice);
    // A directory is no file to write: an error, not a crash.
    QVERIFY(!dialog.exportCsv(m_dir.path(), &error));
    QVERIFY(!error.isEmpty());
}

void TestCompareDialog::rangeBFollowsRangeA()
{
    CompareDialog dialog(m_path, kAFrom, kATo, nullptr);
    QSignalSpy computed(&dialog, &CompareDialog::computed);
    QVERIFY(computed.wait(10'000));
    QSignalSpy rangeB(&dialog, &CompareDialog::rangeBChanged);
    dialog.setRangeA(kAFrom - 30 * kMinute, kATo - 30 * kMinute);
    QCOMPARE(rangeB.size(), 1);
    QCOMPARE(rangeB.last().at(0).toLongLong(), kAFrom - 30 * kMinute - kDay);
    QVERIFY(computed.wait(10'000));
    QCOMPARE(dialog.model()->rangeA().fromMs, kAFrom - 30 * kMinute);
    QCOMPARE(dialog.model()->rangeB().fromMs, kAFrom - 30 * kMinute - kDay);
    SQLite::Database db(utf8(m_path), SQLite::OPEN_READONLY);
    const int all = rowOf(*dialog.model(), QString());
    QCOMPARE(qint64(raw(*dialog.model(), all, RangeCompareModel::RunsA)),
             figuresSql(db, QString(), kAFrom - 30 * kMinute, kATo - 30 * kMinute).runs);

    // A custom B stays where the user put it.
    dialog.setCustomRangeB(kAFrom - 3 * kHour, kAFrom - 2 * kHour);
    QVERIFY(computed.wait(10'000));
    rangeB.clear();
    dialog.setRangeA(kAFrom, kATo);
    QVERIFY(rangeB.isEmpty());
    QVERIFY(computed.wait(10'000));
    QCOMPARE(dialog.model()->rangeA().fromMs, kAFrom);
    QCOMPARE(dialog.model()->rangeB().fromMs, kAFrom - 3 * kHour);
}

void TestCompareDialog::unreadableFileIsReported()
{
    CompareDialog dialog(m_dir.filePath(QStringLiteral("missing.db")), kAFrom, kATo, nullptr);
    QSignalSpy failed(&dialog, &CompareDialog::computeFailed);
    QVERIFY(failed.wait(10'000));
    QVERIFY(!dialog.isComputing());
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Cannot read the metrics file")),
             qPrintable(dialog.statusText()));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("compareExport"))->isEnabled());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing.db")))); // nothing created
}

void TestCompareDialog::estimatedFiguresAreSaid()
{
    CompareDialog dialog(m_path, kAFrom, kATo, nullptr);
    // From the rollups, as a long range or one whose raw rows are gone would be.
    dialog.setSummarizer([](const QString &path, qint64 from, qint64 to) {
        RangeSummaryOptions options;
        options.source = RangeSummaryOptions::Source::Rollups;
        MetricsReader reader(path);
        return reader.rangeSummary(from, to, options);
    });
    QSignalSpy computed(&dialog, &CompareDialog::computed);
    QVERIFY(computed.wait(10'000));
    QVERIFY2(dialog.precisionText().contains(QStringLiteral("Range A: estimated")),
             qPrintable(dialog.precisionText()));
    QVERIFY(dialog.precisionText().contains(QStringLiteral("Range B: estimated")));
    const int all = rowOf(*dialog.model(), QString());
    QVERIFY(dialog.model()
                ->index(all, RangeCompareModel::P50A)
                .data()
                .toString()
                .startsWith(QStringLiteral("\u2248")));
}

void TestCompareDialog::chartDrawsRangeBAsGhosts()
{
    Panel p;
    p->setMetricsPath(m_path);
    QSignalSpy loaded(p.panel.data(), &ChartPanel::rangeLoaded);
    p->setTimeRange(kAFrom, kATo);
    QVERIFY(loaded.wait(5000));
    QVERIFY(!p->hasGhostRange());
    QVERIFY(!line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("ghost:tick")));

    // The dialog's choice reaches the chart.
    CompareDialog dialog(m_path, kAFrom, kATo, p.window.get());
    QObject::connect(&dialog, &CompareDialog::rangeBChanged, p.panel.data(),
                     &ChartPanel::setGhostRange);
    QSignalSpy ghost(p.panel.data(), &ChartPanel::ghostLoaded);
    QVERIFY(ghost.wait(10'000));
    QVERIFY(p->hasGhostRange());
    QCOMPARE(p->ghostRange().fromMs, kAFrom - kDay);
    QCOMPARE(p->ghostRange().toMs, kATo - kDay);

    SQLite::Database db(utf8(m_path), SQLite::OPEN_READONLY);
    const auto ticksOf = [&db](qint64 from, qint64 to) {
        std::set<std::pair<qint64, qint64>> out;
        SQLite::Statement q(db, utf8(QStringLiteral("SELECT started_at_ms, duration_ms FROM ticks"
                                                    " WHERE started_at_ms >= %1 AND"
                                                    " started_at_ms < %2")
                                         .arg(from)
                                         .arg(to)));
        while (q.executeStep())
            out.insert({q.getColumn(0).getInt64(), q.getColumn(1).getInt64()});
        return out;
    };
    const auto checkGhost = [&](qint64 aFrom, qint64 bFrom, qint64 bTo) {
        QLineSeries *tick =
            line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("ghost:tick"));
        QVERIFY(tick);
        QCOMPARE(tick->name(), QStringLiteral("Tick (B)"));
        QCOMPARE(tick->pen().style(), Qt::DashLine);
        QVERIFY(tick->count() > 100);
        const auto bTicks = ticksOf(bFrom, bTo);
        const qint64 offset = aFrom - bFrom;
        for (const QPointF &pt : tick->points()) {
            // Every ghost point is one of B's ticks, moved by A.from − B.from.
            const std::pair<qint64, qint64> back{qint64(pt.x()) - offset, qint64(pt.y())};
            QVERIFY2(bTicks.count(back), qPrintable(QString::number(pt.x())));
        }
        QLineSeries *success =
            line(*p.panel, ChartPanel::SuccessRateChart, QStringLiteral("ghost:successRate"));
        QVERIFY(success);
        QVERIFY(success->count() > 0);
        for (const QPointF &pt : success->points())
            QVERIFY(pt.x() >= double(aFrom) && pt.x() < double(aFrom + (bTo - bFrom)));
    };
    checkGhost(kAFrom, kAFrom - kDay, kATo - kDay);
    if (QTest::currentTestFailed())
        return;

    // A moves: B keeps its offset from A and is read again.
    ghost.clear();
    p->setTimeRange(kAFrom - 30 * kMinute, kATo - 30 * kMinute);
    QCOMPARE(p->ghostRange().fromMs, kAFrom - kDay - 30 * kMinute);
    QVERIFY(ghost.wait(10'000));
    checkGhost(kAFrom - 30 * kMinute, kAFrom - kDay - 30 * kMinute, kATo - kDay - 30 * kMinute);
    if (QTest::currentTestFailed())
        return;

    p->clearGhostRange();
    QVERIFY(!p->hasGhostRange());
    QVERIFY(!line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("ghost:tick")));
    QVERIFY(!line(*p.panel, ChartPanel::SuccessRateChart, QStringLiteral("ghost:successRate")));
}

void TestCompareDialog::screenshot()
{
    HB_SCREENSHOT_MODE(outDir, translator)
    QVERIFY(QDir().mkpath(outDir));
    Panel p(QSize(1100, 640));
    p->setMetricsPath(m_path);
    p->setTimeRange(kAFrom, kATo);
    QTRY_VERIFY_WITH_TIMEOUT(!p->isLoading(), 10'000);

    auto *dialog = new CompareDialog(m_path, kAFrom, kATo, p.window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &CompareDialog::rangeBChanged, p.panel.data(),
                     &ChartPanel::setGhostRange);
    QSignalSpy computed(dialog, &CompareDialog::computed);
    QSignalSpy ghost(p.panel.data(), &ChartPanel::ghostLoaded);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(computed.wait(10'000));
    QVERIFY(ghost.size() > 0 || ghost.wait(10'000));
    QTest::qWait(100);
    QVERIFY(dialog->grab().save(outDir + QStringLiteral("/analysis-compare.png")));
    p.settle();
    QVERIFY(p.window->grab().save(outDir + QStringLiteral("/analysis-compare-chart.png")));
    dialog->close();
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestCompareDialog)
#include "tst_comparedialog.moc"
