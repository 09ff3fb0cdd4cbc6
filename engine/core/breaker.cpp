#include "core/breaker.h"

#include <QCoreApplication>

#include <algorithm>

namespace hb {

CircuitBreaker::CircuitBreaker(QString task, int threshold, qint64 timeoutMs)
    // A threshold below 1 would mean "open without any failure"; config validation keeps it
    // in range, this only guards direct callers.
    : m_threshold(std::max(1, threshold))
    , m_timeoutMs(timeoutMs)
{
    m_status.task = std::move(task);
}

CircuitBreaker CircuitBreaker::fromStatus(const BreakerStatus &status, int threshold,
                                          qint64 timeoutMs)
{
    CircuitBreaker breaker(status.task, threshold, timeoutMs);
    breaker.m_status = status;
    // The trial that a persisted HalfOpen was waiting for died with the process, so its result
    // will never be recorded: restore as Open with the original openedAtMs, which lets the next
    // allowRun() start a fresh trial as soon as the timeout has passed (usually at once).
    if (breaker.m_status.state == BreakerState::HalfOpen)
        breaker.m_status.state = BreakerState::Open;
    return breaker;
}

void CircuitBreaker::setPolicy(int threshold, qint64 timeoutMs)
{
    m_threshold = std::max(1, threshold);
    m_timeoutMs = timeoutMs;
}

bool CircuitBreaker::allowRun(qint64 nowMs, BreakerEvent *event)
{
    switch (m_status.state) {
    case BreakerState::Closed:
        return true;
    case BreakerState::Open:
        if (nowMs < m_status.openedAtMs + m_timeoutMs)
            return false;
        if (auto moved = moveTo(
                BreakerState::HalfOpen, nowMs,
                QCoreApplication::translate("hb::CircuitBreaker", "timeout elapsed, trial run"));
            moved && event) {
            *event = *moved;
        }
        m_trialInFlight = true;
        return true;
    case BreakerState::HalfOpen:
        // Only one trial at a time: the next answer waits for this one's result.
        if (m_trialInFlight)
            return false;
        m_trialInFlight = true;
        return true;
    }
    return false;
}

qint64 CircuitBreaker::retryAtMs() const
{
    return m_status.state == BreakerState::Open ? m_status.openedAtMs + m_timeoutMs : 0;
}

std::optional<BreakerEvent> CircuitBreaker::recordSuccess(qint64 nowMs)
{
    switch (m_status.state) {
    case BreakerState::Closed:
        m_status.failureCount = 0;
        return std::nullopt;
    case BreakerState::HalfOpen:
        m_trialInFlight = false;
        m_status.failureCount = 0;
        return moveTo(BreakerState::Closed, nowMs,
                      QCoreApplication::translate("hb::CircuitBreaker", "trial run succeeded"));
    case BreakerState::Open:
        // A run that started before an admin forced the breaker open: its success must not
        // overrule the admin, so it changes nothing.
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<BreakerEvent> CircuitBreaker::recordFailure(qint64 nowMs, const QString &reason)
{
    ++m_status.failureCount;
    m_status.lastFailureMs = nowMs;
    switch (m_status.state) {
    case BreakerState::Closed:
        if (m_status.failureCount < m_threshold)
            return std::nullopt;
        m_status.openedAtMs = nowMs;
        return moveTo(
            BreakerState::Open, nowMs,
            QCoreApplication::translate("hb::CircuitBreaker", "%1 consecutive failures, last: %2")
                .arg(m_status.failureCount)
                .arg(reason));
    case BreakerState::HalfOpen:
        m_trialInFlight = false;
        m_status.openedAtMs = nowMs; // the wait starts over
        return moveTo(
            BreakerState::Open, nowMs,
            QCoreApplication::translate("hb::CircuitBreaker", "trial run failed: %1").arg(reason));
    case BreakerState::Open:
        // A late result of a run that started before a forced open: counted, but it does not
        // restart the timer the admin started.
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<BreakerEvent> CircuitBreaker::reset(qint64 nowMs, const QString &reason)
{
    m_status.failureCount = 0;
    m_status.openedAtMs = 0;
    m_trialInFlight = false;
    return moveTo(BreakerState::Closed, nowMs, reason);
}

std::optional<BreakerEvent> CircuitBreaker::forceOpen(qint64 nowMs, const QString &reason)
{
    // On a breaker that is already Open this only restarts the timer: the state does not
    // change, so there is no event (the caller audits the admin action itself).
    m_trialInFlight = false;
    m_status.openedAtMs = nowMs;
    return moveTo(BreakerState::Open, nowMs, reason);
}

std::optional<BreakerEvent> CircuitBreaker::moveTo(BreakerState to, qint64 nowMs,
                                                   const QString &reason)
{
    if (m_status.state == to)
        return std::nullopt;
    BreakerEvent event;
    event.tsMs = nowMs;
    event.task = m_status.task;
    event.from = m_status.state;
    event.to = to;
    event.reason = reason;
    m_status.state = to;
    return event;
}

} // namespace hb
