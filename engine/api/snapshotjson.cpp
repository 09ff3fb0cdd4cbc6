#include "api/snapshotjson.h"

#include "api/jsonreader_p.h"
#include "core/taskschedule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>

#include <cmath>
#include <limits>
#include <utility>

namespace hb::json {

namespace {

// Non-finite numbers have no JSON spelling (Qt would write null); the readers refuse them.
QJsonValue finiteOrNull(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

// --- the value types, each as a writer and a reader -------------------------------------------

ExecutionRecord readExecution(Reader &r)
{
    ExecutionRecord e;
    e.tickId = r.int64(QStringLiteral("tick_id"));
    e.task = r.string(QStringLiteral("task"));
    e.startedAtMs = r.int64(QStringLiteral("started_at_ms"));
    e.durationMs = r.int64(QStringLiteral("duration_ms"));
    e.outcome = r.enumeration(QStringLiteral("outcome"), &outcomeFromName);
    e.items = r.int64(QStringLiteral("items"));
    e.error = r.string(QStringLiteral("error"));
    e.queuedMs = r.optionalInt64(QStringLiteral("queued_ms"));
    return e;
}

QJsonValue skipReasonJson(const TickRecord &tick)
{
    switch (tick.skippedReason) {
    case TickSkipReason::None:
        return QJsonValue::Null;
    case TickSkipReason::Other:
        // Unknown words without the words (no stored row makes one) say as much as none.
        if (tick.skippedReasonText.isEmpty())
            return QJsonValue::Null;
        return tick.skippedReasonText;
    default:
        return tickSkipReasonName(tick.skippedReason);
    }
}

TickRecord readTick(Reader &r)
{
    TickRecord t;
    t.id = r.int64(QStringLiteral("id"));
    t.startedAtMs = r.int64(QStringLiteral("started_at_ms"));
    t.durationMs = r.int64(QStringLiteral("duration_ms"));
    t.ran = r.int32(QStringLiteral("ran"));
    t.succeeded = r.int32(QStringLiteral("succeeded"));
    t.failed = r.int32(QStringLiteral("failed"));
    const QString key = QStringLiteral("skipped_reason");
    const QJsonValue reason = r.value(key);
    if (!r.ok() || reason.isNull())
        return t;
    if (!reason.isString() || reason.toString().isEmpty()) {
        r.fail(r.pathOf(key), Reader::tr("expected null or a non-empty string"));
        return t;
    }
    t.skippedReason = tickSkipReasonFromName(reason.toString());
    if (t.skippedReason == TickSkipReason::Other)
        t.skippedReasonText = reason.toString();
    return t;
}

Sample readSample(Reader &r)
{
    Sample s;
    s.series = r.string(QStringLiteral("series"));
    s.tsMs = r.int64(QStringLiteral("ts_ms"));
    s.value = r.number(QStringLiteral("value"));
    return s;
}

AuditEntry readAudit(Reader &r)
{
    AuditEntry a;
    a.tsMs = r.int64(QStringLiteral("ts_ms"));
    a.actor = r.string(QStringLiteral("actor"));
    a.action = r.string(QStringLiteral("action"));
    a.detail = r.string(QStringLiteral("detail"));
    a.uid = r.string(QStringLiteral("uid"));
    return a;
}

Alert readAlert(Reader &r)
{
    Alert a;
    a.tsMs = r.int64(QStringLiteral("ts_ms"));
    a.source = r.string(QStringLiteral("source"));
    a.key = r.string(QStringLiteral("key"));
    a.severity = r.enumeration(QStringLiteral("severity"), &severityFromName);
    a.message = r.string(QStringLiteral("message"));
    return a;
}

QJsonObject fromTask(const TaskStatus &t)
{
    return {{QStringLiteral("name"), t.name},
            {QStringLiteral("enabled"), t.enabled},
            {QStringLiteral("running"), t.running},
            {QStringLiteral("has_run"), t.hasRun},
            {QStringLiteral("last_outcome"), outcomeName(t.lastOutcome)},
            {QStringLiteral("last_run_ms"), t.lastRunMs},
            {QStringLiteral("last_duration_ms"), t.lastDurationMs},
            {QStringLiteral("last_items"), t.lastItems},
            {QStringLiteral("last_error"), t.lastError},
            {QStringLiteral("completed"), t.completed},
            {QStringLiteral("schedule"), t.schedule},
            {QStringLiteral("next_run_ms"), t.nextRunMs}};
}

TaskStatus readTask(Reader &r)
{
    TaskStatus t;
    t.name = r.string(QStringLiteral("name"));
    t.enabled = r.boolean(QStringLiteral("enabled"));
    t.running = r.boolean(QStringLiteral("running"));
    t.hasRun = r.boolean(QStringLiteral("has_run"));
    t.lastOutcome = r.enumeration(QStringLiteral("last_outcome"), &outcomeFromName);
    t.lastRunMs = r.int64(QStringLiteral("last_run_ms"));
    t.lastDurationMs = r.int64(QStringLiteral("last_duration_ms"));
    t.lastItems = r.int64(QStringLiteral("last_items"));
    t.lastError = r.string(QStringLiteral("last_error"));
    t.completed = r.int64(QStringLiteral("completed"));
    if (r.has(QStringLiteral("schedule"))) { // not sent by engines older than schedules
        t.schedule = r.string(QStringLiteral("schedule"));
        t.nextRunMs = r.int64(QStringLiteral("next_run_ms"));
    }
    return t;
}

QJsonObject fromBreaker(const BreakerStatus &b)
{
    return {{QStringLiteral("task"), b.task},
            {QStringLiteral("state"), breakerStateName(b.state)},
            {QStringLiteral("failure_count"), b.failureCount},
            {QStringLiteral("last_failure_ms"), b.lastFailureMs},
            {QStringLiteral("opened_at_ms"), b.openedAtMs}};
}

BreakerStatus readBreaker(Reader &r)
{
    BreakerStatus b;
    b.task = r.string(QStringLiteral("task"));
    b.state = r.enumeration(QStringLiteral("state"), &breakerStateFromName);
    b.failureCount = r.int32(QStringLiteral("failure_count"));
    b.lastFailureMs = r.int64(QStringLiteral("last_failure_ms"));
    b.openedAtMs = r.int64(QStringLiteral("opened_at_ms"));
    return b;
}

QJsonObject fromMetrics(const HeartbeatMetrics &m)
{
    QJsonObject completed;
    for (auto it = m.tasksCompleted.cbegin(); it != m.tasksCompleted.cend(); ++it)
        completed.insert(it.key(), it.value());
    return {{QStringLiteral("tick_count"), m.tickCount},
            {QStringLiteral("last_tick_id"), m.lastTickId},
            {QStringLiteral("last_tick_ms"), m.lastTickMs},
            {QStringLiteral("last_execution_ms"), m.lastExecutionMs},
            {QStringLiteral("total_executions"), m.totalExecutions},
            {QStringLiteral("successful_executions"), m.successfulExecutions},
            {QStringLiteral("failed_executions"), m.failedExecutions},
            {QStringLiteral("cancelled_executions"), m.cancelledExecutions},
            {QStringLiteral("total_execution_time_ms"), m.totalExecutionTimeMs},
            {QStringLiteral("peak_execution_time_ms"), m.peakExecutionTimeMs},
            {QStringLiteral("tasks_completed"), completed},
            {QStringLiteral("last_error"), m.lastError},
            {QStringLiteral("last_error_ms"), m.lastErrorMs},
            {QStringLiteral("last_tick_tasks"), QJsonArray::fromStringList(m.lastTickTasks)}};
}

HeartbeatMetrics readMetrics(Reader &r)
{
    HeartbeatMetrics m;
    m.tickCount = r.int64(QStringLiteral("tick_count"));
    m.lastTickId = r.int64(QStringLiteral("last_tick_id"));
    m.lastTickMs = r.int64(QStringLiteral("last_tick_ms"));
    m.lastExecutionMs = r.int64(QStringLiteral("last_execution_ms"));
    m.totalExecutions = r.int64(QStringLiteral("total_executions"));
    m.successfulExecutions = r.int64(QStringLiteral("successful_executions"));
    m.failedExecutions = r.int64(QStringLiteral("failed_executions"));
    m.cancelledExecutions = r.int64(QStringLiteral("cancelled_executions"));
    m.totalExecutionTimeMs = r.int64(QStringLiteral("total_execution_time_ms"));
    m.peakExecutionTimeMs = r.int64(QStringLiteral("peak_execution_time_ms"));
    const QString completedKey = QStringLiteral("tasks_completed");
    const QJsonObject completed = r.object(completedKey);
    for (auto it = completed.constBegin(); r.ok() && it != completed.constEnd(); ++it) {
        const qint64 count = r.integer(it.value(), r.pathOf(completedKey) + u'.' + it.key());
        if (r.ok())
            m.tasksCompleted.insert(it.key(), count);
    }
    m.lastError = r.string(QStringLiteral("last_error"));
    m.lastErrorMs = r.int64(QStringLiteral("last_error_ms"));
    m.lastTickTasks = r.strings(QStringLiteral("last_tick_tasks"));
    return m;
}

EngineState readState(Reader &r)
{
    EngineState s;
    s.takenAtMs = r.int64(QStringLiteral("taken_at_ms"));
    s.running = r.boolean(QStringLiteral("running"));

    // The config is checked exactly like config.json; its errors name the field inside it.
    const QString configKey = QStringLiteral("config");
    const QJsonObject config = r.object(configKey);
    if (r.ok()) {
        ConfigError problem;
        if (auto parsed = configFromJson(config, &problem))
            s.config = std::move(*parsed);
        else
            r.fail(problem.field.isEmpty() ? r.pathOf(configKey)
                                           : r.pathOf(configKey) + u'.' + problem.field,
                   problem.reason);
    }

    const QString sourceKey = QStringLiteral("oracle_source");
    s.oracleSource = r.string(sourceKey);
    if (r.ok() && !OracleSourceName::all().contains(s.oracleSource))
        r.fail(r.pathOf(sourceKey), Reader::tr("unknown value \"%1\"").arg(s.oracleSource));
    Reader metrics = r.child(QStringLiteral("metrics"));
    s.metrics = readMetrics(metrics);
    s.tasks = r.objects(QStringLiteral("tasks"), &readTask);
    s.breakers = r.objects(QStringLiteral("breakers"), &readBreaker);
    const QString retryKey = QStringLiteral("breaker_retry_at_ms");
    const QJsonArray retry = r.array(retryKey);
    for (qsizetype i = 0; r.ok() && i < retry.size(); ++i)
        s.breakerRetryAtMs.append(
            r.integer(retry.at(i), r.pathOf(retryKey) + u'[' + QString::number(i) + u']'));
    s.emergencyStop = r.boolean(QStringLiteral("emergency_stop"));
    s.emergencyReason = r.string(QStringLiteral("emergency_reason"));
    if (r.has(QStringLiteral("safe_mode"))) { // not sent by engines older than safe mode
        s.safeMode = r.boolean(QStringLiteral("safe_mode"));
        s.safeModeReason = r.string(QStringLiteral("safe_mode_reason"));
    }
    s.activeAlerts = r.objects(QStringLiteral("active_alerts"), &readAlert);
    s.recentAudit = r.objects(QStringLiteral("recent_audit"), &readAudit);
    s.memoryBytes = r.int64(QStringLiteral("memory_bytes"));
    const QString gaugesKey = QStringLiteral("gauges");
    const QJsonObject gauges = r.object(gaugesKey);
    for (auto it = gauges.constBegin(); r.ok() && it != gauges.constEnd(); ++it) {
        if (!it.value().isDouble())
            r.fail(r.pathOf(gaugesKey) + u'.' + it.key(), Reader::tr("expected a number"));
        else
            s.gauges.insert(it.key(), it.value().toDouble());
    }
    s.tickIntervalMs = r.int64(QStringLiteral("tick_interval_ms"));
    s.nextTickAtMs = r.int64(QStringLiteral("next_tick_at_ms"));
    return s;
}

template<typename T> QJsonArray arrayOf(const QVector<T> &values, QJsonObject (*write)(const T &))
{
    QJsonArray out;
    for (const T &value : values)
        out.append(write(value));
    return out;
}

} // namespace

QJsonObject fromState(const EngineState &state)
{
    QJsonArray retry;
    for (const qint64 at : state.breakerRetryAtMs)
        retry.append(at);
    // A gauge reading that is not a finite number (none of today's tasks makes one) has no JSON
    // spelling; it is left out rather than sent as something a reader would refuse.
    QJsonObject gauges;
    for (auto it = state.gauges.cbegin(); it != state.gauges.cend(); ++it) {
        if (std::isfinite(it.value()))
            gauges.insert(it.key(), it.value());
    }
    // Every token holder reads snapshots: the channels, which hold webhook secrets and bot
    // tokens, stay out (a PUT /api/v1/config without them keeps them).
    QJsonObject config = state.config.toJson();
    config.remove(QStringLiteral("notifications"));
    return {{QStringLiteral("taken_at_ms"), state.takenAtMs},
            {QStringLiteral("running"), state.running},
            {QStringLiteral("config"), config},
            {QStringLiteral("oracle_source"), state.oracleSource},
            {QStringLiteral("metrics"), fromMetrics(state.metrics)},
            {QStringLiteral("tasks"), arrayOf(state.tasks, &fromTask)},
            {QStringLiteral("breakers"), arrayOf(state.breakers, &fromBreaker)},
            {QStringLiteral("breaker_retry_at_ms"), retry},
            {QStringLiteral("emergency_stop"), state.emergencyStop},
            {QStringLiteral("emergency_reason"), state.emergencyReason},
            {QStringLiteral("safe_mode"), state.safeMode},
            {QStringLiteral("safe_mode_reason"), state.safeModeReason},
            {QStringLiteral("active_alerts"), arrayOf(state.activeAlerts, &fromAlert)},
            {QStringLiteral("recent_audit"), arrayOf(state.recentAudit, &fromAudit)},
            {QStringLiteral("memory_bytes"), state.memoryBytes},
            {QStringLiteral("gauges"), gauges},
            {QStringLiteral("tick_interval_ms"), state.tickIntervalMs},
            {QStringLiteral("next_tick_at_ms"), state.nextTickAtMs}};
}

std::optional<EngineState> toState(const QJsonObject &json, QString *error)
{
    return parse(json, error, &readState);
}

QJsonObject fromExecution(const ExecutionRecord &record)
{
    return {{QStringLiteral("tick_id"), record.tickId},
            {QStringLiteral("task"), record.task},
            {QStringLiteral("started_at_ms"), record.startedAtMs},
            {QStringLiteral("duration_ms"), record.durationMs},
            {QStringLiteral("outcome"), outcomeName(record.outcome)},
            {QStringLiteral("items"), record.items},
            {QStringLiteral("error"), record.error},
            {QStringLiteral("queued_ms"),
             record.queuedMs ? QJsonValue(*record.queuedMs) : QJsonValue(QJsonValue::Null)}};
}

std::optional<ExecutionRecord> toExecution(const QJsonObject &json, QString *error)
{
    return parse(json, error, &readExecution);
}

QJsonObject fromTick(const TickRecord &tick)
{
    return {{QStringLiteral("id"), tick.id},
            {QStringLiteral("started_at_ms"), tick.startedAtMs},
            {QStringLiteral("duration_ms"), tick.durationMs},
            {QStringLiteral("ran"), tick.ran},
            {QStringLiteral("succeeded"), tick.succeeded},
            {QStringLiteral("failed"), tick.failed},
            {QStringLiteral("skipped_reason"), skipReasonJson(tick)}};
}

std::optional<TickRecord> toTick(const QJsonObject &json, QString *error)
{
    return parse(json, error, &readTick);
}

QJsonObject fromSample(const Sample &sample)
{
    return {{QStringLiteral("series"), sample.series},
            {QStringLiteral("ts_ms"), sample.tsMs},
            {QStringLiteral("value"), finiteOrNull(sample.value)}};
}

std::optional<Sample> toSample(const QJsonObject &json, QString *error)
{
    return parse(json, error, &readSample);
}

QJsonObject fromAudit(const AuditEntry &entry)
{
    return {{QStringLiteral("ts_ms"), entry.tsMs},
            {QStringLiteral("actor"), entry.actor},
            {QStringLiteral("action"), entry.action},
            {QStringLiteral("detail"), entry.detail},
            {QStringLiteral("uid"), entry.uid}};
}

QJsonObject fromDelivery(const DeliveryRecord &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("ts_ms"), r.tsMs},
            {QStringLiteral("channel"), r.channel},
            {QStringLiteral("event_uid"), r.eventUid},
            {QStringLiteral("kind"), r.kind},
            {QStringLiteral("attempt"), r.attempt},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("error"), r.error}};
}

QJsonObject fromSilence(const NotificationSilence &s)
{
    const auto iso = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
    };
    QJsonObject matchers;
    if (!s.machine.isEmpty())
        matchers.insert(QStringLiteral("machine"), s.machine);
    if (!s.task.isEmpty())
        matchers.insert(QStringLiteral("task"), s.task);
    if (!s.kind.isEmpty())
        matchers.insert(QStringLiteral("kind"), s.kind);
    QJsonObject o{{QStringLiteral("id"), s.id},
                  {QStringLiteral("from"), iso(s.fromMs)},
                  {QStringLiteral("to"), iso(s.toMs)},
                  {QStringLiteral("from_ms"), s.fromMs},
                  {QStringLiteral("to_ms"), s.toMs},
                  {QStringLiteral("reason"), s.reason},
                  {QStringLiteral("matchers"), matchers},
                  {QStringLiteral("created_by"), s.createdBy},
                  {QStringLiteral("created_ms"), s.createdMs}};
    if (s.isRecurring()) {
        o.insert(QStringLiteral("repeat"),
                 QJsonObject{{QStringLiteral("cron"), s.cron},
                             {QStringLiteral("duration"), intervalText(s.durationMs)},
                             {QStringLiteral("duration_ms"), s.durationMs},
                             {QStringLiteral("tz"), s.tz}});
    }
    return o;
}

std::optional<AuditEntry> toAudit(const QJsonObject &json, QString *error)
{
    return parse(json, error, &readAudit);
}

QJsonObject fromAlert(const Alert &alert)
{
    return {{QStringLiteral("ts_ms"), alert.tsMs},
            {QStringLiteral("source"), alert.source},
            {QStringLiteral("key"), alert.key},
            {QStringLiteral("severity"), severityName(alert.severity)},
            {QStringLiteral("message"), alert.message}};
}

std::optional<Alert> toAlert(const QJsonObject &json, QString *error)
{
    return parse(json, error, &readAlert);
}

} // namespace hb::json
