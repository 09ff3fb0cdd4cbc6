#pragma once

#include "core/records.h"

#include <optional>

namespace hb {

// The seed's circuit breaker, one per task. Pure state machine: the caller passes the time.
//   Closed  --threshold consecutive failures-->  Open
//   Open    --timeout elapsed, next allowRun()--> HalfOpen (exactly one trial run)
//   HalfOpen --success--> Closed,  --failure--> Open (timer restarts)
//   reset() --> Closed (counts cleared);  forceOpen() --> Open (timer starts now)
// A success while Closed clears the consecutive-failure count.
class CircuitBreaker
{
public:
    CircuitBreaker(QString task, int threshold = 5, qint64 timeoutMs = 300'000);

    // Restores persisted state (state, counts and times survive restarts and config changes).
    static CircuitBreaker fromStatus(const BreakerStatus &status, int threshold, qint64 timeoutMs);

    const QString &task() const { return m_status.task; }
    BreakerState state() const { return m_status.state; }
    int failureCount() const { return m_status.failureCount; }
    const BreakerStatus &status() const { return m_status; }
    int threshold() const { return m_threshold; }
    qint64 timeoutMs() const { return m_timeoutMs; }
    void setPolicy(int threshold, qint64 timeoutMs); // keeps state and counts

    // May the task run now? Moves Open -> HalfOpen when the timeout has passed. While HalfOpen,
    // only one trial is allowed until its result is recorded.
    bool allowRun(qint64 nowMs, BreakerEvent *event = nullptr);
    // When an Open breaker will allow its trial (0 when not Open).
    qint64 retryAtMs() const;

    // Each returns the transition it caused, if any.
    std::optional<BreakerEvent> recordSuccess(qint64 nowMs);
    std::optional<BreakerEvent> recordFailure(qint64 nowMs, const QString &reason);
    std::optional<BreakerEvent> reset(qint64 nowMs, const QString &reason);
    std::optional<BreakerEvent> forceOpen(qint64 nowMs, const QString &reason);
    // The HalfOpen trial was cancelled (pause, shutdown) without an outcome: allow another
    // trial instead of waiting forever for a result that will not come.
    void abandonTrial() { m_trialInFlight = false; }

private:
    std::optional<BreakerEvent> moveTo(BreakerState to, qint64 nowMs, const QString &reason);

    BreakerStatus m_status;
    int m_threshold;
    qint64 m_timeoutMs;
    bool m_trialInFlight = false;
};

} // namespace hb
