// MetricsReader's reads of breaker_events: the breaker openings the charts mark.

#include "store/metricsreader.h"

#include "sqlite/sqlvalues.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace hb {

QVector<BreakerEvent> MetricsReader::breakerEvents(qint64 fromMs, qint64 toMs,
                                                   std::optional<BreakerState> toState, int limit)
{
    QVector<BreakerEvent> out;
    if (toMs <= fromMs || limit <= 0)
        return out;
    try {
        // Newest first so LIMIT keeps the newest; reversed below.
        SQLite::Statement q(*m_db, std::string("SELECT ts_ms, task, from_state, to_state, reason"
                                               " FROM breaker_events"
                                               " WHERE ts_ms >= ?1 AND ts_ms < ?2") +
                                       (toState ? " AND to_state = ?4" : "") +
                                       " ORDER BY ts_ms DESC, rowid DESC LIMIT ?3");
        sql::bindInt(q, 1, fromMs);
        sql::bindInt(q, 2, toMs);
        q.bind(3, limit);
        if (toState)
            sql::bindText(q, 4, breakerStateName(*toState));
        while (q.executeStep()) {
            BreakerEvent e;
            e.tsMs = sql::int64Of(q.getColumn(0));
            e.task = sql::textOf(q.getColumn(1));
            // A state word this build does not know reads as closed: the row is still shown.
            e.from =
                breakerStateFromName(sql::textOf(q.getColumn(2))).value_or(BreakerState::Closed);
            e.to = breakerStateFromName(sql::textOf(q.getColumn(3))).value_or(BreakerState::Closed);
            e.reason = sql::textOf(q.getColumn(4));
            out.append(e);
        }
    } catch (const std::exception &e) {
        fail(e, "breaker events");
    }
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace hb
