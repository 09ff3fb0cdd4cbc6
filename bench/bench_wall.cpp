// The wall display for weeks on end, on an accelerated clock: a real heartbeatd (the built
// binary, a demo data directory, ticking every 100 ms) serves its API on 127.0.0.1; the wall —
// RemoteSource and WallWindow, exactly as `heartbeat-dashboard --wall --connect` builds them —
// shows it at 1920 × 1080 (offscreen). The wall's clock runs ten times faster than real time, so
// each tick the engine streams is one second of the wall's life: page turns, burn-in shifts and
// the clock all run at that pace. `--sim-hours H` (default 0.25) sets how long; the equivalent
// of a day, `--sim-hours 24`, takes 2.4 hours.
//
//   wall_rss_growth_pct  VmRSS at the end against after a warm-up (a full page rotation)
//   wall_cpu_pct         this process's CPU (user + system) per simulated second, as a share of
//                        one core: the cost of one update a second with everything it draws
//   wall_frame_p99_ms    paint time of the frames within half a second of a page change (and, as
//                        extras, of twelve page turns at 3840 × 2160)
//   wall_recover_s       heartbeatd killed (-9) and started again on the same port: from its
//                        start to a live wall; the goal is the backoff then in effect + 1 s
//
// Never fails on time (README, "Performance").

#include "benchjson.h"
#include "benchstats.h"

#include "api/tokenstore.h"
#include "core/clock.h"
#include "core/config.h"
#include "remotesource.h"
#include "wall/wallwindow.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>

#include <sys/resource.h>

using namespace hb;

namespace {

constexpr int kTickMs = 100;
constexpr double kSpeed = 1000.0 / kTickMs; // one update a second on the wall's clock

// Real time times `factor` from when it was made; setFactor() changes the pace from now on
// without a jump (the recovery is timed at real pace).
class AcceleratedClock final : public Clock
{
public:
    explicit AcceleratedClock(double factor) : m_factor(factor) { m_real.start(); }
    qint64 nowMs() const override
    {
        return m_baseMs + qint64(double(m_real.elapsed() - m_realBaseMs) * m_factor);
    }
    void setFactor(double factor)
    {
        m_baseMs = nowMs();
        m_realBaseMs = m_real.elapsed();
        m_factor = factor;
    }

private:
    QElapsedTimer m_real;
    qint64 m_baseMs = QDateTime::currentMSecsSinceEpoch();
    qint64 m_realBaseMs = 0;
    double m_factor;
};

double cpuMs()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// Runs the event loop until `done` or `timeoutMs` (real); whether `done` came true.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

class Daemon
{
public:
    Daemon(QString binary, QString dataDir, quint16 port)
        : m_binary(std::move(binary)), m_dataDir(std::move(dataDir)), m_port(port)
    {
    }
    ~Daemon() { stop(SIGTERM); }

    bool start()
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::ForwardedOutputChannel);
        m_process->start(m_binary, {QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--demo"),
                                    QStringLiteral("--tick-ms"), QString::number(kTickMs),
                                    QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:%1").arg(m_port)});
        return m_process->waitForStarted(10'000);
    }
    void stop(int signal)
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process->processId()), signal);
        m_process->waitForFinished(20'000);
    }

private:
    QString m_binary;
    QString m_dataDir;
    quint16 m_port;
    std::unique_ptr<QProcess> m_process;
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("hb.*.info=false\nhb.*.warning=false"));
    double simHours = 0.25;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--sim-hours" && i + 1 < args.size() && args[i + 1].toDouble() > 0) {
            simHours = args[++i].toDouble();
        } else {
            std::fprintf(stderr, "usage: bench_wall [--sim-hours H]\n");
            return 2;
        }
    }

    const QString binary = QCoreApplication::applicationDirPath() + QStringLiteral("/heartbeatd");
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    const quint16 port = freePort();
    Daemon daemon(binary, dataDir, port);
    if (!daemon.start()) {
        std::fprintf(stderr, "bench_wall: cannot start %s\n", qPrintable(binary));
        return 1;
    }
    QString error;
    std::optional<QByteArray> token;
    waitFor([&] { return QFileInfo::exists(dataDir + QStringLiteral("/api.url")); }, 30'000);
    token = TokenStore(dataDir).create(QStringLiteral("wall"), Role::Viewer, &error);
    if (!token) {
        std::fprintf(stderr, "bench_wall: cannot create a token: %s\n", qPrintable(error));
        return 1;
    }

    auto clock = std::make_shared<AcceleratedClock>(kSpeed);
    RemoteSource::Options options;
    options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    options.token = *token;
    options.clock = clock;
    RemoteSource source(options);
    HeartbeatConfig config; // the defaults: 30 s pages, all four
    WallWindow wall(source, config, clock);
    wall.setConfirmLeave(false);
    wall.resize(1920, 1080);
    wall.show();

    // Frames painted within half a second (real) of a page change.
    QElapsedTimer real;
    real.start();
    qint64 pageChangedAt = -1'000'000;
    int pageChanges = 0;
    std::vector<double> changeFrames;
    qint64 frames = 0;
    QObject::connect(&wall, &WallWindow::pageChanged, &wall, [&] {
        pageChangedAt = real.elapsed();
        ++pageChanges;
    });
    QObject::connect(&wall, &WallWindow::framePainted, &wall, [&](double ms) {
        ++frames;
        if (real.elapsed() - pageChangedAt <= 500)
            changeFrames.push_back(ms);
    });

    source.start();
    if (!waitFor([&] { return source.status().isLive(); }, 30'000)) {
        std::fprintf(stderr, "bench_wall: the wall never went live\n");
        return 1;
    }
    // Warm-up: one whole rotation of the pages (4 × 30 s of the wall's time), caches full.
    waitFor([] { return false; }, int(4 * 30'000 / kSpeed) + 1'000);
    const qint64 rssStart = bench::rssKiB();
    const double cpuStart = cpuMs();
    const qint64 simStart = clock->nowMs();
    const qint64 updatesStart = source.snapshotsReceived();
    changeFrames.clear();
    frames = 0;
    const int pagesBefore = pageChanges;

    const qint64 simMs = qint64(simHours * 3'600'000.0);
    QElapsedTimer progress;
    progress.start();
    waitFor(
        [&] {
            if (progress.elapsed() > 60'000) {
                progress.restart();
                std::fprintf(stderr, "bench_wall: %.2f of %.2f simulated hours, RSS %lld KiB\n",
                             double(clock->nowMs() - simStart) / 3'600'000.0, simHours,
                             bench::rssKiB());
            }
            return clock->nowMs() - simStart >= simMs;
        },
        int(double(simMs) / kSpeed) + 60'000);
    const double cpu = cpuMs() - cpuStart;
    const qint64 simDone = clock->nowMs() - simStart;
    const qint64 updates = source.snapshotsReceived() - updatesStart;
    const qint64 rssEnd = bench::rssKiB();
    const bool stayedLive = source.status().isLive();

    // The same page changes on a 4K screen (3840 × 2160), a few turns by hand.
    wall.resize(3840, 2160);
    waitFor([] { return false; }, 1'000);
    std::vector<double> frames4k;
    {
        const auto connection = QObject::connect(&wall, &WallWindow::framePainted, &wall,
                                                 [&](double ms) { frames4k.push_back(ms); });
        for (int i = 0; i < 12; ++i) {
            wall.nextPage();
            waitFor([] { return false; }, 500);
        }
        QObject::disconnect(connection);
    }
    wall.resize(1920, 1080);

    // Recovery at real pace: kill the engine, let the wall notice and back off, start it again.
    clock->setFactor(1.0);
    daemon.stop(SIGKILL);
    waitFor([&] { return !source.status().isLive(); }, 10'000);
    waitFor([] { return false; }, 3'000); // a few failed attempts: the backoff has grown
    const qint64 backoffLeftMs = std::max<qint64>(0, source.status().retryAtMs - clock->nowMs());
    QElapsedTimer recover;
    recover.start();
    daemon.start();
    const bool recovered = waitFor([&] { return source.status().isLive(); }, 60'000);
    const double recoverS = double(recover.elapsed()) / 1000.0;

    auto extras = [](std::initializer_list<QPair<QString, QJsonValue>> pairs) {
        QJsonObject o;
        for (const auto &[key, value] : pairs)
            o.insert(key, value);
        return o;
    };
    const double growth = rssStart > 0 ? 100.0 * double(rssEnd - rssStart) / double(rssStart) : 0;
    bench::printFigure("wall_rss_growth_pct", growth, "%", std::nullopt,
                       bench::Target::valueAtMost(5.0),
                       extras({{QStringLiteral("rss_start_kib"), double(rssStart)},
                               {QStringLiteral("rss_end_kib"), double(rssEnd)},
                               {QStringLiteral("sim_hours"), double(simDone) / 3'600'000.0},
                               {QStringLiteral("updates"), double(updates)},
                               {QStringLiteral("stayed_live"), stayedLive}}));
    bench::printFigure("wall_cpu_pct", 100.0 * cpu / double(std::max<qint64>(simDone, 1)),
                       "% of a core", std::nullopt, bench::Target::valueAtMost(5.0),
                       extras({{QStringLiteral("cpu_ms"), cpu},
                               {QStringLiteral("sim_s"), double(simDone) / 1000.0},
                               {QStringLiteral("frames_per_sim_s"),
                                double(frames) * 1000.0 / double(std::max<qint64>(simDone, 1))},
                               {QStringLiteral("updates_per_sim_s"),
                                double(updates) * 1000.0 / double(std::max<qint64>(simDone, 1))}}));
    bench::printFigure("wall_frame_p99_ms", bench::percentile(changeFrames, 0.99), "ms",
                       std::nullopt, bench::Target::valueAtMost(16.0),
                       extras({{QStringLiteral("p50_ms"), bench::percentile(changeFrames, 0.5)},
                               {QStringLiteral("frames"), double(changeFrames.size())},
                               {QStringLiteral("page_changes"), pageChanges - pagesBefore},
                               {QStringLiteral("size"), QStringLiteral("1920x1080")},
                               {QStringLiteral("p99_2160_ms"), bench::percentile(frames4k, 0.99)},
                               {QStringLiteral("p50_2160_ms"), bench::percentile(frames4k, 0.5)}}));
    bench::printFigure("wall_recover_s", recovered ? recoverS : -1.0, "s", std::nullopt,
                       bench::Target::valueAtMost(double(backoffLeftMs) / 1000.0 + 1.0),
                       extras({{QStringLiteral("recovered"), recovered},
                               {QStringLiteral("backoff_left_s"), double(backoffLeftMs) / 1000.0}}));
    daemon.stop(SIGTERM);
    return 0;
}
