#include "task.h"

#include "tasks/memorymonitoringtask.h"

namespace hb {

TaskRegistry TaskRegistry::builtin()
{
    TaskRegistry registry;
    registry.add(TaskName::MemoryMonitoring, [](const TaskEnvironment &env) {
        return std::make_shared<MemoryMonitoringTask>(env.dataDir);
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
