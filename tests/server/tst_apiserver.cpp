// The API server in-process (server/apiserver.h): a slow event-stream client is dropped rather than
// buffered without bound, the snapshot comes deflated to clients that take it, and every route
// the server answers is in docs/openapi.json and back.
#include "api/snapshotjson.h"
#include "apiserver.h"
#include "httpguard.h"
#include "machines/machinemonitor.h"
#include "machines/machineregistry.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <sys/socket.h>

#include <memory>

using namespace hb;

namespace {

// One request over a fresh connection to a server on this thread: the whole answer.
QByteArray exchange(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return QByteArray();
    socket.write(request);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000) {
        QCoreApplication::processEvents();
        if (socket.waitForReadyRead(10))
            answer += socket.readAll();
        const qsizetype end = answer.indexOf("\r\n\r\n");
        const qsizetype at = answer.toLower().indexOf("content-length:");
        if (end > 0 && at > 0 && at < end) {
            const qint64 length =
                answer.mid(at + 15, answer.indexOf('\r', at) - at - 15).trimmed().toLongLong();
            if (answer.size() >= end + 4 + length)
                break;
        }
    }
    return answer;
}

// Whole answers (by their Content-Length) from `socket`, until `count` arrived or time is up,
// while the server on this thread runs.
QByteArrayList readAnswers(QTcpSocket &socket, int count, int timeoutMs = 5000)
{
    QByteArrayList answers;
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    while (answers.size() < count && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents();
        socket.waitForReadyRead(5);
        buffer += socket.readAll(); // what arrived while the server ran, too
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            const qsizetype at = buffer.toLower().indexOf("content-length:");
            if (end < 0 || at < 0 || at > end)
                break;
            const qint64 length =
                buffer.mid(at + 15, buffer.indexOf('\r', at) - at - 15).trimmed().toLongLong();
            if (buffer.size() < end + 4 + length)
                break;
            answers.append(buffer.left(end + 4 + length));
            buffer.remove(0, end + 4 + length);
        }
    }
    return answers;
}

// Writes `parts` one after another on `socket`, each its own TCP write with the server's event
// loop run between them, so the server reads them apart.
void writeApart(QTcpSocket &socket, const QByteArrayList &parts)
{
    for (const QByteArray &part : parts) {
        socket.write(part);
        socket.waitForBytesWritten(1000);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
}

// Runs the server until `socket` is closed by it, at most `timeoutMs`: whether it was.
bool closedByServer(QTcpSocket &socket, int timeoutMs = 3000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState) {
        QCoreApplication::processEvents();
        socket.waitForReadyRead(5);
        socket.readAll();
    }
    return socket.state() != QAbstractSocket::ConnectedState;
}

QJsonObject jsonOf(const QByteArray &answer)
{
    return QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
}

// A server with a machine monitor and one machine, "relay".
// A server on 127.0.0.1 (a free port) over the data directory `dir`.
ApiServerOptions loopbackOptions(const QTemporaryDir &dir)
{
    ApiServerOptions options;
    options.listen = {QStringLiteral("127.0.0.1"), 0};
    options.dataDir = dir.path();
    options.metricsPath = dir.filePath(QStringLiteral("metrics.db"));
    return options;
}

struct MachineRig
{
    QTemporaryDir dir;
    std::unique_ptr<MachineMonitor> monitor;
    std::unique_ptr<ApiServer> server;
    QByteArray relayToken;
    quint16 port = 0;

    bool start()
    {
        QString error;
        const auto token = MachineRegistry(dir.path()).add(QStringLiteral("relay"), 60'000, &error);
        if (!token)
            return false;
        relayToken = *token;
        monitor = std::make_unique<MachineMonitor>(
            dir.path(), dir.filePath(QStringLiteral("metrics.db")), nullptr, nullptr);
        monitor->start();
        ApiServerOptions options = loopbackOptions(dir);
        options.machines = monitor.get();
        server = std::make_unique<ApiServer>(options, nullptr);
        port = server->listenOn(&error);
        return port != 0;
    }
    MachineInfo relay() const
    {
        const QVector<MachineInfo> machines = monitor->machines();
        return machines.value(0);
    }
    QString state() const { return machineStateName(relay().state); }
    qint64 lastSeen() const { return relay().lastSeenMs; }
    MachineReport report() const { return relay().lastReport; }
    ~MachineRig()
    {
        server.reset();
        if (monitor)
            monitor->stop();
    }
};

} // namespace

class TestApiServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSlowStreamClientIsDropped()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TokenStore tokens(dir.path());
        QString error;
        const auto secret = tokens.create(QStringLiteral("wall"), Role::Viewer, &error);
        QVERIFY2(secret, qPrintable(error));

        ApiServerOptions options = loopbackOptions(dir);
        options.limits.maxStreamBacklogBytes = 256 * 1024;
        ApiServer server(options, nullptr);
        const quint16 port = server.listenOn(&error);
        QVERIFY2(port != 0, qPrintable(error));

        // A client that asks for the stream and then never reads, with a small receive buffer.
        QTcpSocket slow;
        slow.setReadBufferSize(4096); // Qt reads no more than this off the socket for us
        slow.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(slow.waitForConnected(3000));
        int small = 4096;
        QCOMPARE(
            ::setsockopt(int(slow.socketDescriptor()), SOL_SOCKET, SO_RCVBUF, &small, sizeof small),
            0);
        slow.write("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + *secret +
                   "\r\n\r\n");
        QVERIFY(slow.waitForBytesWritten(1000));
        QTest::qWait(200);

        // Publish far more than the kernel's buffers and the backlog limit hold.
        RecordBatch batch;
        for (int i = 0; i < 200; ++i)
            batch.executions.append({i, QStringLiteral("loan_monitoring"), 1000 + i, 5,
                                     Outcome::Success, 1, QString(40, u'e')});
        for (int round = 0; round < 2000 && slow.state() == QAbstractSocket::ConnectedState;
             ++round) {
            server.onRecords(batch);
            QCoreApplication::processEvents();
        }
        // The server let go of the connection: the client sees it closed.
        QVERIFY(QTest::qWaitFor(
            [&] {
                slow.setReadBufferSize(0);
                slow.waitForReadyRead(20);
                slow.readAll();
                return slow.state() != QAbstractSocket::ConnectedState;
            },
            20'000));
    }

    void machinePushBodiesHaveTheirOwnLimit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ApiServerOptions options = loopbackOptions(dir);
        ApiServer server(options, nullptr); // no machine monitor
        QString error;
        const quint16 port = server.listenOn(&error);
        QVERIFY2(port != 0, qPrintable(error));

        auto exchange = [port](const QByteArray &request) { return ::exchange(port, request); };
        // Over 64 KiB: refused on the Content-Length alone, the body never sent.
        QByteArray answer = exchange("POST /api/v1/machines/relay/heartbeat?token=x HTTP/1.1\r\n"
                                     "Host: x\r\nContent-Length: 65537\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
        QVERIFY(answer.contains("65536"));
        // 64 KiB exactly is read; with no monitor the route says it cannot take pushes.
        answer = exchange("POST /api/v1/machines/relay/heartbeat HTTP/1.1\r\nHost: x\r\n"
                          "Content-Length: 65536\r\nConnection: close\r\n\r\n" +
                          QByteArray(65536, ' '));
        QVERIFY2(answer.startsWith("HTTP/1.1 503 "), answer.left(300).constData());
        QVERIFY(answer.contains("machines_unavailable"));
        // Other routes keep the general limit.
        answer = exchange("PUT /api/v1/config HTTP/1.1\r\nHost: x\r\nContent-Length: 65537\r\n"
                          "Connection: close\r\n\r\n" +
                          QByteArray(65537, ' '));
        QVERIFY2(answer.startsWith("HTTP/1.1 401 "), answer.left(300).constData());
    }

    void machinesPushAndAreListed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const auto viewer =
            TokenStore(dir.path()).create(QStringLiteral("wall"), Role::Viewer, &error);
        QVERIFY2(viewer, qPrintable(error));
        MachineRegistry registry(dir.path());
        const auto relay = registry.add(QStringLiteral("relay"), 60'000, &error);
        const auto batch = registry.add(QStringLiteral("batch"), 60'000, &error);
        QVERIFY2(relay && batch, qPrintable(error));
        MachineMonitor monitor(dir.path(), dir.filePath(QStringLiteral("metrics.db")), nullptr,
                               nullptr);
        monitor.start();
        ApiServerOptions options = loopbackOptions(dir);
        options.machines = &monitor;
        ApiServer server(options, nullptr);
        const quint16 port = server.listenOn(&error);
        QVERIFY2(port != 0, qPrintable(error));
        auto push = [port](const QByteArray &method, const QByteArray &target,
                           const QByteArray &authorization, const QByteArray &body = {}) {
            QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: x\r\n";
            if (!authorization.isEmpty())
                request += "Authorization: " + authorization + "\r\n";
            request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
            return exchange(port, request);
        };
        auto state = [&monitor](const QString &name) {
            for (const MachineInfo &m : monitor.machines()) {
                if (m.name == name)
                    return machineStateName(m.state);
            }
            return QString();
        };

        QByteArray answer = push("POST", "/api/v1/machines/relay/heartbeat", "Bearer " + *relay,
                                 R"({"cpu": 0.5, "version": "2.1"})");
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QCOMPARE(jsonOf(answer).value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(state(QStringLiteral("relay")), QStringLiteral("up"));
        // The GET of a cron line, the token in the query.
        answer = push("GET", "/api/v1/machines/batch/start?token=" + *batch, {});
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QCOMPARE(state(QStringLiteral("batch")), QStringLiteral("up"));
        answer = push("POST", "/api/v1/machines/batch/fail", "Bearer " + *batch);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QCOMPARE(state(QStringLiteral("batch")), QStringLiteral("down"));

        // Refusals: unknown machine, wrong or missing token, a bad report.
        answer = push("POST", "/api/v1/machines/nobody/heartbeat", "Bearer " + *relay);
        QVERIFY2(answer.startsWith("HTTP/1.1 404 "), answer.constData());
        QCOMPARE(jsonOf(answer).value(QStringLiteral("error")).toString(),
                 QStringLiteral("no_such_machine"));
        answer = push("POST", "/api/v1/machines/relay/heartbeat", "Bearer " + *batch);
        QVERIFY2(answer.startsWith("HTTP/1.1 401 "), answer.constData());
        answer = push("GET", "/api/v1/machines/relay/heartbeat", {});
        QVERIFY2(answer.startsWith("HTTP/1.1 401 "), answer.constData());
        QVERIFY(jsonOf(answer).value(QStringLiteral("message")).toString().contains(u"?token="));
        answer =
            push("POST", "/api/v1/machines/relay/heartbeat", "Bearer " + *relay, R"({"cpu": -1})");
        QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
        QVERIFY(jsonOf(answer).value(QStringLiteral("message")).toString().contains(u"cpu"));
        // A push token reads nothing; an API token pushes nothing.
        QVERIFY(push("GET", "/api/v1/machines", "Bearer " + *relay).startsWith("HTTP/1.1 401 "));
        QVERIFY(push("POST", "/api/v1/machines/relay/heartbeat", "Bearer " + *viewer)
                    .startsWith("HTTP/1.1 401 "));

        // The list, for readers.
        answer = push("GET", "/api/v1/machines", "Bearer " + *viewer);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        const QJsonArray items = jsonOf(answer).value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        const QJsonObject batchItem = items.at(0).toObject();
        const QJsonObject relayItem = items.at(1).toObject();
        QCOMPARE(relayItem.value(QStringLiteral("name")).toString(), QStringLiteral("relay"));
        QCOMPARE(relayItem.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        QCOMPARE(relayItem.value(QStringLiteral("last_report"))
                     .toObject()
                     .value(QStringLiteral("version"))
                     .toString(),
                 QStringLiteral("2.1"));
        QCOMPARE(batchItem.value(QStringLiteral("state")).toString(), QStringLiteral("down"));
        QCOMPARE(batchItem.value(QStringLiteral("last_kind")).toString(), QStringLiteral("fail"));
        QCOMPARE(batchItem.value(QStringLiteral("recent")).toArray().size(), 2);
        answer = push("GET", "/api/v1/machines?recent=1", "Bearer " + *viewer);
        const QJsonArray recent = jsonOf(answer)
                                      .value(QStringLiteral("items"))
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(QStringLiteral("recent"))
                                      .toArray();
        QCOMPARE(recent.size(), 1);
        QCOMPARE(recent.at(0).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("fail"));
        QVERIFY(push("GET", "/api/v1/machines?recent=61", "Bearer " + *viewer)
                    .startsWith("HTTP/1.1 400 "));

        // And Prometheus.
        answer = push("GET", "/metrics", {});
        QVERIFY2(answer.contains("hb_machine_up{machine=\"relay\"} 1\n"), answer.constData());
        QVERIFY(answer.contains("hb_machine_up{machine=\"batch\"} 0\n"));
        monitor.stop();
    }

    // Plain pushes are answered by the connection's guard before Qt's request parser; the
    // answer must be byte for byte the route's. A push behind another request on the same write
    // goes through Qt's parser and the route, so each case is sent both ways and compared.
    void earlyPushesAnswerAsTheRouteDoes_data()
    {
        QTest::addColumn<QByteArray>("request"); // "TOKEN" stands for relay's token
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("early"); // answered before Qt's parser
        const QByteArray head = " HTTP/1.1\r\nHost: 127.0.0.1:8089\r\n";
        const QByteArray report = R"({"cpu":0.42,"memory":61.5})";
        QTest::newRow("ok, POST with a report")
            << "POST /api/v1/machines/relay/heartbeat" + head + "Authorization: Bearer TOKEN\r\n"
                   "Content-Type: application/json\r\nContent-Length: " +
                   QByteArray::number(report.size()) + "\r\n\r\n" + report
            << 200 << true;
        QTest::newRow("ok, GET with ?token=")
            << "GET /api/v1/machines/relay/heartbeat?x=1&token=TOKEN" + head + "\r\n" << 200
            << true;
        QTest::newRow("ok, start") << "POST /api/v1/machines/relay/start" + head +
                                          "authorization: bearer TOKEN\r\nContent-Length: 0\r\n\r\n"
                                   << 200 << true;
        QTest::newRow("unknown machine")
            << "POST /api/v1/machines/nobody/heartbeat" + head +
                   "Authorization: Bearer TOKEN\r\n\r\n"
            << 404 << true;
        QTest::newRow("wrong token") << "POST /api/v1/machines/relay/heartbeat" + head +
                                            "Authorization: Bearer hbm_nope\r\n\r\n"
                                     << 401 << true;
        QTest::newRow("no token")
            << "GET /api/v1/machines/relay/heartbeat" + head + "\r\n" << 401 << true;
        QTest::newRow("the header wins over the query")
            << "GET /api/v1/machines/relay/heartbeat?token=TOKEN" + head +
                   "Authorization: Bearer hbm_nope\r\n\r\n"
            << 401 << true;
        QTest::newRow("malformed body")
            << "POST /api/v1/machines/relay/heartbeat" + head +
                   "Authorization: Bearer TOKEN\r\nContent-Length: 11\r\n\r\n{\"cpu\": -1}"
            << 400 << true;
        QTest::newRow("bad body before a bad token")
            << "POST /api/v1/machines/nobody/fail" + head + "Content-Length: 5\r\n\r\n[1,2]" << 400
            << true;
        QTest::newRow("Connection: close")
            << "POST /api/v1/machines/relay/heartbeat" + head +
                   "Authorization: Bearer TOKEN\r\nConnection: keep-alive, Close\r\n\r\n"
            << 200 << true;
        QTest::newRow("HTTP/1.0")
            << QByteArray("GET /api/v1/machines/relay/heartbeat?token=TOKEN HTTP/1.0\r\n\r\n")
            << 200 << true;
        // Not plain pushes: Qt's parser reads them, as before.
        QTest::newRow("percent-encoded name")
            << "POST /api/v1/machines/rel%61y/heartbeat" + head +
                   "Authorization: Bearer TOKEN\r\n\r\n"
            << 200 << false;
        // (Qt's parser drops every header of such a request: no token, so 401.)
        QTest::newRow("a header line without a colon")
            << "POST /api/v1/machines/relay/heartbeat" + head +
                   "Authorization: Bearer TOKEN\r\nX-Odd\r\n\r\n"
            << 401 << false;
        QTest::newRow("bare LF line ends")
            << QByteArray("GET /api/v1/machines/relay/heartbeat?token=TOKEN HTTP/1.1\nHost: x\n\n")
            << 200 << false;
    }

    void earlyPushesAnswerAsTheRouteDoes()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(bool, early);
        MachineRig rig;
        QVERIFY(rig.start());
        request.replace("TOKEN", rig.relayToken);
        const QByteArray first = "GET /api/v1/nope HTTP/1.1\r\nHost: x\r\n\r\n";

        // Alone on a connection: the guard answers it (when it is a plain push).
        const quint64 before = rig.server->earlyPushes();
        QTcpSocket alone;
        alone.connectToHost(QHostAddress::LocalHost, rig.port);
        QVERIFY(alone.waitForConnected(3000));
        alone.write(request);
        const QByteArrayList fast = readAnswers(alone, 1);
        QCOMPARE(fast.size(), 1);
        QCOMPARE(rig.server->earlyPushes() - before, quint64(early ? 1 : 0));
        QVERIFY2(fast.first().startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
                 fast.first().constData());
        const bool close = request.toLower().contains("connection: keep-alive, close");
        QCOMPARE(fast.first().contains("\r\nConnection: close\r\n"), close);
        QCOMPARE(closedByServer(alone, close ? 3000 : 300), close);

        // Behind another request in the same write: Qt's parser and the route answer it.
        QTcpSocket behind;
        behind.connectToHost(QHostAddress::LocalHost, rig.port);
        QVERIFY(behind.waitForConnected(3000));
        behind.write(first + request);
        const QByteArrayList slow = readAnswers(behind, 2);
        QCOMPARE(slow.size(), 2);
        QVERIFY2(slow.first().startsWith("HTTP/1.1 404 "), slow.first().constData());
        QCOMPARE(rig.server->earlyPushes() - before, quint64(early ? 1 : 0));
        QCOMPARE(fast.first(), slow.at(1));
    }

    // Over 64 KiB is still refused on the Content-Length, before the body, and the connection
    // closed: by the guard, never by an early answer.
    void anOversizePushIsRefusedOnItsLength()
    {
        MachineRig rig;
        QVERIFY(rig.start());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, rig.port);
        QVERIFY(socket.waitForConnected(3000));
        socket.write("POST /api/v1/machines/relay/heartbeat HTTP/1.1\r\nHost: x\r\n"
                     "Authorization: Bearer " + rig.relayToken +
                     "\r\nContent-Length: 65537\r\n\r\n");
        const QByteArrayList answers = readAnswers(socket, 1);
        QCOMPARE(answers.size(), 1);
        QVERIFY2(answers.first().startsWith("HTTP/1.1 413 "), answers.first().constData());
        QVERIFY(answers.first().contains("payload_too_large"));
        QVERIFY(closedByServer(socket));
        QCOMPARE(rig.server->earlyPushes(), quint64(0));
        QCOMPARE(rig.lastSeen(), qint64(0));
    }

    // A push whose bytes come in several writes is answered once, whole.
    void aPushSplitAcrossWritesIsAnsweredOnce()
    {
        MachineRig rig;
        QVERIFY(rig.start());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, rig.port);
        QVERIFY(socket.waitForConnected(3000));
        writeApart(socket, {"POST /api/v1/machines/relay/heartbeat HTTP/1.1\r\nHo",
                            "st: x\r\nAuthorization: Bearer " + rig.relayToken +
                                "\r\nContent-Length: 27\r\n",
                            "\r\n{\"cpu\":0.5,", "\"version\":\"2.1\"}"});
        const QByteArrayList answers = readAnswers(socket, 2, 1000); // a second would be wrong
        QCOMPARE(answers.size(), 1);
        QVERIFY2(answers.first().startsWith("HTTP/1.1 200 "), answers.first().constData());
        QCOMPARE(rig.report().version, QStringLiteral("2.1"));
        // The connection goes on: the next push, in one write, is answered early.
        socket.write("GET /api/v1/machines/relay/heartbeat?token=" + rig.relayToken +
                     " HTTP/1.1\r\n\r\n");
        QCOMPARE(readAnswers(socket, 1).value(0).left(13), QByteArray("HTTP/1.1 200 "));
        QCOMPARE(rig.server->earlyPushes(), quint64(1));
    }

    // Pipelined requests are answered in their order, whichever way each is read: early pushes
    // at the front, then what Qt's parser reads (a push behind a non-push included), then early
    // again on the next write.
    void pipelinedRequestsAreAnsweredInOrder()
    {
        MachineRig rig;
        QVERIFY(rig.start());
        auto push = [&](const QByteArray &machine, const QByteArray &kind) -> QByteArray {
            return "POST /api/v1/machines/" + machine + '/' + kind +
                   " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + rig.relayToken +
                   "\r\nContent-Length: 0\r\n\r\n";
        };
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, rig.port);
        QVERIFY(socket.waitForConnected(3000));

        // Pushes only: all early, in order (a fail, then a heartbeat: up at the end).
        socket.write(push("relay", "fail") + push("nobody", "heartbeat") + "\r\n" +
                     push("relay", "heartbeat"));
        QByteArrayList answers = readAnswers(socket, 3);
        QCOMPARE(answers.size(), 3);
        QVERIFY(answers.at(0).startsWith("HTTP/1.1 200 "));
        QVERIFY2(answers.at(1).startsWith("HTTP/1.1 404 "), answers.at(1).constData());
        QVERIFY(answers.at(1).contains("no_such_machine"));
        QVERIFY(answers.at(2).startsWith("HTTP/1.1 200 "));
        QCOMPARE(rig.server->earlyPushes(), quint64(3));
        QCOMPARE(rig.state(), QStringLiteral("up"));

        // A push, a normal GET, then pushes behind it, in one write.
        socket.write(push("relay", "heartbeat") + "GET /api/v1/nope HTTP/1.1\r\nHost: x\r\n\r\n" +
                     push("relay", "fail") + push("nobody", "start") +
                     "GET /api/v1/machines HTTP/1.1\r\nHost: x\r\n\r\n" +
                     push("relay", "heartbeat"));
        answers = readAnswers(socket, 6);
        QCOMPARE(answers.size(), 6);
        QVERIFY(answers.at(0).startsWith("HTTP/1.1 200 "));
        QVERIFY2(answers.at(1).contains("no such endpoint: /api/v1/nope"), answers.at(1).constData());
        QVERIFY(answers.at(2).startsWith("HTTP/1.1 200 "));
        QVERIFY(answers.at(3).contains("no_such_machine"));
        QVERIFY2(answers.at(4).startsWith("HTTP/1.1 401 "), answers.at(4).constData()); // no API token
        QVERIFY(answers.at(5).startsWith("HTTP/1.1 200 "));
        QCOMPARE(rig.server->earlyPushes(), quint64(4)); // only the first of these
        QCOMPARE(rig.state(), QStringLiteral("up"));

        // The connection is back to early answers on its next write.
        socket.write(push("relay", "fail"));
        QCOMPARE(readAnswers(socket, 1).value(0).left(13), QByteArray("HTTP/1.1 200 "));
        QCOMPARE(rig.server->earlyPushes(), quint64(5));
        QCOMPARE(rig.state(), QStringLiteral("down"));

        // After an answer with Connection: close nothing more is taken.
        socket.write(push("relay", "heartbeat").replace("Host: x\r\n", "Connection: close\r\n") +
                     push("relay", "fail"));
        answers = readAnswers(socket, 2, 1000);
        QCOMPARE(answers.size(), 1);
        QVERIFY(closedByServer(socket));
        QCOMPARE(rig.state(), QStringLiteral("up"));
    }

    void theSnapshotComesDeflatedToClientsThatTakeIt()
    {
        QCOMPARE(http::acceptsEncoding("gzip, deflate", "deflate"), true);
        QCOMPARE(http::acceptsEncoding("GZIP ,  Deflate;q=0.5", "deflate"), true);
        QCOMPARE(http::acceptsEncoding("deflate;q=0", "deflate"), false);
        QCOMPARE(http::acceptsEncoding("*", "deflate"), true);
        QCOMPARE(http::acceptsEncoding("*, deflate;q=0", "deflate"), false);
        QCOMPARE(http::acceptsEncoding("gzip, identity", "deflate"), false);
        QCOMPARE(http::acceptsEncoding("", "deflate"), false);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TokenStore tokens(dir.path());
        QString error;
        const auto secret = tokens.create(QStringLiteral("wall"), Role::Viewer, &error);
        QVERIFY2(secret, qPrintable(error));
        ApiServerOptions options = loopbackOptions(dir);
        ApiServer server(options, nullptr);
        const quint16 port = server.listenOn(&error);
        QVERIFY2(port != 0, qPrintable(error));
        EngineState state;
        state.takenAtMs = 1'700'000'000'000;
        for (int i = 0; i < 200; ++i)
            state.recentAudit.append({1'700'000'000'000 + i, QStringLiteral("admin"),
                                      QStringLiteral("config_changed"), QString(100, u'x')});
        server.onSnapshot(EngineSnapshot(state));

        const QByteArray ask =
            "GET /api/v1/snapshot HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + *secret + "\r\n";
        const auto bodyOf = [](const QByteArray &answer) {
            return answer.mid(answer.indexOf("\r\n\r\n") + 4);
        };
        const QByteArray plain = exchange(port, ask + "\r\n");
        QVERIFY2(plain.startsWith("HTTP/1.1 200"), plain.left(200).constData());
        QVERIFY(!plain.toLower().contains("content-encoding"));
        QVERIFY(plain.contains("Vary: Accept-Encoding\r\n"));
        const QJsonObject json = jsonOf(plain);
        QCOMPARE(json::toState(json, &error).has_value(), true);

        const QByteArray packed = exchange(port, ask + "Accept-Encoding: gzip, deflate\r\n\r\n");
        QVERIFY2(packed.startsWith("HTTP/1.1 200"), packed.left(200).constData());
        QVERIFY(packed.contains("Content-Encoding: deflate\r\n"));
        QVERIFY(bodyOf(packed).size() * 4 < bodyOf(plain).size());
        // A zlib stream: qUncompress wants the length in front of it.
        QByteArray sized(4, 0);
        qToBigEndian(quint32(bodyOf(plain).size()), sized.data());
        QCOMPARE(qUncompress(sized + bodyOf(packed)), bodyOf(plain));
        // Refused by q=0: plain.
        QCOMPARE(bodyOf(exchange(port, ask + "Accept-Encoding: deflate;q=0\r\n\r\n")),
                 bodyOf(plain));

        // QNetworkAccessManager asks for it by itself and hands over the JSON.
        QNetworkAccessManager nam;
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/snapshot").arg(port)));
        request.setRawHeader("Authorization", "Bearer " + *secret);
        QNetworkReply *reply = nam.get(request);
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->rawHeader("Content-Encoding"), QByteArray("deflate"));
        QCOMPARE(reply->readAll(), bodyOf(plain));
        delete reply;
    }

    void everyAnswerSaysItsApiVersion()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TokenStore tokens(dir.path());
        QString error;
        const auto secret = tokens.create(QStringLiteral("wall"), Role::Viewer, &error);
        QVERIFY2(secret, qPrintable(error));
        ApiServer server(loopbackOptions(dir), nullptr);
        const quint16 port = server.listenOn(&error);
        QVERIFY2(port != 0, qPrintable(error));
        const QByteArray token = "Authorization: Bearer " + *secret + "\r\n";
        const QByteArrayList requests{
            "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",                 // 503 starting
            "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n",                 // 200
            "GET /api/v1/snapshot HTTP/1.1\r\nHost: x\r\n\r\n",         // 401
            "GET /api/v1/nope HTTP/1.1\r\nHost: x\r\n" + token + "\r\n", // 404
            "GET /api/v1/ticks?limit=0 HTTP/1.1\r\nHost: x\r\n" + token + "\r\n", // 400
            "GET /x HTTP/1.1\r\nHost: x\r\nX: " + QByteArray(20'000, 'a') + "\r\n\r\n", // 431
        };
        for (const QByteArray &request : requests) {
            const QByteArray answer = exchange(port, request);
            QVERIFY2(answer.startsWith("HTTP/1.1 "), request.left(60).constData());
            const QByteArray head = answer.left(answer.indexOf("\r\n\r\n") + 2);
            QVERIFY2(head.contains("\r\nHeartbeat-Api-Version: 1\r\n"), head.constData());
        }
        // The event stream's head, before any event.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(3000));
        socket.write("GET /api/v1/events HTTP/1.1\r\nHost: x\r\n" + token + "\r\n");
        QByteArray head;
        QVERIFY(QTest::qWaitFor(
            [&] {
                socket.waitForReadyRead(5);
                head += socket.readAll();
                return head.contains("\r\n\r\n");
            },
            5000));
        QVERIFY2(head.startsWith("HTTP/1.1 200"), head.constData());
        QVERIFY2(head.left(head.indexOf("\r\n\r\n") + 2).contains("\r\nHeartbeat-Api-Version: 1\r\n"),
                 head.constData());
    }

    void everyRouteIsDocumentedAndEveryDocumentedRouteServed()
    {
        QFile file(QStringLiteral(HB_SOURCE_DIR "/docs/openapi.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QJsonParseError parseError;
        const QJsonObject spec = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError,
                 qPrintable(parseError.errorString()));
        QVERIFY(spec.value(QStringLiteral("openapi")).toString().startsWith(u"3."));

        QSet<QString> documented;
        const QJsonObject paths = spec.value(QStringLiteral("paths")).toObject();
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const QJsonObject operations = it.value().toObject();
            for (auto op = operations.begin(); op != operations.end(); ++op) {
                if (op.key() == u"parameters")
                    continue;
                documented.insert(op.key().toUpper() + u' ' + it.key());
                const QJsonObject responses =
                    op.value().toObject().value(QStringLiteral("responses")).toObject();
                QVERIFY2(!responses.isEmpty(), qPrintable(op.key() + u' ' + it.key()));
            }
        }
        QSet<QString> served;
        for (const ApiServer::RouteInfo &route : ApiServer::routes())
            served.insert(QString::fromLatin1(route.method) + u' ' + route.path);
        const QSet<QString> undocumented = served - documented;
        const QSet<QString> unserved = documented - served;
        QVERIFY2(undocumented.isEmpty(),
                 qPrintable(QStringList(undocumented.values()).join(u", ")));
        QVERIFY2(unserved.isEmpty(), qPrintable(QStringList(unserved.values()).join(u", ")));
    }
};

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_apiserver.moc"
