// The dashboard serves the HTTP API only when config.json's http.dashboard says so, where
// http.listen says; an address in use is a clear message, not a silent failure.
#include "mainwindowrig.h"

#include <QEventLoop>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

void applyConfig(Window &w, const std::function<void(HeartbeatConfig &)> &change)
{
    HeartbeatConfig config = w.shown().config;
    change(config);
    bool done = false;
    w.host->command(w.window.get(),
                    [config](HeartbeatEngine &e) { return e.updateConfig(Actor::system(), config); },
                    [&done](const CommandResult &r) {
                        QVERIFY2(r.ok, qPrintable(r.error));
                        done = true;
                    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
}

int getStatus(const QString &url)
{
    QNetworkAccessManager nam;
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(5000);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

} // namespace

class TestDashboardApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offByDefault()
    {
        Window w(Role::Admin);
        QVERIFY(QTest::qWaitFor([&] { return w.shown().running; }, 5000));
        QTest::qWait(300);
        QVERIFY(!w.shown().config.httpInDashboard);
        QVERIFY(w.window->servingUrl().isEmpty());
        QVERIFY(!w.window->findChild<QLabel *>(u"statusApi"_s)->isVisible());
    }

    void servesWhenTurnedOnAndStopsWhenOff()
    {
        Window w(Role::Admin);
        QVERIFY(QTest::qWaitFor([&] { return w.shown().running; }, 5000));
        applyConfig(w, [](HeartbeatConfig &c) {
            c.httpInDashboard = true;
            c.httpListen = u"127.0.0.1:0"_s;
        });
        QVERIFY(QTest::qWaitFor([&] { return !w.window->servingUrl().isEmpty(); }, 5000));
        const QString url = w.window->servingUrl();
        auto *label = w.window->findChild<QLabel *>(u"statusApi"_s);
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().contains(url), qPrintable(label->text()));
        const int health = getStatus(url + u"/healthz"_s);
        QVERIFY2(health == 200 || health == 503, qPrintable(QString::number(health)));
        QCOMPARE(getStatus(url + u"/api/v1/snapshot"_s), 401);

        applyConfig(w, [](HeartbeatConfig &c) { c.httpInDashboard = false; });
        QVERIFY(QTest::qWaitFor([&] { return w.window->servingUrl().isEmpty(); }, 5000));
        QCOMPARE(getStatus(url + u"/healthz"_s), 0); // nobody listens any more
        QVERIFY(!label->isVisible());
    }

    // A change to http.* other than where it listens (here: /metrics now needs a token) is
    // applied without a restart, which would cut every connection, the changing one among them.
    void tokenRequirementsApplyWithoutARestart()
    {
        Window w(Role::Admin);
        QVERIFY(QTest::qWaitFor([&] { return w.shown().running; }, 5000));
        applyConfig(w, [](HeartbeatConfig &c) {
            c.httpInDashboard = true;
            c.httpListen = u"127.0.0.1:0"_s; // a restart would bind another port
        });
        QVERIFY(QTest::qWaitFor([&] { return !w.window->servingUrl().isEmpty(); }, 5000));
        const QString url = w.window->servingUrl();
        QCOMPARE(getStatus(url + u"/metrics"_s), 200);
        QTcpSocket kept; // a keep-alive client's connection, open across the change
        kept.connectToHost(QHostAddress::LocalHost, QUrl(url).port());
        QVERIFY(kept.waitForConnected(3000));

        applyConfig(w, [](HeartbeatConfig &c) { c.httpMetricsRequiresToken = true; });
        QVERIFY(QTest::qWaitFor([&] { return getStatus(url + u"/metrics"_s) == 401; }, 5000));
        QCOMPARE(w.window->servingUrl(), url);
        kept.write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(QTest::qWaitFor([&] { return kept.bytesAvailable() > 0; }, 5000));
        QVERIFY2(kept.readAll().startsWith("HTTP/1.1 401"), "the kept connection was cut");

        applyConfig(w, [](HeartbeatConfig &c) { c.httpMetricsRequiresToken = false; });
        QVERIFY(QTest::qWaitFor([&] { return getStatus(url + u"/metrics"_s) == 200; }, 5000));
        QCOMPARE(w.window->servingUrl(), url);
    }

    void anAddressInUseIsSaidPlainly()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        const QString address = u"127.0.0.1:%1"_s.arg(squatter.serverPort());
        Window w(Role::Admin);
        QVERIFY(QTest::qWaitFor([&] { return w.shown().running; }, 5000));
        applyConfig(w, [&](HeartbeatConfig &c) {
            c.httpInDashboard = true;
            c.httpListen = address;
        });
        auto *label = w.window->findChild<QLabel *>(u"statusApi"_s);
        QVERIFY(QTest::qWaitFor([&] { return label->isVisible(); }, 5000));
        QVERIFY(w.window->servingUrl().isEmpty());
        QCOMPARE(label->text(), MainWindow::tr("API: not serving"));
        QVERIFY2(label->toolTip().contains(address), qPrintable(label->toolTip()));
    }
};

QTEST_MAIN(TestDashboardApi)
#include "tst_dashboard_api.moc"
