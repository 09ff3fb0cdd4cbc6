// The HTTP API under load, loopback only. An in-process engine (demo data directory in a temp
// folder, ticking every 100 ms) serves its API on 127.0.0.1 with a viewer token; many concurrent
// keep-alive clients read /api/v1/snapshot and then /metrics until `--requests` requests (default
// one million, split evenly) have gone through the two. The client is `wrk` when it is installed,
// else a built-in closed-loop client (a few threads, each with keep-alive QTcpSockets); the JSON
// says which.
//
// The load: 16 connections by default, each sending its next request as soon as the previous
// answer is in (closed loop) — thousands of requests a second, far more than the API's real
// clients (wall displays on the event stream, a Prometheus scrape every 15 s, scripts) ever send,
// yet few enough that latency is the server's and not a queue: on the two cores this machine
// shares between server, engine and client, 64 closed-loop connections wait in line (Little's
// law: 64 connections at 12 000 req/s is 5 ms each before any work), the constant-200 baseline's
// p99 as much as ours. The clients run at the task pool's nice value, as the server's thread
// does: in production they are on other machines and take no CPU from the engine; here they
// must not take it either, or the tick lag measured is the load generator's.
//   http_snapshot_rps    snapshot reads per second; baseline: a plain QHttpServer on a thread of
//                        its own answering a constant 200 on one route, same client settings
//   http_metrics_rps     the same for /metrics
//   http_p99_ms          p99 latency of the snapshot reads (the worst of the client's runs)
//   http_rss_growth_pct  VmRSS of this process after the load against before it (the built-in
//                        client, when used, runs in the process too), before taken after a
//                        warm-up under the same load (bounded caches full); rss_after_idle_kib:
//                        after as long again with the server idle, what the engine adds on its
//                        own; heap_*: malloc's bytes in use and free (fragmentation) at each point
//   http_tick_lag_p99_ms how much later than scheduled the engine's ticks fire, p99, while
//                        serving; baseline: the same with the server idle for as long
//   http_errors          non-2xx answers, socket errors and timeouts over all runs
// Usage: bench_http [--requests N] [--connections C] [--threads T] [--client wrk|builtin]

#include "api/tokenstore.h"
#include "apiservice.h"
#include "benchjson.h"
#include "benchstats.h"
#include "core/threadpriority.h"
#include "engine.h"
#include "runtime.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <vector>

using namespace hb;
using bench::percentile;
using bench::rssKiB;

namespace {

constexpr qint64 kTickMs = 100;

struct Settings
{
    qint64 requests = 1'000'000;
    int connections = 16; // see the header
    int threads = 2;
    bool wrk = true;
};

// One load run (or several added up) against one route.
struct Load
{
    qint64 requests = 0;
    double seconds = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 non2xx = 0;
    qint64 socketErrors = 0;
    bool ok = false; // the client ran and its output was understood

    double rps() const { return seconds > 0 ? double(requests) / seconds : 0.0; }
    qint64 errors() const { return non2xx + socketErrors; }
    void add(const Load &run)
    {
        requests += run.requests;
        seconds += run.seconds;
        p50Ms = std::max(p50Ms, run.p50Ms);
        p99Ms = std::max(p99Ms, run.p99Ms);
        non2xx += run.non2xx;
        socketErrors += run.socketErrors;
        ok = run.ok;
    }
};

struct Target
{
    quint16 port = 0;
    QByteArray path;
    QByteArray authorization; // the header's value, or empty
    // What QNetworkAccessManager (the remote wall's client) sends: the snapshot comes deflated.
    QByteArray acceptEncoding = "gzip, deflate";
};

// "635.91us", "1.20ms", "2.01s" in milliseconds.
double wrkDurationMs(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9.]+)(us|ms|s|m)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return 0.0;
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    if (unit == u"us")
        return v / 1000.0;
    if (unit == u"ms")
        return v;
    if (unit == u"s")
        return v * 1000.0;
    return v * 60'000.0;
}

// Runs the event loop of this thread until `process` ends (the engine and the servers have
// threads of their own; this keeps queued work for the main thread moving meanwhile).
Load runWrk(const Target &target, const Settings &settings, double seconds)
{
    QStringList args{QStringLiteral("-t%1").arg(settings.threads),
                     QStringLiteral("-c%1").arg(settings.connections),
                     QStringLiteral("-d%1s").arg(std::max(1, int(seconds + 0.5))),
                     QStringLiteral("--timeout"),
                     QStringLiteral("5s"),
                     QStringLiteral("--latency")};
    if (!target.authorization.isEmpty())
        args << QStringLiteral("-H")
             << QStringLiteral("Authorization: %1").arg(QString::fromLatin1(target.authorization));
    if (!target.acceptEncoding.isEmpty())
        args << QStringLiteral("-H")
             << QStringLiteral("Accept-Encoding: %1")
                    .arg(QString::fromLatin1(target.acceptEncoding));
    args << QStringLiteral("http://127.0.0.1:%1%2")
                .arg(target.port)
                .arg(QString::fromLatin1(target.path));
    QProcess wrk;
#ifdef Q_OS_LINUX
    // The clients yield to the engine as the server does (see the header): in production they
    // run on other machines, here they share the engine's two cores.
    wrk.setChildProcessModifier([] {
        if (::getpriority(PRIO_PROCESS, 0) < BackgroundNice)
            ::setpriority(PRIO_PROCESS, 0, BackgroundNice);
    });
#endif
    QEventLoop loop;
    QObject::connect(&wrk, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&wrk, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    wrk.start(QStringLiteral("wrk"), args);
    loop.exec();
    const QString out = QString::fromUtf8(wrk.readAllStandardOutput());
    Load load;
    static const QRegularExpression total(
        QStringLiteral("(\\d+) requests in ([0-9.]+)(us|ms|s|m),"));
    static const QRegularExpression p50(QStringLiteral("\\n\\s*50%\\s+(\\S+)"));
    static const QRegularExpression p99(QStringLiteral("\\n\\s*99%\\s+(\\S+)"));
    static const QRegularExpression socket(
        QStringLiteral("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)"));
    static const QRegularExpression non2xx(QStringLiteral("Non-2xx or 3xx responses: (\\d+)"));
    const auto t = total.match(out);
    if (wrk.exitStatus() != QProcess::NormalExit || wrk.exitCode() != 0 || !t.hasMatch()) {
        std::fprintf(stderr, "bench_http: wrk failed: %s%s\n", qPrintable(out),
                     wrk.readAllStandardError().constData());
        return load;
    }
    load.ok = true;
    load.requests = t.captured(1).toLongLong();
    load.seconds = wrkDurationMs(t.captured(2) + t.captured(3)) / 1000.0;
    load.p50Ms = wrkDurationMs(p50.match(out).captured(1));
    load.p99Ms = wrkDurationMs(p99.match(out).captured(1));
    if (const auto s = socket.match(out); s.hasMatch()) {
        for (int i = 1; i <= 4; ++i)
            load.socketErrors += s.captured(i).toLongLong();
    }
    if (const auto n = non2xx.match(out); n.hasMatch())
        load.non2xx = n.captured(1).toLongLong();
    return load;
}

// The built-in client: `threads` threads, each with its share of the connections, each
// connection sending its next GET as soon as the previous answer is complete, until `seconds`.
// Answers are read by their Content-Length (both servers always send one).
struct ClientTally
{
    std::vector<double> latenciesMs;
    qint64 requests = 0;
    qint64 non2xx = 0;
    qint64 socketErrors = 0;
};

void clientThread(const Target &target, int connections, double seconds, ClientTally *tally)
{
    lowerThreadPriority(); // as wrk is run
    QByteArray request = "GET " + target.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!target.authorization.isEmpty())
        request += "Authorization: " + target.authorization + "\r\n";
    if (!target.acceptEncoding.isEmpty())
        request += "Accept-Encoding: " + target.acceptEncoding + "\r\n";
    request += "\r\n";

    struct Conn
    {
        QTcpSocket *socket = nullptr;
        QByteArray buffer;
        QElapsedTimer sent;
        bool connected = false;
    };
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    const qint64 endMs = qint64(seconds * 1000.0);
    std::vector<std::unique_ptr<Conn>> conns;
    int open = 0;
    auto send = [&](Conn &c) {
        c.buffer.clear();
        c.sent.start();
        c.socket->write(request);
    };
    auto finishOne = [&](Conn &c) {
        c.socket->disconnectFromHost();
        if (--open == 0)
            loop.quit();
    };
    for (int i = 0; i < connections; ++i) {
        auto conn = std::make_unique<Conn>();
        Conn *c = conn.get();
        c->socket = new QTcpSocket(&loop);
        ++open;
        QObject::connect(c->socket, &QTcpSocket::connected, &loop, [&, c] {
            c->connected = true;
            send(*c);
        });
        QObject::connect(c->socket, &QTcpSocket::errorOccurred, &loop, [&, c] {
            if (!c->connected && c->socket->state() == QAbstractSocket::UnconnectedState) {
                ++tally->socketErrors;
                if (--open == 0)
                    loop.quit();
                return;
            }
            if (c->socket->property("done").toBool())
                return;
            ++tally->socketErrors;
            c->socket->setProperty("done", true);
            if (--open == 0)
                loop.quit();
        });
        QObject::connect(c->socket, &QTcpSocket::readyRead, &loop, [&, c] {
            c->buffer += c->socket->readAll();
            const qsizetype headerEnd = c->buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            qint64 length = -1;
            for (const QByteArray &line : c->buffer.left(headerEnd).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (length < 0) { // not something this client can frame: give the connection up
                ++tally->socketErrors;
                c->socket->setProperty("done", true);
                finishOne(*c);
                return;
            }
            if (c->buffer.size() < headerEnd + 4 + length)
                return;
            tally->latenciesMs.push_back(double(c->sent.nsecsElapsed()) / 1e6);
            ++tally->requests;
            const int status = c->buffer.mid(9, 3).toInt();
            if (status < 200 || status > 299)
                ++tally->non2xx;
            if (clock.elapsed() >= endMs) {
                c->socket->setProperty("done", true);
                finishOne(*c);
                return;
            }
            send(*c);
        });
        c->socket->connectToHost(QStringLiteral("127.0.0.1"), target.port);
        conns.push_back(std::move(conn));
    }
    // A connection stuck on an answer that never comes does not hold the run up forever.
    QTimer::singleShot(int(endMs) + 10'000, &loop, &QEventLoop::quit);
    loop.exec();
}

Load runBuiltin(const Target &target, const Settings &settings, double seconds)
{
    std::vector<ClientTally> tallies(size_t(settings.threads));
    std::vector<std::unique_ptr<QThread>> threads;
    QElapsedTimer wall;
    wall.start();
    for (int t = 0; t < settings.threads; ++t) {
        const int share = settings.connections / settings.threads +
                          (t < settings.connections % settings.threads ? 1 : 0);
        ClientTally *tally = &tallies[size_t(t)];
        threads.emplace_back(QThread::create(
            [&target, share, seconds, tally] { clientThread(target, share, seconds, tally); }));
        threads.back()->start();
    }
    for (auto &thread : threads) {
        while (!thread->wait(50))
            QCoreApplication::processEvents();
    }
    Load load;
    load.ok = true;
    load.seconds = double(wall.nsecsElapsed()) / 1e9;
    std::vector<double> all;
    for (const ClientTally &tally : tallies) {
        load.requests += tally.requests;
        load.non2xx += tally.non2xx;
        load.socketErrors += tally.socketErrors;
        all.insert(all.end(), tally.latenciesMs.begin(), tally.latenciesMs.end());
    }
    load.p50Ms = percentile(all, 0.50);
    load.p99Ms = percentile(all, 0.99);
    return load;
}

Load runLoad(const Target &target, const Settings &settings, double seconds)
{
    return settings.wrk ? runWrk(target, settings, seconds) : runBuiltin(target, settings, seconds);
}

// Drives the endpoint until `requests` have gone through it: a first run of about
// `firstSeconds`, then runs (of at most 30 s) sized by the rate seen so far.
Load loadUntil(const Target &target, const Settings &settings, qint64 requests, double firstSeconds)
{
    Load total;
    double seconds = firstSeconds;
    for (int run = 0; run < 1000 && total.requests < requests; ++run) {
        const Load one = runLoad(target, settings, seconds);
        if (!one.ok || one.requests == 0)
            return one;
        total.add(one);
        const double rate = total.rps();
        // Short runs, so a rate that changes on the way does not overshoot the count by much.
        seconds = std::clamp(double(requests - total.requests) / rate, 1.0, 30.0);
    }
    return total;
}

// When the engine's tick timer fires, read on the engine's thread before the tick runs.
class TickProbe : public QObject
{
public:
    enum Phase { None, Serving, Idle };

    explicit TickProbe(QTimer *tickTimer)
        : m_timer(tickTimer)
    {
        m_clock.start();
    }
    void setPhase(Phase phase)
    {
        QMutexLocker lock(&m_mutex);
        m_phase = phase;
        m_previous = -1;
    }
    // Lateness of each tick beyond the timer's period, in ms, in the phase.
    std::vector<double> late(Phase phase) const
    {
        QMutexLocker lock(&m_mutex);
        return phase == Serving ? m_serving : m_idle;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_timer && event->type() == QEvent::Timer) {
            const qint64 now = m_clock.nsecsElapsed();
            QMutexLocker lock(&m_mutex);
            if (m_phase != None && m_previous >= 0) {
                const double lateMs =
                    std::max(0.0, double(now - m_previous) / 1e6 - double(kTickMs));
                (m_phase == Serving ? m_serving : m_idle).push_back(lateMs);
            }
            m_previous = m_phase == None ? -1 : now;
        }
        return false;
    }

private:
    QTimer *m_timer;
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    Phase m_phase = None;
    qint64 m_previous = -1;
    std::vector<double> m_serving;
    std::vector<double> m_idle;
};

void sleepWithEvents(double seconds)
{
    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
}

bool parseArgs(const QStringList &args, Settings *s)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        const QString v = args.value(i + 1);
        bool ok = true;
        if (a == u"--requests")
            s->requests = v.toLongLong(&ok);
        else if (a == u"--connections")
            s->connections = v.toInt(&ok);
        else if (a == u"--threads")
            s->threads = v.toInt(&ok);
        else if (a == u"--client" && (v == u"wrk" || v == u"builtin"))
            s->wrk = v == u"wrk";
        else
            return false;
        if (!ok)
            return false;
        ++i;
    }
    return s->requests >= 2 && s->connections >= 1 && s->threads >= 1 &&
           s->threads <= s->connections;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("hb.*.info=false\nhb.*.warning=false"));
    Settings settings;
    if (!parseArgs(app.arguments(), &settings)) {
        std::fprintf(stderr, "usage: bench_http [--requests N] [--connections C] [--threads T]"
                             " [--client wrk|builtin]\n");
        return 2;
    }
    QString clientNote;
    if (settings.wrk && QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty()) {
        settings.wrk = false;
        clientNote = QStringLiteral("wrk not installed");
        std::fprintf(stderr, "bench_http: wrk is not installed (Debian package wrk); using the"
                             " built-in client\n");
    }

    QTemporaryDir dir;
    RuntimeOptions options;
    options.dataDir = dir.path();
    options.demo = true;
    options.tickIntervalOverrideMs = kTickMs;
    EngineRuntime runtime(options);

    QString error;
    const auto secret =
        TokenStore(runtime.dataDir()).create(QStringLiteral("bench"), Role::Viewer, &error);
    if (!secret) {
        std::fprintf(stderr, "bench_http: cannot create a token: %s\n", qPrintable(error));
        return 1;
    }

    // The probe on the engine's tick timer, installed on the engine's thread.
    HeartbeatEngine *engine = runtime.engine();
    std::unique_ptr<TickProbe> probe;
    QMetaObject::invokeMethod(
        engine,
        [engine, &probe] {
            for (QTimer *timer : engine->findChildren<QTimer *>(Qt::FindDirectChildrenOnly)) {
                if (!timer->isSingleShot()) {
                    probe = std::make_unique<TickProbe>(timer);
                    timer->installEventFilter(probe.get());
                    return;
                }
            }
        },
        Qt::BlockingQueuedConnection);
    if (!probe) {
        std::fprintf(stderr, "bench_http: the engine's tick timer was not found\n");
        return 1;
    }
    runtime.start();

    ApiServerOptions serverOptions;
    serverOptions.listen = {QStringLiteral("127.0.0.1"), 0};
    serverOptions.dataDir = runtime.dataDir();
    serverOptions.metricsPath = runtime.metricsPath();
    serverOptions.limits.maxConnections = std::max(512, settings.connections * 2);
    ApiService service(runtime.host(), serverOptions);
    if (!service.start(&error)) {
        std::fprintf(stderr, "bench_http: the API server did not start: %s\n", qPrintable(error));
        return 1;
    }

    // The baseline: Qt's own QHttpServer, on a thread of its own, one constant route.
    QThread baselineThread;
    baselineThread.setObjectName(QStringLiteral("baseline-http"));
    QObject baselineAnchor;
    baselineAnchor.moveToThread(&baselineThread);
    baselineThread.start();
    QHttpServer *baseline = nullptr;
    quint16 baselinePort = 0;
    QMetaObject::invokeMethod(
        &baselineAnchor,
        [&baseline, &baselinePort] {
            lowerThreadPriority(); // as ApiService does for ours: the same footing
            baseline = new QHttpServer;
            baseline->route(QStringLiteral("/ok"), [] {
                return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                                           QByteArrayLiteral("ok\n"));
            });
            baselinePort = baseline->listen(QHostAddress::LocalHost, 0);
        },
        Qt::BlockingQueuedConnection);
    if (baselinePort == 0) {
        std::fprintf(stderr, "bench_http: the baseline server did not start\n");
        return 1;
    }

    const QByteArray bearer = "Bearer " + *secret;
    const Target snapshotTarget{service.port(), "/api/v1/snapshot", bearer};
    const Target metricsTarget{service.port(), "/metrics", bearer};
    const Target baselineTarget{baselinePort, "/ok", bearer};

    sleepWithEvents(2.0); // the first ticks, the first snapshot published

    // A warm-up under the same load first: what is bounded but fills with time or with the
    // first clients (the SQLite page caches of metrics.db and the ledger's shards as the demo
    // workload touches them, the event log up to its capacity, socket buffers, a heap arena per
    // thread) is full before RSS is taken, so the growth is what the requests add.
    const qint64 perEndpoint = settings.requests / 2;
    const double warmupS = std::clamp(double(perEndpoint) / 50'000.0, 1.0, 10.0);
    const Load warmup = runLoad(snapshotTarget, settings, warmupS);
    const Load warmupMetrics = runLoad(metricsTarget, settings, warmupS);
    sleepWithEvents(1.0);

    // Ours: half the requests to each endpoint.
    const qint64 rssBefore = rssKiB();
    const bench::HeapKiB heapBefore = bench::heapKiB();
    QElapsedTimer serving;
    serving.start();
    probe->setPhase(TickProbe::Serving);
    const double firstRun = std::clamp(double(perEndpoint) / 20'000.0, 1.0, 10.0);
    const Load snapshot = loadUntil(snapshotTarget, settings, perEndpoint, firstRun);
    const Load metrics = loadUntil(metricsTarget, settings, perEndpoint, firstRun);
    probe->setPhase(TickProbe::None);
    const double servingS = double(serving.elapsed()) / 1000.0;
    const qint64 rssAfter = rssKiB();
    const bench::HeapKiB heapAfter = bench::heapKiB();

    // The engine with the server idle, for as long as the serving lasted.
    sleepWithEvents(1.0);
    probe->setPhase(TickProbe::Idle);
    sleepWithEvents(servingS);
    probe->setPhase(TickProbe::None);
    // What the process grew by with the server idle (the engine's own share of the growth).
    const qint64 rssAfterIdle = rssKiB();
    const bench::HeapKiB heapAfterIdle = bench::heapKiB();

    // The same client settings against the constant 200, for as long as one endpoint ran.
    const double baselineS = std::clamp(std::max(snapshot.seconds, metrics.seconds), 2.0, 30.0);
    const Load constant = runLoad(baselineTarget, settings, baselineS);

    const std::vector<double> lateServing = probe->late(TickProbe::Serving);
    const std::vector<double> lateIdle = probe->late(TickProbe::Idle);

    service.stop();
    QMetaObject::invokeMethod(
        &baselineAnchor, [&baseline] { delete baseline; }, Qt::BlockingQueuedConnection);
    baselineThread.quit();
    baselineThread.wait();
    QMetaObject::invokeMethod(
        engine, [&probe] { probe.reset(); }, Qt::BlockingQueuedConnection);
    runtime.stop();

    if (!warmup.ok || !warmupMetrics.ok || !snapshot.ok || !metrics.ok || !constant.ok) {
        std::fprintf(stderr, "bench_http: the load client did not run\n");
        return 1;
    }

    const QJsonObject common{
        {QStringLiteral("client"),
         settings.wrk ? QStringLiteral("wrk") : QStringLiteral("builtin")},
        {QStringLiteral("client_note"), clientNote},
        {QStringLiteral("connections"), settings.connections},
        {QStringLiteral("load_note"),
         QStringLiteral("closed loop, clients at nice %1 like the server thread (in production "
                        "they are on other machines)")
             .arg(BackgroundNice)},
        {QStringLiteral("accept_encoding"),
         QStringLiteral("every request sends \"%1\" as QNetworkAccessManager does; the snapshot "
                        "answers deflated, /metrics and the baseline plain")
             .arg(QString::fromLatin1(Target{}.acceptEncoding))},
        {QStringLiteral("threads"), settings.threads},
        {QStringLiteral("tick_ms"), double(kTickMs)},
        {QStringLiteral("requests"), double(snapshot.requests + metrics.requests)},
        {QStringLiteral("requests_asked"), double(settings.requests)}};
    auto with = [&common](QJsonObject extra) {
        for (auto it = common.begin(); it != common.end(); ++it)
            extra.insert(it.key(), it.value());
        return extra;
    };
    const QJsonObject baselineExtra{
        {QStringLiteral("baseline_what"),
         QStringLiteral("plain QHttpServer, constant 200 on one route")},
        {QStringLiteral("baseline_p50_ms"), constant.p50Ms},
        {QStringLiteral("baseline_p99_ms"), constant.p99Ms},
        {QStringLiteral("baseline_seconds"), constant.seconds},
        {QStringLiteral("baseline_errors"), double(constant.errors())}};
    auto endpoint = [&](const Load &load) {
        QJsonObject extra = baselineExtra;
        extra.insert(QStringLiteral("endpoint_requests"), double(load.requests));
        extra.insert(QStringLiteral("seconds"), load.seconds);
        extra.insert(QStringLiteral("p50_ms"), load.p50Ms);
        extra.insert(QStringLiteral("p99_ms"), load.p99Ms);
        extra.insert(QStringLiteral("errors"), double(load.errors()));
        return with(extra);
    };
    bench::printFigure("http_snapshot_rps", snapshot.rps(), "req/s", constant.rps(),
                       bench::Target::ratioAtLeast(0.5), endpoint(snapshot));
    bench::printFigure("http_metrics_rps", metrics.rps(), "req/s", constant.rps(),
                       bench::Target::ratioAtLeast(0.5), endpoint(metrics));
    bench::printFigure(
        "http_p99_ms", snapshot.p99Ms, "ms", std::nullopt, bench::Target::valueAtMost(5.0),
        with({{QStringLiteral("p50_ms"), snapshot.p50Ms},
              {QStringLiteral("metrics_p99_ms"), metrics.p99Ms},
              {QStringLiteral("constant_p99_ms"), constant.p99Ms},
              {QStringLiteral("note"), QStringLiteral("worst p99 of the client's runs")}}));
    const double growth =
        rssBefore > 0 ? 100.0 * double(rssAfter - rssBefore) / double(rssBefore) : 0.0;
    bench::printFigure("http_rss_growth_pct", growth, "%", std::nullopt,
                       bench::Target::valueAtMost(10.0),
                       with({{QStringLiteral("rss_before_kib"), double(rssBefore)},
                             {QStringLiteral("rss_after_kib"), double(rssAfter)},
                             {QStringLiteral("rss_after_idle_kib"), double(rssAfterIdle)},
                             {QStringLiteral("heap_in_use_before_kib"), double(heapBefore.inUse)},
                             {QStringLiteral("heap_in_use_after_kib"), double(heapAfter.inUse)},
                             {QStringLiteral("heap_in_use_after_idle_kib"),
                              double(heapAfterIdle.inUse)},
                             {QStringLiteral("heap_free_before_kib"), double(heapBefore.free)},
                             {QStringLiteral("heap_free_after_kib"), double(heapAfter.free)},
                             {QStringLiteral("heap_free_after_idle_kib"),
                              double(heapAfterIdle.free)},
                             {QStringLiteral("idle_s"), servingS + 1.0},
                             {QStringLiteral("warmup_s"), warmup.seconds + warmupMetrics.seconds},
                             {QStringLiteral("warmup_requests"),
                              double(warmup.requests + warmupMetrics.requests)},
                             {QStringLiteral("rss_includes_client"), !settings.wrk}}));
    bench::printFigure(
        "http_tick_lag_p99_ms", percentile(lateServing, 0.99), "ms", percentile(lateIdle, 0.99),
        bench::Target::ratioAtMost(1.1),
        with({{QStringLiteral("ticks_serving"), double(lateServing.size())},
              {QStringLiteral("ticks_idle"), double(lateIdle.size())},
              {QStringLiteral("serving_s"), servingS},
              {QStringLiteral("max_serving_ms"),
               lateServing.empty() ? 0.0
                                   : *std::max_element(lateServing.begin(), lateServing.end())},
              {QStringLiteral("max_idle_ms"),
               lateIdle.empty() ? 0.0 : *std::max_element(lateIdle.begin(), lateIdle.end())}}));
    bench::printFigure("http_errors",
                       double(snapshot.errors() + metrics.errors() + warmup.errors() +
                              warmupMetrics.errors()),
                       "count",
                       std::nullopt, bench::Target::valueAtMost(0.0),
                       with({{QStringLiteral("non_2xx"), double(snapshot.non2xx + metrics.non2xx)},
                             {QStringLiteral("socket_errors"),
                              double(snapshot.socketErrors + metrics.socketErrors)},
                             {QStringLiteral("warmup_errors"),
                              double(warmup.errors() + warmupMetrics.errors())},
                             {QStringLiteral("baseline_errors"), double(constant.errors())}}));
    return 0;
}
