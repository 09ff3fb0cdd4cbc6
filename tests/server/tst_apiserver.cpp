// The API server in-process (server/apiserver.h): a slow event-stream client is dropped rather than
// buffered without bound, and every route the server answers is in docs/openapi.json and back.
#include "apiserver.h"
#include "machines/machinemonitor.h"
#include "machines/machineregistry.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>

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

QJsonObject jsonOf(const QByteArray &answer)
{
    return QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
}

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

        ApiServerOptions options;
        options.listen = {QStringLiteral("127.0.0.1"), 0};
        options.dataDir = dir.path();
        options.metricsPath = dir.filePath(QStringLiteral("metrics.db"));
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
        ApiServerOptions options;
        options.listen = {QStringLiteral("127.0.0.1"), 0};
        options.dataDir = dir.path();
        options.metricsPath = dir.filePath(QStringLiteral("metrics.db"));
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
        ApiServerOptions options;
        options.listen = {QStringLiteral("127.0.0.1"), 0};
        options.dataDir = dir.path();
        options.metricsPath = dir.filePath(QStringLiteral("metrics.db"));
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
