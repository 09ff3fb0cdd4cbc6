// GET /healthz: a load balancer reads the status, a person the reasons. Each condition that stops
// the heartbeat from doing its job must turn the report unhealthy and say so with its code and
// figures; a working engine must report ok.

#include "../engine/enginerig.h"
#include "api/healthreport.h"
#include "testtasks.h"

#include <QJsonArray>
#include <QTest>

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kNow = 1'764'000'000'000;

// A heartbeat doing its job: ticked 5 s ago, nothing paused, the price feed measured and fine.
EngineState healthyState()
{
    EngineState s;
    s.takenAtMs = kNow;
    s.running = true;
    s.oracleSource = OracleSourceName::Http;
    s.metrics.lastTickMs = kNow - 5'000;
    BreakerStatus priceBreaker;
    priceBreaker.task = TaskName::PriceUpdate;
    s.breakers = {priceBreaker};
    s.breakerRetryAtMs = {0};
    s.gauges.insert(u"oracle.error_rate"_s, 0.0);
    return s;
}

Alert storeFailedAlert()
{
    return {kNow - 60'000, u"metrics_store"_s, u"store_failed"_s, Severity::Critical,
            u"The metrics store cannot be written (disk full)."_s};
}

using Change = void (*)(EngineState &);

} // namespace

Q_DECLARE_METATYPE(Change)

class TestHealthReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachConditionIsAReason_data();
    void eachConditionIsAReason();
    void healthyReportsOk();
    void jsonShape();
    void agreesWithHealthEvaluate();
    void runningEngine();
};

void TestHealthReport::eachConditionIsAReason_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("inMessage"); // a figure the first reason's message must show

    QTest::newRow("stale heartbeat")
        << Change([](EngineState &s) { s.metrics.lastTickMs = kNow - 130'500; })
        << QStringList{HealthCode::StaleHeartbeat} << u"130 s"_s;
    QTest::newRow("no tick yet") << Change([](EngineState &s) { s.metrics.lastTickMs = 0; })
                                 << QStringList{HealthCode::StaleHeartbeat} << u"no tick"_s;
    QTest::newRow("emergency pause") << Change([](EngineState &s) {
        s.emergencyStop = true;
        s.emergencyReason = u"suspicious liquidations"_s;
    }) << QStringList{HealthCode::EmergencyPause}
                                     << u"suspicious liquidations"_s;
    QTest::newRow("maintenance") << Change([](EngineState &s) { s.config.maintenanceMode = true; })
                                 << QStringList{HealthCode::Maintenance} << u"Maintenance"_s;
    QTest::newRow("disabled") << Change([](EngineState &s) { s.config.enabled = false; })
                              << QStringList{HealthCode::EngineDisabled} << u"disabled"_s;
    QTest::newRow("oracle down") << Change([](EngineState &s) {
        s.breakers[0].state = BreakerState::Open;
    }) << QStringList{HealthCode::OracleDown}
                                 << TaskName::PriceUpdate;
    QTest::newRow("store failed, the engine paused by it") << Change([](EngineState &s) {
        s.emergencyStop = true;
        s.emergencyReason = u"metrics store failed: disk full"_s;
        s.activeAlerts.append(storeFailedAlert());
    }) << QStringList{HealthCode::EmergencyPause, HealthCode::StoreFailed}
                                                           << u"metrics store failed"_s;
    QTest::newRow("engine thread stalled (the host's watchdog)") << Change([](EngineState &s) {
        s.activeAlerts.append({kNow - 31'000, SystemHealth::Source, SystemHealth::StallKey,
                               Severity::Critical,
                               u"The engine thread has not responded for 31 s"_s});
    }) << QStringList{HealthCode::EngineStalled} << u"31 s"_s;
    QTest::newRow("everything at once") << Change([](EngineState &s) {
        s.metrics.lastTickMs = kNow - 600'000;
        s.emergencyStop = true;
        s.config.maintenanceMode = true;
        s.config.enabled = false;
        s.breakers[0].state = BreakerState::Open;
        s.activeAlerts.append(storeFailedAlert());
    }) << QStringList{HealthCode::StaleHeartbeat, HealthCode::EmergencyPause,
                      HealthCode::Maintenance,    HealthCode::EngineDisabled,
                      HealthCode::OracleDown,     HealthCode::StoreFailed}
                                        << u"600 s"_s;
}

void TestHealthReport::eachConditionIsAReason()
{
    QFETCH(Change, change);
    QFETCH(QStringList, codes);
    QFETCH(QString, inMessage);

    EngineState state = healthyState();
    change(state);
    const HealthReport report = healthReport(state, kNow);
    QVERIFY(!report.healthy);
    QCOMPARE(report.codes(), codes);
    QVERIFY2(report.reasons.first().message.contains(inMessage, Qt::CaseInsensitive),
             qPrintable(report.reasons.first().message));
    for (const HealthReason &reason : report.reasons)
        QVERIFY2(!reason.message.isEmpty(), qPrintable(reason.code));
    QCOMPARE(report.toJson().value(u"status"_s).toString(), u"unhealthy"_s);
}

void TestHealthReport::healthyReportsOk()
{
    const HealthReport report = healthReport(healthyState(), kNow);
    QVERIFY2(report.healthy, qPrintable(report.codes().join(u", ")));
    QVERIFY(report.reasons.isEmpty());
    QCOMPARE(report.lastTickAgeMs, 5'000);

    // Conditions that are not outages keep it healthy: a degraded price feed (an alert, prices
    // still fetched), price updates turned off with their breaker open, no price source at all,
    // and alerts that are not the store's.
    EngineState degraded = healthyState();
    degraded.activeAlerts.append({kNow, TaskName::OracleMonitoring, u"oracle_error_rate"_s,
                                  Severity::Warning, u"30 % of fetches failed"_s});
    degraded.activeAlerts.append(
        {kNow, TaskName::MemoryMonitoring, u"memory_high"_s, Severity::Warning, u"memory"_s});
    QVERIFY(healthReport(degraded, kNow).healthy);
    EngineState switchedOff = healthyState();
    switchedOff.config.tasks.insert(TaskName::PriceUpdate, false);
    switchedOff.breakers[0].state = BreakerState::Open;
    QVERIFY(healthReport(switchedOff, kNow).healthy);
    EngineState noSource = healthyState();
    noSource.oracleSource = OracleSourceName::None;
    noSource.breakers[0].state = BreakerState::Open;
    QVERIFY(healthReport(noSource, kNow).healthy);
    // Just within the freshness limit, and just past it.
    EngineState edge = healthyState();
    edge.metrics.lastTickMs = kNow - Health::FreshnessMs + 1;
    QVERIFY(healthReport(edge, kNow).healthy);
    edge.metrics.lastTickMs = kNow - Health::FreshnessMs;
    QCOMPARE(healthReport(edge, kNow).codes(), QStringList{HealthCode::StaleHeartbeat});
}

void TestHealthReport::jsonShape()
{
    const QJsonObject ok = healthReport(healthyState(), kNow).toJson();
    QCOMPARE(ok.keys(), (QStringList{u"checked_at_ms"_s, u"last_tick_age_ms"_s, u"last_tick_ms"_s,
                                     u"reasons"_s, u"status"_s}));
    QCOMPARE(ok.value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(ok.value(u"reasons"_s).toArray().size(), 0);
    QCOMPARE(ok.value(u"last_tick_ms"_s).toInteger(), kNow - 5'000);
    QCOMPARE(ok.value(u"last_tick_age_ms"_s).toInteger(), qint64(5'000));
    QCOMPARE(ok.value(u"checked_at_ms"_s).toInteger(), kNow);

    EngineState paused = healthyState();
    paused.emergencyStop = true;
    paused.emergencyReason = u"audit"_s;
    paused.metrics.lastTickMs = 0;
    const QJsonObject bad = healthReport(paused, kNow).toJson();
    QCOMPARE(bad.value(u"status"_s).toString(), u"unhealthy"_s);
    QVERIFY(bad.value(u"last_tick_ms"_s).isNull());
    QVERIFY(bad.value(u"last_tick_age_ms"_s).isNull());
    const QJsonArray reasons = bad.value(u"reasons"_s).toArray();
    QCOMPARE(reasons.size(), 2);
    QCOMPARE(reasons[0].toObject().keys(), (QStringList{u"code"_s, u"message"_s}));
    QCOMPARE(reasons[0][u"code"_s].toString(), HealthCode::StaleHeartbeat);
    QCOMPARE(reasons[1][u"code"_s].toString(), HealthCode::EmergencyPause);
    QVERIFY(reasons[1][u"message"_s].toString().contains(u"audit"_s));
}

void TestHealthReport::agreesWithHealthEvaluate()
{
    // The dashboard's status bar (Health::evaluate) and /healthz never disagree on the
    // conditions both judge: unhealthy there is unhealthy here.
    for (int bits = 0; bits < 8; ++bits) {
        EngineState s = healthyState();
        if (bits & 1)
            s.metrics.lastTickMs = kNow - 200'000;
        if (bits & 2)
            s.emergencyStop = true;
        if (bits & 4)
            s.config.maintenanceMode = true;
        const Health health = Health::evaluate(s, kNow);
        const HealthReport report = healthReport(s, kNow);
        QCOMPARE(report.healthy, health.healthy);
        QCOMPARE(report.codes().contains(HealthCode::StaleHeartbeat), !health.fresh);
    }
}

void TestHealthReport::runningEngine()
{
    Rig rig({std::make_shared<ScriptedTask>(TaskName::LoanMonitoring)});
    QCOMPARE(healthReport(rig.state(), rig.clock->nowMs()).codes(),
             QStringList{HealthCode::StaleHeartbeat}); // not ticked yet
    rig.tick();
    QVERIFY(healthReport(rig.state(), rig.clock->nowMs()).healthy);
    QVERIFY(rig.engine->setEmergencyStop(kAdmin, true, u"drill"_s).ok);
    const HealthReport paused = healthReport(rig.state(), rig.clock->nowMs());
    QCOMPARE(paused.codes(), QStringList{HealthCode::EmergencyPause});
    QVERIFY2(paused.reasons.first().message.contains(u"drill"_s),
             qPrintable(paused.reasons.first().message));
    QVERIFY(rig.engine->setEmergencyStop(kAdmin, false, {}).ok);
    // Three minutes without a tick: the heartbeat is stale.
    rig.clock->advance(180'000);
    const HealthReport stale = healthReport(rig.state(), rig.clock->nowMs());
    QCOMPARE(stale.codes(), QStringList{HealthCode::StaleHeartbeat});
    QVERIFY2(stale.reasons.first().message.contains(u"180 s"_s),
             qPrintable(stale.reasons.first().message));
}

QTEST_GUILESS_MAIN(TestHealthReport)
#include "tst_healthreport.moc"
