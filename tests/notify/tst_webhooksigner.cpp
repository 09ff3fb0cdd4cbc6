// The Standard Webhooks signature: the specification's own example, and random keys and bodies
// checked against the openssl command line tool.

#include "core/notificationsconfig.h"
#include "notify/webhooksigner.h"
#include "opensslhmac.h"

#include <QRandomGenerator>
#include <QTest>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

class TestWebhookSigner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void specificationExample();
    void agreesWithOpenssl_data();
    void agreesWithOpenssl();
    void everyPartIsSigned();
};

void TestWebhookSigner::specificationExample()
{
    // From the Standard Webhooks specification's test vectors.
    const QByteArray key = webhookSecretKey(u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s);
    QCOMPARE(key.size(), 24);
    QCOMPARE(webhookSignature(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                              R"({"test": 2432232314})"),
             QByteArray("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
}

void TestWebhookSigner::agreesWithOpenssl_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("body");
    QRandomGenerator random(12);
    const auto bytes = [&random](int n) {
        QByteArray b(n, Qt::Uninitialized);
        for (char &c : b)
            c = char(random.bounded(256));
        return b;
    };
    QTest::newRow("24-byte key, JSON") << bytes(24) << QByteArray(R"({"type":"machine_down"})");
    QTest::newRow("64-byte key, empty body") << bytes(64) << QByteArray();
    QTest::newRow("32-byte key, UTF-8 and newlines")
        << bytes(32) << u"{\"text\":\"Mesin relay-1 mati\\n\u00e9\u20ac\"}\n"_s.toUtf8();
    QTest::newRow("32-byte key, 64 KB body") << bytes(32) << bytes(65'536).toBase64();
}

void TestWebhookSigner::agreesWithOpenssl()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, body);
    const QByteArray id = "msg_2f0c6a8e6f1b4a5c9d3e7f8a1b2c3d4e";
    const qint64 timestamp = 1'764'633'600;
    const QByteArray expected =
        opensslWebhookSignature(key, id, QByteArray::number(timestamp), body);
    QVERIFY2(!expected.isEmpty(), "openssl is needed (scripts/install-deps.sh installs it)");
    QCOMPARE(webhookSignature(key, id, timestamp, body), expected);
    // And the secret as config.json holds it decodes to that key.
    QCOMPARE(webhookSecretKey(u"whsec_"_s + QString::fromLatin1(key.toBase64())), key);
}

void TestWebhookSigner::everyPartIsSigned()
{
    const QByteArray key(32, 'k');
    const QByteArray base = webhookSignature(key, "msg_1", 100, "{}");
    QVERIFY(base != webhookSignature(QByteArray(32, 'K'), "msg_1", 100, "{}"));
    QVERIFY(base != webhookSignature(key, "msg_2", 100, "{}"));
    QVERIFY(base != webhookSignature(key, "msg_1", 101, "{}"));
    QVERIFY(base != webhookSignature(key, "msg_1", 100, "{ }"));
}

QTEST_GUILESS_MAIN(TestWebhookSigner)
#include "tst_webhooksigner.moc"
