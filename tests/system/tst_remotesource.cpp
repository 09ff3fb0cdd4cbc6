// The wall's remote source (models/remotesource.h) against a real heartbeatd on 127.0.0.1, and
// against fake servers for what a heartbeatd never sends: live data and an honest status, a
// killed engine shown within 5 s, a restarted one live again at the next attempt with every run
// delivered once, refused tokens, bad addresses, garbage and a newer API.
#include "api/snapshotjson.h"
#include "httptestutil.h"
#include "remotesource.h"
#include "wall/wallwindow.h"

#include <QSet>
#include <QTcpServer>

using namespace hb;
using namespace hb::test;

namespace {

using State = SourceStatus::State;
using RunKey = QPair<qint64, QString>;

QString stateName(State s)
{
    switch (s) {
    case State::Connecting:
        return u"connecting"_s;
    case State::Live:
        return u"live"_s;
    case State::Quiet:
        return u"quiet"_s;
    case State::Unreachable:
        return u"unreachable"_s;
    case State::Unauthorised:
        return u"unauthorised"_s;
    case State::NewerApi:
        return u"newer-api"_s;
    case State::BadAddress:
        return u"bad-address"_s;
    case State::BadStream:
        return u"bad-stream"_s;
    }
    return {};
}

QString describe(const SourceStatus &s)
{
    return u"%1 (%2) since %3 retry at %4"_s.arg(stateName(s.state), s.reason)
        .arg(s.sinceMs)
        .arg(s.retryAtMs);
}

// Everything one source delivered.
struct Received
{
    explicit Received(RemoteSource &source)
    {
        QObject::connect(&source, &DataSource::statusChanged, &source,
                         [this](const SourceStatus &s) { statuses.append(s); });
        QObject::connect(&source, &DataSource::snapshotChanged, &source,
                         [this](const EngineSnapshot &s) {
                             lastSnapshot = s;
                             ++snapshots;
                         });
        QObject::connect(&source, &DataSource::recordsArrived, &source,
                         [this](const RecordBatch &batch) {
                             for (const ExecutionRecord &r : batch.executions)
                                 ++runs[{r.tickId, r.task}];
                             for (const TickRecord &t : batch.ticks) {
                                 ticks.append(t.id);
                                 newestTick = std::max(newestTick, t.id);
                             }
                         });
        QObject::connect(&source, &DataSource::machinesChanged, &source,
                         [this](const QVector<MachineInfo> &list) { machines = list; });
    }
    QVector<SourceStatus> statuses;
    EngineSnapshot lastSnapshot;
    int snapshots = 0;
    QHash<RunKey, int> runs; // how often each run was delivered
    QVector<qint64> ticks;
    qint64 newestTick = 0;
    std::optional<QVector<MachineInfo>> machines;
};

RemoteSource::Options optionsFor(const QString &url, const QByteArray &token)
{
    RemoteSource::Options o;
    o.baseUrl = QUrl(url);
    o.token = token;
    return o;
}

// The runs metrics.db holds for ticks first..last.
QHash<RunKey, int> storedRuns(const QString &db, qint64 first, qint64 last)
{
    QHash<RunKey, int> out;
    const auto reader = openReadOnly(db);
    SQLite::Statement q(*reader,
                        "SELECT tick_id, task FROM executions WHERE tick_id BETWEEN ? AND ?");
    q.bind(1, static_cast<int64_t>(first));
    q.bind(2, static_cast<int64_t>(last));
    while (q.executeStep())
        ++out[{q.getColumn(0).getInt64(), QString::fromStdString(q.getColumn(1).getString())}];
    return out;
}

qint64 newestStoredTick(const QString &db)
{
    try {
        return queryInt(*openReadOnly(db), "SELECT coalesce(max(id), 0) FROM ticks");
    } catch (const std::exception &) {
        return -1;
    }
}

// A server that answers every request with `answer` and leaves the connection open (an event
// stream that never ends).
class FakeEngine : public QTcpServer
{
public:
    explicit FakeEngine(QByteArray answer)
        : m_answer(std::move(answer))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                ++connections;
                // Owned by the connection below: freed with it, also when the server goes first.
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    qsizetype end;
                    while ((end = buffer->indexOf("\r\n\r\n")) >= 0) {
                        requests.append(buffer->left(end + 4));
                        buffer->remove(0, end + 4);
                        socket->write(m_answer);
                    }
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QString url() const { return u"http://127.0.0.1:"_s + QString::number(serverPort()); }
    int connections = 0;
    QByteArrayList requests;

private:
    QByteArray m_answer;
};

} // namespace

class TestRemoteSource : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_data; // the shared daemon's
    ServingDaemon m_server;
    QByteArray m_viewer;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(u"shared"_s);
        QVERIFY(m_server.daemon().init());
        m_viewer = m_server.createToken(m_data, u"wall"_s, u"viewer"_s);
        QVERIFY(!m_viewer.isEmpty());
        const Result added =
            m_server.daemon().run({u"machine"_s, u"add"_s, u"relay-1"_s, u"--offline-after"_s,
                                   u"90s"_s, u"--data-dir"_s, m_data});
        QVERIFY2(added.exitedWith(0), added.describe());
        QVERIFY(m_server.start(m_data, {u"--demo"_s, u"--tick-ms"_s, u"200"_s}));
    }

    void liveSnapshotsRecordsAndMachines()
    {
        RemoteSource source(optionsFor(m_server.url(), m_viewer));
        Received got(source);
        QCOMPARE(source.status().state, State::Connecting);
        QCOMPARE(source.kind(), DataSource::Kind::Remote);
        QVERIFY(!source.canCommand());
        QVERIFY(source.metricsPath().isEmpty());
        QVERIFY(!source.history().exists());
        QVERIFY(source.history().earlierRuns(10, 10).runs.isEmpty()); // harmless, no file
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        source.start();
        QVERIFY2(QTest::qWaitFor([&] { return source.status().isLive(); }, 10'000),
                 qPrintable(describe(source.status())));
        QVERIFY(got.snapshots >= 1);
        QVERIFY(QTest::qWaitFor([&] { return (*got.lastSnapshot).running; }, 3000));
        QCOMPARE((*got.lastSnapshot).tickIntervalMs, 200);
        QVERIFY(source.status().sinceMs >= before);
        QVERIFY(source.status().reason.isEmpty());
        // Runs and ticks follow; "updated" moves with them.
        QVERIFY(
            QTest::qWaitFor([&] { return got.ticks.size() >= 3 && !got.runs.isEmpty(); }, 5000));
        const qint64 updated = source.status().lastUpdateMs;
        QVERIFY(QTest::qWaitFor([&] { return source.status().lastUpdateMs > updated; }, 2000));
        QVERIFY(source.status().lastUpdateMs <= QDateTime::currentMSecsSinceEpoch());
        // The machines, polled while live.
        QVERIFY(QTest::qWaitFor([&] { return got.machines.has_value(); }, 3000));
        QCOMPARE(got.machines->size(), 1);
        QCOMPARE(got.machines->at(0).name, u"relay-1"_s);
        QCOMPARE(got.machines->at(0).state, MachineState::New);
        QCOMPARE(source.connects(), 1);
        QVERIFY(source.eventsReceived() > got.snapshots);
        QVERIFY(!source.lastEventId().isEmpty());
        // Every state it went through on the way: connecting, then live (nothing in between).
        for (const SourceStatus &s : std::as_const(got.statuses))
            QVERIFY2(s.state == State::Live, qPrintable(describe(s)));
        // Replies are deleted as they finish: only the stream (and a poll in flight) remain.
        QVERIFY(QTest::qWaitFor([&] { return source.liveRequests() <= 2; }, 3000));
    }

    void aWrongTokenIsUnauthorised()
    {
        RemoteSource source(optionsFor(m_server.url(), "hb_not_a_token"));
        Received got(source);
        source.start();
        QVERIFY2(
            QTest::qWaitFor([&] { return source.status().state == State::Unauthorised; }, 5000),
            qPrintable(describe(source.status())));
        QCOMPARE(source.status().reason, u"the token was refused (wrong or revoked)"_s);
        // Asked again with the backoff (the first wait about a second, less its jitter): a
        // token made a moment ago is honoured once the server has re-read tokens.json.
        const qint64 wait = source.status().retryAtMs - QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(wait > 1'000 * 0.8 - 300 && wait <= 1'000, qPrintable(QString::number(wait)));
        const int attempts = source.attempts();
        QVERIFY(QTest::qWaitFor([&] { return source.attempts() > attempts; }, 3000));
        QCOMPARE(source.status().state, State::Unauthorised);
        QCOMPARE(got.snapshots, 0);
        QCOMPARE(source.connects(), 0);
    }

    void aRevokedTokenIsUnauthorised()
    {
        const QByteArray token = m_server.createToken(m_data, u"wall2"_s, u"viewer"_s);
        QVERIFY(!token.isEmpty());
        // The server reads tokens.json again within a second.
        HttpClient http(m_server.url());
        QVERIFY(QTest::qWaitFor(
            [&] { return http.get(u"/api/v1/machines"_s, token).status == 200; }, 5000));
        RemoteSource source(optionsFor(m_server.url(), token));
        Received got(source);
        source.start();
        QVERIFY2(QTest::qWaitFor([&] { return source.status().isLive(); }, 10'000),
                 qPrintable(describe(source.status())));
        const Result revoked =
            m_server.daemon().run({u"token"_s, u"revoke"_s, u"wall2"_s, u"--data-dir"_s, m_data});
        QVERIFY2(revoked.exitedWith(0), revoked.describe());
        // The open stream is not asked again, the machines poll is (every 5 s): caught there.
        QVERIFY2(
            QTest::qWaitFor([&] { return source.status().state == State::Unauthorised; }, 8000),
            qPrintable(describe(source.status())));
        const int snapshots = got.snapshots;
        QTest::qWait(300);
        QCOMPARE(got.snapshots, snapshots); // the stream was dropped
    }

    void aStoppedEngineIsQuietWithin5sAndLiveWhenItGoesOn()
    {
        RemoteSource source(optionsFor(m_server.url(), m_viewer));
        Received got(source);
        source.start();
        QVERIFY(QTest::qWaitFor([&] { return source.status().isLive(); }, 10'000));
        const pid_t pid = pid_t(m_server.process()->processId());
        auto resume = qScopeGuard([pid] { ::kill(pid, SIGCONT); });
        const qint64 lastUpdate = source.status().lastUpdateMs;
        QVERIFY(::kill(pid, SIGSTOP) == 0);
        QElapsedTimer stopped;
        stopped.start();
        // The connection stays open and says nothing: only the missing snapshots tell.
        QVERIFY2(QTest::qWaitFor([&] { return !source.status().isLive(); }, 5000),
                 qPrintable(describe(source.status())));
        QVERIFY(stopped.elapsed() < 5000);
        QCOMPARE(source.status().state, State::Quiet);
        QVERIFY(source.status().lastUpdateMs >= lastUpdate); // kept: shown dimmed, not blanked
        // Still stopped: the new connection is not answered either.
        QVERIFY2(QTest::qWaitFor([&] { return source.status().state == State::Unreachable; }, 8000),
                 qPrintable(describe(source.status())));
        QCOMPARE(source.status().reason, u"the engine does not answer"_s);
        resume.dismiss();
        QVERIFY(::kill(pid, SIGCONT) == 0);
        QVERIFY2(QTest::qWaitFor([&] { return source.status().isLive(); }, 5000),
                 qPrintable(describe(source.status())));
    }

    void aSlowTickIsLiveBetweenTicksAndAStopStillShows()
    {
        // Ticks 6 s apart: no snapshot for longer than the 4 s of silence allowed. The engine's
        // /healthz answering keeps it live; stopped, it answers nothing and shows within 5 s.
        const QString data = m_dir.filePath(u"slow"_s);
        ServingDaemon server;
        QVERIFY(server.daemon().init());
        const QByteArray token = server.createToken(data, u"wall"_s, u"viewer"_s);
        QVERIFY(server.start(data, {u"--demo"_s, u"--tick-ms"_s, u"6000"_s}));
        RemoteSource source(optionsFor(server.url(), token));
        Received got(source);
        source.start();
        QVERIFY(QTest::qWaitFor([&] { return source.status().isLive(); }, 10'000));
        QTest::qWait(5000);
        for (const SourceStatus &s : std::as_const(got.statuses))
            QVERIFY2(s.state == State::Live, qPrintable(describe(s)));
        QCOMPARE(source.connects(), 1);
        const pid_t pid = pid_t(server.process()->processId());
        auto resume = qScopeGuard([pid] { ::kill(pid, SIGCONT); });
        QVERIFY(::kill(pid, SIGSTOP) == 0);
        QElapsedTimer stopped;
        stopped.start();
        QVERIFY2(QTest::qWaitFor([&] { return !source.status().isLive(); }, 5000),
                 qPrintable(describe(source.status())));
        QVERIFY(stopped.elapsed() < 5000);
    }

    void aKilledEngineIsUnreachableWithin5sAndLiveAgainAfterItsRestart()
    {
        const QString data = m_dir.filePath(u"restart"_s);
        const QString db = data + u"/metrics.db"_s;
        ServingDaemon server;
        QVERIFY(server.daemon().init());
        const QByteArray token = server.createToken(data, u"wall"_s, u"viewer"_s);
        const QStringList args{u"--demo"_s, u"--tick-ms"_s, u"500"_s};
        QVERIFY(server.start(data, args));
        const quint16 port = server.port();

        RemoteSource::Options options = optionsFor(server.url(), token);
        RemoteSource source(options);
        Received got(source);
        // The wall as `--wall --connect` shows it, over this source.
        WallWindow wall(source, HeartbeatConfig(), std::make_shared<SystemClock>());
        wall.setConfirmLeave(false);
        wall.resize(1280, 720);
        wall.show();
        source.start();
        QVERIFY(QTest::qWaitFor([&] { return source.status().isLive(); }, 10'000));
        QVERIFY(QTest::qWaitFor([&] { return got.ticks.size() >= 3; }, 10'000));
        QVERIFY2(wall.statusHeadline().isEmpty() && !wall.valuesDimmed(),
                 qPrintable(wall.statusHeadline()));
        // Ticks arrive in the order they finish, not their ids' (a tick with nothing to run
        // finishes before the one before it): the first is the smallest id.
        const qint64 firstTick = *std::min_element(got.ticks.cbegin(), got.ticks.cend());

        // Killed between two ticks, once the newest tick the wall has is stored: the server
        // streams a tick just before its row is committed, and a crash in that moment would
        // leave the wall a run the file never got (see the report; not this test's subject).
        const int ticksBefore = got.ticks.size();
        QVERIFY(QTest::qWaitFor([&] { return got.ticks.size() > ticksBefore; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return newestStoredTick(db) >= got.newestTick; }, 2000));
        const qint64 lastTickBeforeKill = got.newestTick;
        const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(server.killHard());

        QElapsedTimer noticed;
        noticed.start();
        QVERIFY2(QTest::qWaitFor([&] { return !source.status().isLive(); }, 5000),
                 qPrintable(describe(source.status())));
        QVERIFY(noticed.elapsed() < 5000);
        // ... and the wall says so in large type, its last values dimmed, within the 5 s.
        QVERIFY2(QTest::qWaitFor([&] { return !wall.statusHeadline().isEmpty(); },
                                 int(5000 - noticed.elapsed())),
                 qPrintable(describe(source.status())));
        QVERIFY(wall.valuesDimmed());
        QVERIFY2(QTest::qWaitFor([&] { return source.status().state == State::Unreachable; }, 5000),
                 qPrintable(describe(source.status())));
        const SourceStatus down = source.status();
        QVERIFY2(down.sinceMs >= killedAt - 50 && down.sinceMs <= killedAt + 1000,
                 qPrintable(describe(down) + u" killed at %1"_s.arg(killedAt)));
        QVERIFY(down.retryAtMs > down.sinceMs);
        QVERIFY(down.lastUpdateMs > 0 && down.lastUpdateMs <= killedAt);

        // Back on the same address and data directory.
        QVERIFY(server.start(data, args, port));
        const qint64 servingAt = QDateTime::currentMSecsSinceEpoch();
        const SourceStatus waiting = source.status();
        QVERIFY2(waiting.state == State::Unreachable && waiting.sinceMs == down.sinceMs,
                 qPrintable(describe(waiting))); // one outage, one start
        const qint64 due = std::max(waiting.retryAtMs, servingAt) + 1000;
        QVERIFY2(QTest::qWaitFor([&] { return source.status().isLive(); }, 35'000),
                 qPrintable(describe(source.status())));
        const qint64 liveAt = QDateTime::currentMSecsSinceEpoch();
        // The wall is live again by itself: no banner, values no longer dimmed.
        QVERIFY2(QTest::qWaitFor([&] { return wall.statusHeadline().isEmpty(); }, 1000),
                 qPrintable(wall.statusHeadline()));
        QVERIFY(!wall.valuesDimmed());
        QVERIFY2(liveAt <= due, qPrintable(u"live %1 ms after its next attempt was due"_s.arg(
                                    liveAt - (due - 1000))));
        QCOMPARE(source.resets(), 1); // a new server: the stream started over
        QVERIFY(source.connects() >= 2);

        // What the restarted engine ran before the wall was back came from its store; then
        // the live stream. Tick ids go on from where the killed run stopped.
        QVERIFY(QTest::qWaitFor([&] { return got.newestTick >= lastTickBeforeKill + 6; }, 10'000));
        QVERIFY(source.recordsFetched() > 0);
        QVERIFY(QTest::qWaitFor([&] { return newestStoredTick(db) >= got.newestTick; }, 3000));
        const qint64 lastTick = got.newestTick;
        QHash<RunKey, int> received;
        for (auto it = got.runs.cbegin(); it != got.runs.cend(); ++it) {
            QVERIFY2(it.value() == 1,
                     qPrintable(u"tick %1 %2 delivered %3 times"_s.arg(it.key().first)
                                    .arg(it.key().second)
                                    .arg(it.value())));
            if (it.key().first >= firstTick && it.key().first <= lastTick)
                received.insert(it.key(), it.value());
        }
        const QHash<RunKey, int> stored = storedRuns(db, firstTick, lastTick);
        QVERIFY(stored.size() > 20);
        QStringList missing, extra;
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            if (!received.contains(it.key()))
                missing.append(u"%1/%2"_s.arg(it.key().first).arg(it.key().second));
        }
        for (auto it = received.cbegin(); it != received.cend(); ++it) {
            if (!stored.contains(it.key()))
                extra.append(u"%1/%2"_s.arg(it.key().first).arg(it.key().second));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(u"missing: "_s + missing.join(u' ')));
        QVERIFY2(extra.isEmpty(), qPrintable(u"not stored: "_s + extra.join(u' ')));
        // Ticks once each, and the restarted run's ids after the killed run's.
        QSet<qint64> seen;
        for (const qint64 id : std::as_const(got.ticks)) {
            QVERIFY2(!seen.contains(id), qPrintable(u"tick %1 twice"_s.arg(id)));
            seen.insert(id);
        }
        const QByteArray firstAfterSql =
            "SELECT min(id) FROM ticks WHERE started_at_ms > " + QByteArray::number(killedAt);
        const qint64 firstAfter = queryInt(*openReadOnly(db), firstAfterSql.constData());
        QVERIFY2(firstAfter > lastTickBeforeKill,
                 qPrintable(u"%1 after %2"_s.arg(firstAfter).arg(lastTickBeforeKill)));
        for (qint64 id = lastTickBeforeKill + 1; id <= lastTick; ++id)
            QVERIFY2(seen.contains(id) || id < firstAfter,
                     qPrintable(u"tick %1 missing"_s.arg(id)));
        QVERIFY(source.rememberedRecords() < 10'000);
    }

    void whatItRemembersStaysBounded()
    {
        // Two hours of one tick a second, three runs each, in one burst: all delivered once,
        // while the record of what was delivered keeps only the last minutes.
        constexpr qint64 start = 1'800'000'000'000;
        constexpr int ticks = 7200;
        EngineState state;
        state.takenAtMs = start;
        state.tickIntervalMs = 1000;
        QByteArray stream = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"
                            "id: s-1\nevent: snapshot\ndata: " +
                            QJsonDocument(json::fromState(state)).toJson(QJsonDocument::Compact) +
                            "\n\n";
        for (int i = 1; i <= ticks; ++i) {
            const qint64 at = start + i * 1000;
            QJsonArray runs;
            for (const char *task : {"a", "b", "c"})
                runs.append(json::fromExecution(
                    {i, QLatin1String(task), at, 5, Outcome::Success, 1, {}, std::nullopt}));
            const QJsonObject batch{{u"executions"_s, runs},
                                    {u"ticks"_s, QJsonArray{json::fromTick({i, at, 9, 3, 3, 0})}},
                                    {u"samples"_s, QJsonArray{}}};
            stream += "id: s-" + QByteArray::number(i + 1) + "\nevent: records\ndata: " +
                      QJsonDocument(batch).toJson(QJsonDocument::Compact) + "\n\n";
        }
        FakeEngine fake(stream);
        QVERIFY(fake.start());
        RemoteSource source(optionsFor(fake.url(), "t"));
        Received got(source);
        qsizetype mostRemembered = 0;
        connect(&source, &DataSource::recordsArrived, this,
                [&] { mostRemembered = std::max(mostRemembered, source.rememberedRecords()); });
        source.start();
        QVERIFY2(QTest::qWaitFor([&] { return got.ticks.size() == ticks; }, 15'000),
                 qPrintable(QString::number(got.ticks.size())));
        QCOMPARE(got.runs.size(), 3 * ticks);
        QCOMPARE(source.duplicatesDropped(), 0);
        QCOMPARE(source.lastEventId(), "s-" + QByteArray::number(ticks + 1));
        // Ten minutes of 4 records a second, and room to grow before the next pruning.
        QVERIFY2(mostRemembered <= 2 * 600 * 4 + 100, qPrintable(QString::number(mostRemembered)));
        QVERIFY(source.liveRequests() <= 2);
    }

    void aBadAddressIsSaidAndNotRetried_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("says");
        QTest::newRow("ftp") << u"ftp://127.0.0.1:21/"_s << u"not an http:// or https://"_s;
        QTest::newRow("no host") << u"http:///api"_s << u"names no host"_s;
        QTest::newRow("not a url") << u"::::"_s << u"not"_s;
    }

    void aBadAddressIsSaidAndNotRetried()
    {
        QFETCH(QString, url);
        QFETCH(QString, says);
        auto clock = std::make_shared<FakeClock>(1'800'000'000'000);
        RemoteSource::Options options = optionsFor(url, m_viewer);
        options.clock = clock;
        RemoteSource source(options);
        source.start();
        QCOMPARE(source.status().state, State::BadAddress);
        QVERIFY2(source.status().reason.contains(says), qPrintable(source.status().reason));
        QCOMPARE(source.status().sinceMs, 1'800'000'000'000); // the injected clock's time
        QCOMPARE(source.status().retryAtMs, 0);
        QCOMPARE(source.liveRequests(), 0);
        QTest::qWait(200);
        QCOMPARE(source.status().state, State::BadAddress);
    }

    void nobodyListeningIsUnreachableAndRetriedWithBackoff()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        auto clock = std::make_shared<FakeClock>(1'800'000'000'000);
        RemoteSource::Options options = optionsFor(u"http://127.0.0.1:%1"_s.arg(port), m_viewer);
        options.clock = clock; // standing still: each retry is due exactly its backoff from it
        options.backoffInitialMs = 100;
        options.backoffMaxMs = 500;
        options.jitter = 0;
        RemoteSource source(options);
        Received got(source);
        source.start();
        QVERIFY(QTest::qWaitFor([&] { return source.attempts() >= 6; }, 5000));
        QList<qint64> waits;
        for (const SourceStatus &s : std::as_const(got.statuses)) {
            QCOMPARE(s.state, State::Unreachable);
            QCOMPARE(s.reason, u"connection refused"_s);
            QCOMPARE(s.sinceMs, 1'800'000'000'000); // the first failure, kept
            waits.append(s.retryAtMs - 1'800'000'000'000);
        }
        // Doubling up to the longest, then at that (the same time again: no new status).
        QCOMPARE(waits, (QList<qint64>{100, 200, 400, 500}));
        QCOMPARE(got.snapshots, 0);
    }

    void garbageOnTheStreamIsABadStream_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("says");
        const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n";
        QTest::newRow("not json") << head + "event: snapshot\ndata: {\"taken_at_ms\": 1,\n\n"
                                  << u"snapshot"_s;
        QTest::newRow("wrong field") << head + "event: snapshot\ndata: {\"taken_at_ms\":\"x\"}\n\n"
                                     << u"taken_at_ms: expected an integer"_s;
        QTest::newRow("records") << head + "event: records\ndata: {\"executions\":[7]}\n\n"
                                 << u"executions[0]"_s;
        QTest::newRow("too large") << head + "data: " + QByteArray(5000, 'x') + "\n\n"
                                   << u"longer than 4096"_s;
        QTest::newRow("html") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                            "Content-Length: 6\r\n\r\n<html>")
                              << u"not an event stream"_s;
        QByteArray noise = head;
        QRandomGenerator random(7);
        for (int i = 0; i < 3000; ++i)
            noise += char(random.bounded(256));
        QTest::newRow("noise") << noise + "\n\nevent: snapshot\ndata: \xff\xfe\n\n" << u""_s;
    }

    void garbageOnTheStreamIsABadStream()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, says);
        FakeEngine fake(answer);
        QVERIFY(fake.start());
        RemoteSource::Options options = optionsFor(fake.url(), "t");
        options.maxEventBytes = 4096;
        options.backoffInitialMs = 200;
        RemoteSource source(options);
        Received got(source);
        source.start();
        QVERIFY2(QTest::qWaitFor([&] { return source.status().state == State::BadStream; }, 5000),
                 qPrintable(describe(source.status())));
        QVERIFY2(source.status().reason.contains(says), qPrintable(source.status().reason));
        QVERIFY(source.status().retryAtMs > 0);
        QCOMPARE(got.snapshots, 0);
        // And it tries again, and is refused again, without harm.
        QVERIFY(QTest::qWaitFor([&] { return fake.requests.size() >= 2; }, 3000));
        QVERIFY(fake.requests.constFirst().contains("Authorization: Bearer t\r\n"));
        QVERIFY(fake.requests.constFirst().contains("Accept: text/event-stream\r\n"));
    }

    void aNewerEngineSaysSo()
    {
        FakeEngine fake("HTTP/1.1 404 Not Found\r\nHeartbeat-Api-Version: 2\r\n"
                        "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        QVERIFY(fake.start());
        RemoteSource source(optionsFor(fake.url(), "t"));
        source.start();
        QVERIFY2(QTest::qWaitFor([&] { return source.status().state == State::NewerApi; }, 5000),
                 qPrintable(describe(source.status())));
        QCOMPARE(source.status().reason,
                 u"the engine speaks API version 2; this wall understands 1"_s);
        // Asked again only slowly (an engine may be rolled back).
        QVERIFY(source.status().retryAtMs - QDateTime::currentMSecsSinceEpoch() > 20'000);
        // The same 404 without a newer version is a server that is no Heartbeat engine.
        FakeEngine other("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        QVERIFY(other.start());
        RemoteSource plain(optionsFor(other.url(), "t"));
        plain.start();
        QVERIFY(QTest::qWaitFor([&] { return plain.status().state == State::BadStream; }, 5000));
        QVERIFY2(plain.status().reason.contains(u"404"), qPrintable(plain.status().reason));
    }
};

QTEST_MAIN(TestRemoteSource) // the restart case shows the wall window too
#include "tst_remotesource.moc"
