#include "core/systemhealth.h"

#include "core/clock.h"
#include "core/config.h"

#include <QCoreApplication>

namespace hb {

void FailureWindow::add(qint64 atMs, qint64 count)
{
    if (count <= 0)
        return;
    const qint64 minute = atMs - atMs % BucketMs;
    // Runs finish roughly in order; one that lands in an older minute joins the newest bucket
    // rather than reordering the deque (a minute early at worst, never lost).
    if (!m_buckets.empty() && minute <= m_buckets.back().first)
        m_buckets.back().second += count;
    else
        m_buckets.emplace_back(minute, count);
    m_total += count;
}

void FailureWindow::expire(qint64 nowMs)
{
    while (!m_buckets.empty() && m_buckets.front().first + BucketMs <= nowMs - SpanMs) {
        m_total -= m_buckets.front().second;
        m_buckets.pop_front();
    }
}

qint64 FailureWindow::count(qint64 nowMs)
{
    expire(nowMs);
    return m_total;
}

qint64 FailureWindow::count(qint64 nowMs) const
{
    qint64 total = m_total;
    for (const auto &[minute, failures] : m_buckets) {
        if (minute + BucketMs > nowMs - SpanMs)
            break;
        total -= failures;
    }
    return total;
}

namespace SystemHealth {

std::optional<Alert> staleHeartbeat(const HeartbeatConfig &config, qint64 lastTickMs,
                                    bool running, qint64 nowMs)
{
    if (!running || lastTickMs <= 0 || nowMs - lastTickMs <= config.healthHeartbeatStaleMs)
        return std::nullopt;
    return Alert{lastTickMs + config.healthHeartbeatStaleMs, Source, StaleKey, Severity::Critical,
                 QCoreApplication::translate("hb::SystemHealth",
                                             "No heartbeat for %1 s: the last tick started at "
                                             "%2 (the limit is %3 s)")
                     .arg((nowMs - lastTickMs) / 1000)
                     .arg(localTimeText(lastTickMs, nowMs))
                     .arg(config.healthHeartbeatStaleMs / 1000)};
}

std::optional<Alert> failedRuns(const HeartbeatConfig &config, qint64 failedLast24h,
                                qint64 sinceMs)
{
    if (failedLast24h <= config.healthFailedRunsWarn)
        return std::nullopt;
    return Alert{sinceMs, Source, FailedRunsKey, Severity::Warning,
                 QCoreApplication::translate("hb::SystemHealth",
                                             "%1 runs failed in the last 24 hours (the limit is "
                                             "%2)")
                     .arg(failedLast24h)
                     .arg(config.healthFailedRunsWarn)};
}

} // namespace SystemHealth

} // namespace hb
