// Offline analysis over a large recording, each figure measured on the path the window takes:
//   analysis_range_paint_ms      each preset range of a recording (last hour, day, week, all,
//                                from the file's end) until the four charts have their data and
//                                are painted (the slowest preset is the value), ChartPanel
//                                offscreen in recorded mode
//   analysis_speedup_vs_groupby  the baseline — `SELECT task, count(*), avg(duration_ms),
//                                max(duration_ms) FROM executions WHERE started_at_ms BETWEEN ?
//                                AND ? GROUP BY task` over the raw rows of the whole file — in ms,
//                                divided by the whole-file ("all") range on screen
//   analysis_replay_step_ms      one replay step: RecordedSource::setMoment() until the state as
//                                of that moment arrives (median of the steps across the file)
//   analysis_peak_rss_mb         the analysis process's peak resident memory (the file is built
//                                by another process)
// and, without goals: analysis_open_ms, analysis_zoom_ms, analysis_csv_day_ms,
// analysis_report_ms.
//
//   bench_analysis [executions=10000000]
// The recording is written through the store's own writer (MetricsStore::write, batches of
// ticks as the engine records them): nine task runs per one-second tick, gauges every ten
// ticks, a breaker opening and closing every six hours, an admin action every hour; it ends
// now, so "last hour" has the newest rows.

#include "analysisreport.h"
#include "benchjson.h"
#include "chartpanel.h"
#include "datasource.h"
#include "store/metricscsv.h"
#include "store/metricsreader.h"
#include "store/metricsstore.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>

using namespace hb;

namespace {

const char *const kTasks[] = {"price_update",      "loan_monitoring",   "cycles_monitoring",
                              "memory_monitoring", "auto_cleanup",      "pool_maintenance",
                              "auto_liquidation",  "oracle_monitoring", "shard_balancing"};
constexpr int kTaskCount = 9;
constexpr qint64 kTickMs = 1000;

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Writes `executions` runs ending now. Returns the number of ticks.
qint64 buildRecording(const QString &path, qint64 executions)
{
    const qint64 ticks = (executions + kTaskCount - 1) / kTaskCount;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - ticks * kTickMs;
    MetricsStore store(path);
    constexpr qint64 kBatchTicks = 20'000;
    qint64 written = 0;
    QStringList taskNames;
    for (const char *t : kTasks)
        taskNames << QString::fromLatin1(t);
    for (qint64 first = 0; first < ticks; first += kBatchTicks) {
        WriteBatch batch;
        const qint64 last = std::min(ticks, first + kBatchTicks);
        batch.ticks.reserve(last - first);
        batch.executions.reserve((last - first) * kTaskCount);
        for (qint64 tick = first; tick < last; ++tick) {
            const qint64 at = start + tick * kTickMs;
            int succeeded = 0;
            int failed = 0;
            qint64 tickMs = 0;
            for (int i = 0; i < kTaskCount && written < executions; ++i, ++written) {
                ExecutionRecord r;
                r.tickId = tick + 1;
                r.task = taskNames.at(i);
                r.startedAtMs = at + i;
                // A skewed spread with a slow tail: percentiles have something to find.
                const qint64 h = (tick * 2654435761LL + i * 40503LL) & 0xffff;
                r.durationMs = 2 + h % 40 + (h % 97 == 0 ? 400 + h % 900 : 0);
                r.outcome = (h % 50 == 0) ? Outcome::Failure : Outcome::Success;
                if (r.outcome == Outcome::Failure)
                    r.error = QStringLiteral("simulated failure");
                r.items = h % 7;
                (r.outcome == Outcome::Success ? succeeded : failed) += 1;
                tickMs = std::max(tickMs, r.durationMs + i);
                batch.executions.append(std::move(r));
            }
            batch.ticks.append({tick + 1, at, tickMs, succeeded + failed, succeeded, failed, {}});
            if (tick % 10 == 0) {
                batch.samples.append({QStringLiteral("memory.total_bytes"), at,
                                      4e8 + double((tick * 7919) % 100'000'000)});
                batch.samples.append(
                    {QStringLiteral("cycles.balance"), at, 9e11 - double(tick % 100'000) * 1e6});
                for (int shard = 0; shard < 4; ++shard)
                    batch.samples.append(
                        {QStringLiteral("shard.load.%1").arg(shard, 4, 10, QLatin1Char('0')), at,
                         0.2 + 0.15 * shard + double(tick % 100) / 1000.0});
            }
            if (tick % 21'600 == 100) { // every six hours: a breaker opens for five minutes
                batch.breakerEvents.append({at, taskNames.at(0), BreakerState::Closed,
                                            BreakerState::Open, QStringLiteral("5 failures")});
                batch.breakerEvents.append({at + 300'000, taskNames.at(0), BreakerState::Open,
                                            BreakerState::Closed, QStringLiteral("trial passed")});
            }
            if (tick % 3600 == 1800)
                batch.audit.append({at, QStringLiteral("alice"), QStringLiteral("task_disable"),
                                    QStringLiteral("{\"task\":\"auto_cleanup\"}")});
        }
        store.write(batch);
    }
    return ticks;
}

// The baseline: the GROUP BY over raw rows of [fromMs, toMs], in ms (best of 3).
double groupByMs(const QString &path, qint64 fromMs, qint64 toMs)
{
    SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
    double best = 1e18;
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer timer;
        timer.start();
        SQLite::Statement q(db, "SELECT task, count(*), avg(duration_ms), max(duration_ms) FROM "
                                "executions WHERE started_at_ms BETWEEN ? AND ? GROUP BY task");
        q.bind(1, static_cast<int64_t>(fromMs));
        q.bind(2, static_cast<int64_t>(toMs));
        qint64 rows = 0;
        while (q.executeStep())
            rows += q.getColumn(1).getInt64();
        best = std::min(best, msSince(timer));
        if (rows == 0)
            std::fprintf(stderr, "baseline counted no rows\n");
    }
    return best;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

template<typename Signal, typename Object>
bool waitFor(Object *object, Signal signal, int timeoutMs = 120'000)
{
    QSignalSpy spy(object, signal);
    return spy.wait(timeoutMs) || !spy.isEmpty();
}

// The analysis side, in its own process so its peak memory is its own.
int analyse(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    std::unique_ptr<RecordedSource> source = RecordedSource::open(path, &error);
    if (!source) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const RecordedSource::Extent extent = source->extent();
    bench::printFigure("analysis_open_ms", msSince(timer), "ms", std::nullopt, std::nullopt);

    const double baselineMs = groupByMs(path, extent.firstMs, extent.lastMs);

    // Replay steps across the file.
    QVector<double> steps;
    source->start();
    waitFor(source.get(), &DataSource::snapshotChanged);
    for (int i = 1; i <= 20; ++i) {
        const qint64 at = extent.firstMs + (extent.lastMs - extent.firstMs) * i / 21;
        QSignalSpy spy(source.get(), &DataSource::snapshotChanged);
        QElapsedTimer step;
        step.start();
        source->setMoment(at);
        if (!spy.wait(60'000))
            std::fprintf(stderr, "replay step at %lld gave no state\n", static_cast<long long>(at));
        steps.append(msSince(step));
    }
    std::sort(steps.begin(), steps.end());
    bench::printFigure("analysis_replay_step_ms", steps.at(steps.size() / 2), "ms", std::nullopt,
                       bench::Target::valueAtMost(50.0),
                       {{QStringLiteral("max_ms"), steps.constLast()},
                        {QStringLiteral("steps"), int(steps.size())}});

    // Each preset on screen: the four charts' data read and painted, as the window does it.
    ChartPanel panel;
    panel.resize(1400, 800);
    panel.setMetricsPath(path);
    panel.setDataBounds(extent.firstMs, extent.lastMs);
    // Applies a change and waits for the read it started, if it started one.
    const auto settle = [&](const std::function<void()> &change) {
        QSignalSpy loaded(&panel, &ChartPanel::rangeLoaded);
        change();
        if (panel.isLoading() && loaded.isEmpty() && !loaded.wait(120'000))
            std::fprintf(stderr, "a range never loaded\n");
    };
    settle([&] { panel.show(); }); // opening on All
    const auto paint = [&](const std::function<void()> &change) {
        QElapsedTimer timer;
        timer.start();
        settle(change);
        panel.redrawNow();
        panel.repaint();
        return msSince(timer);
    };
    const std::pair<ChartPanel::Range, const char *> presets[] = {{ChartPanel::LastHour, "1 h"},
                                                                  {ChartPanel::LastDay, "24 h"},
                                                                  {ChartPanel::LastWeek, "7 d"},
                                                                  {ChartPanel::All, "all"}};
    double slowest = 0.0;
    QString slowestName;
    double allMs = 0.0;
    QJsonObject perPreset;
    for (const auto &[preset, name] : presets) {
        settle([&, preset = preset] {
            panel.setRangeIndex(preset == ChartPanel::LastHour ? ChartPanel::All
                                                               : ChartPanel::LastHour);
        });
        const double ms = paint([&, preset = preset] { panel.setRangeIndex(preset); });
        perPreset.insert(QString::fromLatin1(name), ms);
        if (preset == ChartPanel::All)
            allMs = ms;
        if (ms > slowest) {
            slowest = ms;
            slowestName = QString::fromLatin1(name);
        }
    }
    QJsonObject extra{{QStringLiteral("slowest_preset"), slowestName}};
    for (auto it = perPreset.begin(); it != perPreset.end(); ++it)
        extra.insert(QStringLiteral("ms_") + it.key(), it.value());
    bench::printFigure("analysis_range_paint_ms", slowest, "ms", std::nullopt,
                       bench::Target::valueAtMost(200.0), extra);
    // As rates, so `ratio` (value / baseline) is the baseline's time over ours.
    bench::printFigure(
        "analysis_speedup_vs_groupby", 1000.0 / allMs, "ranges_per_s", 1000.0 / baselineMs,
        bench::Target::ratioAtLeast(15.0),
        {{QStringLiteral("baseline_ms"), baselineMs}, {QStringLiteral("ours_ms"), allMs}});

    // A zoom step: half of the last day, about its middle.
    const qint64 dayFrom = extent.lastMs - 24 * 3'600'000LL;
    const double zoomMs =
        paint([&] { panel.setTimeRange(dayFrom + 6 * 3'600'000LL, dayFrom + 18 * 3'600'000LL); });
    bench::printFigure("analysis_zoom_ms", zoomMs, "ms", std::nullopt, std::nullopt);

    // The exports of one day, as Analysis → Export and the report write them.
    QTemporaryDir out;
    {
        QElapsedTimer timer;
        timer.start();
        MetricsReader reader(path);
        QFile csvFile(out.filePath(QStringLiteral("day.csv")));
        csvFile.open(QIODevice::WriteOnly);
        writeAggregatesCsv(reader, dayFrom, extent.lastMs, csv::bucketFor(24 * 3'600'000LL),
                           csvFile);
        bench::printFigure("analysis_csv_day_ms", msSince(timer), "ms", std::nullopt, std::nullopt);
    }
    {
        QElapsedTimer timer;
        timer.start();
        ReportRequest report;
        report.metricsPath = path;
        report.outPath = out.filePath(QStringLiteral("week.pdf"));
        report.fromMs = extent.lastMs - 7 * 24 * 3'600'000LL;
        report.toMs = extent.lastMs;
        const QString error = writeAnalysisReport(report);
        if (!error.isEmpty())
            std::fprintf(stderr, "%s\n", qPrintable(error));
        bench::printFigure("analysis_report_ms", msSince(timer), "ms", std::nullopt, std::nullopt,
                           {{QStringLiteral("range"), QStringLiteral("7 d")}});
    }

    bench::printFigure("analysis_peak_rss_mb", peakRssMb(), "MB", std::nullopt,
                       bench::Target::valueAtMost(300.0));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 3 && args.at(1) == u"--analyse")
        return analyse(args.at(2));

    const qint64 executions = args.size() > 1 ? args.at(1).toLongLong() : 10'000'000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    QElapsedTimer timer;
    timer.start();
    const qint64 ticks = buildRecording(path, executions);
    std::fprintf(stderr, "built %lld executions in %lld ticks in %.1f s\n",
                 static_cast<long long>(executions), static_cast<long long>(ticks),
                 double(timer.elapsed()) / 1000.0);

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--analyse"), path});
    child.waitForFinished(-1);
    return child.exitCode();
}
