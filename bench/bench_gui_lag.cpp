// Event-loop lag of the real main window while the engine ticks every 100 ms with all tasks
// over a 100 000-loan demo ledger. A 5 ms timer on the GUI thread measures how late each of its
// wake-ups is; lag is lateness beyond the timer's own period. The window has a fixed size (the
// default 1280 x 960) and default settings, whatever a user saved.
//   gui_lag_p99_ms  against 8 ms (target: half a frame at 60 Hz)
//   gui_lag_max_ms  against 33 ms (target: two frames)
// Baseline (same run): the same measurement with the window live and the engine not yet
// ticking.
// Usage: bench_gui_lag [seconds] [loans]

#include "adminsession.h"
#include "benchjson.h"
#include "chartpanel.h"
#include "mainwindow.h"
#include "runtime.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <vector>

using namespace hb;

namespace {

const QSize kWindowSize(1280, 960);

struct Lag
{
    double p99Ms = 0;
    double maxMs = 0;
    qsizetype samples = 0;
};

Lag measure(double seconds)
{
    constexpr int PeriodMs = 5;
    std::vector<qint64> late;
    QElapsedTimer clock;
    clock.start();
    qint64 previous = clock.nsecsElapsed();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        const qint64 now = clock.nsecsElapsed();
        late.push_back(std::max<qint64>(0, now - previous - qint64(PeriodMs) * 1'000'000));
        previous = now;
    });
    probe.start(PeriodMs);
    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
    std::sort(late.begin(), late.end());
    Lag lag;
    lag.samples = qsizetype(late.size());
    if (!late.empty()) {
        lag.p99Ms = double(late[size_t(double(late.size() - 1) * 0.99)]) / 1e6;
        lag.maxMs = double(late.back()) / 1e6;
    }
    return lag;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                                    : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const double seconds = argc > 1 ? QByteArray(argv[1]).toDouble() : 10.0;
    const qint64 loans = argc > 2 ? QByteArray(argv[2]).toLongLong() : 100'000;

    QTemporaryDir dir;
    // Settings (window geometry, dock layout, chart range) start empty in a folder of their
    // own: the user's saved window neither changes the figure nor is overwritten by it.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       dir.filePath(QStringLiteral("settings")));
    RuntimeOptions options;
    options.dataDir = dir.path();
    options.demo = true;
    options.demoLoans = loans;
    options.tickIntervalOverrideMs = 100;
    QElapsedTimer setup;
    setup.start();
    EngineRuntime runtime(options);
    const double setupS = double(setup.elapsed()) / 1000.0;

    const auto clock = std::make_shared<SystemClock>();
    AdminSession session(dir.filePath(QStringLiteral("admin.json")), QStringLiteral("bench"),
                         clock);
    MainWindow window(runtime.host(), session, clock, runtime.dataDir());
    window.setConfirmationsEnabled(false);
    window.resize(kWindowSize);
    window.show();

    // Baseline: the window live but the engine not ticking yet.
    const Lag idle = measure(std::min(seconds, 3.0));
    runtime.start();
    const Lag busy = measure(seconds);
    const EngineState state = *window.lastSnapshot();
    const QWidget *panel = window.findChild<ChartPanel *>();
    const QString panelSize =
        panel ? QStringLiteral("%1x%2").arg(panel->width()).arg(panel->height()) : QString();
    runtime.stop();

    const QJsonObject extra{{QStringLiteral("loans"), double(loans)},
                            {QStringLiteral("ticks"), double(state.metrics.tickCount)},
                            {QStringLiteral("executions"), double(state.metrics.totalExecutions)},
                            {QStringLiteral("samples"), double(busy.samples)},
                            {QStringLiteral("tick_ms"), 100},
                            {QStringLiteral("seconds"), seconds},
                            {QStringLiteral("window"),
                             QStringLiteral("%1x%2").arg(window.width()).arg(window.height())},
                            {QStringLiteral("chart_panel"), panelSize},
                            {QStringLiteral("idle_p99_ms"), idle.p99Ms},
                            {QStringLiteral("idle_max_ms"), idle.maxMs},
                            {QStringLiteral("ledger_setup_s"), setupS}};
    bench::printFigure("gui_lag_p99_ms", busy.p99Ms, "ms", idle.p99Ms,
                       bench::Target::valueAtMost(8.0), extra);
    bench::printFigure("gui_lag_max_ms", busy.maxMs, "ms", idle.maxMs,
                       bench::Target::valueAtMost(33.0), extra);
    return 0;
}
