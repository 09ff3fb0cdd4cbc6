#pragma once

#include "core/alert.h"

#include <QVector>

#include <deque>
#include <optional>
#include <utility>

namespace hb {

struct HeartbeatConfig;

// Failed runs (failure and timeout rows) of the last 24 hours, counted per minute: adding and
// counting cost O(1) amortized and the memory is bounded by 1 440 buckets, whatever the rate.
class FailureWindow
{
public:
    static constexpr qint64 SpanMs = 24 * 3'600'000LL;
    static constexpr qint64 BucketMs = 60'000;

    void add(qint64 atMs, qint64 count = 1);
    // Failures whose minute is within SpanMs of `nowMs` (older buckets are dropped).
    qint64 count(qint64 nowMs);
    qint64 count(qint64 nowMs) const; // same, without dropping

private:
    void expire(qint64 nowMs);
    std::deque<std::pair<qint64, qint64>> m_buckets; // (minute start, failures), oldest first
    qint64 m_total = 0;
};

// The engine's own health alerts (docs/scheduling.md, "Watching the watcher"). Any thread.
namespace SystemHealth {

inline const QString Source = QStringLiteral("heartbeat");
inline const QString StaleKey = QStringLiteral("heartbeat_stale");
inline const QString FailedRunsKey = QStringLiteral("failed_runs");
inline const QString StallKey = QStringLiteral("engine_stalled");

// Critical when the last tick started more than health.heartbeat_stale_ms before `nowMs`.
// Nothing while the engine is not started (a stopped engine has no heartbeat to miss) or
// before its first tick ever.
std::optional<Alert> staleHeartbeat(const HeartbeatConfig &config, qint64 lastTickMs,
                                    bool running, qint64 nowMs);
// Warning when more than health.failed_runs_warn runs failed in the last 24 h; `sinceMs` is
// the alert's time (when the count went over).
std::optional<Alert> failedRuns(const HeartbeatConfig &config, qint64 failedLast24h,
                                qint64 sinceMs);

} // namespace SystemHealth

} // namespace hb
