// ChartPanel: the dashboard's live charts, driven offscreen as the main window drives them
// (record batches and snapshots). Long ranges and the live seed read from metrics.db:
// tst_chartstore.

#include "chartpaneltestutil.h"
#include "chartview.h"
#include "format.h"
#include "livechart.h"
#include "shardchart.h"

#include <QAbstractAxis>
#include <QAbstractButton>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QDir>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QToolTip>

#include <algorithm>
#include <QValueAxis>

#include <cmath>

using namespace hb;
using namespace hb::test;

class TestChartPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyChartsSayNoDataYet();
    void liveSeriesStayWithinTwoPointsPerPixel_data();
    void liveSeriesStayWithinTwoPointsPerPixel();
    void redrawsAreCoalesced();
    void hiddenPanelDrawsWhenShown();
    void thresholdLinesSitAtTheConfiguredValues();
    void adminActionsBecomeMarkers();
    void machinesLostAndBackBecomeMarkers();
    void taskSeriesOnDemand();
    void rangeIndexIsExposedForSettings();
    void linesBreakWhereTheEngineWasNotRunning();
    void hoveringALineShowsItsValue();
    void manyGapsKeepTheLineInTimeOrder();
    void timeAxisLabelsFitTheRange();
    void axisMakesRoomForWiderLabels();
    void shortChartsKeepTheirLabelsApart();
    void fewShardsDrawOneLineEach();
    void manyShardsDrawTheirSpread();
    void seriesCountStaysBounded();
    void screenshot();
};

namespace {
// `count` samples over the last `spanMs` of each of `shards` shards (ids 0001 ...): shard s
// carries about 100 + 10 s loans, and the shard count.
RecordBatch shardBatch(int shards, int count, qint64 spanMs, qint64 endMs = kNow)
{
    RecordBatch batch;
    for (int i = 0; i < count; ++i) {
        const qint64 t = endMs - spanMs + (spanMs * i) / count;
        for (int s = 1; s <= shards; ++s)
            batch.samples.append({QStringLiteral("shard.load.%1").arg(s, 4, 10, QLatin1Char('0')),
                                  t, 100.0 + 10.0 * s + (i % 3)});
        batch.samples.append({QStringLiteral("shard.count"), t, double(shards)});
    }
    return batch;
}

QList<QLineSeries *> shardLines(ChartPanel &panel)
{
    QList<QLineSeries *> lines;
    for (QLineSeries *s : panel.chart(ChartPanel::ShardLoadChart)->findChildren<QLineSeries *>()) {
        if (s->objectName().startsWith(u"shard:") && !s->objectName().endsWith(u"~continued"))
            lines.append(s);
    }
    return lines;
}

QAreaSeries *shardBand(ChartPanel &panel)
{
    return panel.chart(ChartPanel::ShardLoadChart)->findChild<QAreaSeries *>(u"shardBand"_qs);
}

bool legendShows(ChartPanel &panel, QAbstractSeries *series)
{
    QChart *chart = panel.chart(ChartPanel::ShardLoadChart);
    const QList<QLegendMarker *> markers = chart->legend()->markers(series);
    return chart->legend()->isVisible() && !markers.isEmpty() && markers.constFirst()->isVisible();
}
} // namespace

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
            const QXYSeries *xy = qobject_cast<QXYSeries *>(s);
            if (auto *area = qobject_cast<QAreaSeries *>(s))
                xy = area->upperSeries(); // the longer edge: it steps down at gaps
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

void TestChartPanel::machinesLostAndBackBecomeMarkers()
{
    Panel p;
    p->addRecords(liveBatch(100, 5 * kMinute));
    const auto transition = [](qint64 at, MachineState from, MachineState to) {
        return MachineTransition{QStringLiteral("relay-1"), from, to, at, at - 1000,
                                 QStringLiteral("no heartbeat for 2m")};
    };
    // The first heartbeat and a pause explain nothing on the curves: no marker.
    p->addMachineTransition(transition(kNow - 4 * kMinute, MachineState::New, MachineState::Up));
    p->addMachineTransition(transition(kNow - 3 * kMinute, MachineState::Up, MachineState::Down));
    p->addMachineTransition(transition(kNow - 2 * kMinute, MachineState::Down, MachineState::Up));
    p->addMachineTransition(transition(kNow - 90'000, MachineState::Up, MachineState::Paused));
    const AuditEntry pause{kNow - 150'000, QStringLiteral("alice"),
                           QStringLiteral("emergency_pause"), QStringLiteral("drill")};
    p->setSnapshot(snapshotWith({pause}));
    p.settle();
    QCOMPARE(p->markerTimes(),
             (QList<qint64>{kNow - 3 * kMinute, pause.tsMs, kNow - 2 * kMinute}));
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

// The app was closed for two minutes: every curve stops before and starts again after, rather
// than draw a straight line through minutes nobody measured. Without a gap, no line breaks.
void TestChartPanel::linesBreakWhereTheEngineWasNotRunning()
{
    const struct
    {
        ChartPanel::ChartId chart;
        const char *name;
    } curves[] = {{ChartPanel::ExecutionTimeChart, "tick"},
                  {ChartPanel::ExecutionTimeChart, "tickAverage"},
                  {ChartPanel::ExecutionTimeChart, "tickPeak"},
                  {ChartPanel::SuccessRateChart, "successRate"},
                  {ChartPanel::ResourcesChart, "cycles"},
                  {ChartPanel::ResourcesChart, "memory"},
                  {ChartPanel::ShardLoadChart, "shard:0002"},
                  {ChartPanel::ShardLoadChart, "shardCount"}};
    const auto continuations = [](Panel &p, ChartPanel::ChartId chart, const QString &name) {
        QList<QLineSeries *> drawn;
        for (QLineSeries *s : p->chart(chart)->findChildren<QLineSeries *>(name + u"~continued")) {
            if (s->count() > 0)
                drawn.append(s);
        }
        return drawn;
    };

    const qint64 closedAt = kNow - 3 * kMinute;
    const qint64 reopenedAt = kNow - kMinute;
    Panel gap;
    gap->addRecords(liveBatch(60, 2 * kMinute, true, closedAt));
    gap->addRecords(liveBatch(30, kMinute, true, kNow, 61));
    gap.settle();
    for (const auto &curve : curves) {
        const QString name = QString::fromLatin1(curve.name);
        QLineSeries *first = line(*gap.panel, curve.chart, name);
        QVERIFY2(first && first->count() > 0, curve.name);
        const QList<QLineSeries *> rest = continuations(gap, curve.chart, name);
        QVERIFY2(rest.size() == 1, curve.name);
        QVERIFY2(first->points().constLast().x() < double(closedAt), curve.name);
        QVERIFY2(rest.constFirst()->points().constFirst().x() >= double(reopenedAt), curve.name);
        QCOMPARE(rest.constFirst()->pen(), first->pen()); // drawn as one line
        for (QLegendMarker *marker : gap->chart(curve.chart)->legend()->markers(rest.constFirst()))
            QVERIFY2(!marker->isVisible(), "a continuation has no legend entry of its own");
    }

    Panel whole;
    whole->addRecords(liveBatch(150, 5 * kMinute, true));
    whole.settle();
    for (const auto &curve : curves) {
        const QString name = QString::fromLatin1(curve.name);
        QVERIFY2(line(*whole.panel, curve.chart, name)->count() > 0, curve.name);
        QVERIFY2(continuations(whole, curve.chart, name).isEmpty(), curve.name);
    }
}

// More gaps than a line has series for: the runs past the last one are joined to it, in time
// order (a line must never run backwards).
void TestChartPanel::manyGapsKeepTheLineInTimeOrder()
{
    Panel p;
    constexpr int kBursts = 40;
    constexpr qint64 kBurstMs = 7'000; // two ticks a second apart, then five seconds of nothing
    RecordBatch batch;
    for (int b = 0; b < kBursts; ++b) {
        const qint64 at = kNow - (kBursts - b) * kBurstMs;
        for (int t = 0; t < 2; ++t)
            batch.ticks.append({b * 2 + t + 1, at + t * 1000, 100 + b, 1, 1, 0, {}});
    }
    p->addRecords(batch);
    p.settle();
    QLineSeries *tick = line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("tick"));
    QList<QLineSeries *> drawn{tick};
    for (QLineSeries *s : p->chart(ChartPanel::ExecutionTimeChart)
                              ->findChildren<QLineSeries *>(QStringLiteral("tick~continued"))) {
        if (s->count() > 0)
            drawn.append(s);
    }
    QCOMPARE(drawn.size(), int(LiveChart::MaxRuns));
    qsizetype points = 0;
    for (QLineSeries *s : std::as_const(drawn)) {
        points += s->count();
        const QList<QPointF> run = s->points();
        QVERIFY2(std::is_sorted(run.cbegin(), run.cend(),
                                [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }),
                 qPrintable(s->objectName()));
    }
    QCOMPARE(points, qsizetype(2 * kBursts));
}

// Ticks sit evenly from the range's start, not on whole minutes: the last five minutes label
// them to the second (two "21:39" labels a minute apart would read wrong), longer ranges by
// the minute, a week with the weekday.
void TestChartPanel::timeAxisLabelsFitTheRange()
{
    Panel p;
    p->addRecords(liveBatch(100, 50 * kMinute));
    p.settle();
    const auto format = [&p] {
        const auto axes = p->chart(ChartPanel::ExecutionTimeChart)->axes(Qt::Horizontal);
        const auto *time = axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis *>(axes.first());
        return time ? time->format() : QString();
    };
    QCOMPARE(format(), QStringLiteral("HH:mm:ss"));
    p->setRangeIndex(ChartPanel::LastHour);
    p.settle();
    QCOMPARE(format(), QStringLiteral("HH:mm"));
    p->setRangeIndex(ChartPanel::LastWeek);
    p.settle();
    QCOMPARE(format(), QStringLiteral("ddd HH:mm"));
}

// Hovering a curve tells the exact value of the nearest point, in the axis' unit, with its time
// and the curve's name; leaving it hides the tip.
void TestChartPanel::hoveringALineShowsItsValue()
{
    Panel p;
    p->addRecords(liveBatch(60, 4 * kMinute));
    p.settle();

    QLineSeries *tick = line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("tick"));
    QVERIFY(tick->count() > 20);
    const QPointF at = tick->at(10);
    // A little past the point, nearer to it than to the next one.
    Q_EMIT tick->hovered(at + QPointF(500.0, 3.0), true);
    QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible(), 2000);
    const QString text = QToolTip::text();
    QVERIFY2(text.contains(u"Tick"), qPrintable(text));
    QVERIFY2(text.contains(QString::number(qint64(at.y())) + u" ms"), qPrintable(text));
    QVERIFY2(text.contains(format::localTime(qint64(at.x()))), qPrintable(text));
    Q_EMIT tick->hovered(at, false);
    QTRY_VERIFY_WITH_TIMEOUT(!QToolTip::isVisible(), 2000);

    QLineSeries *memory = line(*p.panel, ChartPanel::ResourcesChart, QStringLiteral("memory"));
    Q_EMIT memory->hovered(memory->at(3), true);
    QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible(), 2000);
    QVERIFY2(QToolTip::text().contains(u"MB"), qPrintable(QToolTip::text()));
    Q_EMIT memory->hovered(memory->at(3), false);
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

// A handful of shards: one line each, told apart by colour and the legend; no band.
void TestChartPanel::fewShardsDrawOneLineEach()
{
    Panel p;
    p->addRecords(shardBatch(ShardChart::MaxShardLines, 100, 4 * kMinute));
    p.settle();
    const QList<QLineSeries *> lines = shardLines(*p.panel);
    QCOMPARE(lines.size(), ShardChart::MaxShardLines);
    for (QLineSeries *l : lines)
        QVERIFY2(l->count() > 0, qPrintable(l->objectName()));
    QCOMPARE(shardBand(*p.panel)->upperSeries()->count(), 0);
    QCOMPARE(line(*p.panel, ChartPanel::ShardLoadChart, u"shardMean"_qs)->count(), 0);
    QVERIFY(!legendShows(*p.panel, shardBand(*p.panel)));
}

// Past MaxShardLines shards the lines would be a tangle: the chart draws the least, mean and
// most loaded shard over time instead, and hovering says all three.
void TestChartPanel::manyShardsDrawTheirSpread()
{
    Panel p;
    p->addRecords(shardBatch(ShardChart::MaxShardLines, 50, 4 * kMinute, kNow - 4 * kMinute));
    p.settle();
    QCOMPARE(shardLines(*p.panel).size(), ShardChart::MaxShardLines);

    p->addRecords(shardBatch(100, 100, 4 * kMinute)); // the ledger grew to 100 shards
    p.settle();
    QVERIFY(shardLines(*p.panel).isEmpty());
    QAreaSeries *band = shardBand(*p.panel);
    QLineSeries *mean = line(*p.panel, ChartPanel::ShardLoadChart, u"shardMean"_qs);
    QVERIFY(mean->count() > 50);
    QVERIFY(legendShows(*p.panel, band));
    QVERIFY(legendShows(*p.panel, mean));
    QVERIFY(legendShows(*p.panel, line(*p.panel, ChartPanel::ShardLoadChart, u"shardCount"_qs)));

    // At the latest time: shards 1..100 hold 110 .. 1100 loans (+ the same 0..2 each).
    const QList<QPointF> uppers = band->upperSeries()->points();
    const QList<QPointF> lowers = band->lowerSeries()->points();
    const QPointF lastMean = mean->points().constLast();
    QCOMPARE(uppers.constLast().x(), lastMean.x());
    QVERIFY2(uppers.constLast().y() >= 1100.0 && uppers.constLast().y() <= 1102.0,
             qPrintable(QString::number(uppers.constLast().y())));
    QVERIFY2(lowers.constLast().y() >= 110.0 && lowers.constLast().y() <= 112.0,
             qPrintable(QString::number(lowers.constLast().y())));
    QVERIFY2(lastMean.y() >= 605.0 && lastMean.y() <= 607.0, qPrintable(QString::number(lastMean.y())));

    Q_EMIT band->hovered(QPointF(lastMean.x() - 100.0, 600.0), true);
    QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible(), 2000);
    const QString text = QToolTip::text();
    QVERIFY2(text.contains(format::localTime(qint64(lastMean.x()))), qPrintable(text));
    QVERIFY2(text.contains(u"min " + QLocale().toString(qint64(lowers.constLast().y()))),
             qPrintable(text));
    QVERIFY2(text.contains(u"max " + QLocale().toString(qint64(uppers.constLast().y()))),
             qPrintable(text));
    QVERIFY2(text.contains(u"mean "), qPrintable(text));
    Q_EMIT band->hovered(lastMean, false);
    QTRY_VERIFY_WITH_TIMEOUT(!QToolTip::isVisible(), 2000);
    Q_EMIT mean->hovered(lastMean, true); // the mean line says the same
    QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible(), 2000);
    QCOMPARE(QToolTip::text(), text);
    Q_EMIT mean->hovered(lastMean, false);

    // Where the engine was not running the band is not filled: it has no height there.
    Panel gap;
    gap->addRecords(shardBatch(20, 40, 2 * kMinute, kNow - 3 * kMinute));
    gap->addRecords(shardBatch(20, 20, kMinute));
    gap.settle();
    const QList<QPointF> up = shardBand(*gap.panel)->upperSeries()->points();
    const QList<QPointF> down = shardBand(*gap.panel)->lowerSeries()->points();
    const auto heightAt = [](const QList<QPointF> &edge, double x) {
        const auto after = std::lower_bound(edge.cbegin(), edge.cend(), x,
                                            [](const QPointF &a, double v) { return a.x() < v; });
        QPointF a = *(after - 1);
        QPointF b = *after;
        return a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x());
    };
    const double inGap = double(kNow - 2 * kMinute);
    QCOMPARE(heightAt(up, inGap), heightAt(down, inGap));
    const double before = double(kNow - 4 * kMinute);
    QVERIFY(heightAt(up, before) - heightAt(down, before) >= 180.0); // 110 .. 300
    QVERIFY(!line(*gap.panel, ChartPanel::ShardLoadChart, u"shardMean~continued"_qs)
                 ->points()
                 .isEmpty());
}

// The panel's series do not grow with the ledger: 100 shards draw on as many series as 9, and a
// pause on every line adds at most one continuation to each.
void TestChartPanel::seriesCountStaysBounded()
{
    const auto seriesCount = [](int shards) {
        Panel p;
        p->setTaskShown(kPrice, true);
        p->addRecords(liveBatch(60, 2 * kMinute, false, kNow - 3 * kMinute));
        p->addRecords(liveBatch(30, kMinute, false, kNow, 61));
        p->addRecords(shardBatch(shards, 40, 2 * kMinute, kNow - 3 * kMinute));
        p->addRecords(shardBatch(shards, 20, kMinute));
        p.settle();
        int count = 0;
        for (int c = 0; c < ChartPanel::ChartCount; ++c)
            count += int(p->chart(ChartPanel::ChartId(c))->series().size());
        return count;
    };
    const int nine = seriesCount(ShardChart::MaxShardLines + 1);
    QCOMPARE(seriesCount(100), nine);
    QVERIFY2(nine < 40, qPrintable(QString::number(nine)));
    // One line per shard, each with its continuation, costs more than the band and its mean.
    QVERIFY(seriesCount(ShardChart::MaxShardLines) >= nine + ShardChart::MaxShardLines);
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
