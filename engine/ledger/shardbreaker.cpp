#include "ledger/shardbreaker.h"

#include <stdexcept>

namespace hb {

ShardBreaker::ShardBreaker(ShardBreakerPolicy policy)
    : m_policy(policy)
{
    if (policy.threshold < 1 || policy.recoveryMs < 0 || policy.halfOpenTrials < 1)
        throw std::invalid_argument(
            "ShardBreaker needs threshold >= 1, recovery >= 0, trials >= 1");
}

bool ShardBreaker::tryAcquire(qint64 nowMs)
{
    switch (m_state) {
    case BreakerState::Closed:
        return true;
    case BreakerState::Open:
        if (nowMs < retryAtMs())
            return false;
        m_state = BreakerState::HalfOpen;
        m_trialsInFlight = 0;
        break;
    case BreakerState::HalfOpen:
        break;
    }
    if (m_trialsInFlight >= m_policy.halfOpenTrials)
        return false;
    ++m_trialsInFlight;
    return true;
}

void ShardBreaker::recordSuccess()
{
    m_state = BreakerState::Closed;
    m_failures = 0;
    m_trialsInFlight = 0;
}

void ShardBreaker::recordFailure(qint64 nowMs)
{
    ++m_failures;
    if (m_state == BreakerState::HalfOpen ||
        (m_state == BreakerState::Closed && m_failures >= m_policy.threshold)) {
        m_state = BreakerState::Open;
        m_openedAtMs = nowMs;
        m_trialsInFlight = 0;
    }
}

void ShardBreaker::abandon()
{
    releaseTrial();
}

void ShardBreaker::releaseTrial()
{
    if (m_state == BreakerState::HalfOpen && m_trialsInFlight > 0)
        --m_trialsInFlight;
}

qint64 ShardBreaker::retryAtMs() const
{
    return m_state == BreakerState::Open ? m_openedAtMs + m_policy.recoveryMs : 0;
}

} // namespace hb
