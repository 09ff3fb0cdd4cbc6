#include "tasks/treasurymonitoringtask.h"

#include "ledger/ledger.h"
#include "tasks/taskcommon.h"

#include <QCoreApplication>
#include <QLocale>

namespace hb {

TreasuryMonitoringTask::TreasuryMonitoringTask(std::shared_ptr<Ledger> ledger)
    : m_ledger(std::move(ledger))
{}

QString TreasuryMonitoringTask::name() const
{
    return TaskName::TreasuryMonitoring;
}

TaskResult TreasuryMonitoringTask::run(const TaskContext &ctx)
{
    if (!m_ledger)
        return tasks::missingDependency(name(), QStringLiteral("ledger"));

    const qint64 now = ctx.clock.nowMs();
    Balances balances = m_ledger->balances();
    TaskResult result = TaskResult::success(1);
    if (double(balances.cycles) < ctx.config.cyclesAlertThreshold) {
        const qint64 amount = ctx.config.cyclesTopUpTarget - balances.cycles;
        // Committed with its audit entry (the ledger adds amount, before and after).
        const BalanceChange change = m_ledger->transferTreasuryToCycles(
            amount, tasks::auditNote(name(), QStringLiteral("cycles_topped_up")));
        if (change.applied) {
            balances = change.after;
        } else {
            const QLocale c = QLocale::c();
            balances = change.before;
            result.alerts.append(
                {now, name(), QStringLiteral("treasury_insufficient"), Severity::Critical,
                 QCoreApplication::translate(
                     "hb::Tasks", "The treasury (%1) cannot cover a cycles top-up of %2")
                     .arg(c.toString(change.before.treasury), c.toString(amount))});
        }
    }
    result.samples = {{QStringLiteral("treasury.balance"), now, double(balances.treasury)},
                      {QStringLiteral("cycles.balance"), now, double(balances.cycles)}};
    return result;
}

} // namespace hb
