// ChartPanel's time range for analysis: a drag on any chart zooms all four to the span, the
// wheel zooms about the cursor, a Shift or middle drag pans, Back / Forward walk the history,
// a newer read drops an older one, a recorded file's presets count from its end, audit entries
// and breaker openings from metrics.db are markers with their text, and a click names the
// bucket (and task) under it.

#include "chartpaneltestutil.h"
#include "chartview.h"
#include "screenshotmode.h"
#include "store/metricsstore.h"
#include "timerangedialog.h"

#include <QAction>
#include <QDateTimeAxis>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QHelpEvent>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QToolButton>
#include <QToolTip>

#include <atomic>

using namespace hb;
using namespace hb::test;

namespace {

constexpr qint64 kHour = 3'600'000;
constexpr qint64 kDay = 24 * kHour;
const ChartPanel::ChartId kCharts[] = {ChartPanel::ExecutionTimeChart, ChartPanel::SuccessRateChart,
                                       ChartPanel::ResourcesChart, ChartPanel::ShardLoadChart};

QDateTimeAxis *timeAxis(ChartPanel &panel, ChartPanel::ChartId id)
{
    return qobject_cast<QDateTimeAxis *>(panel.chart(id)->axes(Qt::Horizontal).constFirst());
}

ChartPanel::TimeRange axisRange(ChartPanel &panel, ChartPanel::ChartId id)
{
    QDateTimeAxis *axis = timeAxis(panel, id);
    return {axis->min().toMSecsSinceEpoch(), axis->max().toMSecsSinceEpoch()};
}

// The plot area of a chart in its viewport's coordinates.
QRectF plotRect(ChartView *view)
{
    QChart *chart = view->chart();
    const QRectF scene = chart->mapRectToScene(chart->plotArea());
    return QRectF(view->mapFromScene(scene.topLeft()), view->mapFromScene(scene.bottomRight()));
}

// The time the axis shows at viewport x, read off the axis and the plot area.
double timeAtX(ChartPanel &panel, ChartPanel::ChartId id, double x)
{
    const QRectF plot = plotRect(panel.chartView(id));
    const ChartPanel::TimeRange r = axisRange(panel, id);
    return double(r.fromMs) + (x - plot.left()) / plot.width() * double(r.toMs - r.fromMs);
}

// One plot pixel of `id`'s time axis, in ms: how exact a mouse-made range can be.
double pixelMs(ChartPanel &panel, ChartPanel::ChartId id)
{
    const ChartPanel::TimeRange r = axisRange(panel, id);
    return double(r.toMs - r.fromMs) / plotRect(panel.chartView(id)).width();
}

void mouse(QWidget *w, QEvent::Type type, QPoint pos, Qt::MouseButton button,
           Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers)
{
    QMouseEvent e(type, QPointF(pos), QPointF(w->mapToGlobal(pos)), button, buttons, modifiers);
    QCoreApplication::sendEvent(w, &e);
}

// Press at `a`, move to `b` in a few steps, release there.
void drag(ChartView *view, QPoint a, QPoint b, Qt::MouseButton button,
          Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *w = view->viewport();
    mouse(w, QEvent::MouseButtonPress, a, button, button, modifiers);
    for (int i = 1; i <= 4; ++i)
        mouse(w, QEvent::MouseMove, a + (b - a) * i / 4, Qt::NoButton, button, modifiers);
    mouse(w, QEvent::MouseButtonRelease, b, button, Qt::NoButton, modifiers);
}

void click(ChartView *view, QPoint at)
{
    drag(view, at, at, Qt::LeftButton);
}

void wheel(ChartView *view, QPoint at, int angle)
{
    QWidget *w = view->viewport();
    QWheelEvent e(QPointF(at), QPointF(w->mapToGlobal(at)), QPoint(), QPoint(0, angle),
                  Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(w, &e);
}

QPoint plotPoint(ChartView *view, double fx, double fy = 0.5)
{
    const QRectF plot = plotRect(view);
    return QPointF(plot.left() + fx * plot.width(), plot.top() + fy * plot.height()).toPoint();
}

// Every chart's time axis shows `range`.
void verifyAllAxes(ChartPanel &panel, ChartPanel::TimeRange range)
{
    for (ChartPanel::ChartId id : kCharts) {
        const ChartPanel::TimeRange shown = axisRange(panel, id);
        QCOMPARE(shown.fromMs, range.fromMs);
        QCOMPARE(shown.toMs, range.toMs);
    }
}

// A loader answering at once with a flat tick line of `value` over the query's range.
ChartFrame flatFrame(const ChartRangeQuery &q, double value)
{
    ChartFrame f;
    f.fromMs = q.fromMs;
    f.toMs = q.toMs;
    f.columns = q.columns;
    for (int i = 0; i < 10; ++i)
        f.tickMs.append(QPointF(double(q.fromMs + (i + 1) * (q.toMs - q.fromMs) / 12), value));
    return f;
}

// metrics.db over the two days before `end`: a tick a minute with three runs, memory and
// cycles; an admin action, and a breaker that opened and went half-open, in the last day; an
// older breaker opening on the first day.
struct RecordedFile
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("metrics.db"));
    qint64 end = kNow - kDay;
    qint64 first = end - 2 * kDay;
    qint64 last = end - kMinute;
    qint64 maintenanceAt = end - 5 * kHour;
    qint64 breakerOpenAt = end - 3 * kHour;
    qint64 oldBreakerOpenAt = end - 30 * kHour;

    RecordedFile()
    {
        MetricsStore store(path);
        WriteBatch batch;
        const RecordBatch live = liveBatch(2 * 24 * 60, 2 * kDay, true, end);
        batch.ticks = live.ticks;
        batch.executions = live.executions;
        batch.samples = live.samples;
        batch.audit.append({maintenanceAt, QStringLiteral("bob"), QStringLiteral("maintenance_on"),
                            QStringLiteral("db upgrade")});
        batch.breakerEvents = {
            {breakerOpenAt, kPrice, BreakerState::Closed, BreakerState::Open,
             QStringLiteral("5 failures in a row")},
            {breakerOpenAt + 10 * kMinute, kPrice, BreakerState::Open, BreakerState::HalfOpen, {}},
            {oldBreakerOpenAt, kLoans, BreakerState::Closed, BreakerState::Open, {}},
        };
        store.write(batch);
    }
};

} // namespace

class TestChartZoom : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dragZoomsAllFourCharts();
    void wheelZoomsAboutTheCursor();
    void shiftOrMiddleDragPans();
    void backAndForwardWalkTheHistory();
    void newerRequestDropsTheOlder();
    void recordedPresetsCountFromTheFileEnd();
    void customRangeFromTheDialog();
    void markersFromTheMetricsFile();
    void clickNamesTheBucketAndTask();
    void clickOnHourBucketsNamesTheHour();
    void renderChartGivesThePicture();
    void screenshot();
};

void TestChartZoom::initTestCase()
{
    // The stale-result test holds one worker back while another must run.
    QThreadPool::globalInstance()->setMaxThreadCount(
        std::max(4, QThreadPool::globalInstance()->maxThreadCount()));
}

void TestChartZoom::dragZoomsAllFourCharts()
{
    Panel p;
    p->addRecords(liveBatch(240, 4 * kMinute, true));
    p.settle();
    QSignalSpy changed(p.panel.data(), &ChartPanel::timeRangeChanged);
    ChartView *view = p->chartView(ChartPanel::ExecutionTimeChart);
    const QPoint a = plotPoint(view, 0.25);
    const QPoint b = plotPoint(view, 0.55);
    const double expectedFrom = timeAtX(*p.panel, ChartPanel::ExecutionTimeChart, a.x());
    const double expectedTo = timeAtX(*p.panel, ChartPanel::ExecutionTimeChart, b.x());
    const double tolerance = 1.5 * pixelMs(*p.panel, ChartPanel::ExecutionTimeChart);

    drag(view, a, b, Qt::LeftButton);
    QVERIFY(p->isCustomRange());
    const ChartPanel::TimeRange zoomed = p->timeRange();
    QVERIFY2(std::abs(double(zoomed.fromMs) - expectedFrom) < tolerance,
             qPrintable(QString::number(double(zoomed.fromMs) - expectedFrom)));
    QVERIFY(std::abs(double(zoomed.toMs) - expectedTo) < tolerance);
    verifyAllAxes(*p.panel, zoomed);
    QCOMPARE(changed.count(), 1);
    // The zoomed span is drawn from the live buffers: points inside it, none outside.
    p.settle();
    QLineSeries *tick = line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("tick"));
    QVERIFY(tick->count() > 10);
    for (const QPointF &pt : tick->points())
        QVERIFY(pt.x() >= double(zoomed.fromMs) && pt.x() <= double(zoomed.toMs));
    // The 5-minute preset is no longer shown as chosen; the range does not scroll with the clock.
    QVERIFY(!p->findChild<QToolButton *>(QStringLiteral("range0"))->isChecked());
    p.clock->advance(10'000);
    p.settle();
    QVERIFY(p->timeRange() == zoomed);

    // A drag on another chart zooms all four again, inside the first zoom.
    ChartView *shards = p->chartView(ChartPanel::ShardLoadChart);
    drag(shards, plotPoint(shards, 0.6), plotPoint(shards, 0.1), Qt::LeftButton); // leftwards
    const ChartPanel::TimeRange again = p->timeRange();
    QVERIFY(again.fromMs > zoomed.fromMs && again.toMs < zoomed.toMs);
    verifyAllAxes(*p.panel, again);
}

void TestChartZoom::wheelZoomsAboutTheCursor()
{
    Panel p;
    p->addRecords(liveBatch(240, 4 * kMinute, true));
    p.settle();
    const ChartPanel::TimeRange before = p->timeRange();
    ChartView *view = p->chartView(ChartPanel::ResourcesChart);
    const QPoint at = plotPoint(view, 0.75);
    const double anchor = timeAtX(*p.panel, ChartPanel::ResourcesChart, at.x());
    const double tolerance = 1.5 * pixelMs(*p.panel, ChartPanel::ResourcesChart);

    wheel(view, at, 120); // one notch in
    const ChartPanel::TimeRange in = p->timeRange();
    QVERIFY(p->isCustomRange());
    QCOMPARE(double(in.toMs - in.fromMs), std::round(0.8 * double(before.toMs - before.fromMs)));
    verifyAllAxes(*p.panel, in);
    // The time under the cursor stays under it.
    QVERIFY(std::abs(timeAtX(*p.panel, ChartPanel::ResourcesChart, at.x()) - anchor) < tolerance);

    wheel(view, at, -240); // two notches out
    const ChartPanel::TimeRange out = p->timeRange();
    QVERIFY(out.toMs - out.fromMs > before.toMs - before.fromMs);
    QVERIFY(std::abs(timeAtX(*p.panel, ChartPanel::ResourcesChart, at.x()) - anchor) < tolerance);
    verifyAllAxes(*p.panel, out);
}

void TestChartZoom::shiftOrMiddleDragPans()
{
    Panel p;
    p->addRecords(liveBatch(240, 4 * kMinute, true));
    p->setTimeRange(kNow - 3 * kMinute, kNow - kMinute);
    p.settle();
    const ChartPanel::TimeRange start = p->timeRange();
    ChartView *view = p->chartView(ChartPanel::SuccessRateChart);
    const double width = plotRect(view).width();
    const double span = double(start.toMs - start.fromMs);
    const QPoint a = plotPoint(view, 0.5);
    const QPoint b = a + QPoint(120, 7);

    // Dragging the curves to the right shows earlier times, by as much time as was dragged.
    drag(view, a, b, Qt::LeftButton, Qt::ShiftModifier);
    const ChartPanel::TimeRange panned = p->timeRange();
    const double shift = 120.0 / width * span;
    QVERIFY(std::abs(double(start.fromMs - panned.fromMs) - shift) < 2.0 * span / width);
    QCOMPARE(panned.toMs - panned.fromMs, start.toMs - start.fromMs); // a pan keeps the span
    verifyAllAxes(*p.panel, panned);

    // The middle button pans too; back where it started.
    drag(view, b, a, Qt::MiddleButton);
    const ChartPanel::TimeRange back = p->timeRange();
    QVERIFY(std::abs(double(back.fromMs - start.fromMs)) < 2.0 * span / width);
    verifyAllAxes(*p.panel, back);

    // Each drag is one step of the history, however many moves it made.
    p->goBack();
    QVERIFY(p->timeRange() == panned);
    p->goBack();
    QVERIFY(p->timeRange() == start);
}

void TestChartZoom::backAndForwardWalkTheHistory()
{
    Panel p;
    p->addRecords(liveBatch(240, 4 * kMinute, true));
    QAction *back = p->backAction();
    QAction *forward = p->forwardAction();
    QCOMPARE(back->shortcut(), QKeySequence(QKeySequence::Back));
    QCOMPARE(forward->shortcut(), QKeySequence(QKeySequence::Forward));
    QVERIFY(!back->isEnabled());
    QVERIFY(!forward->isEnabled());

    p->setRangeIndex(ChartPanel::LastHour);
    const ChartPanel::TimeRange a{kNow - 40 * kMinute, kNow - 20 * kMinute};
    p->setTimeRange(a.fromMs, a.toMs);
    ChartView *view = p->chartView(ChartPanel::ExecutionTimeChart);
    drag(view, plotPoint(view, 0.2), plotPoint(view, 0.4), Qt::LeftButton);
    const ChartPanel::TimeRange b = p->timeRange();
    QVERIFY(b.fromMs > a.fromMs && b.toMs < a.toMs);
    QVERIFY(back->isEnabled());

    back->trigger();
    QVERIFY(p->timeRange() == a);
    verifyAllAxes(*p.panel, a);
    QVERIFY(forward->isEnabled());
    // Alt+Left, as the user presses it.
    p->activateWindow();
    QTest::keyClick(p.window.get(), Qt::Key_Left, Qt::AltModifier);
    QVERIFY(!p->isCustomRange());
    QCOMPARE(p->rangeIndex(), int(ChartPanel::LastHour));
    QVERIFY(p->findChild<QToolButton *>(QStringLiteral("range1"))->isChecked());
    QCOMPARE(p->timeRange().toMs - p->timeRange().fromMs, kHour);
    back->trigger();
    QCOMPARE(p->rangeIndex(), int(ChartPanel::Last5Minutes));
    QVERIFY(!back->isEnabled());

    forward->trigger();
    QCOMPARE(p->rangeIndex(), int(ChartPanel::LastHour));
    QTest::keyClick(p.window.get(), Qt::Key_Right, Qt::AltModifier);
    QVERIFY(p->timeRange() == a);
    forward->trigger();
    QVERIFY(p->timeRange() == b);
    verifyAllAxes(*p.panel, b);
    QVERIFY(!forward->isEnabled());

    // A new step after going back drops the steps ahead.
    back->trigger();
    p->setTimeRange(kNow - 10 * kMinute, kNow - 5 * kMinute);
    QVERIFY(!forward->isEnabled());
    back->trigger();
    QVERIFY(p->timeRange() == a);

    // The buttons in the panel's range bar are the same actions.
    auto *backButton = p->findChild<QToolButton *>(QStringLiteral("zoomBackButton"));
    QVERIFY(backButton);
    QCOMPARE(backButton->defaultAction(), back);
    QTest::mouseClick(backButton, Qt::LeftButton);
    QCOMPARE(p->rangeIndex(), int(ChartPanel::LastHour));
}

void TestChartZoom::newerRequestDropsTheOlder()
{
    Panel p;
    QSemaphore releaseFirst;
    std::atomic<int> calls{0};
    const ChartPanel::TimeRange held{kNow - 2 * kHour, kNow - kHour};
    p->setRangeLoader([&](const ChartRangeQuery &q) {
        ++calls;
        const bool first = q.fromMs == held.fromMs && q.toMs == held.toMs;
        if (first)
            releaseFirst.acquire();
        return flatFrame(q, first ? 111.0 : 222.0);
    });
    p->setMetricsPath(QStringLiteral("/nonexistent/metrics.db")); // only the loader reads it
    QSignalSpy loaded(p.panel.data(), &ChartPanel::rangeLoaded);
    p->setTimeRange(held.fromMs, held.toMs);
    QVERIFY(p->isLoading());
    // A quick read says nothing; one that takes a while says it is loading.
    QVERIFY(p->statusText().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(p->statusText(), QStringLiteral("Loading…"), 2000);

    // A zoom while the first read runs: its answer is drawn, the first one's is dropped.
    ChartView *view = p->chartView(ChartPanel::ExecutionTimeChart);
    drag(view, plotPoint(view, 0.3), plotPoint(view, 0.6), Qt::LeftButton);
    const quint64 second = p->lastRequestId();
    const ChartPanel::TimeRange zoomed = p->timeRange();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.at(0).at(0).toULongLong(), second);
    QVERIFY(p->statusText().isEmpty());
    releaseFirst.release();
    QTRY_COMPARE_WITH_TIMEOUT(p->droppedResults(), 1, 5000);
    QCOMPARE(calls.load(), 2);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(p->shownRequestId(), second);
    QCOMPARE(ys(line(*p.panel, ChartPanel::ExecutionTimeChart, QStringLiteral("tick"))),
             QList<double>(10, 222.0));
    verifyAllAxes(*p.panel, zoomed);
}

void TestChartZoom::recordedPresetsCountFromTheFileEnd()
{
    Panel p;
    std::atomic<int> calls{0};
    p->setRangeLoader([&](const ChartRangeQuery &q) {
        ++calls;
        return flatFrame(q, 100.0);
    });
    p->setMetricsPath(QStringLiteral("/nonexistent/metrics.db"));
    const qint64 first = kNow - 10 * kDay;
    const qint64 last = kNow - 3 * kDay;
    QSignalSpy changed(p.panel.data(), &ChartPanel::timeRangeChanged);
    p->setDataBounds(first, last);
    QVERIFY(p->isRecorded());
    // A file opens on all of it.
    QCOMPARE(p->rangeIndex(), int(ChartPanel::All));
    QVERIFY((p->timeRange() == ChartPanel::TimeRange{first, last + 1}));
    QCOMPARE(changed.count(), 1);
    verifyAllAxes(*p.panel, p->timeRange());
    // No live 5 minutes; All instead.
    auto *live5 = p->findChild<QToolButton *>(QStringLiteral("range0"));
    auto *all = p->findChild<QToolButton *>(QStringLiteral("range4"));
    QVERIFY(!live5->isVisible());
    QVERIFY(all->isVisible());
    QVERIFY(all->isChecked());

    p->setRangeIndex(ChartPanel::LastHour);
    QVERIFY((p->timeRange() == ChartPanel::TimeRange{last + 1 - kHour, last + 1}));
    // The clock does not move a recorded range.
    p.clock->advance(kHour);
    p.settle();
    QVERIFY((p->timeRange() == ChartPanel::TimeRange{last + 1 - kHour, last + 1}));
    verifyAllAxes(*p.panel, p->timeRange());
    p->setRangeIndex(ChartPanel::Last5Minutes); // not a recorded preset: the nearest one
    QCOMPARE(p->rangeIndex(), int(ChartPanel::LastHour));

    QTest::mouseClick(p->findChild<QToolButton *>(QStringLiteral("range2")), Qt::LeftButton);
    QVERIFY((p->timeRange() == ChartPanel::TimeRange{last + 1 - kDay, last + 1}));
    QVERIFY(p->findChild<QToolButton *>(QStringLiteral("range2"))->isChecked());
    QVERIFY(!all->isChecked());
    p->setRangeIndex(ChartPanel::LastWeek);
    QVERIFY((p->timeRange() == ChartPanel::TimeRange{last + 1 - 7 * kDay, last + 1}));
    QTRY_VERIFY(!p->isLoading());
    QCOMPARE(p->timeRange().fromMs, axisRange(*p.panel, ChartPanel::ShardLoadChart).fromMs);

    // The file grows (followed): the preset follows its end.
    p->setDataBounds(first, last + kHour);
    QVERIFY(
        (p->timeRange() == ChartPanel::TimeRange{last + kHour + 1 - 7 * kDay, last + kHour + 1}));

    // Back to live: the presets count from now again.
    p->clearDataBounds();
    QVERIFY(!p->isRecorded());
    QVERIFY(live5->isVisible());
    QVERIFY(!all->isVisible());
    QVERIFY((p->timeRange() ==
             ChartPanel::TimeRange{p.clock->nowMs() - 5 * kMinute, p.clock->nowMs()}));
}

void TestChartZoom::customRangeFromTheDialog()
{
    Panel p;
    p->addRecords(liveBatch(240, 4 * kMinute, true));
    QTest::mouseClick(p->findChild<QToolButton *>(QStringLiteral("customRange")), Qt::LeftButton);
    auto *dialog = p->findChild<TimeRangeDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // It starts on the range shown.
    QCOMPARE(dialog->toEdit()->dateTime().toMSecsSinceEpoch(), kNow);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    // An end before the start cannot be chosen.
    dialog->fromEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(kNow - kMinute));
    dialog->toEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(kNow - 2 * kMinute));
    QVERIFY(!ok->isEnabled());
    dialog->fromEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(kNow - 4 * kMinute));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY((p->timeRange() == ChartPanel::TimeRange{kNow - 4 * kMinute, kNow - 2 * kMinute}));
    verifyAllAxes(*p.panel, p->timeRange());
    QVERIFY(p->isCustomRange());
    QVERIFY(p->findChild<QToolButton *>(QStringLiteral("customRange"))->isChecked());
    p->goBack();
    QCOMPARE(p->rangeIndex(), int(ChartPanel::Last5Minutes));
    QVERIFY(!p->findChild<QToolButton *>(QStringLiteral("customRange"))->isChecked());
}

void TestChartZoom::markersFromTheMetricsFile()
{
    RecordedFile file;
    Panel p;
    p->setMetricsPath(file.path);
    QSignalSpy loaded(p.panel.data(), &ChartPanel::rangeLoaded);
    p->setDataBounds(file.first, file.last);
    p->setRangeIndex(ChartPanel::LastDay);
    QTRY_VERIFY_WITH_TIMEOUT(!p->isLoading() && loaded.count() > 0, 10000);
    QCOMPARE(loaded.last().at(0).toULongLong(), p->lastRequestId());
    // The admin action and the breaker opening of the last day; not the half-open step, not the
    // opening of the first day.
    QCOMPARE(p->markerTimes(), (QList<qint64>{file.maintenanceAt, file.breakerOpenAt}));
    const QString breaker = p->markerToolTip(file.breakerOpenAt);
    QVERIFY2(breaker.contains(QStringLiteral("Price update")) && breaker.contains(u"opened") &&
                 breaker.contains(QStringLiteral("5 failures in a row")),
             qPrintable(breaker));
    const QString maintenance = p->markerToolTip(file.maintenanceAt);
    QVERIFY2(maintenance.contains(u"bob") && maintenance.contains(u"db upgrade"),
             qPrintable(maintenance));

    // The other three charts draw the same markers; resting the mouse on one shows its text.
    for (ChartPanel::ChartId id :
         {ChartPanel::SuccessRateChart, ChartPanel::ResourcesChart, ChartPanel::ShardLoadChart}) {
        ChartView *other = p->chartView(id);
        QList<qint64> times;
        for (const ChartView::Marker &m : other->markers())
            times.append(m.ms);
        QCOMPARE(times, (QList<qint64>{file.maintenanceAt, file.breakerOpenAt}));
        const QRectF plot = plotRect(other);
        const ChartPanel::TimeRange r = axisRange(*p.panel, id);
        const int x =
            int(std::lround(plot.left() + plot.width() * double(file.breakerOpenAt - r.fromMs) /
                                              double(r.toMs - r.fromMs)));
        QCOMPARE(other->markerTextAt(x + 1), breaker);
        QVERIFY(other->markerTextAt(x + 40).isEmpty());
        const QPoint pos(x, int(plot.center().y()));
        QHelpEvent help(QEvent::ToolTip, pos, other->viewport()->mapToGlobal(pos));
        QCoreApplication::sendEvent(other->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), breaker);
        QToolTip::hideText();
    }

    // A week shows the first day's opening too.
    p->setRangeIndex(ChartPanel::LastWeek);
    QTRY_VERIFY_WITH_TIMEOUT(!p->isLoading(), 10000);
    QVERIFY(p->markerTimes().contains(file.oldBreakerOpenAt));
}

void TestChartZoom::clickNamesTheBucketAndTask()
{
    Panel p;
    p->setTaskShown(kPrice, true);
    p->addRecords(liveBatch(240, 4 * kMinute, true));
    p.settle();
    QSignalSpy clicked(p.panel.data(), &ChartPanel::bucketClicked);
    ChartView *view = p->chartView(ChartPanel::ExecutionTimeChart);
    QChart *chart = view->chart();
    QLineSeries *price = line(*p.panel, ChartPanel::ExecutionTimeChart, u"task:" + kPrice);
    QVERIFY(price && price->count() > 20);
    const QPointF point = price->at(price->count() / 2);
    const QPoint at = view->mapFromScene(chart->mapToScene(chart->mapToPosition(point, price)));

    click(view, at);
    QCOMPARE(clicked.count(), 1);
    const qint64 from = clicked.at(0).at(0).toLongLong();
    const qint64 to = clicked.at(0).at(1).toLongLong();
    QCOMPARE(clicked.at(0).at(2).toString(), kPrice);
    // The bucket is the plot column under the cursor: it holds the point clicked.
    const double pixel = pixelMs(*p.panel, ChartPanel::ExecutionTimeChart);
    QVERIFY2(double(from) <= point.x() + pixel && point.x() - pixel < double(to),
             qPrintable(QStringLiteral("%1 %2 %3").arg(from).arg(point.x()).arg(to)));
    QVERIFY(to > from && double(to - from) <= 1.5 * pixel);
    QVERIFY(!p->isCustomRange()); // a click is no zoom

    // A click away from a task's line names no task.
    click(view, plotPoint(view, 0.5, 0.02));
    QCOMPARE(clicked.count(), 2);
    QVERIFY(clicked.at(1).at(2).toString().isEmpty());
    // Any chart reports its bucket.
    ChartView *memory = p->chartView(ChartPanel::ResourcesChart);
    click(memory, plotPoint(memory, 0.4));
    QCOMPARE(clicked.count(), 3);
    const double t = timeAtX(*p.panel, ChartPanel::ResourcesChart, plotPoint(memory, 0.4).x());
    QVERIFY(double(clicked.at(2).at(0).toLongLong()) <= t + pixel);
    QVERIFY(double(clicked.at(2).at(1).toLongLong()) > t - pixel);
}

void TestChartZoom::clickOnHourBucketsNamesTheHour()
{
    RecordedFile file;
    Panel p;
    p->setMetricsPath(file.path);
    p->setDataBounds(file.first, file.last);
    p->setRangeIndex(ChartPanel::LastWeek); // hour rollups: a point is an hour
    QTRY_VERIFY_WITH_TIMEOUT(!p->isLoading(), 10000);
    QSignalSpy clicked(p.panel.data(), &ChartPanel::bucketClicked);
    ChartView *view = p->chartView(ChartPanel::SuccessRateChart);
    const QPoint at = plotPoint(view, 0.8);
    const double t = timeAtX(*p.panel, ChartPanel::SuccessRateChart, at.x());
    const double pixel = pixelMs(*p.panel, ChartPanel::SuccessRateChart);
    click(view, at);
    QCOMPARE(clicked.count(), 1);
    const qint64 from = clicked.at(0).at(0).toLongLong();
    const qint64 to = clicked.at(0).at(1).toLongLong();
    QCOMPARE(from % kHour, 0);
    QCOMPARE(to - from, kHour);
    QVERIFY(double(from) <= t + pixel && t - pixel < double(to));
    QVERIFY(clicked.at(0).at(2).toString().isEmpty());
}

void TestChartZoom::renderChartGivesThePicture()
{
    Panel p;
    p->addRecords(liveBatch(240, 4 * kMinute, true));
    p.settle();
    const QImage image = p->renderChart(ChartPanel::ResourcesChart);
    ChartView *view = p->chartView(ChartPanel::ResourcesChart);
    QCOMPARE(image.size(), view->size() * view->devicePixelRatio());
    // A chart, not a blank: the memory line's colour is in it somewhere.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY(colours.size() > 20);
}

void TestChartZoom::screenshot()
{
    HB_SCREENSHOT_MODE(outDir, translator)
    RecordedFile file;
    Panel p(QSize(1100, 640));
    p->setTaskShown(kPrice, true);
    p->setMetricsPath(file.path);
    p->setDataBounds(file.first, file.last);
    p->setRangeIndex(ChartPanel::LastDay);
    QTRY_VERIFY_WITH_TIMEOUT(!p->isLoading(), 10000);
    // Zoom to the hours around the maintenance and the breaker opening.
    p->setTimeRange(file.maintenanceAt - kHour, file.breakerOpenAt + 90 * kMinute);
    QTRY_VERIFY_WITH_TIMEOUT(!p->isLoading(), 10000);
    p.settle();
    QVERIFY(p->markerTimes().contains(file.breakerOpenAt));
    ChartView *view = p->chartView(ChartPanel::ExecutionTimeChart);
    // The band of a drag in progress, as the user sees it while choosing a span.
    QWidget *w = view->viewport();
    const QPoint a = plotPoint(view, 0.55);
    const QPoint b = plotPoint(view, 0.8);
    mouse(w, QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    mouse(w, QEvent::MouseMove, b, Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QVERIFY(QDir().mkpath(outDir));
    QVERIFY(p.window->grab().save(outDir + QStringLiteral("/analysis-zoom.png")));
    mouse(w, QEvent::MouseButtonRelease, b, Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestChartZoom)
#include "tst_chartzoom.moc"
