#include "tasks/poolmaintenancetask.h"

#include "ledger/ledger.h"
#include "tasks/taskcommon.h"

#include <QHash>
#include <QJsonObject>

namespace hb {

namespace {
QJsonObject totalsJson(const PoolTotals &t)
{
    return {{QStringLiteral("total_principal"), t.totalPrincipal},
            {QStringLiteral("active_loans"), t.activeLoans}};
}
} // namespace

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

    const QVector<PoolTotals> derived = m_ledger->derivedPoolTotals();
    if (ctx.isCancelled())
        return tasks::cancelledResult(); // nothing written yet
    QHash<QString, PoolTotals> stored;
    for (const PoolTotals &t : m_ledger->storedPoolTotals())
        stored.insert(t.pool, t);

    TaskResult result = TaskResult::success(derived.size());
    QVector<PoolTotals> corrections;
    for (const PoolTotals &d : derived) {
        const PoolTotals before = stored.value(d.pool, PoolTotals{d.pool, 0, 0});
        if (before == d)
            continue;
        corrections.append(d);
        result.audit.append({0, {}, QStringLiteral("pool_corrected"),
                             tasks::auditDetail({{QStringLiteral("pool"), d.pool},
                                                 {QStringLiteral("before"), totalsJson(before)},
                                                 {QStringLiteral("after"), totalsJson(d)}})});
    }
    // A derivation raced by a loan change would "correct" to a stale value; the next run fixes
    // it again, and the ledger's own lock keeps each call consistent.
    if (!corrections.isEmpty())
        m_ledger->setStoredPoolTotals(corrections);
    result.samples.append({QStringLiteral("pools.corrected"), ctx.clock.nowMs(),
                           double(corrections.size())});
    tasks::burnForWork(*m_ledger, ctx.config, result.items);
    return result;
}

} // namespace hb
