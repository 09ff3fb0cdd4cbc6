#include "tasks/loanmonitoringtask.h"

#include "core/clock.h"
#include "ledger/ledger.h"
#include "tasks/taskcommon.h"

#include <QJsonObject>

namespace hb {

LoanMonitoringTask::LoanMonitoringTask(std::shared_ptr<Ledger> ledger)
    : m_ledger(std::move(ledger))
{}

QString LoanMonitoringTask::name() const
{
    return TaskName::LoanMonitoring;
}

TaskResult LoanMonitoringTask::run(const TaskContext &ctx)
{
    if (!m_ledger)
        return tasks::missingDependency(name(), QStringLiteral("ledger"));

    // One audit entry per shard that changed, committed with the change (shard, count).
    m_ledger->markOverdueLoans(
        tasks::auditNote(name(), QStringLiteral("loans_marked_overdue"),
                         {{QStringLiteral("before"), QStringLiteral("active")},
                          {QStringLiteral("after"), QStringLiteral("overdue")}}));
    if (ctx.isCancelled())
        return tasks::cancelledResult(); // the marking is committed and audited
    TaskResult result = TaskResult::success(0);

    const LoanCounts counts = m_ledger->countLoans();
    LoanFilter candidates;
    candidates.statuses = {LoanStatus::Overdue};
    // Overdue by more than the threshold: due strictly before now - threshold.
    candidates.dueBeforeMs = ctx.clock.nowMs() - qint64(ctx.config.autoLiquidationThresholdDays) * kDayMs;
    const qint64 candidateCount = m_ledger->countLoans(candidates).of(LoanStatus::Overdue);

    const qint64 now = ctx.clock.nowMs();
    result.items = counts.total;
    result.samples = {{QStringLiteral("loans.active"), now, double(counts.of(LoanStatus::Active))},
                      {QStringLiteral("loans.overdue"), now, double(counts.of(LoanStatus::Overdue))},
                      {QStringLiteral("loans.candidates"), now, double(candidateCount)}};
    tasks::burnForWork(*m_ledger, ctx.config, result.items);
    return result;
}

} // namespace hb
