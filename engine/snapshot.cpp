#include "snapshot.h"

#include <algorithm>

namespace hb {

Health Health::evaluate(const EngineState &state, qint64 nowMs)
{
    Health h;
    h.emergencyStop = state.emergencyStop;
    h.safeMode = state.safeMode;
    h.maintenance = state.config.maintenanceMode;
    h.enabled = state.config.enabled;
    h.memoryBytes = state.memoryBytes;
    h.activeAlerts = int(state.activeAlerts.size());
    if (state.metrics.lastTickMs > 0) {
        h.lastTickAgeMs = std::max<qint64>(0, nowMs - state.metrics.lastTickMs);
        h.fresh = h.lastTickAgeMs < FreshnessMs;
    }
    h.healthy = h.fresh && !h.emergencyStop && !h.maintenance;
    h.oracle = OracleHealth::evaluate(state);
    return h;
}

OracleHealth OracleHealth::evaluate(const EngineState &state)
{
    OracleHealth o;
    if (state.oracleSource == OracleSourceName::None) {
        o.status = Status::NotConfigured; // nothing to measure, nothing that could be down
        return o;
    }
    o.demoFeed = state.oracleSource == OracleSourceName::Demo;
    o.errorRate = state.gauges.value(QStringLiteral("oracle.error_rate"), -1);
    o.latencyMs = state.gauges.value(QStringLiteral("oracle.latency_ms"), -1);
    o.freshnessMs = qint64(state.gauges.value(QStringLiteral("oracle.freshness_ms"), -1));
    // Price updates turned off are no outage (the task table says they are off).
    const bool feedCut = state.config.isTaskEnabled(TaskName::PriceUpdate)
                         && std::any_of(state.breakers.cbegin(), state.breakers.cend(), [](const auto &b) {
                                return b.task == TaskName::PriceUpdate && b.state == BreakerState::Open;
                            });
    // Prices carried forward (price_update's "default_value" fallback) are what the banner
    // must say first: the ledger's prices are old although every run succeeds.
    auto alert = std::find_if(state.activeAlerts.cbegin(), state.activeAlerts.cend(), [](const Alert &a) {
        return a.source == TaskName::PriceUpdate && a.key == u"price_carried_forward";
    });
    if (alert == state.activeAlerts.cend())
        alert = std::find_if(state.activeAlerts.cbegin(), state.activeAlerts.cend(),
                             [](const Alert &a) { return a.source == TaskName::OracleMonitoring; });
    if (feedCut)
        o.status = Status::Down;
    else if (alert != state.activeAlerts.cend())
        o.status = Status::Degraded;
    else if (o.errorRate >= 0 || o.freshnessMs >= 0)
        o.status = Status::Ok;
    if (alert != state.activeAlerts.cend())
        o.problem = alert->message;
    return o;
}

} // namespace hb
