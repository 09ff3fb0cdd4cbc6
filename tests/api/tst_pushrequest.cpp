// The raw push reader (api/pushrequest.h): what it takes as a plain push, and what it leaves to
// the general HTTP parser - everything it cannot be sure that parser reads the same way.
#include "api/pushrequest.h"

#include <QTest>

using namespace hb;
using namespace hb::http;

Q_DECLARE_METATYPE(hb::http::PushParse)

class TestPushRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pushesAreTaken()
    {
        const QByteArray request = "POST /api/v1/machines/relay-1.eu_2/fail?a=&token=hbm_x-Y_z&"
                                   "token=second HTTP/1.1\r\nHost: [::1]:8089\r\n"
                                   "authorization:  Bearer hbm_t \r\nConnection: keep-alive , "
                                   "CLOSE\r\ncontent-length: 12\r\n\r\n{\"cpu\":0.42}";
        PushRequest push;
        const QByteArray pipelined = request + "GET / HTTP/1.1\r\n";
        QCOMPARE(parsePush(pipelined, 64 * 1024, &push), PushParse::Push);
        QCOMPARE(push.size, request.size()); // what follows is not its
        QCOMPARE(push.method, QByteArray("POST"));
        QCOMPARE(push.name, QByteArray("relay-1.eu_2"));
        QCOMPARE(push.kind, PingKind::Fail);
        QCOMPARE(push.queryToken, QByteArray("hbm_x-Y_z")); // the first, as QUrlQuery reads it
        QCOMPARE(push.authorization, QByteArray("Bearer hbm_t"));
        QCOMPARE(push.body, QByteArray("{\"cpu\":0.42}"));
        QVERIFY(push.close);

        QCOMPARE(parsePush("GET /api/v1/machines/a/start HTTP/1.0\r\n\r\n", 10, &push),
                 PushParse::Push);
        QCOMPARE(push.kind, PingKind::Start);
        QVERIFY(push.body.isEmpty() && push.queryToken.isEmpty() && !push.close);
    }

    void theRestIsLeftToTheGeneralParser_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<PushParse>("expected");
        const QByteArray line = "POST /api/v1/machines/relay/heartbeat HTTP/1.1\r\n";
        QTest::newRow("another route")
            << QByteArray("GET /healthz HTTP/1.1\r\n\r\n") << PushParse::Other;
        QTest::newRow("another method")
            << QByteArray("PUT /api/v1/machines/relay/heartbeat HTTP/1.1\r\n\r\n")
            << PushParse::Other;
        QTest::newRow("another kind")
            << QByteArray("POST /api/v1/machines/relay/beat HTTP/1.1\r\n\r\n") << PushParse::Other;
        QTest::newRow("percent-encoded name")
            << QByteArray("POST /api/v1/machines/re%6Cay/heartbeat HTTP/1.1\r\n\r\n")
            << PushParse::Other;
        QTest::newRow("dot segment")
            << QByteArray("POST /api/v1/machines/../heartbeat HTTP/1.1\r\n\r\n")
            << PushParse::Other;
        QTest::newRow("empty name")
            << QByteArray("POST /api/v1/machines//heartbeat HTTP/1.1\r\n\r\n") << PushParse::Other;
        QTest::newRow("encoded query")
            << QByteArray("GET /api/v1/machines/relay/heartbeat?token=a%2B HTTP/1.1\r\n\r\n")
            << PushParse::Other;
        QTest::newRow("absolute target")
            << QByteArray("GET http://x/api/v1/machines/relay/heartbeat HTTP/1.1\r\n\r\n")
            << PushParse::Other;
        QTest::newRow("two spaces")
            << QByteArray("GET  /api/v1/machines/relay/heartbeat HTTP/1.1\r\n\r\n")
            << PushParse::Other;
        QTest::newRow("HTTP/2") << QByteArray(
                                       "GET /api/v1/machines/relay/heartbeat HTTP/2.0\r\n\r\n")
                                << PushParse::Other;
        QTest::newRow("bare LF") << QByteArray("GET /api/v1/machines/relay/heartbeat HTTP/1.1\n\n")
                                 << PushParse::Other;
        QTest::newRow("stray CR") << line + "Host: a\rb\r\n\r\n" << PushParse::Other;
        QTest::newRow("no colon") << line + "X-Odd\r\n\r\n" << PushParse::Other;
        QTest::newRow("space before colon") << line + "Host : x\r\n\r\n" << PushParse::Other;
        QTest::newRow("folded line") << line + "X-A: 1\r\n 2\r\n\r\n" << PushParse::Other;
        QTest::newRow("chunked") << line + "Transfer-Encoding: chunked\r\n\r\n" << PushParse::Other;
        QTest::newRow("expect") << line + "Expect: 100-continue\r\n\r\n" << PushParse::Other;
        QTest::newRow("upgrade") << line + "Connection: Upgrade\r\n\r\n" << PushParse::Other;
        QTest::newRow("two lengths") << line + "Content-Length: 0\r\nContent-Length: 0\r\n\r\n"
                                     << PushParse::Other;
        QTest::newRow("signed length") << line + "Content-Length: +1\r\n\r\nx" << PushParse::Other;
        QTest::newRow("length over the limit") << line + "Content-Length: 65537\r\n\r\n"
                                               << PushParse::Other;
        QTest::newRow("two tokens")
            << line + "Authorization: Bearer a\r\nAuthorization: Bearer b\r\n\r\n"
            << PushParse::Other;
        QTest::newRow("odd host") << line + "Host: a b\r\n\r\n" << PushParse::Other;
        QTest::newRow("control character") << line + "X-A: a\x01\r\n\r\n" << PushParse::Other;
        QTest::newRow("65 headers") << line + QByteArray("X-A: 1\r\n").repeated(65) + "\r\n"
                                    << PushParse::Other;
        QTest::newRow("leading blank line") << "\r\n" + line + "\r\n" << PushParse::Other;
        QTest::newRow("nothing yet") << QByteArray() << PushParse::Incomplete;
        QTest::newRow("half a line") << QByteArray("POST /api/v1/mach") << PushParse::Incomplete;
        QTest::newRow("headers not ended") << line + "Host: x\r\n" << PushParse::Incomplete;
        QTest::newRow("body not all here")
            << line + "Content-Length: 5\r\n\r\n{}" << PushParse::Incomplete;
    }

    void theRestIsLeftToTheGeneralParser()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(PushParse, expected);
        PushRequest push;
        QCOMPARE(parsePush(bytes, 64 * 1024, &push), expected);
    }
};

QTEST_GUILESS_MAIN(TestPushRequest)
#include "tst_pushrequest.moc"
