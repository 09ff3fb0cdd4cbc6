#include "api/healthreport.h"

#include "core/systemhealth.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace hb {

namespace {

const QString kStoreFailedAlertKey = QStringLiteral("store_failed"); // raised by the engine

QJsonValue timeOrNull(qint64 ms, bool known)
{
    return known ? QJsonValue(ms) : QJsonValue(QJsonValue::Null);
}

} // namespace

QStringList HealthReport::codes() const
{
    QStringList out;
    for (const HealthReason &reason : reasons)
        out.append(reason.code);
    return out;
}

QJsonObject HealthReport::toJson() const
{
    QJsonArray list;
    for (const HealthReason &reason : reasons)
        list.append(QJsonObject{{QStringLiteral("code"), reason.code},
                                {QStringLiteral("message"), reason.message}});
    return {
        {QStringLiteral("status"), healthy ? QStringLiteral("ok") : QStringLiteral("unhealthy")},
        {QStringLiteral("reasons"), list},
        {QStringLiteral("last_tick_ms"), timeOrNull(lastTickMs, lastTickAgeMs >= 0)},
        {QStringLiteral("last_tick_age_ms"), timeOrNull(lastTickAgeMs, lastTickAgeMs >= 0)},
        {QStringLiteral("checked_at_ms"), checkedAtMs}};
}

HealthReport healthReport(const EngineState &state, qint64 nowMs)
{
    const Health health = Health::evaluate(state, nowMs);
    HealthReport report;
    report.checkedAtMs = nowMs;
    report.lastTickAgeMs = health.lastTickAgeMs;
    report.lastTickMs = health.lastTickAgeMs >= 0 ? state.metrics.lastTickMs : 0;

    if (!health.fresh) {
        const QString message =
            health.lastTickAgeMs < 0
                ? QCoreApplication::translate("hb::HealthReport",
                                              "No heartbeat yet: no tick has run.")
                : QCoreApplication::translate(
                      "hb::HealthReport",
                      "The heartbeat is stale: the last tick started %1 s ago (the limit is %2 s).")
                      .arg(health.lastTickAgeMs / 1000)
                      .arg(Health::FreshnessMs / 1000);
        report.reasons.append({HealthCode::StaleHeartbeat, message});
    }
    if (health.emergencyStop) {
        report.reasons.append({HealthCode::EmergencyPause,
                               state.emergencyReason.isEmpty()
                                   ? QCoreApplication::translate(
                                         "hb::HealthReport", "The engine is in emergency pause.")
                                   : QCoreApplication::translate(
                                         "hb::HealthReport", "The engine is in emergency pause: %1")
                                         .arg(state.emergencyReason)});
    }
    if (health.maintenance)
        report.reasons.append({HealthCode::Maintenance,
                               QCoreApplication::translate(
                                   "hb::HealthReport", "Maintenance mode is on: no task runs.")});
    if (!health.enabled)
        report.reasons.append(
            {HealthCode::EngineDisabled,
             QCoreApplication::translate("hb::HealthReport",
                                         "The heartbeat is disabled: no task runs.")});
    if (health.oracle.status == OracleHealth::Status::Down)
        report.reasons.append(
            {HealthCode::OracleDown,
             QCoreApplication::translate("hb::HealthReport",
                                         "The price feed is down: the %1 circuit breaker is open.")
                 .arg(TaskName::PriceUpdate)});
    const auto storeFailed =
        std::find_if(state.activeAlerts.cbegin(), state.activeAlerts.cend(),
                     [](const Alert &a) { return a.key == kStoreFailedAlertKey; });
    if (storeFailed != state.activeAlerts.cend())
        report.reasons.append({HealthCode::StoreFailed, storeFailed->message});
    // Laid over the snapshot by EngineHost's watchdog: sooner than the stale heartbeat.
    const auto stalled =
        std::find_if(state.activeAlerts.cbegin(), state.activeAlerts.cend(), [](const Alert &a) {
            return a.source == SystemHealth::Source && a.key == SystemHealth::StallKey;
        });
    if (stalled != state.activeAlerts.cend())
        report.reasons.append({HealthCode::EngineStalled, stalled->message});

    // Health::healthy is a subset of these reasons: no reason means healthy by it too.
    Q_ASSERT(!report.reasons.isEmpty() || health.healthy);
    report.healthy = report.reasons.isEmpty();
    return report;
}

} // namespace hb
