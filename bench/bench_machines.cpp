// Machine heartbeats under load, loopback only (docs/api.md, "Machines"). An in-process engine
// (a fresh data directory in a temp folder) serves its API on 127.0.0.1 with its MachineMonitor;
// 10 000 machines are registered in one write of machines.json (the registry's own add rewrites
// the file per machine), and each pushes once per round - every 30 s in life, compressed here into
// rounds as fast as the client goes - with the built-in client: `--connections` keep-alive
// connections (16) on `--client-threads` threads (1), each connection pushing for its share of
// the machines in turn, one request in flight (POST with the machine's bearer token and a small
// JSON report, ~250 bytes). The burst is bounded: it ends after `--rounds` rounds, and at least
// 4 s after the quiet machines stopped.
// The load's shape: a fleet beyond a trusted network pushes through a reverse proxy
// (docs/api.md, "Serving"), whose pool of keep-alive upstream connections carries every
// machine's pushes, one after another - as here; an agent on the machine itself keeps its own
// connection alive too. A `curl` per cron line opens a connection per push, but 10 000 machines
// every 30 s are ~330 such connections a second in life, and 10 000 connections each kept open
// would be beyond the server's 512-connection limit. The client is plain sockets and epoll on
// one thread, so it leaves the server as much of the 2 cores as it can.
//   machines_heartbeats_per_s      pushes accepted per second; baseline: the same client, the
//                                  same number of requests, against GET /healthz of the same
//                                  server (the cheapest route it has: the server's own floor);
//                                  extras: the server thread's share of a core during each run
//                                  and its CPU time per request, which other load on the
//                                  machine does not change
//   machines_p99_ms                p99 latency of the pushes, client side
//   machines_deadline_late_max_ms  `--quiet` machines (offline_after 2 s; the others 10 min)
//                                  stop pushing halfway through the burst; how much later than
//                                  its deadline (last push + offline_after) each was reported
//                                  down, the worst of them, while the others keep pushing
//   machines_rss_per_machine_kib   VmRSS after the burst against before the machines were
//                                  registered, per machine (the client runs in this process:
//                                  its buffers are allocated before the first reading)
// Usage: bench_machines [--machines N] [--rounds R] [--quiet Q] [--connections C]
//                       [--client-threads T]

#include "apiservice.h"
#include "benchjson.h"
#include "benchstats.h"
#include "machines/machinemonitor.h"
#include "runtime.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

using namespace hb;
using bench::percentile;
using bench::rssKiB;

namespace {

constexpr qint64 kQuietOfflineAfterMs = 2'000;
constexpr qint64 kOfflineAfterMs = 600'000;
constexpr qint64 kAfterQuietMs = 4'000; // the burst goes on this long after the quiet stop

struct Settings
{
    int machines = 10'000;
    int rounds = 20;
    int quiet = 1'000;
    int connections = 16;
    int clientThreads = 1;
};

void sleepWithEvents(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Machine
{
    QString name;
    QByteArray token;
    qint64 offlineAfterMs = kOfflineAfterMs;
    bool quiet = false;
};

// machines.json as MachineRegistry keeps it, written in one go.
bool writeMachinesFile(const QString &path, const std::vector<Machine> &machines, QString *error)
{
    QJsonArray records;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Machine &m : machines) {
        records.append(QJsonObject{
            {QStringLiteral("name"), m.name},
            {QStringLiteral("offline_after_ms"), m.offlineAfterMs},
            {QStringLiteral("paused"), false},
            {QStringLiteral("created_ms"), now},
            {QStringLiteral("sha256"),
             QString::fromLatin1(
                 QCryptographicHash::hash(m.token, QCryptographicHash::Sha256).toHex())}});
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                         {QStringLiteral("machines"), records}})
                   .toJson(QJsonDocument::Compact));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

// The requests one connection sends, in turn, round after round: request i of a round is
// `requests[i]`, and it is skipped after `quietAfterRound` when `quiet[i]`.
struct Share
{
    std::vector<QByteArray> requests;
    std::vector<bool> quiet;
};

struct Tally
{
    std::vector<double> latenciesMs; // reserved and touched before the RSS reading
    qint64 requests = 0;
    qint64 non2xx = 0;
    qint64 socketErrors = 0;
};

struct Burst
{
    int rounds = 1;
    int quietAfterRound = -1;             // -1: nobody goes quiet
    std::atomic<qint64> quietSinceMs{-1}; // steady clock of the first connection past it
    QElapsedTimer clock;
};

// One client thread: `shares` connections, each pushing its requests round after round, the
// next request sent when the previous answer is complete (read by its Content-Length). Plain
// non-blocking sockets and epoll, not QTcpSocket: the client shares the 2 cores with the server,
// so every cycle it spends is one the server does not get.
void clientThread(quint16 port, const std::vector<Share> *shares, Burst *burst, Tally *tally)
{
    using Clock = std::chrono::steady_clock;
    struct Conn
    {
        int fd = -1;
        const Share *share = nullptr;
        QByteArray buffer;
        Clock::time_point sent;
        size_t next = 0;
        int round = 0;
        bool done = false;
    };
    const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    std::vector<Conn> conns(shares->size());
    int open = 0;
    auto finish = [&](Conn &c) {
        if (c.done)
            return;
        c.done = true;
        ::epoll_ctl(epoll, EPOLL_CTL_DEL, c.fd, nullptr);
        ::close(c.fd);
        --open;
    };
    // The next request of the connection, or false when its burst is over.
    auto sendNext = [&](Conn &c) {
        for (;;) {
            if (c.next == c.share->requests.size()) {
                c.next = 0;
                ++c.round;
            }
            const bool pastQuiet = burst->quietAfterRound >= 0 && c.round > burst->quietAfterRound;
            if (pastQuiet) {
                qint64 expected = -1;
                burst->quietSinceMs.compare_exchange_strong(expected, burst->clock.elapsed());
            }
            if (c.round >= burst->rounds &&
                (burst->quietAfterRound < 0 ||
                 (burst->quietSinceMs >= 0 &&
                  burst->clock.elapsed() - burst->quietSinceMs >= kAfterQuietMs)))
                return false;
            const size_t i = c.next++;
            if (pastQuiet && c.share->quiet[i])
                continue;
            const QByteArray &request = c.share->requests[i];
            c.sent = Clock::now();
            // One small request in flight per connection: the socket buffer always takes it.
            if (::send(c.fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) !=
                request.size()) {
                ++tally->socketErrors;
                return false;
            }
            return true;
        }
    };
    for (size_t i = 0; i < conns.size(); ++i) {
        Conn &c = conns[i];
        c.share = &(*shares)[i];
        c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const int one = 1;
        ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (::connect(c.fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
            ++tally->socketErrors;
            ::close(c.fd);
            c.done = true;
            continue;
        }
        ::fcntl(c.fd, F_SETFL, ::fcntl(c.fd, F_GETFL) | O_NONBLOCK);
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.ptr = &c;
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, c.fd, &event);
        ++open;
        if (!sendNext(c))
            finish(c);
    }
    // A connection stuck on an answer that never comes does not hold the run up for ever.
    const Clock::time_point giveUp = Clock::now() + std::chrono::minutes(10);
    std::vector<epoll_event> events(64);
    char chunk[64 * 1024];
    while (open > 0 && Clock::now() < giveUp) {
        const int n = ::epoll_wait(epoll, events.data(), int(events.size()), 1000);
        for (int e = 0; e < n; ++e) {
            Conn &c = *static_cast<Conn *>(events[size_t(e)].data.ptr);
            if (c.done)
                continue;
            const ssize_t got = ::recv(c.fd, chunk, sizeof chunk, 0);
            if (got <= 0) {
                if (got < 0 && (errno == EAGAIN || errno == EINTR))
                    continue;
                ++tally->socketErrors; // closed by the server in the middle of the burst
                finish(c);
                continue;
            }
            c.buffer.append(chunk, qsizetype(got));
            for (;;) {
                const qsizetype headerEnd = c.buffer.indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    break;
                const qsizetype at = c.buffer.indexOf("\r\nContent-Length:");
                if (at < 0 || at > headerEnd) {
                    ++tally->socketErrors;
                    finish(c);
                    break;
                }
                const qint64 length = QByteArrayView(c.buffer)
                                          .sliced(at + 17, c.buffer.indexOf('\r', at + 2) - at - 17)
                                          .trimmed()
                                          .toLongLong();
                if (c.buffer.size() < headerEnd + 4 + length)
                    break;
                tally->latenciesMs.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - c.sent).count());
                ++tally->requests;
                const int status = QByteArrayView(c.buffer).sliced(9, 3).toInt();
                if (status < 200 || status > 299)
                    ++tally->non2xx;
                c.buffer.remove(0, headerEnd + 4 + length);
                if (!sendNext(c)) {
                    finish(c);
                    break;
                }
            }
        }
    }
    for (Conn &c : conns)
        finish(c);
    ::close(epoll);
}

// Nanoseconds the thread named `name` of this process has run on a CPU (schedstat), or -1. The
// server's share of the 2 cores tells a busy machine from a slow server: its CPU time per
// request does not depend on what else runs.
qint64 threadCpuNs(const QByteArray &name)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    const QStringList ids = tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &id : ids) {
        QFile comm(tasks.filePath(id + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != name)
            continue;
        QFile stat(tasks.filePath(id + QStringLiteral("/schedstat")));
        if (!stat.open(QIODevice::ReadOnly))
            return -1;
        return stat.readAll().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Load
{
    qint64 requests = 0;
    double seconds = 0;
    double serverCpuMs = 0; // the server thread's, during the burst
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 non2xx = 0;
    qint64 socketErrors = 0;
    double rps() const { return seconds > 0 ? double(requests) / seconds : 0.0; }
    qint64 errors() const { return non2xx + socketErrors; }
};

Load runBurst(quint16 port, const std::vector<std::vector<Share>> &perThread, Burst *burst,
              std::vector<Tally> *tallies)
{
    for (Tally &t : *tallies) {
        t.latenciesMs.clear(); // keeps its capacity
        t.requests = t.non2xx = t.socketErrors = 0;
    }
    std::vector<std::unique_ptr<QThread>> threads;
    const qint64 cpuBefore = threadCpuNs("hb-http");
    burst->clock.start();
    for (size_t t = 0; t < perThread.size(); ++t) {
        const std::vector<Share> *shares = &perThread[t];
        Tally *tally = &(*tallies)[t];
        threads.emplace_back(QThread::create(
            [port, shares, burst, tally] { clientThread(port, shares, burst, tally); }));
        threads.back()->start();
    }
    for (auto &thread : threads) {
        while (!thread->wait(50))
            QCoreApplication::processEvents();
    }
    Load load;
    load.seconds = double(burst->clock.nsecsElapsed()) / 1e9;
    const qint64 cpuAfter = threadCpuNs("hb-http");
    load.serverCpuMs = cpuBefore >= 0 && cpuAfter >= 0 ? double(cpuAfter - cpuBefore) / 1e6 : 0;
    std::vector<double> all;
    for (const Tally &tally : *tallies) {
        load.requests += tally.requests;
        load.non2xx += tally.non2xx;
        load.socketErrors += tally.socketErrors;
        all.insert(all.end(), tally.latenciesMs.begin(), tally.latenciesMs.end());
    }
    load.p50Ms = percentile(all, 0.50);
    load.p99Ms = percentile(all, 0.99);
    return load;
}

// Machine i's requests go to connection i % connections; connections alternate threads.
std::vector<std::vector<Share>> split(const std::vector<QByteArray> &requests,
                                      const std::vector<bool> &quiet, int connections,
                                      int threads)
{
    std::vector<std::vector<Share>> perThread(static_cast<size_t>(threads));
    std::vector<Share> shares(static_cast<size_t>(connections));
    for (size_t i = 0; i < requests.size(); ++i) {
        Share &s = shares[i % size_t(connections)];
        s.requests.push_back(requests[i]);
        s.quiet.push_back(quiet[i]);
    }
    for (size_t c = 0; c < shares.size(); ++c)
        perThread[c % size_t(threads)].push_back(std::move(shares[c]));
    return perThread;
}

bool parseArgs(const QStringList &args, Settings *s)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        bool ok = true;
        const int v = args.value(i + 1).toInt(&ok);
        if (!ok)
            return false;
        if (a == u"--machines")
            s->machines = v;
        else if (a == u"--rounds")
            s->rounds = v;
        else if (a == u"--quiet")
            s->quiet = v;
        else if (a == u"--connections")
            s->connections = v;
        else if (a == u"--client-threads")
            s->clientThreads = v;
        else
            return false;
        ++i;
    }
    return s->machines >= 1 && s->rounds >= 2 && s->quiet >= 0 && s->quiet <= s->machines &&
           s->clientThreads >= 1 && s->connections >= s->clientThreads;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("hb.*.info=false\nhb.*.warning=false"));
    Settings settings;
    if (!parseArgs(app.arguments(), &settings)) {
        std::fprintf(stderr, "usage: bench_machines [--machines N] [--rounds R] [--quiet Q]"
                             " [--connections C] [--client-threads T]\n");
        return 2;
    }

    QTemporaryDir dir;
    RuntimeOptions options;
    options.dataDir = dir.path();
    EngineRuntime runtime(options);
    MachineMonitor *monitor = &runtime.machines();
    runtime.start();

    // Down transitions, timed as they are reported (on the monitor's thread).
    struct Down
    {
        QString machine;
        qint64 lastSeenMs = 0;
        qint64 reportedMs = 0;
    };
    QMutex downMutex;
    std::vector<Down> downs;
    QObject receiver;
    QObject::connect(
        monitor, &MachineMonitor::transition, &receiver,
        [&](const MachineTransition &t) {
            if (t.to != MachineState::Down)
                return;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            QMutexLocker lock(&downMutex);
            downs.push_back({t.machine, t.lastSeenMs, now});
        },
        Qt::DirectConnection);

    ApiServerOptions serverOptions;
    serverOptions.listen = {QStringLiteral("127.0.0.1"), 0};
    serverOptions.dataDir = runtime.dataDir();
    serverOptions.metricsPath = runtime.metricsPath();
    serverOptions.limits.maxConnections = std::max(512, settings.connections * 2);
    serverOptions.machines = monitor;
    ApiService service(runtime.host(), serverOptions);
    QString error;
    if (!service.start(&error)) {
        std::fprintf(stderr, "bench_machines: the API server did not start: %s\n",
                     qPrintable(error));
        return 1;
    }

    // The machines and their requests, made before anything is measured.
    std::vector<Machine> machines(size_t(settings.machines));
    std::vector<QByteArray> pushes, floors;
    std::vector<bool> quiet(machines.size()), nobody(machines.size(), false);
    QRandomGenerator *random = QRandomGenerator::global();
    int quietCount = 0;
    for (size_t i = 0; i < machines.size(); ++i) {
        Machine &m = machines[i];
        m.name = QStringLiteral("m%1").arg(i, 5, 10, QLatin1Char('0'));
        QByteArray raw(32, Qt::Uninitialized);
        random->fillRange(reinterpret_cast<quint32 *>(raw.data()), 8);
        m.token =
            "hbm_" + raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        // Every n-th machine is a quiet one, spread over the connections.
        m.quiet = settings.quiet > 0 && i % size_t(settings.machines / settings.quiet) == 0 &&
                  quietCount < settings.quiet;
        quietCount += m.quiet ? 1 : 0;
        quiet[i] = m.quiet;
        m.offlineAfterMs = m.quiet ? kQuietOfflineAfterMs : kOfflineAfterMs;
        const QByteArray body = R"({"cpu":0.42,"memory":61.5,"disk":12,"uptime":86400})";
        pushes.push_back("POST /api/v1/machines/" + m.name.toLatin1() +
                         "/heartbeat HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                         m.token + "\r\nContent-Type: application/json\r\nContent-Length: " +
                         QByteArray::number(body.size()) + "\r\n\r\n" + body);
        floors.push_back("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }
    const auto pushShares = split(pushes, quiet, settings.connections, settings.clientThreads);
    const auto floorShares = split(floors, nobody, settings.connections, settings.clientThreads);
    std::vector<Tally> tallies(size_t(settings.clientThreads));
    const size_t perThread =
        size_t(settings.machines) * size_t(settings.rounds + 20) / size_t(settings.clientThreads);
    for (Tally &t : tallies) {
        t.latenciesMs.assign(perThread, 0.0); // touched: counted in the first RSS reading
        t.latenciesMs.clear();
    }
    sleepWithEvents(1500); // the first snapshot published: /healthz answers with its report

    // The floor: the same client and number of requests against GET /healthz.
    Burst floorBurst;
    floorBurst.rounds = settings.rounds;
    const Load floor = runBurst(service.port(), floorShares, &floorBurst, &tallies);

    // The machines, registered in one write; the monitor takes them within a second.
    const qint64 rssBefore = rssKiB();
    if (!writeMachinesFile(runtime.dataDir() + QStringLiteral("/machines.json"), machines,
                           &error)) {
        std::fprintf(stderr, "bench_machines: cannot write machines.json: %s\n", qPrintable(error));
        return 1;
    }
    QElapsedTimer loading;
    loading.start();
    while (size_t(monitor->machines().size()) < machines.size() && loading.elapsed() < 10'000)
        sleepWithEvents(20);
    if (size_t(monitor->machines().size()) != machines.size()) {
        std::fprintf(stderr, "bench_machines: the monitor did not take the %d machines\n",
                     settings.machines);
        return 1;
    }
    const double loadMs = double(loading.elapsed());

    Burst burst;
    burst.rounds = settings.rounds;
    burst.quietAfterRound = quietCount > 0 ? settings.rounds / 2 : -1;
    const Load load = runBurst(service.port(), pushShares, &burst, &tallies);
    const qint64 rssAfter = rssKiB();

    // The last quiet deadlines fall up to 2 s after the quiet stop: give them time to report.
    sleepWithEvents(int(kQuietOfflineAfterMs) + 1500);
    std::vector<double> late;
    qint64 wrongDowns = 0;
    {
        QMutexLocker lock(&downMutex);
        QHash<QString, const Machine *> byName;
        for (const Machine &m : machines)
            byName.insert(m.name, &m);
        for (const Down &d : downs) {
            const Machine *m = byName.value(d.machine);
            if (!m || !m->quiet) {
                ++wrongDowns;
                continue;
            }
            late.push_back(double(d.reportedMs - (d.lastSeenMs + m->offlineAfterMs)));
        }
    }
    const qint64 missed = qint64(quietCount) - qint64(late.size());
    const QVector<MachineInfo> finalState = monitor->machines();
    qint64 up = 0, down = 0;
    for (const MachineInfo &m : finalState) {
        up += m.state == MachineState::Up;
        down += m.state == MachineState::Down;
    }

    service.stop();
    runtime.stop();

    const QJsonObject common{
        {QStringLiteral("machines"), settings.machines},
        {QStringLiteral("rounds"), settings.rounds},
        {QStringLiteral("connections"), settings.connections},
        {QStringLiteral("client"),
         QStringLiteral("builtin, in process: %1 thread(s), epoll, non-blocking sockets")
             .arg(settings.clientThreads)},
        {QStringLiteral("load_shape"),
         QStringLiteral("%1 keep-alive connections, each carrying its share of the machines' "
                        "pushes in turn, one in flight: a reverse proxy's upstream pool (or "
                        "agents keeping their connection); a curl per push would be ~330 "
                        "connections/s in life")
             .arg(settings.connections)},
        {QStringLiteral("requests"), double(load.requests)},
        {QStringLiteral("seconds"), load.seconds},
        {QStringLiteral("errors"), double(load.errors())}};
    auto with = [&common](QJsonObject extra) {
        for (auto it = common.begin(); it != common.end(); ++it)
            extra.insert(it.key(), it.value());
        return extra;
    };
    bench::printFigure(
        "machines_heartbeats_per_s", load.rps(), "pushes/s", floor.rps(),
        bench::Target::valueAtLeast(20'000),
        with({{QStringLiteral("baseline_what"),
               QStringLiteral("GET /healthz of the same server, same client, connections and "
                              "request count: the server's own floor")},
              {QStringLiteral("baseline_requests"), double(floor.requests)},
              {QStringLiteral("baseline_p99_ms"), floor.p99Ms},
              {QStringLiteral("baseline_p50_ms"), floor.p50Ms},
              // The server thread's CPU: its share of a core, and per request (what a whole
              // core would take per second).
              {QStringLiteral("server_thread_cpu_share"), load.serverCpuMs / 1e3 / load.seconds},
              {QStringLiteral("server_thread_cpu_us_per_push"),
               load.serverCpuMs * 1e3 / double(std::max<qint64>(1, load.requests))},
              {QStringLiteral("server_thread_pushes_per_cpu_s"),
               double(load.requests) / std::max(1e-9, load.serverCpuMs / 1e3)},
              {QStringLiteral("baseline_server_thread_cpu_share"),
               floor.serverCpuMs / 1e3 / floor.seconds},
              {QStringLiteral("baseline_server_thread_cpu_us_per_request"),
               floor.serverCpuMs * 1e3 / double(std::max<qint64>(1, floor.requests))},
              {QStringLiteral("baseline_errors"), double(floor.errors())},
              {QStringLiteral("non_2xx"), double(load.non2xx)},
              {QStringLiteral("socket_errors"), double(load.socketErrors)}}));
    bench::printFigure("machines_p99_ms", load.p99Ms, "ms", floor.p99Ms,
                       bench::Target::valueAtMost(5.0),
                       with({{QStringLiteral("p50_ms"), load.p50Ms},
                             {QStringLiteral("baseline_what"),
                              QStringLiteral("p99 of the GET /healthz floor run")}}));
    bench::printFigure(
        "machines_deadline_late_max_ms",
        late.empty() ? 0.0 : *std::max_element(late.begin(), late.end()), "ms", std::nullopt,
        bench::Target::valueAtMost(1000),
        with({{QStringLiteral("quiet_machines"), quietCount},
              {QStringLiteral("quiet_offline_after_ms"), double(kQuietOfflineAfterMs)},
              {QStringLiteral("down_reported"), double(late.size())},
              {QStringLiteral("down_missed"), double(missed)},
              {QStringLiteral("down_wrong"), double(wrongDowns)},
              {QStringLiteral("late_p50_ms"), percentile(late, 0.5)},
              {QStringLiteral("late_min_ms"),
               late.empty() ? 0.0 : *std::min_element(late.begin(), late.end())},
              {QStringLiteral("up_at_end"), double(up)},
              {QStringLiteral("down_at_end"), double(down)},
              {QStringLiteral("note"),
               QStringLiteral("reported: when the monitor emitted the transition; deadline: the "
                              "machine's last push + offline_after; the others kept pushing")}}));
    bench::printFigure("machines_rss_per_machine_kib",
                       double(rssAfter - rssBefore) / double(settings.machines), "KiB",
                       std::nullopt, std::nullopt,
                       with({{QStringLiteral("rss_before_kib"), double(rssBefore)},
                             {QStringLiteral("rss_after_kib"), double(rssAfter)},
                             {QStringLiteral("registry_load_ms"), loadMs},
                             {QStringLiteral("recent_pings_held"),
                              double(std::min(settings.rounds, MachineInfo::RecentPings))}}));
    return 0;
}
