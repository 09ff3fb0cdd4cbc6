// ChartPanel and metrics.db: long ranges read on a worker thread (a newer request makes an
// older answer stale; a gone panel gets none), a file that cannot be read, and the live view
// filled with the minutes before the window opened.

#include "chartpaneltestutil.h"
#include "store/metricsstore.h"

#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>

#include <atomic>

using namespace hb;
using namespace hb::test;

class TestChartStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void longRangeLoadsFromTheMetricsFile();
    void machineEventsBecomeMarkersInLongRanges();
    void longRangeWithoutMetricsFileUsesLiveTiers();
    void staleResultIsDropped();
    void switchingBackToLiveDropsTheAnswerInFlight();
    void resultForAGonePanelIsIgnored();
    void unreadableMetricsFileIsReported();
    void liveViewStartsWithTheMinutesBefore();
};

void TestChartStore::initTestCase()
{
    // The stale-result test holds one worker back while another must run.
    QThreadPool::globalInstance()->setMaxThreadCount(
        std::max(4, QThreadPool::globalInstance()->maxThreadCount()));
}

void TestChartStore::longRangeLoadsFromTheMetricsFile()
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
        batch.audit.append(
            {kNow - 30 * kMinute, QStringLiteral("bob"), QStringLiteral("maintenance_on"), {}});
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

void TestChartStore::machineEventsBecomeMarkersInLongRanges()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    {
        MetricsStore store(path);
        WriteBatch batch;
        for (int i = 0; i < 40; ++i) {
            const qint64 t = kNow - 50 * kMinute + i * kMinute;
            batch.ticks.append({i + 1, t, 200, 1, 1, 0, {}});
        }
        const QString relay = QStringLiteral("relay-1");
        batch.machineEvents = {
            {kNow - 40 * kMinute, relay, QStringLiteral("new"), QStringLiteral("up"), 0, {}},
            {kNow - 30 * kMinute, relay, QStringLiteral("up"), QStringLiteral("down"),
             kNow - 32 * kMinute, QStringLiteral("no heartbeat for 2m")},
            {kNow - 20 * kMinute, relay, QStringLiteral("down"), QStringLiteral("up"),
             kNow - 20 * kMinute, {}},
            {kNow - 15 * kMinute, relay, QStringLiteral("up"), QStringLiteral("paused"), 0, {}},
            {kNow - 90 * kMinute, relay, QStringLiteral("up"), QStringLiteral("down"), 0, {}},
        };
        store.write(batch);
    }
    Panel p;
    p->setMetricsPath(path);
    QSignalSpy loaded(p.panel.data(), &ChartPanel::rangeLoaded);
    p->setRangeIndex(ChartPanel::LastHour);
    QVERIFY(loaded.wait(5000));
    // Down and back up, in range; not the first heartbeat, the pause or what is out of range.
    QCOMPARE(p->markerTimes(), (QList<qint64>{kNow - 30 * kMinute, kNow - 20 * kMinute}));
}

void TestChartStore::longRangeWithoutMetricsFileUsesLiveTiers()
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

void TestChartStore::staleResultIsDropped()
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

void TestChartStore::switchingBackToLiveDropsTheAnswerInFlight()
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
    const QList<double> ticks =
        ys(line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("tick")));
    QCOMPARE(ticks.size(), 50);
    QVERIFY(!ticks.contains(999.0));
}

void TestChartStore::resultForAGonePanelIsIgnored()
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

void TestChartStore::unreadableMetricsFileIsReported()
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

void TestChartStore::liveViewStartsWithTheMinutesBefore()
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
    live.samples = {before.samples.constLast(),
                    {QStringLiteral("memory.total_bytes"), kNow + 1000, 3e8}};
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

QTEST_MAIN(TestChartStore)
#include "tst_chartstore.moc"
