// The health banner's word on the price oracle: where prices come from (nowhere, the demo's
// simulation, a real feed) before how well the feed is doing.

#include "healthbanner.h"

#include <QTest>

using namespace hb;
using namespace Qt::StringLiterals;

class TestHealthBanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void saysWhereThePricesComeFrom_data();
    void saysWhereThePricesComeFrom();
    void safeModeHasItsOwnLevelAndColour();
};

namespace {

constexpr qint64 kLastTick = 1'000'000;

enum Measured { Nothing, Figures, StaleAlert, BreakerOpen };

EngineState stateWith(const QString &source, Measured measured)
{
    EngineState s;
    s.metrics.lastTickMs = kLastTick;
    s.oracleSource = source;
    if (measured != Nothing) {
        s.gauges.insert(u"oracle.error_rate"_s, 0.02);
        s.gauges.insert(u"oracle.latency_ms"_s, 120);
    }
    if (measured == StaleAlert)
        s.activeAlerts.append({kLastTick, TaskName::OracleMonitoring, u"oracle_stale"_s,
                               Severity::Warning, u"The newest oracle price is 90000 s old"_s});
    if (measured == BreakerOpen) {
        BreakerStatus cut;
        cut.task = TaskName::PriceUpdate;
        cut.state = BreakerState::Open;
        s.breakers.append(cut);
    }
    return s;
}

} // namespace

void TestHealthBanner::saysWhereThePricesComeFrom_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("measured");
    QTest::addColumn<QString>("says");
    QTest::addColumn<QStringList>("neverSays");

    const QString none = OracleSourceName::None;
    const QString demo = OracleSourceName::Demo;
    const QString http = OracleSourceName::Http;
    // No source: nothing to measure, nothing that could be down, whatever a breaker left behind.
    QTest::newRow("none") << none << int(Nothing) << u"Oracle not configured"_s
                          << QStringList{u"not measured"_s, u"Oracle OK"_s};
    QTest::newRow("none, breaker open from an earlier feed")
        << none << int(BreakerOpen) << u"Oracle not configured"_s
        << QStringList{u"Oracle down"_s, u"Oracle OK"_s};
    // The demo: its latency and error rate are made up, so they are not shown as health.
    QTest::newRow("demo, nothing measured")
        << demo << int(Nothing) << u"Oracle: demo feed"_s << QStringList{u"not measured"_s};
    QTest::newRow("demo, measured") << demo << int(Figures) << u"Oracle: demo feed"_s
                                    << QStringList{u"Oracle OK"_s, u"120 ms"_s, u"2.0 %"_s};
    QTest::newRow("demo, alert")
        << demo << int(StaleAlert)
        << u"Oracle: demo feed, degraded: The newest oracle price is 90000 s old"_s
        << QStringList{u"Oracle degraded"_s};
    QTest::newRow("demo, breaker open")
        << demo << int(BreakerOpen) << u"Oracle: demo feed, down"_s << QStringList{u"Oracle OK"_s};
    // A real feed is judged by what was measured.
    QTest::newRow("http, nothing measured")
        << http << int(Nothing) << u"Oracle not measured yet"_s << QStringList{u"demo"_s};
    QTest::newRow("http, measured")
        << http << int(Figures) << u"Oracle OK (2.0 % errors, 120 ms average)"_s
        << QStringList{u"demo"_s, u"not configured"_s};
    QTest::newRow("file, breaker open")
        << OracleSourceName::File << int(BreakerOpen)
        << u"Oracle down: price updates stopped by their circuit breaker"_s
        << QStringList{u"demo"_s};
}

void TestHealthBanner::saysWhereThePricesComeFrom()
{
    QFETCH(QString, source);
    QFETCH(int, measured);
    QFETCH(QString, says);
    QFETCH(QStringList, neverSays);

    HealthBanner banner;
    banner.update(stateWith(source, Measured(measured)), kLastTick + 1'000);
    const QString text = banner.text();
    QVERIFY2(text.contains(says), qPrintable(text));
    for (const QString &phrase : std::as_const(neverSays))
        QVERIFY2(!text.contains(phrase), qPrintable(text));
    // Where the prices come from says nothing about the heartbeat itself.
    if (measured == Nothing || measured == Figures)
        QCOMPARE(banner.level(), HealthBanner::Level::Healthy);
}

// Safe mode is neither a pause (red) nor a warning (amber): its own level and colour, the reason
// in the text; an emergency pause still wins over it.
void TestHealthBanner::safeModeHasItsOwnLevelAndColour()
{
    HealthBanner banner;
    EngineState s;
    s.metrics.lastTickMs = kLastTick;
    banner.update(s, kLastTick + 1000);
    const QColor healthy = banner.palette().color(QPalette::Window);
    s.safeMode = true;
    s.safeModeReason = u"price_update failed and its fallback (alternative) too: timeout"_s;
    banner.update(s, kLastTick + 1000);
    QCOMPARE(banner.level(), HealthBanner::Level::SafeMode);
    QVERIFY2(banner.text().startsWith(u"SAFE MODE Only critical tasks run until an admin leaves "
                                      "safe mode. Reason: price_update failed"_s),
             qPrintable(banner.text()));
    const QColor safe = banner.palette().color(QPalette::Window);
    QVERIFY(safe != healthy);
    s.activeAlerts.append({kLastTick, u"x"_s, u"y"_s, Severity::Warning, u"w"_s});
    s.emergencyStop = true;
    banner.update(s, kLastTick + 1000);
    QCOMPARE(banner.level(), HealthBanner::Level::Paused);
    QVERIFY(banner.palette().color(QPalette::Window) != safe);
}

QTEST_MAIN(TestHealthBanner)
#include "tst_healthbanner.moc"
