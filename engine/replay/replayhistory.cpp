// Opening a metrics.db for replay and caching what every moment needs: the hourly rollup as
// running totals, the breaker transitions and the audit entries that change state.

#include "replay/replay_p.h"

#include "core/logging.h"
#include "sqlite/sqlfile.h"
#include "store/enginestate.h"
#include "store/schema.h"
#include "store/storeerror.h"

#include <SQLiteCpp/Exception.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>

namespace hb {

using namespace replayimpl;

void ReplayReader::Impl::open()
{
    if (!QFileInfo(path).isFile())
        throw StoreError(path + u": " + trReplay("no such metrics database"));
    int version = 0;
    try {
        db = sql::openReadOnly(path, kBusyTimeoutMs);
        db->exec("PRAGMA query_only = 1");
        version = schema::userVersion(*db);
    } catch (const std::exception &e) {
        db.reset();
        throw StoreError(
            path + u": " +
            trReplay("cannot open for reading (%1)").arg(QString::fromUtf8(e.what()).simplified()));
    }
    if (version < 2) {
        db.reset();
        throw StoreError(path + u": " +
                         trReplay("not a metrics database of a version this build can replay "
                                  "(schema %1)")
                             .arg(version));
    }
    hasQueuedColumn = version >= 4;
}

// Small tables read once: the hourly rollup (prefix sums make "every hour before T" one
// lookup), breaker transitions, the audit entries that change state, sample series names.
void ReplayReader::Impl::load()
{
    try {
        {
            SQLite::Statement q(*db, "SELECT task, bucket_ms, runs, successes, failures, timeouts,"
                                     " skipped, cancelled, total_ms, max_ms FROM exec_hour"
                                     " ORDER BY task, bucket_ms");
            while (q.executeStep()) {
                const QString task = sql::textOf(q.getColumn(0));
                std::vector<HourRow> &rows = hours[task];
                HourRow row;
                row.bucketMs = sql::int64Of(q.getColumn(1));
                row.own = countsOf(q, 2);
                row.through = rows.empty() ? Counts{} : rows.back().through;
                row.through.add(row.own);
                rows.push_back(row);
            }
        }
        {
            SQLite::Statement q(*db, "SELECT ts_ms, task, from_state, to_state FROM breaker_events"
                                     " ORDER BY ts_ms, rowid");
            while (q.executeStep()) {
                BreakerMove move;
                move.tsMs = sql::int64Of(q.getColumn(0));
                move.from = breakerStateFromName(sql::textOf(q.getColumn(2)))
                                .value_or(BreakerState::Closed);
                move.to = breakerStateFromName(sql::textOf(q.getColumn(3)))
                              .value_or(BreakerState::Closed);
                breakerMoves[sql::textOf(q.getColumn(1))].push_back(move);
            }
        }
        {
            QStringList actions = configActions();
            actions << QStringLiteral("emergency_pause") << QStringLiteral("resume")
                    << QStringLiteral("breaker_reset") << QStringLiteral("breaker_force_open");
            std::string in;
            for (int i = 0; i < actions.size(); ++i)
                in += (i ? ", ?" : "?") + std::to_string(i + 1);
            SQLite::Statement q(*db,
                                "SELECT ts_ms, action, detail FROM audit_log WHERE action IN (" +
                                    in + ") ORDER BY ts_ms, id");
            for (int i = 0; i < actions.size(); ++i)
                sql::bindText(q, i + 1, actions.at(i));
            while (q.executeStep()) {
                audits.push_back(
                    {sql::int64Of(q.getColumn(0)), sql::textOf(q.getColumn(1)),
                     QJsonDocument::fromJson(sql::textOf(q.getColumn(2)).toUtf8()).object()});
            }
        }
        {
            // One index seek per name instead of a scan of every sample.
            SQLite::Statement next(*db, "SELECT series FROM samples WHERE series > ?1"
                                        " ORDER BY series LIMIT 1");
            QString after;
            for (;;) {
                sql::bindText(next, 1, after);
                if (!next.executeStep())
                    break;
                after = sql::textOf(next.getColumn(0));
                series.append(after);
                next.reset();
            }
        }
        {
            // Every task that ran or has a breaker, in first-run order of the names the
            // engine knows, then the others by name.
            SQLite::Statement next(*db, "SELECT task FROM executions WHERE task > ?1"
                                        " ORDER BY task LIMIT 1");
            QString after;
            QStringList found;
            for (;;) {
                sql::bindText(next, 1, after);
                if (!next.executeStep())
                    break;
                after = sql::textOf(next.getColumn(0));
                found.append(after);
                next.reset();
            }
            SQLite::Statement breakers(*db, "SELECT task FROM breaker_state ORDER BY task");
            while (breakers.executeStep())
                found.append(sql::textOf(breakers.getColumn(0)));
            for (const auto &[task, moves] : breakerMoves)
                found.append(task);
            found.removeDuplicates();
            for (const QString &name : TaskName::all()) {
                if (found.removeAll(name) > 0)
                    tasks.append(name);
            }
            found.sort();
            tasks.append(found);
        }
        {
            // Each from an index or the rowid, not a scan of the ticks.
            firstMs = sql::int64Of(db->execAndGet("SELECT min(started_at_ms) FROM ticks"));
            lastMs = sql::int64Of(db->execAndGet("SELECT max(started_at_ms) FROM ticks"));
            lastTickIdInFile = sql::int64Of(db->execAndGet("SELECT max(id) FROM ticks"));
            // A tick lasts until its last run ends, and its runs wait only for each other: it
            // is never longer than the longest run of every task together.
            maxTickMs = 1000;
            for (const auto &[task, rows] : hours) {
                qint64 longest = 0;
                for (const HourRow &row : rows)
                    longest = std::max(longest, row.own.maxMs);
                maxTickMs += longest;
            }
        }
        {
            SQLite::Statement q(*db, "SELECT key, value FROM engine_state");
            while (q.executeStep()) {
                const std::string key = q.getColumn(0).getString();
                const QByteArray value = QByteArray::fromStdString(q.getColumn(1).getString());
                if (key == enginestate::kMetricsKey)
                    persisted = enginestate::decodeMetrics(value);
                else if (key == enginestate::kEmergencyStopKey)
                    persistedStop = value == "1";
                else if (key == enginestate::kEmergencyReasonKey)
                    persistedReason = QString::fromUtf8(value);
            }
        }
    } catch (const SQLite::Exception &e) {
        fail(e, "the recorded history");
    }
}

void ReplayReader::Impl::prepare()
{
    const std::string cols = rowColumns();
    try {
        ticksBack = std::make_unique<SQLite::Statement>(
            *db, "SELECT id, started_at_ms, duration_ms, skipped_reason FROM ticks"
                 " WHERE started_at_ms <= ?1 ORDER BY started_at_ms DESC, id DESC");
        tailRows = std::make_unique<SQLite::Statement>(
            *db, "SELECT " + cols +
                     " FROM executions WHERE started_at_ms >= ?1"
                     " AND started_at_ms <= ?2 ORDER BY id");
        minuteSums = std::make_unique<SQLite::Statement>(
            *db, "SELECT task, sum(runs), sum(successes), sum(failures), sum(timeouts),"
                 " sum(skipped), sum(cancelled), sum(total_ms), max(max_ms) FROM exec_minute"
                 " WHERE bucket_ms >= ?1 AND bucket_ms < ?2 GROUP BY task");
        lastRowBefore = std::make_unique<SQLite::Statement>(
            *db, "SELECT " + cols +
                     " FROM executions WHERE task = ?1 AND started_at_ms >= ?2"
                     " AND started_at_ms < ?3 ORDER BY started_at_ms DESC, id DESC");
        failureCount = std::make_unique<SQLite::Statement>(
            *db, "SELECT count(*) FROM executions WHERE task = ?1 AND started_at_ms >= ?2"
                 " AND started_at_ms <= ?3 AND started_at_ms + duration_ms <= ?3"
                 " AND outcome IN (?4, ?5)");
        sql::bindText(*failureCount, 4, outcomeName(Outcome::Failure));
        sql::bindText(*failureCount, 5, outcomeName(Outcome::Timeout));
        tickTasks = std::make_unique<SQLite::Statement>(
            *db, "SELECT task FROM executions WHERE started_at_ms >= ?1 AND started_at_ms <= ?2"
                 " AND tick_id = ?3 AND outcome <> ?4 ORDER BY id");
        sql::bindText(*tickTasks, 4, outcomeName(Outcome::Skipped));
        auditTail = std::make_unique<SQLite::Statement>(
            *db, "SELECT ts_ms, actor, action, detail FROM audit_log WHERE ts_ms <= ?1"
                 " ORDER BY ts_ms DESC, id DESC LIMIT " +
                     std::to_string(AuditTail));
        sampleAt = std::make_unique<SQLite::Statement>(
            *db, "SELECT value FROM samples WHERE series = ?1 AND ts_ms <= ?2"
                 " ORDER BY ts_ms DESC LIMIT 1");
    } catch (const SQLite::Exception &e) {
        fail(e, "the recorded history");
    }
}

ReplayReader::ReplayReader(const QString &metricsPath, ReplayOptions options)
    : d(std::make_unique<Impl>())
{
    d->path = metricsPath;
    d->options = std::move(options);
    d->open();
    d->load();
    d->prepare();
}

ReplayReader::~ReplayReader() = default;

QString ReplayReader::path() const
{
    return d->path;
}

qint64 ReplayReader::firstMs() const
{
    return d->firstMs;
}

qint64 ReplayReader::lastMs() const
{
    return d->lastMs;
}

EngineSnapshot ReplayReader::stateAt(qint64 atMs)
{
    try {
        return EngineSnapshot(d->stateAt(atMs));
    } catch (const SQLite::Exception &e) {
        d->fail(e, "the state at a moment");
    }
}

ReplayStepTimes measureReplaySteps(const QString &metricsPath, int steps, qint64 stepMs)
{
    ReplayStepTimes times;
    QElapsedTimer timer;
    timer.start();
    ReplayReader reader(metricsPath);
    times.openMs = double(timer.nsecsElapsed()) / 1e6;
    const qint64 end = reader.lastMs();
    double total = 0;
    for (int i = steps - 1; i >= 0; --i) {
        timer.restart();
        const EngineSnapshot s = reader.stateAt(end - qint64(i) * stepMs);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        total += ms;
        times.maxMs = std::max(times.maxMs, ms);
        ++times.steps;
    }
    times.meanMs = times.steps > 0 ? total / times.steps : 0;
    return times;
}

} // namespace hb
