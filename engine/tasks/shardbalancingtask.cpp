#include "tasks/shardbalancingtask.h"

#include "ledger/ledger.h"
#include "tasks/taskcommon.h"

#include <QJsonObject>

namespace hb {

ShardBalancingTask::ShardBalancingTask(std::shared_ptr<Ledger> ledger)
    : m_ledger(std::move(ledger))
{}

QString ShardBalancingTask::name() const
{
    return TaskName::ShardBalancing;
}

TaskResult ShardBalancingTask::run(const TaskContext &ctx)
{
    if (!m_ledger)
        return tasks::missingDependency(name(), QStringLiteral("ledger"));

    // A migration is crash-safe and holds the ledger's lock throughout; it cannot be cut short
    // by the cancellation flag, so it is not started once the run is cancelled.
    if (ctx.isCancelled())
        return tasks::cancelledResult();
    const RebalanceReport report = m_ledger->rebalance();
    TaskResult result = TaskResult::success(report.movedLoans);
    if (report.migrated)
        result.audit.append(
            {0, {},
             report.shardsAfter > report.shardsBefore ? QStringLiteral("shards_scaled_up")
                                                      : QStringLiteral("shards_scaled_down"),
             tasks::auditDetail({{QStringLiteral("before"), report.shardsBefore},
                                 {QStringLiteral("after"), report.shardsAfter},
                                 {QStringLiteral("loans"), report.loans},
                                 {QStringLiteral("moved_loans"), report.movedLoans},
                                 {QStringLiteral("seconds"), report.seconds}})});

    const qint64 now = ctx.clock.nowMs();
    const QVector<ShardLoad> loads = m_ledger->shardLoads();
    result.samples.append({QStringLiteral("shard.count"), now, double(loads.size())});
    for (const ShardLoad &load : loads)
        result.samples.append(
            {QStringLiteral("shard.load.%1").arg(load.shard, 4, 10, QLatin1Char('0')), now,
             double(load.loans)});
    tasks::burnForWork(*m_ledger, ctx.config, result.items);
    return result;
}

} // namespace hb
