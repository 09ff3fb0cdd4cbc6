#include "notify/conditions.h"

#include "core/notificationsconfig.h"
#include "snapshot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>

namespace hb {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("hb::Notifier", text, nullptr, n);
}

const QString kMachine = QStringLiteral("machine:");
const QString kBreaker = QStringLiteral("breaker:");
const QString kAlert = QStringLiteral("alert:");
const QString kEmergency = QStringLiteral("emergency");
const QString kStore = QStringLiteral("store");
const QString kStoreSource = QStringLiteral("metrics_store");
const QString kStoreKey = QStringLiteral("store_failed");
const QString kBreakerAlertKey = QStringLiteral("breaker_open");
const QString kOracleSubject = QStringLiteral("oracle");

// The price feed is cut: price updates run against a real or demo source and their breaker is
// not closed (open or trying again). The engine's health calls the open breaker "oracle down";
// a half-open one is not over yet, so the condition does not flap with every trial.
bool oracleFeedCut(const EngineState &state)
{
    if (state.oracleSource == OracleSourceName::None ||
        !state.config.isTaskEnabled(TaskName::PriceUpdate))
        return false;
    return std::any_of(state.breakers.cbegin(), state.breakers.cend(), [](const BreakerStatus &b) {
        return b.task == TaskName::PriceUpdate && b.state != BreakerState::Closed;
    });
}

} // namespace

ClearRule clearRuleOf(const QString &key)
{
    if (key.startsWith(kMachine))
        return ClearRule::Reported;
    if (key.startsWith(kBreaker) || key == kEmergency || key == DependencyRule::OracleDown)
        return ClearRule::Absent;
    return ClearRule::AbsentAfterTick;
}

QHash<QString, ConditionReport> activeConditions(const EngineState &state)
{
    QHash<QString, ConditionReport> result;
    const qint64 now = state.takenAtMs;
    for (const BreakerStatus &b : state.breakers) {
        if (b.state == BreakerState::Closed)
            continue;
        ConditionReport r{
            kBreaker + b.task,
            NotificationKind::BreakerOpened,
            NotificationKind::BreakerClosed,
            NotificationSeverity::Warning,
            b.task,
            tr("Circuit breaker of %1 opened").arg(b.task),
            tr("%1 is skipped until its breaker closes (%n failure(s)).", b.failureCount)
                .arg(b.task),
            b.openedAtMs > 0 ? b.openedAtMs : now};
        result.insert(r.key, r);
    }
    if (oracleFeedCut(state)) {
        // Its own condition, the root of the default rule: the breaker and the alerts of the
        // tasks that need prices are held under it (DependencyRules).
        const auto breaker =
            std::find_if(state.breakers.cbegin(), state.breakers.cend(),
                         [](const BreakerStatus &b) { return b.task == TaskName::PriceUpdate; });
        ConditionReport r{DependencyRule::OracleDown,
                          NotificationKind::AlertRaised,
                          NotificationKind::AlertCleared,
                          NotificationSeverity::Critical,
                          kOracleSubject,
                          tr("Oracle down"),
                          tr("No price is being fetched: the %1 circuit breaker is open.")
                              .arg(TaskName::PriceUpdate),
                          breaker->openedAtMs > 0 ? breaker->openedAtMs : now};
        result.insert(r.key, r);
    }
    if (state.emergencyStop) {
        ConditionReport r{kEmergency,
                          NotificationKind::EmergencyPause,
                          NotificationKind::EmergencyResume,
                          NotificationSeverity::Critical,
                          QStringLiteral("heartbeat"),
                          tr("Heartbeat paused (emergency)"),
                          state.emergencyReason.isEmpty() ? tr("No task runs until resumed.")
                                                          : state.emergencyReason,
                          now};
        result.insert(r.key, r);
    }
    for (const Alert &alert : state.activeAlerts) {
        if (alert.source == kStoreSource && alert.key == kStoreKey) {
            ConditionReport r{kStore,
                              NotificationKind::StoreFailed,
                              QString(), // the emergency resume says it is over
                              NotificationSeverity::Critical,
                              QStringLiteral("metrics.db"),
                              tr("The metrics store cannot be written"),
                              alert.message,
                              alert.tsMs > 0 ? alert.tsMs : now};
            result.insert(r.key, r);
            continue;
        }
        // Breakers are their own kind; only critical alerts are notified.
        if (alert.key == kBreakerAlertKey || alert.severity != Severity::Critical)
            continue;
        const QString subject = alert.source + u'/' + alert.key;
        ConditionReport r{kAlert + subject,
                          NotificationKind::AlertRaised,
                          NotificationKind::AlertCleared,
                          NotificationSeverity::Critical,
                          subject,
                          tr("Critical alert: %1").arg(subject),
                          alert.message,
                          alert.tsMs > 0 ? alert.tsMs : now};
        result.insert(r.key, r);
    }
    return result;
}

ConditionReport clearedCondition(const QString &key, qint64 atMs)
{
    ConditionReport r;
    r.key = key;
    r.atMs = atMs;
    if (key.startsWith(kBreaker)) {
        r.subject = key.mid(kBreaker.size());
        r.raiseKind = NotificationKind::BreakerOpened;
        r.clearKind = NotificationKind::BreakerClosed;
        r.title = tr("Circuit breaker of %1 closed").arg(r.subject);
        r.text = tr("%1 runs again.").arg(r.subject);
    } else if (key == kEmergency) {
        r.subject = QStringLiteral("heartbeat");
        r.raiseKind = NotificationKind::EmergencyPause;
        r.clearKind = NotificationKind::EmergencyResume;
        r.title = tr("Heartbeat resumed");
        r.text = tr("The emergency pause is over; tasks run again.");
    } else if (key == DependencyRule::OracleDown) {
        r.subject = kOracleSubject;
        r.raiseKind = NotificationKind::AlertRaised;
        r.clearKind = NotificationKind::AlertCleared;
        r.title = tr("Oracle back up");
        r.text = tr("Prices are fetched again.");
    } else if (key == kStore) {
        r.subject = QStringLiteral("metrics.db");
        r.raiseKind = NotificationKind::StoreFailed;
    } else {
        r.subject = key.mid(kAlert.size());
        r.raiseKind = NotificationKind::AlertRaised;
        r.clearKind = NotificationKind::AlertCleared;
        r.title = tr("Alert cleared: %1").arg(r.subject);
        r.text = tr("The condition is no longer reported.");
    }
    return r;
}

ConditionReport machineCondition(const MachineTransition &t, bool *active, bool *clearsSilently)
{
    ConditionReport r;
    r.key = kMachine + t.machine;
    r.raiseKind = NotificationKind::MachineDown;
    r.clearKind = NotificationKind::MachineUp;
    r.severity = NotificationSeverity::Critical;
    r.subject = t.machine;
    r.atMs = t.atMs;
    *active = t.to == MachineState::Down;
    // Paused (or removed and re-added): no longer judged, so no longer down, but not "up".
    *clearsSilently = t.to != MachineState::Down && t.to != MachineState::Up;
    if (*active) {
        r.title = tr("Machine %1 is down").arg(t.machine);
        r.text = t.reason.isEmpty() ? tr("No heartbeat in time.") : t.reason;
    } else {
        r.title = tr("Machine %1 is up").arg(t.machine);
        r.text = t.reason.isEmpty() ? tr("Heartbeats arrive again.") : t.reason;
    }
    return r;
}

DependencyRules::DependencyRules(QVector<DependencyRule> rules)
    : m_rules(std::move(rules))
{
}

bool DependencyRules::rootMatches(const DependencyRule &rule, const QString &key)
{
    if (rule.root == DependencyRule::OracleDown)
        return key == DependencyRule::OracleDown ||
               key.startsWith(kAlert + TaskName::OracleMonitoring + u'/');
    return key == rule.root; // "machine:NAME" is the machine's condition key
}

bool DependencyRules::holds(const DependencyRule &rule, const QString &key)
{
    for (const QString &task : rule.holds) {
        if (key == kBreaker + task || key.startsWith(kAlert + task + u'/'))
            return true;
    }
    return false;
}

bool DependencyRules::isRoot(const QString &key) const
{
    return std::any_of(m_rules.begin(), m_rules.end(),
                       [&key](const DependencyRule &rule) { return rootMatches(rule, key); });
}

QString DependencyRules::holdingRoot(const QString &key, const QList<QString> &active) const
{
    QList<QString> roots = active;
    std::sort(roots.begin(), roots.end());
    for (const DependencyRule &rule : m_rules) {
        if (!holds(rule, key))
            continue;
        for (const QString &root : std::as_const(roots)) {
            if (root != key && rootMatches(rule, root))
                return root;
        }
    }
    return {};
}

NotificationEvent makeEvent(const ConditionReport &report, bool resolved, bool resend)
{
    NotificationEvent e;
    e.uid = QStringLiteral("msg_") + QUuid::createUuid().toString(QUuid::Id128);
    e.atMs = report.atMs;
    e.kind = resolved ? report.clearKind : report.raiseKind;
    e.severity = report.severity;
    e.subject = report.subject;
    e.condition = report.key;
    e.title = resend ? tr("Still: %1").arg(report.title) : report.title;
    e.text = report.text;
    e.resolved = resolved;
    // The Standard Webhooks envelope: type, timestamp, data.
    const QJsonObject data{{QStringLiteral("id"), e.uid},
                           {QStringLiteral("kind"), e.kind},
                           {QStringLiteral("severity"), e.severity},
                           {QStringLiteral("subject"), e.subject},
                           {QStringLiteral("title"), e.title},
                           {QStringLiteral("text"), e.text},
                           {QStringLiteral("resolved"), e.resolved},
                           {QStringLiteral("resend"), resend},
                           {QStringLiteral("at_ms"), e.atMs}};
    const QJsonObject body{
        {QStringLiteral("type"), e.kind},
        {QStringLiteral("timestamp"),
         QDateTime::fromMSecsSinceEpoch(e.atMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("data"), data}};
    e.payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return e;
}

} // namespace hb
