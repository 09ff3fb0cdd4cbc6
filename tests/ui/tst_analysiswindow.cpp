// Analysis mode through the window, over a recording written in the test: the figures it shows
// and exports equal independent SQL over the raw rows; a click on a chart's bucket lists exactly
// the runs behind it; the replay bar shows the breaker board as of its moment; the report and
// the exports land where asked, and the file is byte-for-byte unchanged afterwards.

#include "breakerpanel.h"
#include "chartpanel.h"
#include "comparedialog.h"
#include "datasource.h"
#include "historymodel.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "replaybar.h"
#include "sqlite/sqlfile.h"
#include "store/metricsstore.h"
#include "summarypanel.h"
#include "screenshotmode.h"
#include "testsupport.h"
#include "uisettings.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hb;

namespace {

constexpr qint64 kStart = 1'780'000'020'000; // on a minute boundary
constexpr qint64 kMinute = 60'000;
const QString kPrice = QStringLiteral("price_update");
const QString kLoans = QStringLiteral("loan_monitoring");

// Two hours of 10 s ticks, two tasks; price_update fails for ten minutes from minute 30 and
// its breaker is open from minute 31 to minute 40.
void writeRecording(const QString &path)
{
    MetricsStore store(path);
    WriteBatch batch;
    qint64 tick = 0;
    for (qint64 t = kStart; t < kStart + 120 * kMinute; t += 10'000) {
        ++tick;
        const bool outage = t >= kStart + 30 * kMinute && t < kStart + 40 * kMinute;
        const qint64 d = 5 + (tick * 37) % 90;
        batch.ticks.append({tick, t, d + 3, 2, outage ? 1 : 2, outage ? 1 : 0, {}});
        batch.executions.append({tick, kPrice, t, d, outage ? Outcome::Failure : Outcome::Success,
                                 1, outage ? QStringLiteral("feed down") : QString()});
        batch.executions.append({tick, kLoans, t + 1, 2 * d, Outcome::Success, 3, {}});
    }
    batch.breakerEvents.append({kStart + 31 * kMinute, kPrice, BreakerState::Closed,
                                BreakerState::Open, QStringLiteral("5 failures")});
    batch.breakerEvents.append({kStart + 40 * kMinute, kPrice, BreakerState::Open,
                                BreakerState::Closed, QStringLiteral("trial passed")});
    batch.audit.append({kStart + 35 * kMinute, QStringLiteral("alice"),
                        QStringLiteral("maintenance_on"), QString()});
    store.write(batch);
}

QMap<QString, QByteArray> hashes(const QString &dir)
{
    QMap<QString, QByteArray> out;
    for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files | QDir::Hidden)) {
        QFile file(f.filePath());
        if (file.open(QIODevice::ReadOnly))
            out.insert(f.fileName(),
                       QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return out;
}

QString cell(const QStandardItemModel *model, const QString &taskTitle, int column)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->item(row, 0)->text() == taskTitle)
            return model->item(row, column)->text();
    return {};
}

} // namespace

class TestAnalysisWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void summaryEqualsSqlAndSaysExact();
    void clickingABucketListsItsRuns();
    void replayShowsTheBoardAsOfTheMoment();
    void exportsAndReportLeaveTheFileAlone();
    void compareDrawsRangeBAsGhosts();
    void screenshot();

private:
    MainWindow *open();
    QTemporaryDir m_dir;
    QString m_path;
    QMap<QString, QByteArray> m_before;
};

void TestAnalysisWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiSettings{}.save();
    m_path = m_dir.filePath(QStringLiteral("saved/metrics.db"));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("saved"))));
    writeRecording(m_path);
    m_before = hashes(m_dir.filePath(QStringLiteral("saved")));
    QVERIFY(m_before.contains(QStringLiteral("metrics.db")));
}

MainWindow *TestAnalysisWindow::open()
{
    QString error;
    MainWindow *window = MainWindow::openRecording(m_path, std::make_shared<SystemClock>(), &error);
    if (!window)
        qWarning() << error;
    window->setConfirmationsEnabled(false);
    window->resize(1400, 1000);
    window->show();
    return window;
}

void TestAnalysisWindow::summaryEqualsSqlAndSaysExact()
{
    std::unique_ptr<MainWindow> window(open());
    QVERIFY(window);
    SummaryPanel *summary = window->summaryPanel();
    QVERIFY(summary);
    // The file opens on All: the summary covers it whole.
    QTRY_VERIFY_WITH_TIMEOUT(!summary->isComputing() && summary->model()->rowCount() == 3, 20'000);
    QVERIFY2(summary->noteText().contains(QStringLiteral("exact")),
             qPrintable(summary->noteText()));

    const auto conn = sql::openReadOnly(m_path, 1000); // immutable: no -wal / -shm beside it
    SQLite::Database &db = *conn;
    const qint64 runs =
        db.execAndGet("SELECT count(*) FROM executions WHERE task = 'price_update'").getInt64();
    const qint64 failures = db.execAndGet("SELECT count(*) FROM executions WHERE task = "
                                          "'price_update' AND outcome = 'failure'")
                                .getInt64();
    // Nearest rank: the value at rank ceil(0.95 n).
    const qint64 rank = (95 * runs + 99) / 100;
    SQLite::Statement p95(db, "SELECT duration_ms FROM executions WHERE task = 'price_update' "
                              "ORDER BY duration_ms LIMIT 1 OFFSET ?");
    p95.bind(1, static_cast<int64_t>(rank - 1));
    QVERIFY(p95.executeStep());
    const qint64 max =
        db.execAndGet("SELECT max(duration_ms) FROM executions WHERE task = 'price_update'")
            .getInt64();

    const QString title = QStringLiteral("Price update");
    QCOMPARE(cell(summary->model(), title, SummaryPanel::RunsColumn), QLocale().toString(runs));
    QCOMPARE(cell(summary->model(), title, SummaryPanel::FailureColumn),
             QLocale().toString(100.0 * double(failures) / double(runs), 'f', 2) + u'%');
    QCOMPARE(cell(summary->model(), title, SummaryPanel::P95Column),
             QStringLiteral("%1 ms").arg(p95.getColumn(0).getInt64()));
    QCOMPARE(cell(summary->model(), title, SummaryPanel::MaxColumn),
             QStringLiteral("%1 ms").arg(max));

    // Zooming to a range recomputes for that range only.
    QSignalSpy computed(summary, &SummaryPanel::computed);
    window->chartPanel()->setTimeRange(kStart + 30 * kMinute, kStart + 40 * kMinute);
    QVERIFY(computed.wait(20'000));
    QCOMPARE(cell(summary->model(), title, SummaryPanel::RunsColumn), QStringLiteral("60"));
    QCOMPARE(cell(summary->model(), title, SummaryPanel::FailureColumn),
             QLocale().toString(100.0, 'f', 2) + u'%');
}

void TestAnalysisWindow::clickingABucketListsItsRuns()
{
    std::unique_ptr<MainWindow> window(open());
    QVERIFY(window);
    HistoryPanel *history = window->historyPanel();
    QSignalSpy shown(history, &HistoryPanel::rangeShown);
    // What a click on the price line at minute 33 sends (tst_chartzoom proves the click).
    Q_EMIT window->chartPanel()->bucketClicked(kStart + 33 * kMinute, kStart + 34 * kMinute,
                                               kPrice);
    QVERIFY(shown.wait(10'000));
    QCOMPARE(shown.last().at(0).toInt(), 6); // six 10 s ticks in that minute
    QVERIFY(history->showsRange());
    HistoryModel *model = history->shownModel();
    QCOMPARE(model->rowCount(), 6);
    for (int row = 0; row < model->rowCount(); ++row) {
        const ExecutionRecord &r = model->recordAt(row);
        QCOMPARE(r.task, kPrice);
        QVERIFY(r.startedAtMs >= kStart + 33 * kMinute && r.startedAtMs < kStart + 34 * kMinute);
        QCOMPARE(r.outcome, Outcome::Failure);
    }
    // Selecting a run shows its error and the audit entry two minutes later.
    history->view()->selectRow(0);
    QTRY_VERIFY(history->detailText().contains(QStringLiteral("maintenance_on")));
    QVERIFY(history->detailText().contains(QStringLiteral("feed down")));
    history->showRecent();
    QVERIFY(!history->showsRange());
}

void TestAnalysisWindow::replayShowsTheBoardAsOfTheMoment()
{
    std::unique_ptr<MainWindow> window(open());
    QVERIFY(window);
    RecordedSource *source = window->recording();
    QSignalSpy snapshots(source, &DataSource::snapshotChanged);
    const auto stateAt = [&](qint64 ms) {
        snapshots.clear();
        window->replayBar()->setMoment(ms);
        if (!snapshots.wait(10'000))
            return EngineSnapshot();
        window->breakerPanel(); // shown through the same snapshot slot as live
        return snapshots.last().at(0).value<EngineSnapshot>();
    };
    const auto priceBreaker = [&](const EngineSnapshot &s) {
        for (const BreakerStatus &b : s->breakers)
            if (b.task == kPrice)
                return b.state;
        return BreakerState::HalfOpen; // (absent: fails the comparisons below)
    };
    QCOMPARE(priceBreaker(stateAt(kStart + 35 * kMinute)), BreakerState::Open);
    QTRY_COMPARE(window->lastSnapshot()->takenAtMs, kStart + 35 * kMinute);
    QCOMPARE(priceBreaker(stateAt(kStart + 50 * kMinute)), BreakerState::Closed);
    QCOMPARE(priceBreaker(stateAt(kStart + 31 * kMinute - 1)), BreakerState::Closed);
    QCOMPARE(source->moment(), kStart + 31 * kMinute - 1);
}

void TestAnalysisWindow::exportsAndReportLeaveTheFileAlone()
{
    std::unique_ptr<MainWindow> window(open());
    QVERIFY(window);
    window->chartPanel()->setTimeRange(kStart, kStart + 60 * kMinute);
    QTemporaryDir out;
    QSignalSpy written(window.get(), &MainWindow::fileWritten);

    const QString buckets = out.filePath(QStringLiteral("buckets.csv"));
    window->exportCsv(MainWindow::CsvKind::Buckets, buckets);
    QVERIFY(written.wait(20'000));
    QCOMPARE(written.last().at(0).toString(), QString());
    QFile csv(buckets);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QVERIFY(lines.first().startsWith("task,bucket_start,"));
    const QList<QByteArray> header = lines.first().trimmed().split(',');
    const int runsColumn = int(header.indexOf("runs"));
    QVERIFY(runsColumn > 0);
    qint64 runs = 0;
    for (qsizetype i = 1; i < lines.size(); ++i)
        runs += lines.at(i).trimmed().split(',').at(runsColumn).toLongLong();
    const auto conn = sql::openReadOnly(m_path, 1000); // immutable: no -wal / -shm beside it
    SQLite::Database &db = *conn;
    SQLite::Statement count(db, "SELECT count(*) FROM executions WHERE started_at_ms >= ? AND "
                                "started_at_ms < ?");
    count.bind(1, static_cast<int64_t>(kStart));
    count.bind(2, static_cast<int64_t>(kStart + 60 * kMinute));
    QVERIFY(count.executeStep());
    QCOMPARE(runs, count.getColumn(0).getInt64());

    const QString audit = out.filePath(QStringLiteral("audit.csv"));
    window->exportCsv(MainWindow::CsvKind::Audit, audit);
    QVERIFY(written.wait(20'000));
    QFile auditFile(audit);
    QVERIFY(auditFile.open(QIODevice::ReadOnly));
    QVERIFY(auditFile.readAll().contains("maintenance_on"));

    const QString pdf = out.filePath(QStringLiteral("report.pdf"));
    window->writeReport(pdf);
    QVERIFY(written.wait(60'000));
    QCOMPARE(written.last().at(0).toString(), QString());
    QFile report(pdf);
    QVERIFY(report.open(QIODevice::ReadOnly));
    QVERIFY(report.read(5) == "%PDF-");

    // A place that cannot be written: the error names it, nothing else happens.
    window->exportCsv(MainWindow::CsvKind::Buckets,
                      out.filePath(QStringLiteral("no/such/dir.csv")));
    QVERIFY(written.wait(20'000));
    QVERIFY(written.last().at(0).toString().contains(QStringLiteral("dir.csv")));

    window.reset();
    QCOMPARE(hashes(m_dir.filePath(QStringLiteral("saved"))), m_before);
}

void TestAnalysisWindow::compareDrawsRangeBAsGhosts()
{
    std::unique_ptr<MainWindow> window(open());
    QVERIFY(window);
    window->chartPanel()->setTimeRange(kStart + 60 * kMinute, kStart + 120 * kMinute);
    auto *compare = window->findChild<QAction *>(QStringLiteral("compareAction"));
    QVERIFY(compare);
    compare->trigger();
    auto *dialog = window->findChild<CompareDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // Range B ("the range just before" or the day before: whichever the dialog starts on) is
    // drawn on A's axis.
    QTRY_VERIFY_WITH_TIMEOUT(window->chartPanel()->hasGhostRange(), 10'000);
    dialog->close();
    QTRY_VERIFY(!window->chartPanel()->hasGhostRange());
}

// docs/analysis-replay-*.png: a recording (HB_ANALYSIS_DB, else the test's own) zoomed to a
// range, replayed to a moment in it, with a bucket drilled into.
void TestAnalysisWindow::screenshot()
{
    HB_SCREENSHOT_MODE(outDir, translator)
    const QString path = qEnvironmentVariable("HB_ANALYSIS_DB", m_path);
    QString error;
    std::unique_ptr<MainWindow> window(
        MainWindow::openRecording(path, std::make_shared<SystemClock>(), &error));
    QVERIFY2(window, qPrintable(error));
    window->setConfirmationsEnabled(false);
    window->resize(1280, 960);
    window->show();
    const RecordedSource::Extent extent = window->recording()->extent();
    const qint64 span = extent.lastMs - extent.firstMs;
    const qint64 from = extent.firstMs + span / 5;
    const qint64 to = extent.firstMs + span * 4 / 5;
    window->chartPanel()->setTimeRange(from, to);
    QSignalSpy snapshots(window->recording(), &DataSource::snapshotChanged);
    window->replayBar()->setMoment(extent.firstMs + span / 2);
    QVERIFY(snapshots.wait(10'000));
    QSignalSpy shown(window->historyPanel(), &HistoryPanel::rangeShown);
    Q_EMIT window->chartPanel()->bucketClicked(extent.firstMs + span / 2 - 30'000,
                                               extent.firstMs + span / 2 + 30'000, {});
    QVERIFY(shown.wait(10'000));
    QTRY_VERIFY_WITH_TIMEOUT(!window->summaryPanel()->isComputing(), 20'000);
    QTest::qWait(1500); // the charts' range read and redraw
    QVERIFY(window->grab().save(outDir + QStringLiteral("/analysis-replay.png")));
}

QTEST_MAIN(TestAnalysisWindow)
#include "tst_analysiswindow.moc"
