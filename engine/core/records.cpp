#include "core/records.h"

namespace hb {

namespace {
constexpr const char16_t *kOutcomeNames[] = {u"success", u"failure", u"timeout", u"skipped",
                                             u"cancelled"};
constexpr const char16_t *kBreakerNames[] = {u"closed", u"open", u"half_open"};
// By TickSkipReason, None and Other excluded. The words metrics.db has always held.
constexpr const char16_t *kTickSkipNames[] = {u"previous tick still running", u"emergency stop",
                                              u"maintenance mode", u"heartbeat disabled"};
} // namespace

QString outcomeName(Outcome outcome)
{
    return QString::fromUtf16(kOutcomeNames[int(outcome)]);
}

std::optional<Outcome> outcomeFromName(QStringView name)
{
    for (int i = 0; i < int(std::size(kOutcomeNames)); ++i) {
        if (name == QStringView(kOutcomeNames[i]))
            return Outcome(i);
    }
    return std::nullopt;
}

QString breakerStateName(BreakerState state)
{
    return QString::fromUtf16(kBreakerNames[int(state)]);
}

std::optional<BreakerState> breakerStateFromName(QStringView name)
{
    for (int i = 0; i < int(std::size(kBreakerNames)); ++i) {
        if (name == QStringView(kBreakerNames[i]))
            return BreakerState(i);
    }
    return std::nullopt;
}

QString tickSkipReasonName(TickSkipReason reason)
{
    if (reason == TickSkipReason::None || reason == TickSkipReason::Other)
        return {};
    return QString::fromUtf16(kTickSkipNames[int(reason) - 1]);
}

TickSkipReason tickSkipReasonFromName(QStringView name)
{
    if (name.isEmpty())
        return TickSkipReason::None;
    for (int i = 0; i < int(std::size(kTickSkipNames)); ++i) {
        if (name == QStringView(kTickSkipNames[i]))
            return TickSkipReason(i + 1);
    }
    return TickSkipReason::Other;
}

void HeartbeatMetrics::account(const ExecutionRecord &record)
{
    if (record.outcome == Outcome::Skipped)
        return;
    ++totalExecutions;
    totalExecutionTimeMs += record.durationMs;
    peakExecutionTimeMs = std::max(peakExecutionTimeMs, record.durationMs);
    lastExecutionMs = std::max(lastExecutionMs, record.startedAtMs + record.durationMs);
    switch (record.outcome) {
    case Outcome::Success:
        ++successfulExecutions;
        ++tasksCompleted[record.task];
        break;
    case Outcome::Failure:
    case Outcome::Timeout:
        ++failedExecutions;
        lastError = record.task + u": " + record.error;
        lastErrorMs = record.startedAtMs + record.durationMs;
        break;
    case Outcome::Cancelled:
        ++cancelledExecutions;
        break;
    case Outcome::Skipped:
        break;
    }
}

bool HeartbeatMetrics::operator==(const HeartbeatMetrics &o) const
{
    return tickCount == o.tickCount && lastTickId == o.lastTickId && lastTickMs == o.lastTickMs
           && lastExecutionMs == o.lastExecutionMs && totalExecutions == o.totalExecutions
           && successfulExecutions == o.successfulExecutions
           && failedExecutions == o.failedExecutions
           && cancelledExecutions == o.cancelledExecutions
           && totalExecutionTimeMs == o.totalExecutionTimeMs
           && peakExecutionTimeMs == o.peakExecutionTimeMs && tasksCompleted == o.tasksCompleted
           && lastError == o.lastError && lastErrorMs == o.lastErrorMs
           && lastTickTasks == o.lastTickTasks;
}

} // namespace hb
