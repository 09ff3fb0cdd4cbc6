// HeartbeatEngine's commands: every mutating call from outside the engine thread. Each one is
// authorized by the actor's role, audited (refusals too) and committed with the state it leaves.

#include "engine.h"

#include "core/cronexpr.h"
#include "core/logging.h"
#include "core/notificationsconfig.h"
#include "engine_p.h"
#include "store/metricswriter.h"
#include "store/notificationstore.h"

#include <QDateTime>

#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>
#include <QTimeZone>

namespace hb {

namespace {

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The fields whose value differs, as {"field": {"before": x, "after": y}}.
QJsonObject configDiff(const HeartbeatConfig &before, const HeartbeatConfig &after)
{
    // The channels with their secrets and bot tokens hidden (viewers read the audit log), and
    // always present, so removing the last channel shows too.
    const auto auditable = [](const HeartbeatConfig &c) {
        QJsonObject o = c.toJson();
        o.insert(QStringLiteral("notifications"), notificationsToJson(c.notifications, true));
        return o;
    };
    const QJsonObject a = auditable(before);
    const QJsonObject b = auditable(after);
    QJsonObject diff;
    for (auto it = b.begin(); it != b.end(); ++it) {
        if (a.value(it.key()) != it.value())
            diff.insert(it.key(), QJsonObject{{QStringLiteral("before"), a.value(it.key())},
                                              {QStringLiteral("after"), it.value()}});
    }
    return diff;
}

} // namespace

CommandResult HeartbeatEngine::authorize(const Actor &actor, Role required, const QString &action)
{
    if (actor.has(required))
        return CommandResult::success();
    audit(actor, QStringLiteral("refused"),
          json({{QStringLiteral("request"), action},
                {QStringLiteral("required_role"), roleName(required)}}));
    commitCommand();
    return CommandResult::denied(
        tr("%1 requires the %2 role; %3 is a %4")
            .arg(action, roleName(required), actor.name, roleName(actor.role)));
}

void HeartbeatEngine::audit(const Actor &actor, const QString &action, const QString &detail)
{
    QJsonObject withRole = QJsonDocument::fromJson(detail.toUtf8()).object();
    withRole.insert(QStringLiteral("role"), roleName(actor.role));
    appendAudit({m_clock->nowMs(), actor.name, action, json(withRole)});
}

void HeartbeatEngine::appendAudit(const AuditEntry &entry)
{
    m_pendingAudit.append(entry);
    appendAuditTail(entry);
}

void HeartbeatEngine::appendAuditTail(const AuditEntry &entry)
{
    m_auditTail.append(entry);
    if (m_auditTail.size() > AuditTail)
        m_auditTail.remove(0, m_auditTail.size() - AuditTail);
}

void HeartbeatEngine::onAuditMoved(const QVector<AuditEntry> &entries)
{
    assertEngineThread();
    for (const AuditEntry &entry : entries)
        appendAuditTail(entry);
    markDirty();
}

void HeartbeatEngine::onStoreFailed(const QString &message)
{
    assertEngineThread();
    m_storeError = message;
    if (m_storeFailed) {
        markDirty();
        return;
    }
    m_storeFailed = true;
    m_storeFailedAtMs = m_clock->nowMs();
    const QString reason = tr("metrics store failed: %1").arg(message);
    // Info: the binaries report the failure themselves (heartbeatd in its one stderr line).
    qCInfo(lcEngine).noquote() << reason << "- emergency pause";
    // An admin's pause keeps its reason; the alert says what else is wrong.
    if (!m_emergencyStop) {
        m_emergencyStop = true;
        m_emergencyReason = reason;
    }
    m_storeFailureAudit.append({m_storeFailedAtMs, QStringLiteral("heartbeat"),
                                QStringLiteral("emergency_pause"),
                                json({{QStringLiteral("reason"), reason},
                                      {QStringLiteral("role"), QStringLiteral("system")}})});
    appendAuditTail(m_storeFailureAudit.constLast());
    cancelInFlight(tr("cancelled: metrics store failed"));
    markDirty();
}

bool HeartbeatEngine::retryStore(QString *error)
{
    if (!m_writer)
        return true;
    WriteBatch batch;
    batch.audit = m_storeFailureAudit;
    batch.state = persistedState();
    if (!m_writer->retry(std::move(batch), error))
        return false;
    m_storeFailed = false;
    m_storeError.clear();
    m_storeFailureAudit.clear();
    return true;
}

CommandResult HeartbeatEngine::setEmergencyStop(const Actor &actor, bool on, const QString &reason)
{
    assertEngineThread();
    const QString action = on ? QStringLiteral("emergency_pause") : QStringLiteral("resume");
    if (CommandResult r = authorize(actor, Role::Admin, action); !r.ok)
        return r;
    if (!on && m_storeFailed) {
        // Nothing may change the ledger until the audit log can record it again.
        QString error;
        if (!retryStore(&error)) {
            markDirty();
            return CommandResult::failure(
                tr("the metrics store still cannot be written: %1").arg(error));
        }
    }
    if (m_emergencyStop == on)
        return CommandResult::success();
    m_emergencyStop = on;
    m_emergencyReason = on ? reason : QString();
    audit(actor, action, json({{QStringLiteral("reason"), reason}}));
    if (on)
        cancelInFlight(tr("cancelled: emergency pause"));
    commitCommand();
    qCWarning(lcEngine).noquote() << action << "by" << actor.name << reason;
    return CommandResult::success();
}

CommandResult HeartbeatEngine::setMaintenanceMode(const Actor &actor, bool on)
{
    HeartbeatConfig config = m_config;
    config.maintenanceMode = on;
    return applyConfig(actor, config,
                       on ? QStringLiteral("maintenance_on") : QStringLiteral("maintenance_off"));
}

CommandResult HeartbeatEngine::setEnabled(const Actor &actor, bool on)
{
    HeartbeatConfig config = m_config;
    config.enabled = on;
    return applyConfig(actor, config,
                       on ? QStringLiteral("heartbeat_enable") : QStringLiteral("heartbeat_disable"));
}

CommandResult HeartbeatEngine::setTaskEnabled(const Actor &actor, const QString &task, bool on)
{
    if (!m_config.tasks.contains(task) && !slotFor(task))
        return CommandResult::failure(tr("there is no task named %1").arg(task));
    HeartbeatConfig config = m_config;
    config.tasks[task] = on;
    return applyConfig(actor, config,
                       on ? QStringLiteral("task_enable") : QStringLiteral("task_disable"));
}

CommandResult HeartbeatEngine::updateConfig(const Actor &actor, const HeartbeatConfig &config)
{
    return applyConfig(actor, config, QStringLiteral("config_change"));
}

CommandResult HeartbeatEngine::applyConfig(const Actor &actor, const HeartbeatConfig &config,
                                           const QString &action)
{
    assertEngineThread();
    if (CommandResult r = authorize(actor, Role::Admin, action); !r.ok)
        return r;
    if (const auto error = validateConfig(config))
        return CommandResult::failure(error->toString());
    if (config == m_config)
        return CommandResult::success();
    if (!m_configPath.isEmpty()) {
        QString error;
        if (!ConfigFile(m_configPath).save(config, &error))
            return CommandResult::failure(error);
    }
    const QJsonObject diff = configDiff(m_config, config);
    const bool enteringMaintenance = config.maintenanceMode && !m_config.maintenanceMode;
    m_config = config;
    m_pool->setMaxThreadCount(m_config.maxConcurrentTasks);
    for (auto &slot : m_slots)
        slot->breaker.setPolicy(m_config.breakerFailureThreshold, m_config.breakerTimeoutMs);
    if (m_tickTimer.isActive() && m_tickTimer.interval() != int(tickIntervalMs()))
        m_tickTimer.start(int(tickIntervalMs()));
    audit(actor, action, json({{QStringLiteral("changes"), diff}}));
    if (enteringMaintenance)
        cancelInFlight(tr("cancelled: maintenance mode"));
    commitCommand();
    return CommandResult::success();
}

CommandResult HeartbeatEngine::resetBreaker(const Actor &actor, const QString &task)
{
    assertEngineThread();
    if (CommandResult r = authorize(actor, Role::Admin, QStringLiteral("breaker_reset")); !r.ok)
        return r;
    const qint64 now = m_clock->nowMs();
    const QString reason = tr("reset by %1").arg(actor.name);
    if (task.isEmpty()) {
        for (auto &slot : m_slots)
            recordBreakerEvent(slot->breaker.reset(now, reason));
    } else {
        TaskSlot *slot = slotFor(task);
        if (!slot)
            return CommandResult::failure(tr("there is no task named %1").arg(task));
        const BreakerStatus before = slot->breaker.status();
        recordBreakerEvent(slot->breaker.reset(now, reason));
        audit(actor, QStringLiteral("breaker_reset"),
              json({{QStringLiteral("task"), task},
                    {QStringLiteral("before"), breakerStateName(before.state)},
                    {QStringLiteral("failures_before"), before.failureCount}}));
        commitCommand();
        return CommandResult::success();
    }
    audit(actor, QStringLiteral("breaker_reset"), json({{QStringLiteral("task"), QStringLiteral("*")}}));
    commitCommand();
    return CommandResult::success();
}

CommandResult HeartbeatEngine::forceOpenBreaker(const Actor &actor, const QString &task)
{
    assertEngineThread();
    if (CommandResult r = authorize(actor, Role::Admin, QStringLiteral("breaker_force_open")); !r.ok)
        return r;
    TaskSlot *slot = slotFor(task);
    if (!slot)
        return CommandResult::failure(tr("there is no task named %1").arg(task));
    const BreakerState before = slot->breaker.state();
    recordBreakerEvent(
        slot->breaker.forceOpen(m_clock->nowMs(), tr("forced open by %1").arg(actor.name)));
    audit(actor, QStringLiteral("breaker_force_open"),
          json({{QStringLiteral("task"), task}, {QStringLiteral("before"), breakerStateName(before)}}));
    commitCommand();
    return CommandResult::success();
}

namespace {

QJsonObject silenceJson(const NotificationSilence &s)
{
    const auto iso = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
    };
    QJsonObject o{{QStringLiteral("id"), s.id},           {QStringLiteral("from"), iso(s.fromMs)},
                  {QStringLiteral("to"), iso(s.toMs)},    {QStringLiteral("reason"), s.reason},
                  {QStringLiteral("machine"), s.machine}, {QStringLiteral("task"), s.task},
                  {QStringLiteral("kind"), s.kind}};
    if (s.isRecurring()) {
        o.insert(QStringLiteral("cron"), s.cron);
        o.insert(QStringLiteral("duration_ms"), s.durationMs);
        o.insert(QStringLiteral("tz"), s.tz);
    }
    return o;
}

} // namespace

CommandResult HeartbeatEngine::addSilence(const Actor &actor, const NotificationSilence &silence)
{
    assertEngineThread();
    const QString action = QStringLiteral("silence_add");
    if (CommandResult r = authorize(actor, Role::Operator, action); !r.ok)
        return r;
    if (silence.reason.trimmed().isEmpty())
        return CommandResult::failure(tr("a silence needs a reason"));
    if (silence.toMs <= silence.fromMs || silence.toMs <= m_clock->nowMs())
        return CommandResult::failure(tr("a silence must end after it starts, and in the future"));
    if (!silence.kind.isEmpty() && !NotificationKind::all().contains(silence.kind))
        return CommandResult::failure(tr("there is no notification kind %1").arg(silence.kind));
    if (silence.isRecurring()) {
        CronError cronError;
        if (!CronExpr::parse(silence.cron, &cronError))
            return CommandResult::failure(tr("bad cron expression at position %1: %2")
                                              .arg(cronError.position)
                                              .arg(cronError.reason));
        if (!silence.tz.isEmpty() && !QTimeZone(silence.tz.toUtf8()).isValid())
            return CommandResult::failure(tr("unknown time zone %1").arg(silence.tz));
        if (silence.durationMs < 60'000 || silence.durationMs > kRecurringSilenceMaxMs)
            return CommandResult::failure(
                tr("a recurring silence lasts from one minute to seven days each time"));
    }
    NotificationSilence s = silence;
    s.createdBy = actor.name;
    s.createdMs = m_clock->nowMs();
    QString error;
    // Written at once, not with the next batch: the caller learns its id, and a notifier in
    // another process applies it to the next event.
    if (NotificationStore *store = silenceStore(&error)) {
        try {
            s.id = store->addSilence(s);
        } catch (const StoreError &e) {
            m_silences.reset();
            error = e.message();
        }
    }
    if (s.id == 0)
        return CommandResult::failure(tr("the silence could not be saved: %1").arg(error));
    audit(actor, action, json(silenceJson(s)));
    commitCommand();
    qCInfo(lcEngine).noquote() << action << s.id << "by" << actor.name << s.reason;
    CommandResult result = CommandResult::success();
    result.id = s.id;
    return result;
}

CommandResult HeartbeatEngine::endSilence(const Actor &actor, qint64 id)
{
    assertEngineThread();
    const QString action = QStringLiteral("silence_end");
    if (CommandResult r = authorize(actor, Role::Operator, action); !r.ok)
        return r;
    QString error;
    std::optional<NotificationSilence> ended;
    if (NotificationStore *store = silenceStore(&error)) {
        try {
            ended = store->endSilence(id, m_clock->nowMs());
            if (!ended)
                error = tr("there is no current or future silence %1").arg(id);
        } catch (const StoreError &e) {
            m_silences.reset();
            error = tr("the silence could not be ended: %1").arg(e.message());
        }
    }
    if (!ended)
        return CommandResult::failure(error);
    audit(actor, action, json(silenceJson(*ended)));
    commitCommand();
    qCInfo(lcEngine).noquote() << action << id << "by" << actor.name;
    CommandResult result = CommandResult::success();
    result.id = id;
    return result;
}

NotificationStore *HeartbeatEngine::silenceStore(QString *error)
{
    if (m_silences)
        return m_silences.get();
    if (!m_writer) {
        *error = tr("this engine has no metrics store");
        return nullptr;
    }
    if (m_storeFailed) {
        *error = m_storeError;
        return nullptr;
    }
    try {
        m_silences = std::make_unique<NotificationStore>(m_writer->path());
    } catch (const StoreError &e) {
        *error = e.message();
    }
    return m_silences.get();
}

void HeartbeatEngine::recordSessionEvent(const Actor &actor, const QString &action)
{
    assertEngineThread();
    audit(actor, action, json({}));
    commitCommand();
}

void HeartbeatEngine::recordDashboardChange(const Actor &actor, const QString &action,
                                            const QJsonObject &detail)
{
    assertEngineThread();
    audit(actor, action, json(detail));
    commitCommand();
}

} // namespace hb

namespace hb {

CommandResult HeartbeatEngine::setSafeMode(const Actor &actor, bool on, const QString &reason)
{
    assertEngineThread();
    const QString action = on ? QStringLiteral("safe_mode_enter") : QStringLiteral("safe_mode_leave");
    if (CommandResult r = authorize(actor, Role::Admin, action); !r.ok)
        return r;
    if (m_safeMode == on)
        return CommandResult::success();
    m_safeMode = on;
    m_safeModeReason = on ? reason : QString();
    audit(actor, action, json({{QStringLiteral("reason"), reason}}));
    commitCommand();
    qCWarning(lcEngine).noquote() << action << "by" << actor.name << reason;
    return CommandResult::success();
}

void HeartbeatEngine::raiseAlert(const Alert &alert)
{
    m_activeAlerts.removeIf([&](const Alert &a) { return a.source == alert.source && a.key == alert.key; });
    m_activeAlerts.append(alert);
    qCWarning(lcEngine).noquote() << "alert:" << alert.source << alert.message;
    markDirty();
}

Outcome HeartbeatEngine::applyFallback(TaskSlot &slot, Outcome outcome, QString *error,
                                       bool *countsForBreaker)
{
    const QString task = slot.status.name;
    const TaskSchedule policy = m_config.scheduleOf(task);
    // What the engine does on its own is audited under the task's name, with an admin's rights.
    const Actor self{QStringLiteral("heartbeat:") + task, Role::Admin};
    const qint64 now = m_clock->nowMs();
    switch (policy.fallback) {
    case TaskSchedule::Fallback::None:
        return outcome;
    case TaskSchedule::Fallback::Skip:
        *countsForBreaker = false;
        *error = tr("failed; skipped by its fallback: %1").arg(*error);
        return Outcome::Skipped;
    case TaskSchedule::Fallback::NotifyAndContinue:
        raiseAlert({now, task, QStringLiteral("fallback_notify"), Severity::Warning,
                    tr("%1 failed; its fallback tells and carries on: %2").arg(task, *error)});
        return outcome;
    case TaskSchedule::Fallback::Stop: {
        *error = tr("stopped by its fallback until an admin enables it: %1").arg(*error);
        HeartbeatConfig config = m_config;
        config.tasks[task] = false;
        audit(self, QStringLiteral("task_stopped"), json({{QStringLiteral("reason"), *error}}));
        const CommandResult r = applyConfig(self, config, QStringLiteral("task_disable"));
        if (!r.ok)
            qCWarning(lcEngine).noquote() << "could not stop" << task << "by its fallback:" << r.error;
        return outcome;
    }
    case TaskSchedule::Fallback::Alternative:
    case TaskSchedule::Fallback::DefaultValue:
        break; // the task tried it inside the run and still failed: the emergency action
    }
    const QString why = tr("%1 failed and its fallback (%2) too: %3")
                            .arg(task, TaskSchedule::fallbackName(policy.fallback), *error);
    if (m_config.emergencyAction == EmergencyActionName::PauseAll) {
        if (!m_emergencyStop) {
            m_emergencyStop = true;
            m_emergencyReason = why;
            audit(self, QStringLiteral("emergency_pause"), json({{QStringLiteral("reason"), why}}));
            qCWarning(lcEngine).noquote() << "emergency pause by" << self.name << why;
            // The other runs are cancelled once this one is recorded (it is being finished now).
            QMetaObject::invokeMethod(
                this, [this] { if (m_emergencyStop) cancelInFlight(tr("cancelled: emergency pause")); },
                Qt::QueuedConnection);
        }
    } else if (m_config.emergencyAction == EmergencyActionName::SafeMode) {
        if (!m_safeMode) {
            m_safeMode = true;
            m_safeModeReason = why;
            audit(self, QStringLiteral("safe_mode_enter"), json({{QStringLiteral("reason"), why}}));
            qCWarning(lcEngine).noquote() << "safe mode entered by" << self.name << why;
        }
    } else {
        raiseAlert({now, task, QStringLiteral("fallback_failed"), Severity::Critical, why});
    }
    markDirty();
    return outcome;
}

} // namespace hb
