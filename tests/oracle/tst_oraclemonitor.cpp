// Feed statistics for oracle monitoring: freshness, error rate and latency over a sliding window.

#include "oracle/oraclemonitor.h"

#include "testsupport.h"

#include <QTest>
#include <QThreadPool>

#include <atomic>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace {

OracleResult good(qint64 latencyMs, qint64 timestampMs = 1'000)
{
    OracleResult r;
    r.quotes.append({u"rice"_s, 14'500, timestampMs, u"demo"_s});
    r.latencyMs = latencyMs;
    return r;
}

OracleResult failed(qint64 latencyMs, const QString &error = u"HTTP 500"_s)
{
    OracleResult r = OracleResult::failure(error);
    r.latencyMs = latencyMs;
    return r;
}

} // namespace

class TestOracleMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty();
    void freshness();
    void partialFetchCountsAsFailureButKeepsQuotes();
    void errorRateOverWindow();
    void latencyFigures();
    void cancelledFetchesIgnored();
    void concurrentRecording();
};

void TestOracleMonitor::empty()
{
    const OracleMonitor monitor;
    const OracleStats s = monitor.stats(5'000);
    QCOMPARE(monitor.window(), 100);
    QCOMPARE(s.fetches, qint64(0));
    QCOMPARE(s.windowFetches, 0);
    QCOMPARE(s.errorRate, 0.0);
    QCOMPARE(s.averageLatencyMs, 0.0);
    QCOMPARE(s.p95LatencyMs, qint64(0));
    QCOMPARE(s.newestQuoteMs, qint64(0));
    QCOMPARE(s.freshnessMs, qint64(-1)); // "never", not "fresh"
    QVERIFY(s.lastError.isEmpty());
}

void TestOracleMonitor::freshness()
{
    OracleMonitor monitor;
    OracleResult r = good(10, 1'000);
    r.quotes.append({u"corn"_s, 5'800, 3'000, u"demo"_s});
    monitor.record(r, 3'500);
    OracleStats s = monitor.stats(10'000);
    QCOMPARE(s.newestQuoteMs, qint64(3'000));
    QCOMPARE(s.freshnessMs, qint64(7'000));
    QCOMPARE(s.newestByCommodity.value(u"rice"_s), qint64(1'000));
    QCOMPARE(s.newestByCommodity.value(u"corn"_s), qint64(3'000));
    QCOMPARE(s.lastFetchMs, qint64(3'500));

    // Time passes and the feed fails: the newest good quote only ages.
    monitor.record(failed(10), 20'000);
    s = monitor.stats(60'000);
    QCOMPARE(s.freshnessMs, qint64(57'000));
    QCOMPARE(s.lastFetchMs, qint64(20'000));

    // A quote older than the newest one does not make the feed look older.
    monitor.record(good(10, 2'000), 61'000);
    QCOMPARE(monitor.stats(61'000).newestByCommodity.value(u"rice"_s), qint64(2'000));
    QCOMPARE(monitor.stats(61'000).newestQuoteMs, qint64(3'000));
    // A reader slightly behind the writer's clock never sees a negative age.
    QCOMPARE(monitor.stats(2'000).freshnessMs, qint64(0));
}

void TestOracleMonitor::partialFetchCountsAsFailureButKeepsQuotes()
{
    OracleMonitor monitor;
    OracleResult partial = good(10, 9'000);
    partial.errors.append({u"corn"_s, u"corn: price -3 is not positive"_s});
    monitor.record(partial, 9'500);
    const OracleStats s = monitor.stats(10'000);
    QCOMPARE(s.windowFailures, 1);
    QCOMPARE(s.errorRate, 1.0);
    QCOMPARE(s.freshnessMs, qint64(1'000));
    QCOMPARE(s.lastError, u"corn: price -3 is not positive"_s);
    QCOMPARE(s.lastErrorMs, qint64(9'500));
}

void TestOracleMonitor::errorRateOverWindow()
{
    OracleMonitor monitor(10);
    for (int i = 0; i < 10; ++i)
        monitor.record(good(5), i);
    QCOMPARE(monitor.stats(100).errorRate, 0.0);

    for (int i = 0; i < 5; ++i)
        monitor.record(failed(5, u"timed out after 300 ms"_s), 100 + i);
    OracleStats s = monitor.stats(200);
    QCOMPARE(s.windowFetches, 10); // the window slid: the oldest five fell out
    QCOMPARE(s.windowFailures, 5);
    QCOMPARE(s.errorRate, 0.5);
    QCOMPARE(s.fetches, qint64(15));
    QCOMPARE(s.lastError, u"timed out after 300 ms"_s);
    QCOMPARE(s.lastErrorMs, qint64(104));

    for (int i = 0; i < 10; ++i)
        monitor.record(good(5), 300 + i);
    s = monitor.stats(400);
    QCOMPARE(s.errorRate, 0.0); // recovered: old failures are out of the window
    QCOMPARE(s.lastError, u"timed out after 300 ms"_s); // still shown, with its time
    QCOMPARE(s.fetches, qint64(25));

    for (int i = 0; i < 3; ++i)
        monitor.record(failed(5), 500 + i);
    QCOMPARE(monitor.stats(600).errorRate, 0.3);
}

void TestOracleMonitor::latencyFigures()
{
    OracleMonitor monitor(100);
    monitor.record(good(42), 1);
    OracleStats s = monitor.stats(2);
    QCOMPARE(s.averageLatencyMs, 42.0);
    QCOMPARE(s.p95LatencyMs, qint64(42));

    // 1..100 ms in shuffled order; failures count (a timeout is the slowest answer of all).
    OracleMonitor shuffled(100);
    for (int i = 0; i < 100; ++i) {
        const qint64 latency = (i * 37) % 100 + 1;
        shuffled.record(i % 2 ? good(latency) : failed(latency), i);
    }
    s = shuffled.stats(100);
    QCOMPARE(s.averageLatencyMs, 50.5);
    QCOMPARE(s.p95LatencyMs, qint64(95));

    // Twenty fetches, one slow: the 95th percentile is the 19th fastest, not the outlier.
    OracleMonitor spiky(20);
    for (int i = 0; i < 19; ++i)
        spiky.record(good(10), i);
    spiky.record(failed(5'000), 19);
    s = spiky.stats(20);
    QCOMPARE(s.p95LatencyMs, qint64(10));
    QCOMPARE(s.averageLatencyMs, (19 * 10 + 5'000) / 20.0);
    spiky.record(failed(5'000), 20); // two of twenty: now it shows
    QCOMPARE(spiky.stats(21).p95LatencyMs, qint64(5'000));
}

void TestOracleMonitor::cancelledFetchesIgnored()
{
    OracleMonitor monitor;
    monitor.record(good(10), 1);
    OracleResult cancelled = OracleResult::cancellation();
    cancelled.latencyMs = 9'999;
    monitor.record(cancelled, 2);
    const OracleStats s = monitor.stats(3);
    QCOMPARE(s.fetches, qint64(1));
    QCOMPARE(s.errorRate, 0.0);
    QCOMPARE(s.p95LatencyMs, qint64(10));
    QVERIFY(s.lastError.isEmpty());
}

void TestOracleMonitor::concurrentRecording()
{
    OracleMonitor monitor(1'000);
    QThreadPool pool;
    pool.setMaxThreadCount(4);
    std::atomic_bool stop{false};
    std::atomic_int reads{0};
    // A reader on the pool while four writers record; run under TSan/ASan this finds races.
    pool.start([&] {
        while (!stop) {
            const OracleStats s = monitor.stats(1);
            if (s.windowFetches > 0 && s.p95LatencyMs <= 0)
                qFatal("inconsistent stats");
            ++reads;
        }
    });
    // The reader is running before the writers start (on a busy machine the writers could
    // otherwise be done before the reader's thread is first scheduled).
    QTRY_VERIFY(reads > 0);
    QThreadPool writers;
    writers.setMaxThreadCount(4);
    for (int t = 0; t < 4; ++t) {
        writers.start([&monitor, t] {
            for (int i = 0; i < 1'000; ++i)
                monitor.record(i % 4 == t ? failed(i + 1) : good(i + 1), i);
        });
    }
    writers.waitForDone();
    stop = true;
    pool.waitForDone();
    const OracleStats s = monitor.stats(1);
    QCOMPARE(s.fetches, qint64(4'000));
    QCOMPARE(s.windowFetches, 1'000);
    QCOMPARE(OracleMonitor(0).window(), 1); // a window of nothing would divide by zero
}

QTEST_GUILESS_MAIN(TestOracleMonitor)
#include "tst_oraclemonitor.moc"
