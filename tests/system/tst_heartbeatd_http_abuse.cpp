// Bad input to the HTTP API of a real heartbeatd (docs/api.md, "Limits"): each answered with its
// status and a JSON error, none crashing the process or holding up other clients.
#include "httptestutil.h"

using namespace hb;
using namespace hb::test;

class TestHeartbeatdHttpAbuse : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data;
    ServingDaemon m_server;
    std::unique_ptr<HttpClient> m_http;
    QByteArray m_admin;

    void stillServes()
    {
        QElapsedTimer timer;
        timer.start();
        const HttpReply r = m_http->get(u"/healthz"_s, m_admin);
        QVERIFY2(r.status == 200 || r.status == 503, qPrintable(r.describe()));
        QVERIFY2(timer.elapsed() < 2000, "another client's request was held up");
        QCOMPARE(m_server.process()->state(), QProcess::Running);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(u"data"_s);
        QVERIFY(m_server.daemon().init());
        QVERIFY(m_server.daemon().createDataDir(m_data));
        // A short request timeout, so the slow client's case takes a second, not ten.
        QFile file(m_data + u"/config.json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonObject http = config.value(u"http"_s).toObject();
        http.insert(u"request_timeout_ms"_s, 1000);
        http.insert(u"metrics_requires_token"_s, true);
        http.insert(u"healthz_requires_token"_s, true);
        config.insert(u"http"_s, http);
        QVERIFY(writeFile(m_data + u"/config.json"_s, QJsonDocument(config).toJson()));
        m_admin = m_server.createToken(m_data, u"admin"_s, u"admin"_s);
        QVERIFY(!m_admin.isEmpty());
        QVERIFY(m_server.start(m_data, {u"--tick-ms"_s, u"200"_s}));
        m_http = std::make_unique<HttpClient>(m_server.url());
    }

    void malformedJsonIs400()
    {
        const HttpReply r = m_http->post(u"/api/v1/pause"_s, m_admin, "{\"reason\": ");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"error"_s).toString(), u"bad_body"_s);
        QVERIFY(!r.json().value(u"message"_s).toString().isEmpty());
        const HttpReply wrongType = m_http->post(u"/api/v1/maintenance"_s, m_admin, R"({"on":"yes"})");
        QCOMPARE(wrongType.status, 400);
        QVERIFY2(wrongType.json().value(u"message"_s).toString().contains(u"on"_s), wrongType.body.constData());
        stillServes();
    }

    void tenMegabyteBodyIs413BeforeItIsRead()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server.port());
        QVERIFY(socket.waitForConnected(3000));
        socket.write("PUT /api/v1/config HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_admin
                     + "\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n");
        socket.write(QByteArray(64 * 1024, 'x'));
        QByteArray answer;
        QVERIFY(QTest::qWaitFor([&] {
            socket.waitForReadyRead(100);
            answer += socket.readAll();
            return answer.contains("\r\n\r\n{");
        }, 5000));
        QCOMPARE(statusOf(answer), 413);
        QVERIFY(answer.contains("payload_too_large"));
        stillServes();
    }

    void headerFloodIs431()
    {
        QByteArray flood = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 2000; ++i)
            flood += "X-Flood-" + QByteArray::number(i) + ": " + QByteArray(100, 'a') + "\r\n";
        flood += "\r\n";
        const QByteArray answer = rawExchange(m_server.port(), flood);
        QCOMPARE(statusOf(answer), 431);
        QCOMPARE(bodyOf(answer).value(u"error"_s).toString(), u"headers_too_large"_s);
        stillServes();
    }

    void aSlowClientIsClosedAndHoldsUpNobody()
    {
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, m_server.port());
        QVERIFY(slow.waitForConnected(3000));
        slow.write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        QVERIFY(slow.waitForBytesWritten(1000));
        stillServes();
        QByteArray answer;
        QVERIFY(QTest::qWaitFor([&] {
            slow.waitForReadyRead(100);
            answer += slow.readAll();
            return slow.state() == QAbstractSocket::UnconnectedState;
        }, 6000));
        QCOMPARE(statusOf(answer), 408);
        stillServes();
    }

    void foldedHeadersAreRefused()
    {
        const QByteArray answer = rawExchange(m_server.port(),
            "POST /api/v1/resume HTTP/1.1\r\nHost: x\r\nX-A: b\r\n Content-Length: 100000\r\n\r\n");
        QCOMPARE(statusOf(answer), 400);
        stillServes();
    }

    void aSilentConnectionIsClosed()
    {
        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, m_server.port());
        QVERIFY(silent.waitForConnected(3000));
        // request_timeout_ms is 1 s here: a connection that never sends is not kept for minutes.
        QVERIFY(QTest::qWaitFor([&] {
            silent.waitForReadyRead(100);
            return silent.state() == QAbstractSocket::UnconnectedState;
        }, 5000));
        stillServes();
    }

    void chunkedBodiesAreRefused()
    {
        const QByteArray answer = rawExchange(m_server.port(),
            "POST /api/v1/resume HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        QCOMPARE(statusOf(answer), 411);
        stillServes();
    }

    void healthAndMetricsCanRequireAToken()
    {
        QCOMPARE(m_http->get(u"/healthz"_s).status, 401);
        QCOMPARE(m_http->get(u"/metrics"_s).status, 401);
        QCOMPARE(m_http->get(u"/metrics"_s, "hb_wrong").status, 401);
        const HttpReply r = m_http->get(u"/metrics"_s, m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("hb_ticks_total"));
        const int health = m_http->get(u"/healthz"_s, m_admin).status;
        QVERIFY(health == 200 || health == 503);
    }

    void pipelinedRequestsAreEachAnswered()
    {
        const QByteArray answer = rawExchange(m_server.port(),
            "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
            "GET /metrics HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_admin
            + "\r\nConnection: close\r\n\r\n", 5000, true);
        QCOMPARE(answer.count("HTTP/1.1 "), 3);
        QVERIFY(answer.contains("HTTP/1.1 404"));
        QVERIFY(answer.contains("hb_ticks_total"));
    }

    void garbageIsNotAnHttpRequest()
    {
        rawExchange(m_server.port(), QByteArray(4096, '\0') + "\r\n\r\n", 1500);
        rawExchange(m_server.port(), "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 1500); // TLS hello
        stillServes();
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHeartbeatdHttpAbuse)
#include "tst_heartbeatd_http_abuse.moc"
