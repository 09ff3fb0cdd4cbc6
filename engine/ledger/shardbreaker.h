#pragma once

// A circuit breaker per shard file: stop hammering a shard that keeps failing, and let a few
// operations probe it again after a while. Pure state machine; the caller passes the time
// (from the injected hb::Clock), so tests move time instead of sleeping.
//   Closed   --`threshold` consecutive failures-->            Open
//   Open     --`recoveryMs` elapsed, next tryAcquire()-->      HalfOpen
//   HalfOpen admits up to `halfOpenTrials` operations at a time (those whose outcome is not yet
//            recorded); a success closes it, a failure opens it again and restarts the timer.
// A success while Closed clears the failure count. Not thread-safe: the ledger's lock guards it.

#include "core/records.h"

namespace hb {

struct ShardBreakerPolicy
{
    int threshold = 5;
    qint64 recoveryMs = 30'000;
    int halfOpenTrials = 3;
};

struct ShardBreakerStatus
{
    int shard = 0;
    BreakerState state = BreakerState::Closed;
    int consecutiveFailures = 0;
    qint64 openedAtMs = 0;
};

class ShardBreaker
{
public:
    explicit ShardBreaker(ShardBreakerPolicy policy = {});

    // May one operation go to the shard now? Each true must be followed by recordSuccess(),
    // recordFailure() or abandon().
    bool tryAcquire(qint64 nowMs);
    void recordSuccess();
    void recordFailure(qint64 nowMs);
    // The operation ended without telling anything about the shard (e.g. a bad argument).
    void abandon();

    BreakerState state() const { return m_state; }
    int consecutiveFailures() const { return m_failures; }
    qint64 openedAtMs() const { return m_openedAtMs; }
    qint64 retryAtMs() const; // when an Open breaker admits its first trial; 0 otherwise
    const ShardBreakerPolicy &policy() const { return m_policy; }

private:
    void releaseTrial();

    ShardBreakerPolicy m_policy;
    BreakerState m_state = BreakerState::Closed;
    int m_failures = 0;
    qint64 m_openedAtMs = 0;
    int m_trialsInFlight = 0;
};

} // namespace hb
