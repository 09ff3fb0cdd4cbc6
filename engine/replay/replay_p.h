#pragma once

// ReplayReader's private parts, shared by replayhistory.cpp (opening the file and caching its
// small tables) and replay.cpp (the state at a moment). Not for use elsewhere.

#include "core/logging.h"
#include "replay/replay.h"
#include "sqlite/sqlvalues.h"
#include "store/storeerror.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace hb {

namespace replayimpl {

inline constexpr int kBusyTimeoutMs = 2000;
inline constexpr qint64 kNever = std::numeric_limits<qint64>::min();

inline QString trReplay(const char *text)
{
    return QCoreApplication::translate("hb::ReplayReader", text);
}

inline qint64 floorTo(qint64 ms, qint64 width)
{
    return ms - (((ms % width) + width) % width);
}

// What the rollups count per bucket, summed.
struct Counts
{
    qint64 rows = 0;
    qint64 successes = 0;
    qint64 failures = 0;
    qint64 timeouts = 0;
    qint64 skipped = 0;
    qint64 cancelled = 0;
    qint64 totalMs = 0;
    qint64 maxMs = 0;

    void add(const Counts &o)
    {
        rows += o.rows;
        successes += o.successes;
        failures += o.failures;
        timeouts += o.timeouts;
        skipped += o.skipped;
        cancelled += o.cancelled;
        totalMs += o.totalMs;
        maxMs = std::max(maxMs, o.maxMs);
    }
    void addRow(Outcome outcome, qint64 durationMs)
    {
        ++rows;
        switch (outcome) {
        case Outcome::Success:
            ++successes;
            break;
        case Outcome::Failure:
            ++failures;
            break;
        case Outcome::Timeout:
            ++timeouts;
            break;
        case Outcome::Skipped:
            ++skipped;
            break;
        case Outcome::Cancelled:
            ++cancelled;
            break;
        }
        if (outcome != Outcome::Skipped) {
            totalMs += durationMs;
            maxMs = std::max(maxMs, durationMs);
        }
    }
};

inline Counts countsOf(SQLite::Statement &row, int first)
{
    Counts c;
    c.rows = sql::int64Of(row.getColumn(first));
    c.successes = sql::int64Of(row.getColumn(first + 1));
    c.failures = sql::int64Of(row.getColumn(first + 2));
    c.timeouts = sql::int64Of(row.getColumn(first + 3));
    c.skipped = sql::int64Of(row.getColumn(first + 4));
    c.cancelled = sql::int64Of(row.getColumn(first + 5));
    c.totalMs = sql::int64Of(row.getColumn(first + 6));
    c.maxMs = sql::int64Of(row.getColumn(first + 7));
    return c;
}

struct HourRow
{
    qint64 bucketMs = 0;
    Counts own;
    Counts through; // every hour of the task up to and including this one
};

struct BreakerMove
{
    qint64 tsMs = 0;
    BreakerState from = BreakerState::Closed;
    BreakerState to = BreakerState::Closed;
};

// The audit entries that change what the board shows: pause, resume, breaker commands, config.
struct StateAudit
{
    qint64 tsMs = 0;
    QString action;
    QJsonObject detail;
};

inline const QStringList &configActions()
{
    static const QStringList actions = {
        QStringLiteral("config_change"),    QStringLiteral("task_enable"),
        QStringLiteral("task_disable"),     QStringLiteral("maintenance_on"),
        QStringLiteral("maintenance_off"),  QStringLiteral("heartbeat_enable"),
        QStringLiteral("heartbeat_disable")};
    return actions;
}

struct Row
{
    qint64 id = 0;
    qint64 tickId = 0;
    QString task;
    qint64 startedAtMs = 0;
    qint64 durationMs = 0;
    Outcome outcome = Outcome::Success;
    qint64 items = 0;
    QString error;
    bool queued = true; // false: skipped by the engine without being queued (breaker, overlap)

    qint64 finishedAtMs() const { return startedAtMs + durationMs; }
    // The engine's own skips (breaker open, previous run still going) never touch the task's
    // status; a run the task itself skipped does.
    bool changesStatus() const { return outcome != Outcome::Skipped || queued; }
};

} // namespace replayimpl

struct ReplayReader::Impl
{
    QString path;
    ReplayOptions options;
    std::unique_ptr<SQLite::Database> db;
    bool hasQueuedColumn = false;

    QStringList tasks;
    std::map<QString, std::vector<replayimpl::HourRow>> hours;
    std::map<QString, std::vector<replayimpl::BreakerMove>> breakerMoves;
    std::vector<replayimpl::StateAudit> audits; // oldest first
    QStringList series;
    qint64 firstMs = 0;
    qint64 lastMs = 0;
    qint64 maxTickMs = 0;
    qint64 lastTickIdInFile = 0;
    std::optional<HeartbeatMetrics> persisted;
    bool persistedStop = false;
    QString persistedReason;

    std::unique_ptr<SQLite::Statement> ticksBack, tailRows, minuteSums, lastRowBefore,
        lastOutcomeRow, failureCount, tickTasks, auditTail, sampleAt;

    [[noreturn]] void fail(const std::exception &e, const char *what) const
    {
        qCWarning(lcStore) << "replaying" << what << "from" << path << "failed:" << e.what();
        throw StoreError(
            path + u": " +
            replayimpl::trReplay("cannot read %1 (%2)")
                .arg(QString::fromLatin1(what), QString::fromUtf8(e.what()).simplified()));
    }

    std::string rowColumns() const
    {
        return std::string(
                   "id, tick_id, task, started_at_ms, duration_ms, outcome, items, error, ") +
               (hasQueuedColumn ? "queued_ms IS NOT NULL" : "1");
    }

    static replayimpl::Row rowOf(SQLite::Statement &q)
    {
        replayimpl::Row r;
        r.id = sql::int64Of(q.getColumn(0));
        r.tickId = sql::int64Of(q.getColumn(1));
        r.task = sql::textOf(q.getColumn(2));
        r.startedAtMs = sql::int64Of(q.getColumn(3));
        r.durationMs = sql::int64Of(q.getColumn(4));
        r.outcome = outcomeFromName(sql::textOf(q.getColumn(5))).value_or(Outcome::Skipped);
        r.items = sql::int64Of(q.getColumn(6));
        r.error = sql::textOf(q.getColumn(7));
        r.queued = q.getColumn(8).getInt() != 0;
        return r;
    }

    void open();
    void load();
    void prepare();

    HeartbeatConfig configAt(qint64 t) const;
    replayimpl::Counts hoursBefore(const QString &task, qint64 beforeMs) const;
    qint64 lastHourWith(const QString &task, qint64 beforeMs,
                        bool (*has)(const replayimpl::Counts &)) const;
    std::optional<replayimpl::Row> lastRow(const QString &task, qint64 t, qint64 beforeMs,
                                           const QSet<qint64> &excludedTicks,
                                           bool (*wanted)(const replayimpl::Row &),
                                           bool (*hourHas)(const replayimpl::Counts &));
    BreakerState breakerStateAt(const QString &task, qint64 t) const;
    BreakerStatus breakerAt(const QString &task, qint64 t,
                            std::optional<replayimpl::Row> lastSuccess,
                            std::optional<replayimpl::Row> lastFailure);
    EngineState stateAt(qint64 t);
};

} // namespace hb
