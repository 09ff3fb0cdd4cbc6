// Chart redraw cost, two cases:
//
// 1. The window's real case (the figure that matters): the dashboard's ChartPanel, all four
//    charts with their real series, pens and gap splitting, fed as the engine feeds it (one
//    RecordBatch per 100 ms tick: the tick, ten task runs, the gauges and the load of 100
//    shards, i.e. a 100 000-loan ledger), its buffers at the app's own retention
//    (LiveChartData::defaultLimits(), filled with 7 minutes of ticks, a 20 s pause among them),
//    the 5-minute range with two tasks picked, at the size the panel has in the main window
//    at its default 1280 x 960. Each redraw follows a new tick's records, so no redraw is
//    served from a cache the app would not have; timed from redrawNow() until all four views
//    have painted.
//      chart_panel_redraw_p99_ms     p99 of a whole-panel redraw, against 8 ms (target; half a
//                                    frame at 60 Hz); extras: p50, max, points drawn
//
// 2. One chart holding 1 000 000 retained points (an extra line, the decimation's worst case):
//    SeriesBuffer min/max decimation to the plot width, one QXYSeries::replace(), then the
//    repaint that replace() causes on a real QChartView, run by the event loop as in the app,
//    against handing the chart all 1 000 000 points with replace(), measured the same way in
//    the same run on the same view.
//      chart_redraw_p99_ms           the real path, p99 over many redraws, against 10 ms
//                                    (target); extras: p50, the p99 when the whole view is
//                                    repainted instead of the region replace() dirtied
//      chart_redraw_full_replace_ms  median redraw with every point replaced, against the real
//                                    path's median (baseline, same run)
//      chart_redraw_speedup          baseline median / real median, against 100 (target)
//
// Offscreen QApplication. Usage: bench_chart [redraws] [baseline-redraws]
// Drives real widgets: bench/CMakeLists.txt links it to hb_ui.

#include "benchjson.h"
#include "benchstats.h"
#include "chartpanel.h"
#include "chartview.h"
#include "core/clock.h"
#include "livechartdata.h"
#include "seriesbuffer.h"

#include <QApplication>
#include <QChart>
#include <QAreaSeries>
#include <QChartView>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QEvent>
#include <QLineSeries>
#include <QPen>
#include <QRandomGenerator>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace hb;
using bench::percentile;

namespace {

constexpr int kRetained = 1'000'000;
constexpr qint64 kT0 = 1'699'999'200'000;
// 1 000 000 points over 16 min 40 s: a pixel column is about 1 s wide, so no coarser tier
// qualifies and every redraw scans all 1 000 000 raw points (the worst case; wider ranges read
// a 1 s / 1 min tier instead and are far cheaper).
constexpr qint64 kStepMs = 1;

// Counts paint events of the chart view's viewport.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

// The panel at the window's real case; returns the whole-panel redraw times in ms.
struct PanelResult
{
    std::vector<double> redrawMs;
    int missedPaints = 0;
    qsizetype drawnPoints = 0; // over all series of the four charts, last redraw
    int series = 0;
    QSize size;
};

constexpr qint64 kTickMs = 100;
const QSize kPanelSize(1268, 417);
constexpr int kShards = 100;
const char *const kPanelTasks[] = {"price_update",      "loan_monitoring",   "cycles_monitoring",
                                   "memory_monitoring", "auto_cleanup",      "pool_maintenance",
                                   "auto_liquidation",  "oracle_monitoring", "treasury_monitoring",
                                   "shard_balancing"};

// One tick's records as the engine posts them (HeartbeatEngine::finishTickIfDone).
RecordBatch tickRecords(qint64 tickId, qint64 startMs, QRandomGenerator &rng)
{
    RecordBatch batch;
    qint64 tickMs = 0;
    int failed = 0;
    for (const char *task : kPanelTasks) {
        ExecutionRecord run;
        run.tickId = tickId;
        run.task = QString::fromUtf8(task);
        run.startedAtMs = startMs + rng.bounded(5);
        run.durationMs = 2 + rng.bounded(40) + (rng.bounded(200) == 0 ? 300 : 0);
        run.outcome = rng.bounded(20) == 0 ? Outcome::Failure : Outcome::Success;
        run.items = rng.bounded(100);
        failed += run.outcome == Outcome::Failure ? 1 : 0;
        tickMs = std::max(tickMs, run.startedAtMs - startMs + run.durationMs);
        batch.executions.append(run);
    }
    const int ran = int(std::size(kPanelTasks));
    batch.ticks.append({tickId, startMs, tickMs, ran, ran - failed, failed, {}});
    const double t = double(tickId);
    batch.samples.append({ChartSeries::Memory, startMs, 4.2e8 + 3e7 * std::sin(t / 300.0)});
    batch.samples.append({ChartSeries::Cycles, startMs, 8e12 - 1e8 * t});
    batch.samples.append({ChartSeries::ShardCount, startMs, double(kShards)});
    // Loans per shard, as shard_balancing reports them: a count that moves every few seconds.
    for (int shard = 0; shard < kShards; ++shard)
        batch.samples.append({ChartSeries::ShardLoadPrefix +
                                  QStringLiteral("%1").arg(shard, 4, 10, QLatin1Char('0')),
                              startMs, double(1000 + (tickId / (40 + shard)) % 9)});
    return batch;
}

PanelResult measurePanel(QApplication &app, int redraws)
{
    const auto clock = std::make_shared<FakeClock>(kT0);
    ChartPanel panel;
    panel.setClock(clock);
    panel.setShownTasks({QStringLiteral("auto_liquidation"), QStringLiteral("price_update")});
    // The size the panel has in the main window at its default 1280 x 960 (as bench_gui_lag
    // reports it: "chart_panel"), on the offscreen platform.
    panel.resize(kPanelSize);
    panel.show();
    QRandomGenerator rng(7);

    // 7 minutes of ticks, with the engine paused for 20 s two minutes before the end: every
    // raw buffer at its retention limit, and a gap the lines must break at.
    qint64 tickId = 0;
    const qint64 historyMs = 7 * 60'000;
    const qint64 pauseFrom = historyMs - 140'000;
    const qint64 pauseTo = pauseFrom + 20'000;
    for (qint64 at = 0; at < historyMs; at += kTickMs) {
        clock->set(kT0 + at);
        if (at >= pauseFrom && at < pauseTo)
            continue;
        panel.addRecords(tickRecords(++tickId, kT0 + at, rng));
    }

    std::vector<PaintCounter> counters(ChartPanel::ChartCount);
    for (int i = 0; i < ChartPanel::ChartCount; ++i)
        panel.chartView(ChartPanel::ChartId(i))
            ->viewport()
            ->installEventFilter(&counters[size_t(i)]);
    const auto allPainted = [&](const std::vector<int> &before) {
        for (size_t i = 0; i < counters.size(); ++i) {
            if (counters[i].paints == before[i])
                return false;
        }
        return true;
    };

    PanelResult result;
    QElapsedTimer timer;
    qint64 now = kT0 + historyMs;
    for (int i = 0; i < redraws + 10; ++i) {
        now += kTickMs;
        clock->set(now);
        panel.addRecords(tickRecords(++tickId, now, rng)); // outside the timing, as in the app
        std::vector<int> before;
        for (const PaintCounter &c : counters)
            before.push_back(c.paints);
        timer.start();
        panel.redrawNow();
        for (int spin = 0; spin < 200 && !allPainted(before); ++spin)
            app.processEvents();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!allPainted(before))
            ++result.missedPaints;
        if (i >= 10) // the first few warm caches and settle the layout
            result.redrawMs.push_back(ms);
    }
    for (int i = 0; i < ChartPanel::ChartCount; ++i) {
        for (QAbstractSeries *series : panel.chart(ChartPanel::ChartId(i))->series()) {
            ++result.series;
            if (auto *xy = qobject_cast<QXYSeries *>(series))
                result.drawnPoints += xy->count();
            else if (auto *area = qobject_cast<QAreaSeries *>(series))
                result.drawnPoints += area->upperSeries()->count()
                                      + area->lowerSeries()->count();
        }
    }
    result.size = panel.size();
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int redraws = args.size() > 1 ? std::max(10, args.at(1).toInt()) : 300;
    const int baselineRedraws = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 5;

    const PanelResult panel = measurePanel(app, redraws);
    bench::printFigure(
        "chart_panel_redraw_p99_ms", percentile(panel.redrawMs, 0.99), "ms", std::nullopt,
        bench::Target::valueAtMost(8.0),
        {{QStringLiteral("p50_ms"), percentile(panel.redrawMs, 0.50)},
         {QStringLiteral("max_ms"), percentile(panel.redrawMs, 1.0)},
         {QStringLiteral("redraws"), double(panel.redrawMs.size())},
         {QStringLiteral("missed_paints"), panel.missedPaints},
         {QStringLiteral("charts"), ChartPanel::ChartCount},
         {QStringLiteral("series"), panel.series},
         {QStringLiteral("drawn_points"), double(panel.drawnPoints)},
         {QStringLiteral("shards"), kShards},
         {QStringLiteral("tick_ms"), double(kTickMs)},
         {QStringLiteral("raw_retention"), double(LiveChartData::defaultLimits().raw)},
         {QStringLiteral("panel_size"),
          QStringLiteral("%1x%2").arg(panel.size.width()).arg(panel.size.height())}});

    // One series holding 1 000 000 points: noise, a slow wave and rare spikes.
    SeriesBuffer::Limits limits;
    limits.raw = kRetained;
    SeriesBuffer buffer(limits);
    QRandomGenerator rng(2024);
    QList<QPointF> all;
    all.reserve(kRetained);
    for (int i = 0; i < kRetained; ++i) {
        const double v = 100.0 + 40.0 * std::sin(i * 2e-5) + rng.generateDouble() * 20.0 +
                         (i % 50'000 == 0 ? 400.0 : 0.0);
        buffer.append(kT0 + i * kStepMs, v);
        all.append(QPointF(double(kT0 + i * kStepMs), v));
    }
    const qint64 from = kT0;
    const qint64 to = kT0 + qint64(kRetained - 1) * kStepMs;

    // A chart like the panel's, at the size of the whole 1100 x 700 window (the widest plot).
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->hide();
    auto *series = new QLineSeries;
    // Drawn as the panel draws its tick-time line (ui/executionchart.cpp): the pen's width
    // decides much of the cost of stroking 2 000 points with antialiasing (1.4 px: about twice
    // the painting time of 1 px).
    QPen pen(QColor(0x19, 0x76, 0xd2), 1.0);
    pen.setCapStyle(Qt::FlatCap);
    series->setPen(pen);
    chart->addSeries(series);
    auto *time = new QDateTimeAxis;
    time->setFormat(QStringLiteral("HH:mm"));
    time->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    auto *values = new QValueAxis;
    values->setRange(0, 600);
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(time);
    series->attachAxis(values);
    QChartView view(chart);
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(1100, 700);
    view.show();
    for (int i = 0; i < 5; ++i)
        app.processEvents();
    const int plotWidth = std::max(1, int(chart->plotArea().width()));
    const bool scansRaw =
        buffer.resolutionFor(from, to, plotWidth) == SeriesBuffer::Resolution::Raw;

    PaintCounter counter;
    view.viewport()->installEventFilter(&counter);
    // What the app's event loop does after replace(): the scene collects the dirty region and
    // the view repaints it. Returns false if no paint came.
    const auto paintPending = [&] {
        const int before = counter.paints;
        for (int i = 0; i < 100 && counter.paints == before; ++i)
            app.processEvents();
        return counter.paints != before;
    };

    QElapsedTimer timer;
    // The real path: decimate, replace, paint. The first few warm caches up.
    std::vector<double> real;
    std::vector<double> realFullRepaint;
    qsizetype drawnPoints = 0;
    int missedPaints = 0;
    for (int i = 0; i < redraws + 5; ++i) {
        timer.start();
        const QList<QPointF> points = buffer.points(from, to, plotWidth);
        series->replace(points);
        missedPaints += paintPending() ? 0 : 1;
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        drawnPoints = points.size();
        if (i >= 5)
            real.push_back(ms);
    }
    // The decimation alone (SeriesBuffer::points()), for the record: the rest is Qt Charts.
    std::vector<double> decimation;
    for (int i = 0; i < redraws; ++i) {
        timer.start();
        const QList<QPointF> points = buffer.points(from, to, plotWidth);
        decimation.push_back(double(timer.nsecsElapsed()) / 1e6);
        drawnPoints = points.size();
    }
    // The same, repainting the whole view (axes, legend, title too): an upper bound.
    for (int i = 0; i < redraws / 2 + 5; ++i) {
        timer.start();
        series->replace(buffer.points(from, to, plotWidth));
        view.viewport()->repaint();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (i >= 5)
            realFullRepaint.push_back(ms);
    }

    // The baseline: every retained point handed to the chart (the list is built outside the
    // timing, which only flatters the baseline).
    std::vector<double> baseline;
    for (int i = 0; i < baselineRedraws; ++i) {
        series->replace(QList<QPointF>()); // so each replace() really changes the points
        paintPending();
        timer.start();
        series->replace(all);
        missedPaints += paintPending() ? 0 : 1;
        baseline.push_back(double(timer.nsecsElapsed()) / 1e6);
    }

    const double realP50 = percentile(real, 0.50);
    const double realP99 = percentile(real, 0.99);
    const double baseP50 = percentile(baseline, 0.50);
    const double speedup = realP50 > 0.0 ? baseP50 / realP50 : 0.0;
    const QJsonObject extra{
        {QStringLiteral("speedup"), speedup},
        {QStringLiteral("real_p50_ms"), realP50},
        {QStringLiteral("real_max_ms"), percentile(real, 1.0)},
        {QStringLiteral("decimate_p50_ms"), percentile(decimation, 0.50)},
        {QStringLiteral("full_view_repaint_p99_ms"), percentile(realFullRepaint, 0.99)},
        {QStringLiteral("missed_paints"), missedPaints},
        {QStringLiteral("full_replace_p50_ms"), baseP50},
        {QStringLiteral("retained_points"), double(kRetained)},
        {QStringLiteral("drawn_points"), double(drawnPoints)},
        {QStringLiteral("plot_width_px"), double(plotWidth)},
        {QStringLiteral("scans_all_raw_points"), scansRaw},
        {QStringLiteral("redraws"), double(real.size())},
        {QStringLiteral("baseline_redraws"), double(baseline.size())}};
    bench::printFigure("chart_redraw_p99_ms", realP99, "ms", std::nullopt,
                       bench::Target::valueAtMost(10.0), extra);
    bench::printFigure("chart_redraw_full_replace_ms", baseP50, "ms", realP50, std::nullopt,
                       {{QStringLiteral("full_replace_max_ms"), percentile(baseline, 1.0)},
                        {QStringLiteral("retained_points"), double(kRetained)}});
    bench::printFigure("chart_redraw_speedup", speedup, "x", std::nullopt,
                       bench::Target::valueAtLeast(100.0),
                       {{QStringLiteral("real_p50_ms"), realP50},
                        {QStringLiteral("full_replace_p50_ms"), baseP50}});
    return 0;
}
