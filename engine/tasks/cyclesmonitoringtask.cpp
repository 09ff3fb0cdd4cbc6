#include "tasks/cyclesmonitoringtask.h"

#include "ledger/ledger.h"
#include "tasks/taskcommon.h"

#include <QCoreApplication>
#include <QLocale>

namespace hb {

CyclesMonitoringTask::CyclesMonitoringTask(std::shared_ptr<Ledger> ledger)
    : m_ledger(std::move(ledger))
{}

QString CyclesMonitoringTask::name() const
{
    return TaskName::CyclesMonitoring;
}

TaskResult CyclesMonitoringTask::run(const TaskContext &ctx)
{
    if (!m_ledger)
        return tasks::missingDependency(name(), QStringLiteral("ledger"));

    const Balances balances = m_ledger->balances();
    const qint64 now = ctx.clock.nowMs();
    TaskResult result = TaskResult::success(1);
    result.samples = {{QStringLiteral("cycles.balance"), now, double(balances.cycles)},
                      {QStringLiteral("treasury.balance"), now, double(balances.treasury)}};
    const double cycles = double(balances.cycles);
    const QLocale c = QLocale::c();
    if (cycles < ctx.config.cyclesCriticalThreshold) {
        result.alerts.append(
            {now, name(), QStringLiteral("cycles_critical"), Severity::Critical,
             QCoreApplication::translate("hb::Tasks",
                                         "Cycles balance %1 is below the critical line of %2")
                 .arg(c.toString(balances.cycles),
                      c.toString(qint64(ctx.config.cyclesCriticalThreshold)))});
    } else if (cycles < ctx.config.cyclesAlertThreshold) {
        result.alerts.append(
            {now, name(), QStringLiteral("cycles_low"), Severity::Warning,
             QCoreApplication::translate("hb::Tasks",
                                         "Cycles balance %1 is below the alert line of %2")
                 .arg(c.toString(balances.cycles),
                      c.toString(qint64(ctx.config.cyclesAlertThreshold)))});
    }
    tasks::burnForWork(*m_ledger, ctx.config, result.items);
    return result;
}

} // namespace hb
