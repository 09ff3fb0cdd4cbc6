#pragma once

// What the notifier watches, in one vocabulary: every source (machine transitions, engine
// snapshots) reports "conditions" that are active or not; a condition becoming active is a
// notification of its raise kind, one that clears is its resolution.

#include "core/config.h"
#include "machines/machinetypes.h"
#include "store/notificationstore.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace hb {

struct EngineState;

struct ConditionReport
{
    QString key;       // "machine:NAME", "breaker:TASK", "alert:SOURCE/KEY", "emergency", "store"
    QString raiseKind; // a NotificationKind
    QString clearKind; // the resolution's kind; empty: it clears without a message
    QString severity;  // of the raise (a resolution goes where its raise went)
    QString subject;
    QString title;
    QString text;
    qint64 atMs = 0;
};

// How a condition that is no longer reported is judged cleared.
enum class ClearRule {
    Reported,       // only by its source saying so (machine transitions)
    Absent,         // by its absence from a snapshot (breakers, the emergency pause: restored
                    // from metrics.db, so the first snapshot of a run already shows them)
    AbsentAfterTick // alerts are raised again by the tasks' runs: absent once a tick has run
};
ClearRule clearRuleOf(const QString &key);

// The conditions a snapshot shows active, by key.
QHash<QString, ConditionReport> activeConditions(const EngineState &state);
// The resolution message of a snapshot condition that is gone.
ConditionReport clearedCondition(const QString &key, qint64 atMs);
// A machine transition as a condition report; `active` says whether it raises or clears.
ConditionReport machineCondition(const MachineTransition &transition, bool *active,
                                 bool *clearsSilently);

// The dependency rules of config.json ("notifications.rules") in terms of condition keys: while a
// root cause is active, the notifications of the conditions it holds are held (logged "held",
// not sent). "oracle_down" is the condition of that name (the price update task's breaker is not
// closed while a price source is configured: the health's "oracle down") or any critical alert of
// oracle_monitoring ("alert:oracle_monitoring/..."); "machine:NAME" is the machine's down
// condition; a held task is its breaker ("breaker:TASK") and its critical alerts
// ("alert:TASK/...").
class DependencyRules
{
public:
    explicit DependencyRules(QVector<DependencyRule> rules = NotificationsConfig::defaultRules());

    // Some rule is rooted at `key`.
    bool isRoot(const QString &key) const;
    // The root among `active` (condition keys) that holds `key`, by rule order and then by key;
    // empty when none does.
    QString holdingRoot(const QString &key, const QList<QString> &active) const;

private:
    static bool rootMatches(const DependencyRule &rule, const QString &key);
    static bool holds(const DependencyRule &rule, const QString &key);
    QVector<DependencyRule> m_rules;
};

// A new event (fresh uid, JSON payload) for `report`: its raise, its resolution, or a resend.
NotificationEvent makeEvent(const ConditionReport &report, bool resolved, bool resend = false);

} // namespace hb
