#include "tasks/poolmaintenancetask.h"

#include "ledger/ledger.h"
#include "tasks/taskcommon.h"

#include "core/logging.h"

namespace hb {

PoolMaintenanceTask::PoolMaintenanceTask(std::shared_ptr<Ledger> ledger)
    : m_ledger(std::move(ledger))
{}

QString PoolMaintenanceTask::name() const
{
    return TaskName::PoolMaintenance;
}

TaskResult PoolMaintenanceTask::run(const TaskContext &ctx)
{
    if (!m_ledger)
        return tasks::missingDependency(name(), QStringLiteral("ledger"));

    // Derived, compared and corrected under one ledger lock, in one transaction with one audit
    // entry per corrected pool: a loan change can no longer slip between the derivation and the
    // correction (it used to, and then the "correction" wrote a stale total).
    const QVector<PoolCorrection> corrections =
        m_ledger->correctPoolTotals(tasks::auditNote(name(), QStringLiteral("pool_corrected")));
    TaskResult result = TaskResult::success(m_ledger->storedPoolTotals().size());
    for (const PoolCorrection &c : corrections)
        qCInfo(lcTasks).noquote() << "pool" << c.after.pool << "corrected: principal"
                                  << c.before.totalPrincipal << "->" << c.after.totalPrincipal
                                  << ", loans" << c.before.activeLoans << "->"
                                  << c.after.activeLoans;
    result.samples.append({QStringLiteral("pools.corrected"), ctx.clock.nowMs(),
                           double(corrections.size())});
    tasks::burnForWork(*m_ledger, ctx.config, result.items);
    return result;
}

} // namespace hb
