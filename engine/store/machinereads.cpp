// MetricsReader's reads of the pushing machines' tables (machine_seen, machine_events).

#include "store/metricsreader.h"

#include "sqlite/sqlvalues.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace hb {

namespace {
constexpr int kMachinesSchema = 5; // the version that added both tables

QString text(SQLite::Statement &row, int column)
{
    return sql::textOf(row.getColumn(column));
}
qint64 int64(SQLite::Statement &row, int column)
{
    return sql::int64Of(row.getColumn(column));
}
} // namespace

QVector<MachineSeenRecord> MetricsReader::machineSeen()
{
    QVector<MachineSeenRecord> out;
    if (m_schemaVersion < kMachinesSchema)
        return out;
    try {
        SQLite::Statement q(*m_db, "SELECT machine, state, state_since_ms, last_seen_ms,"
                                   " last_kind, last_report FROM machine_seen ORDER BY machine");
        // NULL times read as 0: never.
        while (q.executeStep())
            out.append({text(q, 0), text(q, 1), int64(q, 2), int64(q, 3), text(q, 4), text(q, 5)});
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
        while (q.executeStep())
            out.append({int64(q, 0), text(q, 1), text(q, 2), text(q, 3), int64(q, 4), text(q, 5)});
    } catch (const std::exception &e) {
        fail(e, "machine_events");
    }
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace hb
