#include "task.h"

#include "tasks/autocleanuptask.h"
#include "tasks/autoliquidationtask.h"
#include "tasks/cyclesmonitoringtask.h"
#include "tasks/loanmonitoringtask.h"
#include "tasks/memorymonitoringtask.h"
#include "tasks/oraclemonitoringtask.h"
#include "tasks/poolmaintenancetask.h"
#include "tasks/priceupdatetask.h"
#include "tasks/shardbalancingtask.h"
#include "tasks/treasurymonitoringtask.h"

namespace hb {

TaskRegistry TaskRegistry::builtin()
{
    // In TaskName::all() order. A factory never fails: a task missing a dependency fails its
    // runs with an error saying so.
    TaskRegistry registry;
    registry.add(TaskName::PriceUpdate, [](const TaskEnvironment &env) {
        return std::make_shared<PriceUpdateTask>(env.ledger, env.oracle, env.oracleMonitor,
                                                 env.fallbackOracle);
    });
    registry.add(TaskName::LoanMonitoring, [](const TaskEnvironment &env) {
        return std::make_shared<LoanMonitoringTask>(env.ledger);
    });
    registry.add(TaskName::CyclesMonitoring, [](const TaskEnvironment &env) {
        return std::make_shared<CyclesMonitoringTask>(env.ledger);
    });
    registry.add(TaskName::MemoryMonitoring, [](const TaskEnvironment &env) {
        return std::make_shared<MemoryMonitoringTask>(env.dataDir);
    });
    registry.add(TaskName::AutoCleanup, [](const TaskEnvironment &env) {
        return std::make_shared<AutoCleanupTask>(env.metricsPath);
    });
    registry.add(TaskName::PoolMaintenance, [](const TaskEnvironment &env) {
        return std::make_shared<PoolMaintenanceTask>(env.ledger);
    });
    registry.add(TaskName::AutoLiquidation, [](const TaskEnvironment &env) {
        return std::make_shared<AutoLiquidationTask>(env.ledger);
    });
    registry.add(TaskName::OracleMonitoring, [](const TaskEnvironment &env) {
        return std::make_shared<OracleMonitoringTask>(env.oracleMonitor, env.oracle != nullptr);
    });
    registry.add(TaskName::TreasuryMonitoring, [](const TaskEnvironment &env) {
        return std::make_shared<TreasuryMonitoringTask>(env.ledger);
    });
    registry.add(TaskName::ShardBalancing, [](const TaskEnvironment &env) {
        return std::make_shared<ShardBalancingTask>(env.ledger);
    });
    return registry;
}

void TaskRegistry::add(const QString &name, TaskFactory factory)
{
    for (auto &entry : m_factories) {
        if (entry.first == name) {
            entry.second = std::move(factory);
            return;
        }
    }
    m_factories.append({name, std::move(factory)});
}

bool TaskRegistry::contains(const QString &name) const
{
    return std::any_of(m_factories.cbegin(), m_factories.cend(),
                       [&](const auto &entry) { return entry.first == name; });
}

QStringList TaskRegistry::names() const
{
    QStringList ordered;
    for (const QString &name : TaskName::all()) {
        if (contains(name))
            ordered.append(name);
    }
    for (const auto &entry : m_factories) {
        if (!ordered.contains(entry.first))
            ordered.append(entry.first);
    }
    return ordered;
}

std::vector<std::shared_ptr<MaintenanceTask>> TaskRegistry::create(const TaskEnvironment &env) const
{
    std::vector<std::shared_ptr<MaintenanceTask>> tasks;
    for (const QString &name : names()) {
        for (const auto &entry : m_factories) {
            if (entry.first == name)
                tasks.push_back(entry.second(env));
        }
    }
    return tasks;
}

} // namespace hb
