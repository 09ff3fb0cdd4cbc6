// SeriesBuffer: bounded multi-resolution memory for one live chart series, and the min/max
// decimation every chart redraw goes through.

#include "linegaps.h"
#include "minmaxdecimator.h"
#include "rollingwindow.h"
#include "seriesbuffer.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <deque>
#include <cmath>

using namespace hb;

Q_DECLARE_METATYPE(hb::SeriesBuffer::Resolution)

namespace {

constexpr qint64 kT0 = 1'699'999'200'000; // a whole hour: tier buckets line up with it

// What the chart must keep of column `c`: the lowest and highest value of the raw points that
// fall in it, computed naively.
struct Column
{
    bool any = false;
    double min = 0;
    double max = 0;
};

QVector<Column> naiveColumns(const QVector<QPointF> &raw, qint64 from, qint64 to, int columns)
{
    QVector<Column> out(columns);
    const double scale = double(columns) / double(to - from);
    for (const QPointF &p : raw) {
        const qint64 t = qint64(p.x());
        if (t < from || t > to)
            continue;
        const int c = std::min(int(double(t - from) * scale), columns - 1);
        Column &col = out[c];
        col.min = col.any ? std::min(col.min, p.y()) : p.y();
        col.max = col.any ? std::max(col.max, p.y()) : p.y();
        col.any = true;
    }
    return out;
}

} // namespace

class TestSeriesBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decimationStaysWithinTwoPointsPerPixel_data();
    void decimationStaysWithinTwoPointsPerPixel();
    void decimationKeepsEachColumnsMinAndMax();
    void decimationOfTiersKeepsBucketExtremes();
    void choosesTheFinestTierCoveringTheRange_data();
    void choosesTheFinestTierCoveringTheRange();
    void wideColumnsReadACoarserTier();
    void tiersAggregateCountMinMaxSum();
    void latePointsLandInOrder();
    void memoryStaysBoundedAfterTwoMillionAppends();
    void aMillionRetainedPointsDecimateQuickly();
    void blockSummariesDrawExactlyWhatEveryPointWould_data();
    void blockSummariesDrawExactlyWhatEveryPointWould();
    void emptyAndDegenerateRanges();
    void rollingWindowCoversTheLastRuns();
    void linesBreakOnlyAtGaps_data();
    void linesBreakOnlyAtGaps();
};

void TestSeriesBuffer::decimationStaysWithinTwoPointsPerPixel_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("pixels");
    QTest::addColumn<qint64>("stepMs");
    QTest::newRow("dense: 100k points on 300 px") << 100'000 << 300 << qint64(3);
    QTest::newRow("sparse: 50 points on 800 px") << 50 << 800 << qint64(1000);
    QTest::newRow("equal: 640 points on 640 px") << 640 << 640 << qint64(10);
    QTest::newRow("one pixel") << 10'000 << 1 << qint64(1);
    QTest::newRow("odd width") << 77'777 << 333 << qint64(7);
}

void TestSeriesBuffer::decimationStaysWithinTwoPointsPerPixel()
{
    QFETCH(int, points);
    QFETCH(int, pixels);
    QFETCH(qint64, stepMs);
    SeriesBuffer buffer(SeriesBuffer::Limits{200'000, 1000, 1000, 1000});
    QRandomGenerator rng(42);
    for (int i = 0; i < points; ++i)
        buffer.append(kT0 + i * stepMs, rng.generateDouble() * 1000.0);

    const qint64 to = kT0 + (points - 1) * stepMs;
    const QList<QPointF> out = buffer.points(kT0, to, pixels);
    QVERIFY2(out.size() <= 2 * pixels, qPrintable(QString::number(out.size())));
    QCOMPARE(out.size() > 0, true);
    if (points <= pixels) // nothing to drop: every point is drawn
        QCOMPARE(out.size(), qsizetype(points));
    for (qsizetype i = 1; i < out.size(); ++i)
        QVERIFY2(out[i - 1].x() <= out[i].x(), "points must come in time order");
}

void TestSeriesBuffer::decimationKeepsEachColumnsMinAndMax()
{
    SeriesBuffer buffer(SeriesBuffer::Limits{50'000, 100, 100, 100});
    QVector<QPointF> raw;
    QRandomGenerator rng(7);
    for (int i = 0; i < 50'000; ++i) {
        double v = rng.generateDouble() * 100.0;
        if (i % 9973 == 0)
            v = 10'000.0 + i; // spikes a plain "every n-th point" decimation would lose
        raw.append(QPointF(double(kT0 + i * 2), v));
        buffer.append(kT0 + i * 2, v);
    }
    const qint64 from = kT0 + 1000;
    const qint64 to = kT0 + 90'000;
    const int pixels = 257;
    const QList<QPointF> out = buffer.points(from, to, pixels);
    QVERIFY(out.size() <= 2 * pixels);

    const QVector<Column> expected = naiveColumns(raw, from, to, pixels);
    const QVector<Column> got = naiveColumns(QVector<QPointF>(out.begin(), out.end()), from, to,
                                             pixels);
    for (int c = 0; c < pixels; ++c) {
        QCOMPARE(got[c].any, expected[c].any);
        if (!expected[c].any)
            continue;
        QCOMPARE(got[c].min, expected[c].min);
        QCOMPARE(got[c].max, expected[c].max);
    }
    // The spikes are all there.
    for (int i = 9973; i < 50'000; i += 9973) {
        const qint64 t = kT0 + i * 2;
        if (t < from || t > to)
            continue;
        QVERIFY(out.contains(QPointF(double(t), 10'000.0 + i)));
    }
}

void TestSeriesBuffer::decimationOfTiersKeepsBucketExtremes()
{
    // Raw keeps only the newest 1000 points, so an older range is drawn from the 1 s tier.
    SeriesBuffer buffer(SeriesBuffer::Limits{1000, 10'000, 1000, 100});
    for (int i = 0; i < 20'000; ++i) // 10 points a second
        buffer.append(kT0 + i * 100, (i % 10 == 3) ? 500.0 + i : double(i % 10));
    const qint64 from = kT0;
    const qint64 to = kT0 + 600'000; // the first 10 minutes: long evicted from raw
    QCOMPARE(buffer.resolutionFor(from, to), SeriesBuffer::Resolution::Second);
    const QList<QPointF> out = buffer.points(from, to, 100);
    QVERIFY(out.size() <= 200);
    // Each 6 s column's highest value is the spike of its last second.
    QVERIFY(out.contains(QPointF(double(kT0 + 5000), 500.0 + 53)));
    QVERIFY(out.contains(QPointF(double(kT0), 0.0)));
}

void TestSeriesBuffer::choosesTheFinestTierCoveringTheRange_data()
{
    QTest::addColumn<qint64>("fromAgoMs");
    QTest::addColumn<SeriesBuffer::Resolution>("expected");
    // One point a second for 3 days; raw keeps 10 min, seconds 2 h, minutes 1 day.
    QTest::newRow("last 5 min: raw") << qint64(5 * 60'000) << SeriesBuffer::Resolution::Raw;
    QTest::newRow("last hour: 1 s") << qint64(3'600'000) << SeriesBuffer::Resolution::Second;
    QTest::newRow("last 12 h: 1 min") << qint64(12 * 3'600'000) << SeriesBuffer::Resolution::Minute;
    QTest::newRow("last 2 days: 1 h") << qint64(48 * 3'600'000) << SeriesBuffer::Resolution::Hour;
    QTest::newRow("before anything: 1 h") << qint64(30 * 86'400'000LL)
                                          << SeriesBuffer::Resolution::Hour;
}

void TestSeriesBuffer::choosesTheFinestTierCoveringTheRange()
{
    QFETCH(qint64, fromAgoMs);
    QFETCH(SeriesBuffer::Resolution, expected);
    SeriesBuffer buffer(SeriesBuffer::Limits{600, 7200, 1440, 1000});
    const qint64 seconds = 3 * 86'400;
    for (qint64 s = 0; s < seconds; ++s)
        buffer.append(kT0 + s * 1000, double(s % 100));
    const qint64 now = kT0 + (seconds - 1) * 1000;
    QCOMPARE(buffer.resolutionFor(now - fromAgoMs, now), expected);
    const QList<QPointF> out = buffer.points(now - fromAgoMs, now, 500);
    QVERIFY(!out.isEmpty());
    QVERIFY(out.size() <= 1000);
    QVERIFY(out.last().x() <= double(now));
}

void TestSeriesBuffer::wideColumnsReadACoarserTier()
{
    // Raw holds all of 3 days at one point a second; 100 columns over 24 h are 14.4 min each,
    // so minute buckets (at most 1/8 of a column) give the same picture from 1 440 values
    // instead of 86 400.
    SeriesBuffer buffer(SeriesBuffer::Limits{300'000, 300'000, 10'000, 1'000});
    QVector<QPointF> raw;
    const qint64 seconds = 3 * 86'400;
    for (qint64 s = 0; s < seconds; ++s) {
        const double v = double((s * 7919) % 1000) + (s == 200'000 ? 5000.0 : 0.0);
        buffer.append(kT0 + s * 1000, v);
        raw.append(QPointF(double(kT0 + s * 1000), v));
    }
    const qint64 to = kT0 + (seconds - 1) * 1000;
    const qint64 from = to - 86'400'000;
    QCOMPARE(buffer.resolutionFor(from, to), SeriesBuffer::Resolution::Raw);
    QCOMPARE(buffer.resolutionFor(from, to, 100), SeriesBuffer::Resolution::Minute);
    QCOMPARE(buffer.resolutionFor(from, to, 2000), SeriesBuffer::Resolution::Second);
    QCOMPARE(buffer.resolutionFor(to - 300'000, to, 500), SeriesBuffer::Resolution::Raw);

    const QList<QPointF> out = buffer.points(from, to, 100);
    QVERIFY(out.size() <= 200);
    const QVector<Column> expected = naiveColumns(raw, from, to, 100);
    double lo = 1e9;
    double hi = -1e9;
    for (const Column &c : expected) {
        lo = std::min(lo, c.min);
        hi = std::max(hi, c.max);
    }
    double gotLo = 1e9;
    double gotHi = -1e9;
    for (const QPointF &p : out) {
        gotLo = std::min(gotLo, p.y());
        gotHi = std::max(gotHi, p.y());
    }
    QCOMPARE(gotLo, lo);
    QCOMPARE(gotHi, hi); // the one spike of 5 999 is there
    QCOMPARE(hi, 5000.0 + double((200'000 * 7919) % 1000));
}

void TestSeriesBuffer::tiersAggregateCountMinMaxSum()
{
    SeriesBuffer buffer;
    // 3 minutes, 4 points a second, values 0..239 each minute.
    for (int i = 0; i < 3 * 240; ++i)
        buffer.append(kT0 + i * 250, double(i % 240));
    QCOMPARE(buffer.rawCount(), qsizetype(720));
    QCOMPARE(buffer.bucketCount(SeriesBuffer::Resolution::Second), qsizetype(180));
    QCOMPARE(buffer.bucketCount(SeriesBuffer::Resolution::Minute), qsizetype(3));
    QCOMPARE(buffer.bucketCount(SeriesBuffer::Resolution::Hour), qsizetype(1));
    QCOMPARE(buffer.appendedCount(), qint64(720));
    double lo = 0;
    double hi = 0;
    QVERIFY(buffer.valueRange(kT0, kT0 + 180'000, &lo, &hi));
    QCOMPARE(lo, 0.0);
    QCOMPARE(hi, 239.0);
    QCOMPARE(buffer.lastValue(), 239.0);
    QCOMPARE(buffer.lastMs(), kT0 + 719 * 250);
    // Non-finite values are not data.
    buffer.append(kT0 + 200'000, std::nan(""));
    QCOMPARE(buffer.appendedCount(), qint64(720));
}

void TestSeriesBuffer::latePointsLandInOrder()
{
    SeriesBuffer buffer(SeriesBuffer::Limits{5, 100, 100, 100});
    for (const qint64 t : {0, 10, 30, 40})
        buffer.append(kT0 + t, double(t));
    buffer.append(kT0 + 20, 20.0); // a task that started earlier finished later
    QList<QPointF> out = buffer.points(kT0, kT0 + 100, 1000);
    QCOMPARE(out.size(), qsizetype(5));
    for (qsizetype i = 0; i < out.size(); ++i)
        QCOMPARE(out[i].x(), double(kT0 + 10 * i));
    // Full ring: a late point drops the oldest; one older than everything kept is not kept.
    buffer.append(kT0 + 25, 25.0);
    QCOMPARE(buffer.resolutionFor(kT0 + 10, kT0 + 100), SeriesBuffer::Resolution::Raw);
    out = buffer.points(kT0 + 10, kT0 + 100, 1000);
    QCOMPARE(out.size(), qsizetype(5));
    QCOMPARE(out.first().x(), double(kT0 + 10));
    QCOMPARE(out[2].y(), 25.0);
    buffer.append(kT0 + 1, 1.0);
    QCOMPARE(buffer.rawCount(), qsizetype(5));
    QCOMPARE(buffer.points(kT0 + 10, kT0 + 100, 1000).first().x(), double(kT0 + 10));
    // The tiers still count every point: all seven fall in one second.
    QCOMPARE(buffer.bucketCount(SeriesBuffer::Resolution::Second), qsizetype(1));
    double lo = 0;
    double hi = 0;
    QVERIFY(buffer.valueRange(kT0, kT0 + 100, &lo, &hi)); // the range starts before raw: 1 s tier
    QCOMPARE(lo, 0.0);
    QCOMPARE(hi, 40.0);
}

void TestSeriesBuffer::memoryStaysBoundedAfterTwoMillionAppends()
{
    const SeriesBuffer::Limits limits{100'000, 3'600, 1'440, 168};
    SeriesBuffer buffer(limits);
    // 16 bytes a raw point plus under one for its share of a block summary (64 points each).
    const qsizetype bound = limits.raw * 17 + (limits.seconds + limits.minutes + limits.hours)
                                                  * qsizetype(sizeof(SeriesBuffer::Bucket));
    qsizetype nearTheEnd = 0;
    // 2 000 000 points, 20 a second: over 27 hours, so every tier wraps.
    for (int i = 0; i < 2'000'000; ++i) {
        buffer.append(kT0 + qint64(i) * 50, double(i % 1000));
        if (i == 1'900'000) // every tier but the hours has wrapped by now
            nearTheEnd = buffer.memoryBytes();
        if (i % 100'000 == 0)
            QVERIFY(buffer.memoryBytes() <= bound);
    }
    QCOMPARE(buffer.appendedCount(), qint64(2'000'000));
    QCOMPARE(buffer.rawCount(), limits.raw);
    QCOMPARE(buffer.bucketCount(SeriesBuffer::Resolution::Second), limits.seconds);
    QCOMPARE(buffer.bucketCount(SeriesBuffer::Resolution::Minute), limits.minutes);
    QVERIFY(buffer.bucketCount(SeriesBuffer::Resolution::Hour) <= limits.hours);
    QVERIFY2(buffer.memoryBytes() <= bound,
             qPrintable(QStringLiteral("%1 > %2").arg(buffer.memoryBytes()).arg(bound)));
    QCOMPARE(buffer.memoryBytes(), nearTheEnd); // no growth once full
    // The newest point is still there, the oldest long gone from raw.
    const qint64 last = kT0 + qint64(1'999'999) * 50;
    QCOMPARE(buffer.lastMs(), last);
    QCOMPARE(buffer.resolutionFor(last - 60'000, last), SeriesBuffer::Resolution::Raw);
    QCOMPARE(buffer.resolutionFor(kT0, last), SeriesBuffer::Resolution::Hour);
    buffer.clear();
    QCOMPARE(buffer.memoryBytes(), qsizetype(0));
}

void TestSeriesBuffer::blockSummariesDrawExactlyWhatEveryPointWould_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("appends");
    QTest::addColumn<int>("pixels");
    QTest::newRow("many points a column") << 50'000 << 40'000 << 97;
    QTest::newRow("about a block a column") << 50'000 << 40'000 << 600;
    QTest::newRow("fewer than a block a column") << 50'000 << 40'000 << 5'000;
    QTest::newRow("wrapped ring, late points") << 20'000 << 70'000 << 257;
    QTest::newRow("three columns") << 20'000 << 30'000 << 3;
}

// The block summaries are a shortcut, not an approximation: whatever the column width, with
// ties, duplicate times, late points and a wrapped ring, points() returns exactly what the
// decimator makes of every retained point added one by one.
void TestSeriesBuffer::blockSummariesDrawExactlyWhatEveryPointWould()
{
    QFETCH(int, capacity);
    QFETCH(int, appends);
    QFETCH(int, pixels);
    SeriesBuffer buffer(SeriesBuffer::Limits{capacity, 100'000, 1'000, 100});
    std::deque<std::pair<qint64, double>> kept; // what the ring should hold, in its order
    QRandomGenerator rng(99);
    qint64 t = kT0;
    for (int i = 0; i < appends; ++i) {
        t += rng.bounded(3); // 0 .. 2 ms: duplicate times too
        qint64 at = t;
        if (i % 23 == 0) // a late point, a little before the newest
            at = std::max(kT0, t - rng.bounded(40));
        // Mostly distinct values (a stale summary shows), a third from a few (ties).
        const double v = i % 3 == 0 ? double(rng.bounded(50)) : rng.generateDouble() * 50.0;
        buffer.append(at, v);
        const auto pos = std::upper_bound(kept.begin(), kept.end(), at,
                                          [](qint64 a, const auto &p) { return a < p.first; });
        if (int(kept.size()) == capacity && pos == kept.begin())
            continue; // older than all: dropped at once
        kept.insert(pos, {at, v});
        if (int(kept.size()) > capacity)
            kept.pop_front();
        // Redraws between appends: summaries made clean, then written over and moved.
        if (i % 151 == 0 || i == appends - 1) {
            QCOMPARE(buffer.rawCount(), qsizetype(kept.size()));
            const qint64 from = kept.front().first;
            const qint64 to = kept.back().first;
            MinMaxDecimator reference(from, to, pixels);
            for (const auto &[pt, pv] : kept)
                reference.add(pt, pv);
            if (buffer.resolutionFor(from, to, pixels) == SeriesBuffer::Resolution::Raw)
                QCOMPARE(buffer.points(from, to, pixels), reference.take());
        }
    }
    const qint64 from = kept.front().first + 1;
    const qint64 to = kept.back().first - 1;
    QCOMPARE(buffer.resolutionFor(from, to, pixels), SeriesBuffer::Resolution::Raw);
    MinMaxDecimator reference(from, to, pixels);
    for (const auto &[pt, pv] : kept)
        reference.add(pt, pv);
    const QList<QPointF> expected = reference.take();
    QCOMPARE(buffer.points(from, to, pixels), expected);
    QCOMPARE(buffer.points(from, to, pixels), expected); // clean blocks read the same again
}

void TestSeriesBuffer::aMillionRetainedPointsDecimateQuickly()
{
    SeriesBuffer buffer(SeriesBuffer::Limits{1'000'000, 100'000, 10'000, 1'000});
    for (int i = 0; i < 1'500'000; ++i) // wraps: the ring is read in two runs
        buffer.append(kT0 + i, std::sin(i * 0.001) * 100.0);
    QCOMPARE(buffer.rawCount(), qsizetype(1'000'000));
    const qint64 from = kT0 + 500'000;
    const qint64 to = kT0 + 1'499'999;
    QCOMPARE(buffer.resolutionFor(from, to), SeriesBuffer::Resolution::Raw);
    QElapsedTimer timer;
    timer.start();
    QList<QPointF> out;
    for (int i = 0; i < 10; ++i)
        out = buffer.points(from, to, 1000);
    const double perCallMs = double(timer.nsecsElapsed()) / 1e6 / 10.0;
    QVERIFY(out.size() <= 2000);
    QVERIFY(out.size() >= 1000);
    // The budget is 10 ms (bench_chart measures it); here only a gross regression fails, since
    // sanitizer builds run this too.
    QVERIFY2(perCallMs < 250.0, qPrintable(QString::number(perCallMs)));
    qInfo("points() over 1 000 000 retained points: %.2f ms", perCallMs);
}

void TestSeriesBuffer::emptyAndDegenerateRanges()
{
    SeriesBuffer buffer;
    QVERIFY(buffer.points(0, 1000, 100).isEmpty());
    QCOMPARE(buffer.resolutionFor(0, 1000), SeriesBuffer::Resolution::Raw);
    buffer.append(kT0, 5.0);
    QCOMPARE(buffer.points(kT0, kT0, 100).size(), qsizetype(1));  // zero-length range
    QVERIFY(buffer.points(kT0 + 1, kT0, 100).isEmpty());           // reversed range
    QCOMPARE(buffer.points(kT0 - 10, kT0 + 10, 0).size(), qsizetype(1)); // no width: 1 column
    double lo = 0;
    double hi = 0;
    QVERIFY(!buffer.valueRange(kT0 + 1, kT0 + 2, &lo, &hi));

    MinMaxDecimator d(0, 100, 10);
    d.add(5, 1.0);
    d.add(6, 9.0);
    d.add(7, 3.0);
    d.add(200, 100.0); // outside: ignored
    QCOMPARE(d.take(), (QList<QPointF>{{5, 1.0}, {6, 9.0}}));
}

void TestSeriesBuffer::rollingWindowCoversTheLastRuns()
{
    RollingWindow window(4);
    for (const double v : {10.0, 20.0, 30.0, 40.0, 50.0})
        window.add(v);
    QCOMPARE(window.count(), qint64(4));
    QCOMPARE(window.mean(), 35.0);
    QCOMPARE(window.max(), 50.0);
    RollingWindow rate(20);
    for (int i = 0; i < 30; ++i)
        rate.add(1, 0.0, 0.0, i >= 20 ? 0 : 1); // 20 successes then 10 failures
    QCOMPARE(rate.hitRate(), 0.5);
    rate.add(100, 0.0, 0.0, 100); // a bucket bigger than the window stands alone
    QCOMPARE(rate.count(), qint64(100));
    QCOMPARE(rate.hitRate(), 1.0);
}

void TestSeriesBuffer::linesBreakOnlyAtGaps_data()
{
    QTest::addColumn<QList<double>>("times"); // the points' x; y does not matter
    QTest::addColumn<double>("minGap");
    QTest::addColumn<QList<int>>("runs"); // the length of each run
    QTest::newRow("nothing") << QList<double>{} << 1.0 << QList<int>{};
    QTest::newRow("one point") << QList<double>{5} << 1.0 << QList<int>{1};
    QTest::newRow("steady 2 s ticks") << QList<double>{0, 2, 4, 6, 8, 10} << 1.0 << QList<int>{6};
    QTest::newRow("jitter is no gap") << QList<double>{0, 2, 3.5, 6, 8.2, 10} << 1.0
                                      << QList<int>{6};
    QTest::newRow("the app was closed a minute")
        << QList<double>{0, 2, 4, 6, 66, 68, 70} << 1.0 << QList<int>{4, 3};
    QTest::newRow("two closures") << QList<double>{0, 2, 4, 64, 66, 68, 200, 202} << 1.0
                                  << QList<int>{3, 3, 2};
    QTest::newRow("a lone point between two closures")
        << QList<double>{0, 2, 4, 6, 906, 1906, 1908, 1910} << 1.0 << QList<int>{4, 1, 3};
    QTest::newRow("gap after the first point") << QList<double>{0, 60, 62, 64} << 1.0
                                               << QList<int>{1, 3};
    QTest::newRow("gap before the last point") << QList<double>{0, 2, 4, 64} << 1.0
                                               << QList<int>{3, 1};
    // The tick interval went from 30 s to 2 s: no gap, the line goes on.
    QTest::newRow("cadence changes") << QList<double>{0, 30, 60, 90, 92, 94, 96} << 1.0
                                     << QList<int>{7};
    // Decimated dense data: two points a column, up to two columns apart.
    QTest::newRow("within two columns") << QList<double>{0, 0.1, 9.9, 10.1, 19.8, 20, 29.9}
                                        << 20.0 << QList<int>{7};
    QTest::newRow("gap wider than the columns") << QList<double>{0, 5, 10, 15, 200, 205, 210}
                                                << 20.0 << QList<int>{4, 3};
    QTest::newRow("a short pause below the pixel size") << QList<double>{0, 2, 4, 16, 18, 20}
                                                        << 10.0 << QList<int>{6};
}

void TestSeriesBuffer::linesBreakOnlyAtGaps()
{
    QFETCH(QList<double>, times);
    QFETCH(double, minGap);
    QFETCH(QList<int>, runs);
    QList<QPointF> points;
    for (int i = 0; i < times.size(); ++i)
        points.append({times.at(i), double(i)});
    const QList<QList<QPointF>> got = splitAtGaps(points, minGap);
    QList<int> lengths;
    QList<QPointF> joined;
    for (const QList<QPointF> &run : got) {
        lengths.append(int(run.size()));
        joined += run;
    }
    QCOMPARE(lengths, runs);
    QCOMPARE(joined, points); // every point once, in order
}

QTEST_GUILESS_MAIN(TestSeriesBuffer)
#include "tst_seriesbuffer.moc"
