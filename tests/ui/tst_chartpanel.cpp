// ChartPanel: the dashboard's live charts, driven offscreen as the main window drives them
// (record batches and snapshots), plus long ranges read from a real metrics.db.

#include "chartpanel.h"
#include "chartview.h"
#include "store/metricsstore.h"
#include "testsupport.h"

#include <QAbstractAxis>
#include <QAbstractButton>
#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPointer>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QValueAxis>

#include <atomic>
#include <cmath>

using namespace hb;

namespace {

// 2023-11-14 22:00:00 UTC.
constexpr qint64 kNow = 1'699'999'200'000 + 3'600'000 * 22;
constexpr qint64 kMinute = 60'000;

const QString kPrice = QStringLiteral("price_update");
const QString kLoans = QStringLiteral("loan_monitoring");
const QString kMemory = QStringLiteral("memory_monitoring");

// `count` ticks spread evenly over the last `spanMs` before kNow, each with three task runs
// (one in seven fails), memory and cycles readings and, if `shards`, shard loads.
RecordBatch liveBatch(int count, qint64 spanMs, bool shards = false)
{
    RecordBatch batch;
    for (int i = 0; i < count; ++i) {
        const qint64 t = kNow - spanMs + (spanMs * i) / count;
        const double phase = double(i) / count;
        const qint64 tick = 120 + qint64(60 * std::sin(phase * 25.0)) + (i % 17 == 0 ? 400 : 0);
        batch.ticks.append({i + 1, t, tick, 3, 3, 0, {}});
        const QString tasks[] = {kPrice, kLoans, kMemory};
        for (int k = 0; k < 3; ++k) {
            const Outcome o = (i * 3 + k) % 7 == 0 ? Outcome::Failure : Outcome::Success;
            batch.executions.append({i + 1, tasks[k], t + k, 20 + (i * 7 + k * 31) % 90, o,
                                     1, {}});
        }
        batch.samples.append({QStringLiteral("memory.total_bytes"), t,
                              3.2e8 + 4e7 * std::sin(phase * 6.0) + 1e6 * (i % 5)});
        batch.samples.append({QStringLiteral("cycles.balance"), t, 1.6e12 - 5e11 * phase});
        if (shards) {
            for (int s = 1; s <= 4; ++s)
                batch.samples.append({QStringLiteral("shard.load.%1").arg(s, 4, 10, QLatin1Char('0')),
                                      t, 0.45 + 0.1 * s + 0.08 * std::sin(phase * 9.0 + s)});
            batch.samples.append({QStringLiteral("shard.count"), t, phase < 0.6 ? 4.0 : 5.0});
        }
    }
    return batch;
}

EngineSnapshot snapshotWith(const QVector<AuditEntry> &audit, HeartbeatConfig config = {})
{
    EngineState state;
    state.takenAtMs = kNow;
    state.config = std::move(config);
    state.recentAudit = audit;
    for (const QString &task : {kPrice, kLoans, kMemory}) {
        TaskStatus status;
        status.name = task;
        state.tasks.append(status);
    }
    return EngineSnapshot(std::move(state));
}

QLineSeries *line(ChartPanel &panel, ChartPanel::ChartId id, const QString &name)
{
    return panel.chart(id)->findChild<QLineSeries *>(name);
}

QList<double> ys(const QXYSeries *series)
{
    QList<double> out;
    for (const QPointF &p : series->points())
        out.append(p.y());
    return out;
}

// The panel inside a plain window, as the main window holds it (a top-level window with a
// layout would ask the offscreen platform for size hints it cannot propagate).
struct Panel
{
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>(kNow);
    std::unique_ptr<QWidget> window = std::make_unique<QWidget>();
    QPointer<ChartPanel> panel = new ChartPanel(window.get());

    explicit Panel(QSize size = QSize(1100, 700))
    {
        panel->setClock(clock);
        resize(size);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qWarning("panel not exposed");
        settle();
    }
    void resize(QSize size)
    {
        window->resize(size);
        panel->setGeometry(QRect(QPoint(0, 0), size));
    }
    // Lets layout and the coalesced redraw run, then draws once more at the final width.
    void settle()
    {
        QTest::qWait(2 * ChartPanel::RedrawDelayMs);
        panel->redrawNow();
    }
    ChartPanel *operator->() { return panel.data(); }
};

} // namespace

class TestChartPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void emptyChartsSayNoDataYet();
    void liveSeriesStayWithinTwoPointsPerPixel_data();
    void liveSeriesStayWithinTwoPointsPerPixel();
    void redrawsAreCoalesced();
    void hiddenPanelDrawsWhenShown();
    void thresholdLinesSitAtTheConfiguredValues();
    void adminActionsBecomeMarkers();
    void taskSeriesOnDemand();
    void rangeIndexIsExposedForSettings();
    void longRangeLoadsFromTheMetricsFile();
    void longRangeWithoutMetricsFileUsesLiveTiers();
    void staleResultIsDropped();
    void switchingBackToLiveDropsTheAnswerInFlight();
    void resultForAGonePanelIsIgnored();
    void unreadableMetricsFileIsReported();
    void liveViewStartsWithTheMinutesBefore();
    void axisMakesRoomForWiderLabels();
    void shortChartsKeepTheirLabelsApart();
    void screenshot();
};

void TestChartPanel::initTestCase()
{
    // The stale-result test holds one worker back while another must run.
    QThreadPool::globalInstance()->setMaxThreadCount(
        std::max(4, QThreadPool::globalInstance()->maxThreadCount()));
}

void TestChartPanel::emptyChartsSayNoDataYet()
{
    Panel p;
    for (int i = 0; i < ChartPanel::ChartCount; ++i)
        QVERIFY(p->showsNoData(ChartPanel::ChartId(i)));
    QVERIFY(!p->chartView(ChartPanel::ShardLoadChart)->emptyText().isEmpty());

    // Memory exists today; cycles and shards come later from the ledger.
    RecordBatch memoryOnly;
    memoryOnly.samples.append({QStringLiteral("memory.total_bytes"), kNow - 1000, 2.5e8});
    p->addRecords(memoryOnly);
    p.settle();
    QVERIFY(!p->showsNoData(ChartPanel::ResourcesChart));
    QVERIFY(p->showsNoData(ChartPanel::ShardLoadChart));
    QVERIFY(p->showsNoData(ChartPanel::ExecutionTimeChart));
    QCOMPARE(line(*p.panel, ChartPanel::ResourcesChart, QStringLiteral("cycles"))->count(), 0);

    RecordBatch shards;
    shards.samples.append({QStringLiteral("shard.load.0007"), kNow - 1000, 0.5});
    p->addRecords(shards);
    p.settle();
    QVERIFY(!p->showsNoData(ChartPanel::ShardLoadChart));
    QVERIFY(line(*p.panel, ChartPanel::ShardLoadChart, QStringLiteral("shard:0007")));
}

void TestChartPanel::liveSeriesStayWithinTwoPointsPerPixel_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("ticks");
    QTest::newRow("1100x700, 30 000 ticks in 5 min") << QSize(1100, 700) << 30'000;
    QTest::newRow("narrow 500x400, 5 000 ticks") << QSize(500, 400) << 5'000;
}

void TestChartPanel::liveSeriesStayWithinTwoPointsPerPixel()
{
    QFETCH(QSize, size);
    QFETCH(int, ticks);
    Panel p(size);
    p->setTaskShown(kPrice, true);
    // Many batches, as the feed delivers them.
    const RecordBatch all = liveBatch(ticks, 5 * kMinute - 1000, true);
    for (int start = 0; start < all.ticks.size(); start += 1000) {
        RecordBatch part;
        part.ticks = all.ticks.mid(start, 1000);
        part.executions = all.executions.mid(start * 3, 3000);
        part.samples = all.samples.mid(start * 7, 7000);
        p->addRecords(part);
    }
    QSignalSpy redrawn(p.panel.data(), &ChartPanel::redrawn);
    QVERIFY(redrawn.wait(2000));
    p.settle();

    int checked = 0;
    for (int c = 0; c < ChartPanel::ChartCount; ++c) {
        QChart *chart = p->chart(ChartPanel::ChartId(c));
        const int plotWidth = int(chart->plotArea().width());
        QVERIFY(plotWidth > 50);
        QVERIFY(!p->showsNoData(ChartPanel::ChartId(c)));
        for (QAbstractSeries *s : chart->series()) {
            const auto *xy = qobject_cast<QXYSeries *>(s);
            QVERIFY(xy);
            QVERIFY2(xy->count() <= 2 * plotWidth,
                     qPrintable(QStringLiteral("%1: %2 points on %3 px")
                                    .arg(s->objectName())
                                    .arg(xy->count())
                                    .arg(plotWidth)));
            ++checked;
        }
    }
    QVERIFY(checked >= 12);
    // Decimation is not thinning: the spikes (every 17th tick) still reach the top.
    QLineSeries *tick = line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("tick"));
    QVERIFY(tick->count() > p->plotWidth()); // dense data: about two points per pixel
    const QList<double> values = ys(tick);
    QVERIFY(*std::max_element(values.begin(), values.end()) >= 520.0);
    QVERIFY(line(*p.panel, ChartPanel::ExecutionTimeChart, u"task:"_qs + kPrice)->count() > 0);
    QVERIFY(line(*p.panel, ChartPanel::SuccessRateChart, QStringLiteral("successRate"))->count()
            > 0);
}

void TestChartPanel::redrawsAreCoalesced()
{
    Panel p;
    QSignalSpy redrawn(p.panel.data(), &ChartPanel::redrawn);
    for (int i = 0; i < 50; ++i) {
        RecordBatch b;
        b.ticks.append({i + 1, kNow - 260'000 + i * 5000, 100 + i, 0, 0, 0, {}});
        p->addRecords(b);
    }
    QCOMPARE(redrawn.count(), 0); // nothing drawn while records pour in
    QVERIFY(redrawn.wait(1000));
    QTest::qWait(ChartPanel::RedrawDelayMs / 2);
    QCOMPARE(redrawn.count(), 1); // one redraw for all 50 batches
    QCOMPARE(line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("tick"))->count(), 50);
}

void TestChartPanel::hiddenPanelDrawsWhenShown()
{
    Panel p;
    p->hide(); // the user switched the charts off in the View menu
    QSignalSpy redrawn(p.panel.data(), &ChartPanel::redrawn);
    p->addRecords(liveBatch(20, kMinute));
    QTest::qWait(3 * ChartPanel::RedrawDelayMs);
    QCOMPARE(redrawn.count(), 0);
    p->show();
    QVERIFY(redrawn.wait(1000));
    QCOMPARE(line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("tick"))->count(), 20);
}

void TestChartPanel::thresholdLinesSitAtTheConfiguredValues()
{
    Panel p;
    HeartbeatConfig config;
    config.cyclesAlertThreshold = 2.5e12;
    config.cyclesCriticalThreshold = 8e11;
    config.memoryWarnBytes = 3'000'000'000;
    p->setSnapshot(snapshotWith({}, config));
    p->addRecords(liveBatch(300, 5 * kMinute));
    p.settle();

    const auto check = [&](const char *name, double value, Qt::Alignment axisSide) {
        QLineSeries *s = line(*p.panel, ChartPanel::ResourcesChart, QString::fromLatin1(name));
        QVERIFY2(s, name);
        QVERIFY(s->isVisible());
        QCOMPARE(s->count(), 2);
        QCOMPARE(s->at(0).y(), value);
        QCOMPARE(s->at(1).y(), value);
        // Spans the whole range drawn.
        QCOMPARE(qint64(s->at(0).x()), kNow - ChartPanel::rangeSpanMs(ChartPanel::Last5Minutes));
        QCOMPARE(qint64(s->at(1).x()), kNow);
        bool onSide = false;
        for (QAbstractAxis *axis : s->attachedAxes())
            onSide = onSide || axis->alignment() == axisSide;
        QVERIFY2(onSide, name);
        // And inside the axis range, so it is actually seen.
        for (QAbstractAxis *axis : s->attachedAxes()) {
            if (auto *v = qobject_cast<QValueAxis *>(axis); v && axis->alignment() == axisSide)
                QVERIFY(v->max() >= value && v->min() <= value);
        }
    };
    check("cyclesAlert", 2.5e12, Qt::AlignLeft);
    check("cyclesCritical", 8e11, Qt::AlignLeft);
    check("memoryWarn", 3e9, Qt::AlignRight);

    // A config change moves them.
    config.memoryWarnBytes = 1'500'000'000;
    p->setSnapshot(snapshotWith({}, config));
    p.settle();
    check("memoryWarn", 1.5e9, Qt::AlignRight);
}

void TestChartPanel::adminActionsBecomeMarkers()
{
    Panel p;
    p->addRecords(liveBatch(100, 5 * kMinute));
    const AuditEntry pause{kNow - 2 * kMinute, QStringLiteral("alice"),
                           QStringLiteral("emergency_pause"), QStringLiteral("drill")};
    const AuditEntry automatic{kNow - 90'000, QStringLiteral("engine"),
                               QStringLiteral("auto_liquidation"), {}};
    const AuditEntry old{kNow - 60 * kMinute, QStringLiteral("alice"),
                         QStringLiteral("config_change"), {}};
    p->setSnapshot(snapshotWith({old, pause, automatic}));
    p.settle();
    QCOMPARE(p->markerTimes(), QList<qint64>{pause.tsMs}); // automatic and out-of-range: none
    auto *heads = p->chart(ChartPanel::ExecutionTimeChart)
                      ->findChild<QScatterSeries *>(QStringLiteral("adminMarkers"));
    QVERIFY(heads);
    QCOMPARE(heads->count(), 1);
    QCOMPARE(qint64(heads->at(0).x()), pause.tsMs);

    // The same entry in the next snapshot is not a second marker; a resume is.
    const AuditEntry resume{kNow - kMinute, QStringLiteral("alice"), QStringLiteral("resume"), {}};
    p->setSnapshot(snapshotWith({old, pause, automatic, resume}));
    p.settle();
    QCOMPARE(p->markerTimes(), (QList<qint64>{pause.tsMs, resume.tsMs}));
    // A vertical line for each, from the bottom of the plot to its top.
    int lines = 0;
    for (QLineSeries *s : p->chart(ChartPanel::ExecutionTimeChart)
                              ->findChildren<QLineSeries *>(QStringLiteral("adminMarkerLine"))) {
        if (s->count() == 2) {
            QCOMPARE(s->at(0).x(), s->at(1).x());
            ++lines;
        }
    }
    QCOMPARE(lines, 2);
}

void TestChartPanel::taskSeriesOnDemand()
{
    Panel p;
    p->addRecords(liveBatch(200, 5 * kMinute));
    p.settle();
    QVERIFY(!line(*p.panel, ChartPanel::ExecutionTimeChart, u"task:"_qs + kLoans));
    QSignalSpy changed(p.panel.data(), &ChartPanel::shownTasksChanged);
    p->setTaskShown(kLoans, true);
    QCOMPARE(changed.count(), 1);
    p.settle();
    QLineSeries *loans = line(*p.panel, ChartPanel::ExecutionTimeChart, u"task:"_qs + kLoans);
    QVERIFY(loans);
    QCOMPARE(loans->count(), 200);
    for (const double y : ys(loans))
        QVERIFY(y >= 20 && y < 110);
    p->setTaskShown(kLoans, false);
    p.settle();
    QVERIFY(!line(*p.panel, ChartPanel::ExecutionTimeChart, u"task:"_qs + kLoans));
    QVERIFY(p->shownTasks().isEmpty());
}

void TestChartPanel::rangeIndexIsExposedForSettings()
{
    Panel p;
    QCOMPARE(p->rangeIndex(), int(ChartPanel::Last5Minutes));
    QSignalSpy changed(p.panel.data(), &ChartPanel::rangeIndexChanged);
    p->setRangeIndex(ChartPanel::LastDay);
    QCOMPARE(p->rangeIndex(), int(ChartPanel::LastDay));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toInt(), int(ChartPanel::LastDay));
    p->setRangeIndex(ChartPanel::LastDay);
    QCOMPARE(changed.count(), 1); // no change, no signal
    p->setRangeIndex(99);
    QCOMPARE(p->rangeIndex(), int(ChartPanel::LastWeek));
    // The buttons follow, and clicking one is the same as the setter.
    auto *hour = p->findChild<QAbstractButton *>(QStringLiteral("range1"));
    QVERIFY(hour);
    hour->click();
    QCOMPARE(p->rangeIndex(), int(ChartPanel::LastHour));
    QVERIFY(p->findChild<QAbstractButton *>(QStringLiteral("range1"))->isChecked());
}

void TestChartPanel::longRangeLoadsFromTheMetricsFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    QList<double> written;
    {
        MetricsStore store(path);
        WriteBatch batch;
        // 40 ticks between 50 and 10 minutes ago: outside the 5 min buffers' reach.
        for (int i = 0; i < 40; ++i) {
            const qint64 t = kNow - 50 * kMinute + i * kMinute;
            batch.ticks.append({i + 1, t, 200 + i * 10, 1, 1, 0, {}});
            batch.executions.append({i + 1, kPrice, t, 150 + i, Outcome::Success, 1, {}});
            batch.samples.append({QStringLiteral("memory.total_bytes"), t, 4e8 + i * 1e6});
            written.append(200 + i * 10);
        }
        batch.audit.append({kNow - 30 * kMinute, QStringLiteral("bob"),
                            QStringLiteral("maintenance_on"), {}});
        store.write(batch);
    }
    Panel p;
    p->setMetricsPath(path);
    QSignalSpy loaded(p.panel.data(), &ChartPanel::rangeLoaded);
    p->setRangeIndex(ChartPanel::LastHour);
    QVERIFY(p->isLoading());
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.last().at(0).toULongLong(), p->lastRequestId());
    QVERIFY(!p->isLoading());

    QLineSeries *tick = line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("tick"));
    QCOMPARE(ys(tick), written);
    QCOMPARE(qint64(tick->at(0).x()), kNow - 50 * kMinute);
    QVERIFY(line(*p.panel, ChartPanel::ResourcesChart, QStringLiteral("memory"))->count() == 40);
    QCOMPARE(p->markerTimes(), QList<qint64>{kNow - 30 * kMinute}); // from audit_log
    QVERIFY(p->statusText().isEmpty());

    // Live records do not disturb a long range; back to 5 min they are what is drawn.
    p->addRecords(liveBatch(10, kMinute));
    p.settle();
    QCOMPARE(ys(tick), written);
    p->setRangeIndex(ChartPanel::Last5Minutes);
    p.settle();
    QCOMPARE(tick->count(), 10);
}

void TestChartPanel::longRangeWithoutMetricsFileUsesLiveTiers()
{
    Panel p;
    p->addRecords(liveBatch(500, 50 * kMinute));
    p->setRangeIndex(ChartPanel::LastHour);
    p.settle();
    QCOMPARE(p->lastRequestId(), quint64(0)); // nothing to read, nothing requested
    QVERIFY(!p->statusText().isEmpty());      // says the history is live data only
    QLineSeries *tick = line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("tick"));
    QVERIFY(tick->count() > 0);
    QVERIFY(tick->at(0).x() < double(kNow - 40 * kMinute));
}

void TestChartPanel::staleResultIsDropped()
{
    Panel p;
    QSemaphore releaseFirst;
    std::atomic<int> calls{0};
    // The first request (1 h) is held back until the second (24 h) has been drawn, so it
    // answers last: exactly the case where a late, stale answer must not win.
    p->setRangeLoader([&](const ChartRangeQuery &q) {
        ++calls;
        ChartFrame f;
        f.fromMs = q.fromMs;
        f.toMs = q.toMs;
        f.columns = q.columns;
        const bool hour = q.toMs - q.fromMs == ChartPanel::rangeSpanMs(ChartPanel::LastHour);
        if (hour)
            releaseFirst.acquire();
        const double value = hour ? 111.0 : 222.0;
        for (int i = 0; i < 10; ++i)
            f.tickMs.append(QPointF(double(q.fromMs + (i + 1) * (q.toMs - q.fromMs) / 12), value));
        return f;
    });
    p->setMetricsPath(QStringLiteral("/nonexistent/metrics.db")); // only the loader reads it
    QSignalSpy loaded(p.panel.data(), &ChartPanel::rangeLoaded);
    p->setRangeIndex(ChartPanel::LastHour);
    p->setRangeIndex(ChartPanel::LastDay);
    const quint64 second = p->lastRequestId();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toULongLong(), second);

    releaseFirst.release();
    QTRY_COMPARE_WITH_TIMEOUT(p->droppedResults(), 1, 5000);
    QCOMPARE(calls.load(), 2);
    QCOMPARE(loaded.count(), 1); // the stale one was never drawn
    QCOMPARE(p->shownRequestId(), second);
    QLineSeries *tick = line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("tick"));
    QCOMPARE(ys(tick), QList<double>(10, 222.0));
}

void TestChartPanel::switchingBackToLiveDropsTheAnswerInFlight()
{
    Panel p;
    p->addRecords(liveBatch(50, 4 * kMinute));
    QSemaphore release;
    p->setRangeLoader([&](const ChartRangeQuery &q) {
        release.acquire();
        ChartFrame f;
        f.fromMs = q.fromMs;
        f.toMs = q.toMs;
        f.tickMs.append(QPointF(double(q.toMs - 1000), 999.0));
        return f;
    });
    p->setMetricsPath(QStringLiteral("/nonexistent/metrics.db"));
    p->setRangeIndex(ChartPanel::LastDay);
    QVERIFY(p->isLoading());
    p->setRangeIndex(ChartPanel::Last5Minutes);
    QVERIFY(!p->isLoading());
    QSignalSpy loaded(p.panel.data(), &ChartPanel::rangeLoaded);
    release.release();
    QTRY_COMPARE_WITH_TIMEOUT(p->droppedResults(), 1, 5000);
    QCOMPARE(loaded.count(), 0);
    p.settle();
    const QList<double> ticks = ys(line(*p.panel, ChartPanel::ExecutionTimeChart,
                                       QStringLiteral("tick")));
    QCOMPARE(ticks.size(), 50);
    QVERIFY(!ticks.contains(999.0));
}

void TestChartPanel::resultForAGonePanelIsIgnored()
{
    QSemaphore release;
    QSemaphore finished;
    auto p = std::make_unique<Panel>();
    (*p)->setRangeLoader([&](const ChartRangeQuery &q) {
        release.acquire();
        ChartFrame f;
        f.fromMs = q.fromMs;
        f.toMs = q.toMs;
        f.tickMs.append(QPointF(double(q.toMs), 1.0));
        finished.release();
        return f;
    });
    (*p)->setMetricsPath(QStringLiteral("/nonexistent/metrics.db"));
    (*p)->setRangeIndex(ChartPanel::LastWeek);
    QPointer<ChartPanel> guard = p->panel;
    p.reset(); // the user closed the window while the read ran
    QVERIFY(guard.isNull());
    release.release();
    QVERIFY(finished.tryAcquire(1, 5000));
    QTest::qWait(50); // any delivery would happen now, to a dead receiver
}

void TestChartPanel::unreadableMetricsFileIsReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not-a-db.db"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
    }
    Panel p;
    p->setMetricsPath(path);
    QSignalSpy loaded(p.panel.data(), &ChartPanel::rangeLoaded);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("chart range not loaded: .*not-a-db")));
    p->setRangeIndex(ChartPanel::LastDay);
    QVERIFY(loaded.wait(5000));
    QVERIFY(!p->statusText().isEmpty());
    QVERIFY(p->findChild<QLabel *>(QStringLiteral("chartStatus"))->toolTip().contains(path));
    QVERIFY(p->showsNoData(ChartPanel::ExecutionTimeChart));
}

void TestChartPanel::liveViewStartsWithTheMinutesBefore()
{
    // metrics.db as the previous run left it: 100 ticks over the last 4 minutes, and an older
    // one the live view does not need.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    const RecordBatch before = liveBatch(100, 4 * kMinute, true);
    {
        MetricsStore store(path);
        WriteBatch batch;
        batch.ticks = before.ticks;
        batch.ticks.prepend({0, kNow - 30 * kMinute, 50, 0, 0, 0, {}});
        batch.executions = before.executions;
        batch.samples = before.samples;
        store.write(batch);
    }
    Panel p;
    p->setMetricsPath(path);
    QSignalSpy seeded(p.panel.data(), &ChartPanel::liveSeeded);
    p->seedLiveFromStore();
    QVERIFY(p->isSeeding());
    // The engine's first batch arrives while the store is read: it repeats the last stored
    // tick and brings one new one. It waits, and only the new tick is added after the seed.
    RecordBatch live;
    live.ticks = {before.ticks.constLast(), {101, kNow + 1000, 77, 3, 3, 0, {}}};
    live.executions = {before.executions.constLast(),
                       {101, kPrice, kNow + 1000, 30, Outcome::Success, 1, {}}};
    live.samples = {before.samples.constLast(), {QStringLiteral("memory.total_bytes"), kNow + 1000, 3e8}};
    p->addRecords(live);
    QVERIFY(seeded.wait(5000));
    QCOMPARE(seeded.constFirst().constFirst().toInt(), 100);
    QVERIFY(!p->isSeeding());
    QCOMPARE(p->liveData().tickBuffer().rawCount(), qsizetype(101)); // no duplicate, no tick 0
    QCOMPARE(p->liveData().tickBuffer().lastMs(), kNow + 1000);
    QCOMPARE(p->liveData().taskNames(), (QStringList{kLoans, kMemory, kPrice}));
    QCOMPARE(p->liveData().sampleBuffer(QStringLiteral("memory.total_bytes"))->rawCount(),
             qsizetype(101));
    QCOMPARE(p->liveData().shardIds().size(), 4);
    p.settle();
    QVERIFY(!p->showsNoData(ChartPanel::ExecutionTimeChart));
    QVERIFY(!p->showsNoData(ChartPanel::ShardLoadChart));

    // Later batches go straight in.
    p->addRecords({{}, {{102, kNow + 2000, 70, 0, 0, 0, {}}}, {}});
    QCOMPARE(p->liveData().tickBuffer().rawCount(), qsizetype(102));
}

// The value axis' labels change with the data ("20 ms" -> "150 ms"): the plot area must move
// over to make room, not leave the labels to be elided into "…".
void TestChartPanel::axisMakesRoomForWiderLabels()
{
    Panel p;
    RecordBatch small;
    for (int i = 0; i < 20; ++i)
        small.ticks.append({i + 1, kNow - kMinute + i * 1000, 8 + i % 3, 1, 1, 0, {}});
    p->addRecords(small);
    p.settle();
    QChart *chart = p->chart(ChartPanel::ExecutionTimeChart);
    const qreal narrowLeft = chart->plotArea().left();

    RecordBatch large;
    for (int i = 0; i < 20; ++i)
        large.ticks.append({i + 21, kNow - kMinute + 20'000 + i * 1000, 1'800 + i, 1, 1, 0, {}});
    p->addRecords(large);
    p.settle();
    auto *axis = qobject_cast<QCategoryAxis *>(chart->axes(Qt::Vertical).constFirst());
    QVERIFY(axis);
    QVERIFY2(axis->categoriesLabels().constLast().endsWith(u"000 ms"),
             qPrintable(axis->categoriesLabels().join(u", ")));
    QTRY_VERIFY2(chart->plotArea().left() > narrowLeft + 5,
                 qPrintable(QStringLiteral("plot area left %1, was %2")
                                .arg(chart->plotArea().left())
                                .arg(narrowLeft)));
}

// Qt Charts elides value labels that crowd each other into "…". In the main window's default
// layout each chart's plot is under 100 px tall: fewer labels, at least 30 px apart.
void TestChartPanel::shortChartsKeepTheirLabelsApart()
{
    Panel p(QSize(1260, 360));
    p->addRecords(liveBatch(60, kMinute, true));
    p.settle();
    p.settle(); // the label count follows the plot's height from the first layout
    for (int c = 0; c < ChartPanel::ChartCount; ++c) {
        QChart *chart = p->chart(ChartPanel::ChartId(c));
        for (QAbstractAxis *a : chart->axes(Qt::Vertical)) {
            auto *axis = qobject_cast<QCategoryAxis *>(a);
            QVERIFY(axis);
            const int labels = int(axis->categoriesLabels().size());
            QVERIFY(labels >= 2);
            const qreal pitch = chart->plotArea().height() / (labels - 1);
            QVERIFY2(pitch >= 30,
                     qPrintable(QStringLiteral("%1: %2 labels on %3 px (%4)")
                                    .arg(chart->title())
                                    .arg(labels)
                                    .arg(chart->plotArea().height())
                                    .arg(axis->categoriesLabels().join(u", "))));
        }
    }
}

void TestChartPanel::screenshot()
{
    Panel p(QSize(1100, 700));
    HeartbeatConfig config;
    p->setSnapshot(snapshotWith(
        {{kNow - 3 * kMinute, QStringLiteral("alice"), QStringLiteral("emergency_pause"),
          QStringLiteral("oracle drill")},
         {kNow - 2 * kMinute + 10'000, QStringLiteral("alice"), QStringLiteral("resume"), {}}},
        config));
    p->setTaskShown(kPrice, true);
    p->addRecords(liveBatch(300, 5 * kMinute - 2000, true));
    p.settle();
    const QString dirPath = QStringLiteral(HB_BUILD_DIR "/screenshots");
    QVERIFY(QDir().mkpath(dirPath));
    const QPixmap shot = p.panel->grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.save(dirPath + QStringLiteral("/charts.png")));

    // As it sits next to other panels in a 1100x700 window.
    p.resize(QSize(720, 440));
    p.settle();
    QVERIFY(p.panel->grab().save(dirPath + QStringLiteral("/charts-compact.png")));

    // A week, from what the live tiers hold (no metrics file): weekday and time on the axis.
    p->addRecords(liveBatch(3000, 6 * 86'400'000LL, true));
    p->setRangeIndex(ChartPanel::LastWeek);
    p.settle();
    QVERIFY(!p->showsNoData(ChartPanel::ExecutionTimeChart));
    QVERIFY(p.panel->grab().save(dirPath + QStringLiteral("/charts-week.png")));
}

QTEST_MAIN(TestChartPanel)
#include "tst_chartpanel.moc"
