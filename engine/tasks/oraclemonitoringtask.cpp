#include "tasks/oraclemonitoringtask.h"

#include "oracle/oraclemonitor.h"
#include "tasks/taskcommon.h"

#include <QCoreApplication>

namespace hb {

OracleMonitoringTask::OracleMonitoringTask(std::shared_ptr<OracleMonitor> monitor,
                                           bool sourceConfigured)
    : m_monitor(std::move(monitor)), m_sourceConfigured(sourceConfigured)
{}

QString OracleMonitoringTask::name() const
{
    return TaskName::OracleMonitoring;
}

TaskResult OracleMonitoringTask::run(const TaskContext &ctx)
{
    if (!m_monitor)
        return tasks::missingDependency(name(), QStringLiteral("oracle monitor"));
    if (!m_sourceConfigured)
        return TaskResult::skipped(
            QCoreApplication::translate("hb::Tasks", "no price source configured"));

    const qint64 now = ctx.clock.nowMs();
    const OracleStats stats = m_monitor->stats(now);
    TaskResult result = TaskResult::success(stats.windowFetches);
    // No fetch yet (a fresh start while prices are still young) is no evidence either way:
    // no rate, latency or freshness to report.
    if (stats.windowFetches > 0) {
        result.samples.append({QStringLiteral("oracle.error_rate"), now, stats.errorRate});
        result.samples.append({QStringLiteral("oracle.latency_ms"), now, stats.averageLatencyMs});
        if (stats.windowFetches >= kMinFetchesForRate
            && stats.errorRate > ctx.config.oracleMaxErrorRate)
            result.alerts.append(
                {now, name(), QStringLiteral("oracle_error_rate"), Severity::Warning,
                 QCoreApplication::translate(
                     "hb::Tasks", "Oracle error rate %1 % over the last %2 fetches is above %3 %")
                     .arg(stats.errorRate * 100, 0, 'f', 1)
                     .arg(stats.windowFetches)
                     .arg(ctx.config.oracleMaxErrorRate * 100, 0, 'f', 1)});
        if (stats.averageLatencyMs > double(ctx.config.oracleMaxLatencyMs))
            result.alerts.append(
                {now, name(), QStringLiteral("oracle_slow"), Severity::Warning,
                 QCoreApplication::translate("hb::Tasks",
                                             "Oracle answers in %1 ms on average, above %2 ms")
                     .arg(qRound64(stats.averageLatencyMs))
                     .arg(ctx.config.oracleMaxLatencyMs)});
    }
    if (stats.freshnessMs >= 0) {
        result.samples.append(
            {QStringLiteral("oracle.freshness_ms"), now, double(stats.freshnessMs)});
        if (stats.freshnessMs > ctx.config.oracleStaleAfterMs)
            result.alerts.append(
                {now, name(), QStringLiteral("oracle_stale"), Severity::Warning,
                 QCoreApplication::translate(
                     "hb::Tasks", "The newest oracle price is %1 s old, older than %2 s")
                     .arg(stats.freshnessMs / 1000)
                     .arg(ctx.config.oracleStaleAfterMs / 1000)});
    }
    return result;
}

} // namespace hb
