// MetricsReader's reads of the pushing machines' tables (machine_seen, machine_events).

#include "store/metricsreader.h"

#include "sqlite/sqlvalues.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace hb {

namespace {
constexpr int kMachinesSchema = 5; // the version that added both tables
}

QVector<MachineSeenRecord> MetricsReader::machineSeen()
{
    QVector<MachineSeenRecord> out;
    if (m_schemaVersion < kMachinesSchema)
        return out;
    try {
        SQLite::Statement q(*m_db, "SELECT machine, state, state_since_ms, last_seen_ms,"
                                   " last_kind, last_report FROM machine_seen ORDER BY machine");
        while (q.executeStep()) {
            MachineSeenRecord row;
            row.machine = sql::textOf(q.getColumn(0));
            row.state = sql::textOf(q.getColumn(1));
            row.stateSinceMs = sql::int64Of(q.getColumn(2));
            row.lastSeenMs = sql::int64Of(q.getColumn(3)); // NULL reads as 0: never
            row.lastKind = sql::textOf(q.getColumn(4));
            row.lastReport = sql::textOf(q.getColumn(5));
            out.append(row);
        }
    } catch (const std::exception &e) {
        fail(e, "machine_seen");
    }
    return out;
}

QVector<MachineEventRecord> MetricsReader::machineEvents(qint64 fromMs, qint64 toMs,
                                                         const QString &machine, int limit)
{
    QVector<MachineEventRecord> out;
    if (m_schemaVersion < kMachinesSchema || toMs <= fromMs || limit <= 0)
        return out;
    try {
        // Newest first so LIMIT keeps the newest; reversed below.
        SQLite::Statement q(*m_db, std::string("SELECT ts_ms, machine, from_state, to_state,"
                                               " last_seen_ms, reason FROM machine_events"
                                               " WHERE ts_ms >= ?1 AND ts_ms < ?2") +
                                       (machine.isEmpty() ? "" : " AND machine = ?4") +
                                       " ORDER BY ts_ms DESC, id DESC LIMIT ?3");
        sql::bindInt(q, 1, fromMs);
        sql::bindInt(q, 2, toMs);
        q.bind(3, limit);
        if (!machine.isEmpty())
            sql::bindText(q, 4, machine);
        while (q.executeStep()) {
            MachineEventRecord event;
            event.tsMs = sql::int64Of(q.getColumn(0));
            event.machine = sql::textOf(q.getColumn(1));
            event.fromState = sql::textOf(q.getColumn(2));
            event.toState = sql::textOf(q.getColumn(3));
            event.lastSeenMs = sql::int64Of(q.getColumn(4));
            event.reason = sql::textOf(q.getColumn(5));
            out.append(event);
        }
    } catch (const std::exception &e) {
        fail(e, "machine_events");
    }
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace hb
