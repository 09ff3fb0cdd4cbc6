#include "snapshot.h"

namespace hb {

Health Health::evaluate(const EngineState &state, qint64 nowMs)
{
    Health h;
    h.emergencyStop = state.emergencyStop;
    h.maintenance = state.config.maintenanceMode;
    h.enabled = state.config.enabled;
    h.memoryBytes = state.memoryBytes;
    h.activeAlerts = int(state.activeAlerts.size());
    if (state.metrics.lastTickMs > 0) {
        h.lastTickAgeMs = std::max<qint64>(0, nowMs - state.metrics.lastTickMs);
        h.fresh = h.lastTickAgeMs < FreshnessMs;
    }
    h.healthy = h.fresh && !h.emergencyStop && !h.maintenance;
    return h;
}

} // namespace hb
