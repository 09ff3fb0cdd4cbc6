#pragma once

#include "task.h"

namespace hb {

class OracleMonitor;

// Seed task "oracle monitoring": the feed's health from the OracleMonitor the price update
// records into. Samples oracle.freshness_ms (age of the newest accepted quote, once there is
// one), oracle.error_rate and oracle.latency_ms (average over the monitor's window). Warns when
// the newest quote is older than oracle.stale_after_ms, when the error rate is above
// oracle.max_error_rate (over at least kMinFetchesForRate fetches), and when the average latency is above oracle.max_latency_ms.
// Without a price source there is no feed to judge: every run is skipped ("no price source
// configured") with no alert, so no "stale prices" warning about a feed that does not exist.
class OracleMonitoringTask final : public MaintenanceTask
{
public:
    explicit OracleMonitoringTask(std::shared_ptr<OracleMonitor> monitor,
                                  bool sourceConfigured = true);
    QString name() const override;
    TaskResult run(const TaskContext &ctx) override;

    // One failed fetch out of one is an incident, not a rate: the error rate is judged once the
    // window holds this many fetches (the price task's own failure reports a single one).
    static constexpr int kMinFetchesForRate = 5;

private:
    std::shared_ptr<OracleMonitor> m_monitor;
    bool m_sourceConfigured;
};

} // namespace hb
