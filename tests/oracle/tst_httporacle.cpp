// The HTTP oracle against real local servers on 127.0.0.1 (random ports), one per fault a feed
// can have. fetch() runs on a QThreadPool thread, as the price task runs it; the servers live
// on the test thread, whose event loop keeps turning while the test waits for the fetch.

#include "core/clock.h"
#include "oracle/httporacle.h"
#include "oracle/pricedocument.h"

#include "testsupport.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QNetworkProxyFactory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kNow = 1'700'000'000'000;
constexpr qint64 kMaxBody = 1024;
const QStringList kGrains{u"rice"_s, u"corn"_s, u"wheat"_s};

QByteArray goodDocument()
{
    return priceDocument({{u"rice"_s, 14'500, kNow - 5'000, u"bapanas"_s},
                          {u"corn"_s, 5'800, kNow - 5'000, {}},
                          {u"wheat"_s, 5'200, kNow - 5'000, {}}});
}

// Valid JSON, too big for kMaxBody: only the size limit can refuse it.
QByteArray paddedDocument()
{
    QByteArray document = goodDocument();
    document.append(QByteArray(4 * kMaxBody, ' '));
    return document;
}

QByteArray header(qint64 contentLength)
{
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    if (contentLength >= 0)
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    else
        head += "Connection: close\r\n";
    return head + "\r\n";
}

// A hand-written HTTP/1.1 server for the faults QHttpServer will not produce: a body shorter
// than its Content-Length, a body without a length, an answer that never comes.
class RawServer : public QObject
{
public:
    enum class Behaviour {
        Stall,     // accepts, reads the request, never answers
        Truncate,  // promises the whole document, sends half, closes
        SlowBody,  // promises the whole document, sends 20 bytes, stalls
        Unbounded, // no Content-Length: streams a too-large document until it closes
        Good,      // the whole document (over TLS in the TLS test)
    };

    explicit RawServer(Behaviour behaviour, QTcpServer *server = nullptr)
        : m_behaviour(behaviour)
        , m_server(server ? server : new QTcpServer)
    {
        m_server->setParent(this);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &RawServer::accept);
        m_server->listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server->serverPort(); }
    int connections() const { return m_connections; }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            ++m_connections;
            socket->setParent(this); // kept open (Stall) until the server goes
            auto request = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, request] {
                request->append(socket->readAll());
                if (request->contains("\r\n\r\n")) {
                    request->clear();
                    answer(socket);
                }
            });
        }
    }

    void answer(QTcpSocket *socket)
    {
        const QByteArray document = goodDocument();
        switch (m_behaviour) {
        case Behaviour::Stall:
            return;
        case Behaviour::Truncate:
            socket->write(header(document.size()) + document.left(document.size() / 2));
            socket->disconnectFromHost();
            return;
        case Behaviour::SlowBody:
            socket->write(header(document.size()) + document.left(20));
            return;
        case Behaviour::Unbounded:
            socket->write(header(-1) + paddedDocument());
            socket->disconnectFromHost();
            return;
        case Behaviour::Good:
            socket->write(header(document.size()) + document);
            return;
        }
    }

    const Behaviour m_behaviour;
    QTcpServer *m_server;
    int m_connections = 0;
};

// A self-signed certificate (CN heartbeat-test.invalid, valid until 2126) and its key. No
// client trusts it and it does not name 127.0.0.1: a fetch must fail on both counts.
const char kCertificate[] = R"(-----BEGIN CERTIFICATE-----
MIIBmTCCAT+gAwIBAgIUNnEPuKB3WRtn0Z6tA9zEixn6HFwwCgYIKoZIzj0EAwIw
ITEfMB0GA1UEAwwWaGVhcnRiZWF0LXRlc3QuaW52YWxpZDAgFw0yNjExMjMxOTA3
MDBaGA8yMTI2MTAzMDE5MDcwMFowITEfMB0GA1UEAwwWaGVhcnRiZWF0LXRlc3Qu
aW52YWxpZDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABLHUYXRcKhcC+7nuaahJ
R9awHRo5IB4vC0gBq2C/cbVb2dSA8pxBc4yqkXf73q7re+0cRH+kbc7vdSXFkyD8
OhajUzBRMB0GA1UdDgQWBBT97AjyEVGr3OeFNVWUqGTz6AHsszAfBgNVHSMEGDAW
gBT97AjyEVGr3OeFNVWUqGTz6AHsszAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49
BAMCA0gAMEUCIH7s7cZABuNQL20evE+lzYW0sJ66Tv4HUe8PhjhCY+IKAiEA7Lgs
6kjH9LbABLsJA4SQDrJVLiHSNN4mZT2nLvxonxQ=
-----END CERTIFICATE-----
)";
const char kPrivateKey[] = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgeqzDsQ4Am3Kf1Z//
waa3pUdH5L5cCL6tcm8nYAZXDTahRANCAASx1GF0XCoXAvu57mmoSUfWsB0aOSAe
LwtIAatgv3G1W9nUgPKcQXOMqpF3+96u63vtHER/pG3O73UlxZMg/DoW
-----END PRIVATE KEY-----
)";

using SteadyClock = std::chrono::steady_clock;

struct Fetched
{
    OracleResult result;
    qint64 wallMs = 0;                // from the start of the fetch until it returned
    SteadyClock::time_point returned; // on the fetching thread, before the test thread wakes
};

} // namespace

class TestHttpOracle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void good();
    void someQuotesBad();
    void httpStatus_data();
    void httpStatus();
    void redirectNotFollowed();
    void malformedJson();
    void truncatedBody();
    void declaredTooLarge();
    void undeclaredTooLarge();
    void noAnswerTimesOut();
    void stalledBodyTimesOut();
    void cancelWhileWaiting();
    void cancelledBeforeStart();
    void unreachable();
    void tlsErrorsAreErrors();

private:
    QString url(const QString &path) const
    {
        return u"http://127.0.0.1:"_s + QString::number(m_port) + path;
    }
    HttpOracle oracle(const QString &url, qint64 timeoutMs = 5'000) const
    {
        return HttpOracle(QUrl(url), timeoutMs, kMaxBody, std::make_shared<FakeClock>(kNow));
    }
    Fetched fetchOnPool(OracleSource &source, const std::atomic_bool &cancelled);

    QHttpServer m_http;
    quint16 m_port = 0;
    int m_goodHits = 0;
};

Fetched TestHttpOracle::fetchOnPool(OracleSource &source, const std::atomic_bool &cancelled)
{
    Fetched fetched;
    std::atomic_bool done{false};
    QThreadPool pool;
    QElapsedTimer wall;
    wall.start();
    pool.start([&] {
        fetched.result = source.fetch(kGrains, cancelled);
        fetched.wallMs = wall.elapsed();
        fetched.returned = SteadyClock::now();
        done = true;
    });
    // The servers answer from this thread's event loop while the fetch waits on its own.
    if (!QTest::qWaitFor([&] { return done.load(); }, 20'000))
        qFatal("fetch did not return within 20 s");
    pool.waitForDone();
    return fetched;
}

void TestHttpOracle::initTestCase()
{
    // A proxy from the environment (CI) must not stand between the oracle and 127.0.0.1.
    QNetworkProxyFactory::setUseSystemConfiguration(false);

    m_http.route(u"/good"_s, [this] {
        ++m_goodHits;
        return QHttpServerResponse("application/json", goodDocument());
    });
    m_http.route(u"/some-bad"_s, [] {
        return QHttpServerResponse("application/json",
                                   priceDocument({{u"rice"_s, 14'500, kNow - 5'000, {}},
                                                  {u"corn"_s, -3, kNow - 5'000, {}},
                                                  {u"wheat"_s, 5'200, kNow - 5'000, {}}}));
    });
    m_http.route(u"/error"_s, [] {
        return QHttpServerResponse("application/json", R"({"error": "database down"})",
                                   QHttpServerResponse::StatusCode::InternalServerError);
    });
    m_http.route(u"/error-page"_s, [] {
        return QHttpServerResponse("text/html", QByteArray(64 * kMaxBody, 'x'),
                                   QHttpServerResponse::StatusCode::BadGateway);
    });
    m_http.route(u"/busy"_s, [] {
        return QHttpServerResponse(QHttpServerResponse::StatusCode::ServiceUnavailable);
    });
    m_http.route(u"/moved"_s, [this] {
        QHttpServerResponse response(QHttpServerResponse::StatusCode::Found);
        response.setHeader("Location", url(u"/good"_s).toUtf8());
        return response;
    });
    m_http.route(u"/malformed"_s, [] {
        return QHttpServerResponse("application/json", R"({"prices": [{"commodity": "rice", )");
    });
    m_http.route(u"/huge"_s,
                 [] { return QHttpServerResponse("application/json", paddedDocument()); });
    m_port = m_http.listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void TestHttpOracle::good()
{
    HttpOracle source = oracle(url(u"/good"_s));
    std::atomic_bool cancelled{false};
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY2(f.result.ok(), qPrintable(f.result.summary()));
    QCOMPARE(f.result.quotes.size(), qsizetype(3));
    QCOMPARE(f.result.quote(u"rice"_s)->price, 14'500.0);
    QCOMPARE(f.result.quote(u"rice"_s)->source, u"bapanas"_s);
    QCOMPARE(f.result.quote(u"corn"_s)->source, url(u"/good"_s)); // the feed's name
    QVERIFY(f.result.latencyMs >= 0 && f.result.latencyMs <= f.wallMs);
    QVERIFY(m_goodHits > 0);
}

void TestHttpOracle::someQuotesBad()
{
    HttpOracle source = oracle(url(u"/some-bad"_s));
    std::atomic_bool cancelled{false};
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY(f.result.error.isEmpty());
    QCOMPARE(f.result.quotes.size(), qsizetype(2));
    QCOMPARE(f.result.errors.size(), qsizetype(1));
    QCOMPARE(f.result.errors.first().message, u"corn: price -3 is not positive"_s);
}

void TestHttpOracle::httpStatus_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("500") << u"/error"_s << u"HTTP 500 Internal Server Error"_s;
    QTest::newRow("503") << u"/busy"_s << u"HTTP 503 Service Unavailable"_s;
    QTest::newRow("404") << u"/no-such-route"_s << u"HTTP 404 Not Found"_s;
    // A big error page is not read to its end either.
    QTest::newRow("502 with 64 KiB") << u"/error-page"_s << u"HTTP 502 Bad Gateway"_s;
}

void TestHttpOracle::httpStatus()
{
    QFETCH(QString, path);
    QFETCH(QString, errorContains);
    HttpOracle source = oracle(url(path));
    std::atomic_bool cancelled{false};
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY(!f.result.ok());
    QCOMPARE(f.result.error, url(path) + u": " + errorContains);
    QVERIFY(f.result.quotes.isEmpty());
}

void TestHttpOracle::redirectNotFollowed()
{
    HttpOracle source = oracle(url(u"/moved"_s));
    std::atomic_bool cancelled{false};
    m_goodHits = 0;
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY(!f.result.ok());
    QVERIFY2(
        f.result.error.contains(u"HTTP 302: redirect to "_s + url(u"/good"_s) + u" not followed"),
        qPrintable(f.result.error));
    QVERIFY(f.result.quotes.isEmpty());
    QCOMPARE(m_goodHits, 0); // the target was never asked
}

void TestHttpOracle::malformedJson()
{
    HttpOracle source = oracle(url(u"/malformed"_s));
    std::atomic_bool cancelled{false};
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY2(f.result.error.startsWith(url(u"/malformed"_s) + u": not valid JSON"),
             qPrintable(f.result.error));
    QVERIFY(f.result.quotes.isEmpty());
}

void TestHttpOracle::truncatedBody()
{
    RawServer server(RawServer::Behaviour::Truncate);
    HttpOracle source = oracle(u"http://127.0.0.1:%1/prices"_s.arg(server.port()));
    std::atomic_bool cancelled{false};
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY(!f.result.ok());
    const qsizetype size = goodDocument().size();
    QVERIFY2(f.result.error.contains(
                 u"the response was truncated (%1 of %2 bytes)"_s.arg(size / 2).arg(size)),
             qPrintable(f.result.error));
    QVERIFY(f.result.quotes.isEmpty());
    QCOMPARE(server.connections(), 1);
}

void TestHttpOracle::declaredTooLarge()
{
    HttpOracle source = oracle(url(u"/huge"_s));
    std::atomic_bool cancelled{false};
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY2(f.result.error.contains(
                 u"the response of %1 bytes is larger than the limit of 1024 bytes"_s.arg(
                     paddedDocument().size())),
             qPrintable(f.result.error));
    QVERIFY(f.result.quotes.isEmpty());
}

void TestHttpOracle::undeclaredTooLarge()
{
    RawServer server(RawServer::Behaviour::Unbounded);
    HttpOracle source = oracle(u"http://127.0.0.1:%1/prices"_s.arg(server.port()));
    std::atomic_bool cancelled{false};
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY2(f.result.error.contains(u"the response is larger than the limit of 1024 bytes"_s),
             qPrintable(f.result.error));
    QVERIFY(f.result.quotes.isEmpty());
}

void TestHttpOracle::noAnswerTimesOut()
{
    RawServer server(RawServer::Behaviour::Stall);
    HttpOracle source = oracle(u"http://127.0.0.1:%1/prices"_s.arg(server.port()), 300);
    std::atomic_bool cancelled{false};
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY2(f.result.error.contains(u"timed out after 300 ms"_s), qPrintable(f.result.error));
    QVERIFY(!f.result.cancelled);
    QVERIFY2(f.wallMs >= 290 && f.wallMs < 1'000, qPrintable(QString::number(f.wallMs)));
    QVERIFY(f.result.latencyMs >= 290);
    QCOMPARE(server.connections(), 1);
}

void TestHttpOracle::stalledBodyTimesOut()
{
    RawServer server(RawServer::Behaviour::SlowBody);
    HttpOracle source = oracle(u"http://127.0.0.1:%1/prices"_s.arg(server.port()), 300);
    std::atomic_bool cancelled{false};
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY2(f.result.error.contains(u"timed out after 300 ms"_s), qPrintable(f.result.error));
    QVERIFY2(f.wallMs < 1'000, qPrintable(QString::number(f.wallMs)));
}

void TestHttpOracle::cancelWhileWaiting()
{
    RawServer server(RawServer::Behaviour::Stall);
    HttpOracle source = oracle(u"http://127.0.0.1:%1/prices"_s.arg(server.port()), 10'000);
    std::atomic_bool cancelled{false};
    std::optional<SteadyClock::time_point> cancelledAt;
    QTimer::singleShot(200, this, [&] {
        cancelled = true;
        cancelledAt = SteadyClock::now();
    });
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY(cancelledAt);
    const auto late =
        std::chrono::duration_cast<std::chrono::milliseconds>(f.returned - *cancelledAt).count();
    QVERIFY(f.result.cancelled);
    QCOMPARE(f.result.error, u"cancelled"_s);
    QVERIFY(f.result.quotes.isEmpty());
    // Within ~100 ms of the flag (it is polled every 25 ms); the margin is for loaded machines.
    QVERIFY2(late >= 0 && late < 200, qPrintable(QString::number(late)));
    QVERIFY2(f.wallMs < 1'000, qPrintable(QString::number(f.wallMs)));
}

void TestHttpOracle::cancelledBeforeStart()
{
    RawServer server(RawServer::Behaviour::Good);
    HttpOracle source = oracle(u"http://127.0.0.1:%1/prices"_s.arg(server.port()));
    std::atomic_bool cancelled{true};
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY(f.result.cancelled);
    QTest::qWait(50);
    QCOMPARE(server.connections(), 0);
}

void TestHttpOracle::unreachable()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port that was free a moment ago, and closed again
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    HttpOracle source = oracle(u"http://127.0.0.1:%1/prices"_s.arg(port));
    std::atomic_bool cancelled{false};
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY2(f.result.error.contains(u"request failed: "_s), qPrintable(f.result.error));
    QVERIFY2(f.result.error.contains(u"refused"_s, Qt::CaseInsensitive),
             qPrintable(f.result.error));
}

void TestHttpOracle::tlsErrorsAreErrors()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(QByteArray(kCertificate)));
    tls.setPrivateKey(QSslKey(QByteArray(kPrivateKey), QSsl::Ec));
    QVERIFY(!tls.localCertificate().isNull());
    QVERIFY(!tls.privateKey().isNull());
    auto *tlsServer = new QSslServer;
    tlsServer->setSslConfiguration(tls);
    // It would serve a good document: only refusing the certificate makes the fetch fail.
    RawServer server(RawServer::Behaviour::Good, tlsServer);
    HttpOracle source = oracle(u"https://127.0.0.1:%1/prices"_s.arg(server.port()));
    std::atomic_bool cancelled{false};
    const Fetched f = fetchOnPool(source, cancelled);
    QVERIFY(!f.result.ok());
    QVERIFY2(f.result.error.contains(u"TLS error: "_s), qPrintable(f.result.error));
    QVERIFY(f.result.quotes.isEmpty());
}

QTEST_GUILESS_MAIN(TestHttpOracle)
#include "tst_httporacle.moc"
