// The API server in-process (server/apiserver.h): a slow event-stream client is dropped rather than
// buffered without bound, and every route the server answers is in docs/openapi.json and back.
#include "apiserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>

using namespace hb;

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
        slow.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(slow.waitForConnected(3000));
        int small = 4096;
        QCOMPARE(::setsockopt(int(slow.socketDescriptor()), SOL_SOCKET, SO_RCVBUF, &small, sizeof small), 0);
        slow.write("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + *secret + "\r\n\r\n");
        QVERIFY(slow.waitForBytesWritten(1000));
        QTest::qWait(200);

        // Publish far more than the kernel's buffers and the backlog limit hold.
        RecordBatch batch;
        for (int i = 0; i < 200; ++i)
            batch.executions.append({i, QStringLiteral("loan_monitoring"), 1000 + i, 5, Outcome::Success, 1,
                                     QString(40, u'e')});
        bool dropped = false;
        for (int round = 0; round < 2000 && !dropped; ++round) {
            server.onRecords(batch);
            QCoreApplication::processEvents();
            dropped = slow.state() != QAbstractSocket::ConnectedState
                      || (!slow.waitForReadyRead(0) && slow.error() == QAbstractSocket::RemoteHostClosedError);
        }
        // The server let go of the connection: the client sees it closed.
        QVERIFY(QTest::qWaitFor([&] {
            slow.waitForReadyRead(20);
            slow.readAll();
            return slow.state() != QAbstractSocket::ConnectedState;
        }, 20'000));
    }

    void everyRouteIsDocumentedAndEveryDocumentedRouteServed()
    {
        QFile file(QStringLiteral(HB_SOURCE_DIR "/docs/openapi.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QJsonParseError parseError;
        const QJsonObject spec = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        QVERIFY(spec.value(QStringLiteral("openapi")).toString().startsWith(u"3."));

        QSet<QString> documented;
        const QJsonObject paths = spec.value(QStringLiteral("paths")).toObject();
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const QJsonObject operations = it.value().toObject();
            for (auto op = operations.begin(); op != operations.end(); ++op) {
                if (op.key() == u"parameters")
                    continue;
                documented.insert(op.key().toUpper() + u' ' + it.key());
                const QJsonObject responses = op.value().toObject().value(QStringLiteral("responses")).toObject();
                QVERIFY2(!responses.isEmpty(), qPrintable(op.key() + u' ' + it.key()));
            }
        }
        QSet<QString> served;
        for (const ApiServer::RouteInfo &route : ApiServer::routes())
            served.insert(QString::fromLatin1(route.method) + u' ' + route.path);
        const QSet<QString> undocumented = served - documented;
        const QSet<QString> unserved = documented - served;
        QVERIFY2(undocumented.isEmpty(), qPrintable(QStringList(undocumented.values()).join(u", ")));
        QVERIFY2(unserved.isEmpty(), qPrintable(QStringList(unserved.values()).join(u", ")));
    }
};

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_apiserver.moc"
