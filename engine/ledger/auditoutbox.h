#pragma once

// The audit outbox every ledger file (catalog.db and each shard) holds: a ledger change and the
// audit entry that records it are committed in one SQLite transaction of the file that changes,
// and the entry is moved to metrics.db's `audit_log` later, idempotently (each row carries a
// unique id; metrics.db stores an id once; the outbox row is deleted only after metrics.db has
// committed it). See docs/architecture.md, "Integrity".
//
//   audit_outbox(seq, uid, ts_ms, actor, action, detail)   seq: write order within the file
//   ledger_changes(action, count)                          catalog.db only: changes committed
//                                                          per action, in the same transactions

#include "core/records.h"
#include "ledger/ledgertypes.h"

#include <QStringList>
#include <QVector>

namespace SQLite {
class Database;
}

namespace hb::outbox {

// The tables, for a file's migration step.
extern const char kOutboxSchema[];
extern const char kChangesSchema[];

// The entry a note stands for: a new unique id, `nowMs`, the note's actor ("ledger" when
// empty), its action, and its detail with `extra` added (extra wins on a shared key).
AuditEntry entryFor(const AuditNote &note, qint64 nowMs, const QJsonObject &extra = {});

// Inside the caller's transaction. `countChange`: also add one to ledger_changes(action).
void write(SQLite::Database &db, const AuditEntry &entry, bool countChange = false);
// Rows not yet moved, in write order; at most `limit`.
QVector<AuditEntry> read(SQLite::Database &db, int limit);
// Deletes the rows with these ids (in the caller's transaction, or its own when none is open).
void remove(SQLite::Database &db, const QStringList &uids);
// Inside the caller's transaction: rows already present (same uid) are kept as they are.
void adopt(SQLite::Database &db, const QVector<AuditEntry> &entries);
// ledger_changes of a catalog, by action.
QHash<QString, qint64> changeCounts(SQLite::Database &db);

} // namespace hb::outbox
