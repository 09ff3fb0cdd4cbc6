#include "tasks/autoliquidationtask.h"

#include "core/clock.h"
#include "ledger/ledger.h"
#include "tasks/taskcommon.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hb {

AutoLiquidationTask::AutoLiquidationTask(std::shared_ptr<Ledger> ledger)
    : m_ledger(std::move(ledger))
{}

QString AutoLiquidationTask::name() const
{
    return TaskName::AutoLiquidation;
}

TaskResult AutoLiquidationTask::run(const TaskContext &ctx)
{
    if (!m_ledger)
        return tasks::missingDependency(name(), QStringLiteral("ledger"));

    const qint64 now = ctx.clock.nowMs();
    LoanFilter filter;
    filter.statuses = {LoanStatus::Active, LoanStatus::Overdue};
    // Overdue by more than the threshold: due strictly before now - threshold.
    filter.dueBeforeMs = now - qint64(ctx.config.autoLiquidationThresholdDays) * kDayMs;
    // The visitor may not call the ledger: collect first, act after the scan.
    QStringList ids;
    m_ledger->forEachLoan(filter, [&](const Loan &loan) {
        ids.append(loan.id);
        return ids.size() < kMaxPerRun;
    });
    if (ctx.isCancelled())
        return tasks::cancelledResult();

    TaskResult result = TaskResult::success(0);
    if (ctx.config.liquidationDryRun) {
        result.items = ids.size();
        if (!ids.isEmpty())
            result.audit.append(
                {0, {}, QStringLiteral("liquidation_dry_run"),
                 tasks::auditDetail({{QStringLiteral("would_liquidate"), ids.size()},
                                     {QStringLiteral("loans"), QJsonArray::fromStringList(ids)}})});
        result.samples.append({QStringLiteral("liquidation.candidates"), now, double(ids.size())});
        return result;
    }

    // Each liquidation is committed with its audit entry (the ledger adds the loan, before and after).
    const AuditNote note = tasks::auditNote(name(), QStringLiteral("loan_liquidated"));
    for (const QString &id : std::as_const(ids)) {
        if (ctx.isCancelled()) {
            // Every liquidation so far is committed and audited; report them with the failure.
            TaskResult cancelled = tasks::cancelledResult();
            cancelled.items = result.items;
            return cancelled;
        }
        const StatusChange change = m_ledger->updateLoanStatus(id, LoanStatus::Liquidated, note);
        if (!change.applied)
            continue; // repaid or closed since the scan
        ++result.items;
    }
    result.samples.append({QStringLiteral("liquidation.count"), now, double(result.items)});
    tasks::burnForWork(*m_ledger, ctx.config, result.items);
    return result;
}

} // namespace hb
