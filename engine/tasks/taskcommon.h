#pragma once

// What every ledger task shares: the user-visible wording of a missing dependency, the cycles
// each run burns for its work, and the JSON of audit details. Not a task itself.

#include "ledger/ledgertypes.h"
#include "task.h"

#include <QJsonObject>

namespace hb {

class Ledger;

namespace tasks {

// QCoreApplication::translate in the "hb::Tasks" context (every task's user-visible text).
QString tr(const char *text);

// The failure of a task built without `what` (e.g. "ledger"): a clear error, never a crash.
TaskResult missingDependency(const QString &task, const QString &what);

// Burns items * config.cyclesCostPerItem from the cycles balance in one transaction, never
// below 0 (a burn larger than the balance takes what is left). Returns the cycles burnt.
// Burns are routine accounting, not decisions, so they are sampled, not audited: an audit entry
// per task per tick would crowd the capped audit log out of the changes people look for.
qint64 burnForWork(Ledger &ledger, const HeartbeatConfig &config, qint64 items);

// Compact JSON for AuditEntry::detail.
QString auditDetail(const QJsonObject &detail);

// The note a task's ledger change is audited with (actor "heartbeat:<task>"): the ledger writes
// it in the same transaction as the change.
AuditNote auditNote(const QString &task, const QString &action, const QJsonObject &detail = {});

// The user-visible error of a run stopped by ctx.cancelled.
TaskResult cancelledResult();

} // namespace tasks
} // namespace hb
