#include "store/enginestate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hb::enginestate {

namespace {
// Kept in one table so encode and decode cannot drift apart.
struct CounterField
{
    QLatin1StringView key;
    qint64 HeartbeatMetrics::*member;
};

const CounterField kCounters[] = {
    {QLatin1StringView("tick_count"), &HeartbeatMetrics::tickCount},
    {QLatin1StringView("last_tick_id"), &HeartbeatMetrics::lastTickId},
    {QLatin1StringView("last_tick_ms"), &HeartbeatMetrics::lastTickMs},
    {QLatin1StringView("last_execution_ms"), &HeartbeatMetrics::lastExecutionMs},
    {QLatin1StringView("total_executions"), &HeartbeatMetrics::totalExecutions},
    {QLatin1StringView("successful_executions"), &HeartbeatMetrics::successfulExecutions},
    {QLatin1StringView("failed_executions"), &HeartbeatMetrics::failedExecutions},
    {QLatin1StringView("cancelled_executions"), &HeartbeatMetrics::cancelledExecutions},
    {QLatin1StringView("total_execution_time_ms"), &HeartbeatMetrics::totalExecutionTimeMs},
    {QLatin1StringView("peak_execution_time_ms"), &HeartbeatMetrics::peakExecutionTimeMs},
    {QLatin1StringView("last_error_ms"), &HeartbeatMetrics::lastErrorMs},
};

const QLatin1StringView kTasksCompleted("tasks_completed");
const QLatin1StringView kLastError("last_error");
const QLatin1StringView kLastTickTasks("last_tick_tasks");
} // namespace

QByteArray encodeMetrics(const HeartbeatMetrics &metrics)
{
    QJsonObject o;
    for (const CounterField &field : kCounters)
        o.insert(field.key, metrics.*field.member);
    QJsonObject completed;
    for (auto it = metrics.tasksCompleted.cbegin(); it != metrics.tasksCompleted.cend(); ++it)
        completed.insert(it.key(), it.value());
    o.insert(kTasksCompleted, completed);
    o.insert(kLastError, metrics.lastError);
    o.insert(kLastTickTasks, QJsonArray::fromStringList(metrics.lastTickTasks));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<HeartbeatMetrics> decodeMetrics(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    HeartbeatMetrics metrics;
    for (const CounterField &field : kCounters)
        metrics.*field.member = o.value(field.key).toInteger();
    const QJsonObject completed = o.value(kTasksCompleted).toObject();
    for (auto it = completed.begin(); it != completed.end(); ++it)
        metrics.tasksCompleted.insert(it.key(), it.value().toInteger());
    metrics.lastError = o.value(kLastError).toString();
    for (const QJsonValue &task : o.value(kLastTickTasks).toArray())
        metrics.lastTickTasks.append(task.toString());
    return metrics;
}

} // namespace hb::enginestate
