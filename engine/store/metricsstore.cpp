#include "store/metricsstore.h"

#include "core/logging.h"
#include "store/enginestate.h"
#include "store/rollups.h"
#include "store/schema.h"
#include "sqlite/sqlfile.h"
#include "sqlite/sqlvalues.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <array>
#include <cmath>

namespace hb {

namespace {

// User-facing: the dashboard shows these in a dialog, translated.
QString trStore(const char *text)
{
    return QCoreApplication::translate("hb::MetricsStore", text);
}


constexpr int kStoreBusyTimeoutMs = 5000;

template<typename T> void appendMoved(QVector<T> &to, QVector<T> &from)
{
    if (to.isEmpty() && to.capacity() < from.size())
        to = std::move(from); // O(1); a reserved `to` keeps its allocation instead
    else
        to.append(std::move(from));
    from.clear();
}

using sql::messageOf;
using sql::utf8;

bool isContentError(const SQLite::Exception &e)
{
    const int code = e.getErrorCode() & 0xff;
    return code == SQLITE_NOTADB || code == SQLITE_CORRUPT || code == SQLITE_FORMAT ||
           code == SQLITE_SCHEMA;
}

// What a user can do about "cannot write": name the read-only thing when we can tell.
QString permissionHint(const QString &path)
{
    const QFileInfo file(path);
    if (file.exists() && !file.isWritable())
        return trStore("; the file is read-only");
    if (!QFileInfo(file.absolutePath()).isWritable())
        return trStore("; its folder is read-only");
    return {};
}

StoreError invalidDatabase(const QString &path, const QString &why)
{
    return StoreError(path + u": " + trStore("not a valid metrics database (%1)").arg(why));
}

StoreError newerVersion(const QString &path, int version)
{
    return StoreError(path + u": "
                      + trStore("written by a newer version of Heartbeat Dashboard (schema %1; "
                                "this build reads up to %2); upgrade to open it")
                            .arg(version)
                            .arg(MetricsStore::SchemaVersion));
}

std::unique_ptr<SQLite::Database> openForPeek(const QString &path)
{
    return sql::openReadOnly(path, kStoreBusyTimeoutMs);
}

// Refuses, without changing a byte, a file this build must not open read-write.
void inspectExisting(const QString &path)
{
    int version = 0;
    int tables = 0;
    try {
        const auto db = openForPeek(path);
        version = schema::userVersion(*db);
        // Reading the schema also makes SQLite check the header against the file size, which
        // is how a truncated copy is caught here rather than on some later read.
        tables = schema::tableCount(*db);
        // A damaged page elsewhere would only show at some later write, after this open had
        // committed to the file. quick_check reads every page (about 2 s a GB, once at start).
        if (version > 0 && version <= MetricsStore::SchemaVersion) {
            const std::string check = db->execAndGet("PRAGMA quick_check(1)").getString();
            if (check != "ok") {
                // "*** in database main ***\nPage 5: btreeInitPage() returns error code 11"
                QString why = QString::fromStdString(check);
                why.remove(QStringLiteral("*** in database main ***"));
                throw invalidDatabase(path, why.simplified());
            }
        }
    } catch (const SQLite::Exception &e) {
        if (isContentError(e))
            throw invalidDatabase(path, messageOf(e));
        throw StoreError(path + u": "
                         + trStore("cannot open (%1)").arg(messageOf(e) + permissionHint(path)));
    }
    if (version > MetricsStore::SchemaVersion)
        throw newerVersion(path, version);
    if (version < 0)
        throw invalidDatabase(path, QStringLiteral("schema version %1").arg(version));
    if (version == 0 && tables > 0)
        throw invalidDatabase(path, QStringLiteral("it holds %1 other tables").arg(tables));
}

// A failed read-write open of an existing file may have created an empty -wal and its -shm;
// an empty WAL holds nothing, so removing them restores the folder as it was.
void removeEmptyWal(const QString &path)
{
    const QString wal = path + QStringLiteral("-wal");
    if (QFileInfo(wal).exists() && QFileInfo(wal).size() == 0) {
        QFile::remove(wal);
        QFile::remove(path + QStringLiteral("-shm"));
    }
}

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

} // namespace

void WriteBatch::merge(WriteBatch &&other)
{
    appendMoved(ticks, other.ticks);
    appendMoved(executions, other.executions);
    appendMoved(breakerEvents, other.breakerEvents);
    appendMoved(samples, other.samples);
    appendMoved(audit, other.audit);
    appendMoved(machineEvents, other.machineEvents);
    appendMoved(machineSeen, other.machineSeen);
    if (other.state)
        state = std::move(other.state);
    other.state.reset();
    if (other.auditLogCap)
        auditLogCap = other.auditLogCap;
    moveOutbox = moveOutbox || other.moveOutbox;
}

// The hot path's statements, prepared once per connection.
struct MetricsStore::Statements
{
    explicit Statements(SQLite::Database &db)
        : insertExecution(db, "INSERT INTO executions(tick_id, task, started_at_ms, duration_ms,"
                              " outcome, items, error, queued_ms)"
                              " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        , insertTick(db, "INSERT OR REPLACE INTO ticks(id, started_at_ms, duration_ms, ran,"
                         " succeeded, failed, skipped_reason) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        , insertBreakerEvent(db, "INSERT INTO breaker_events(ts_ms, task, from_state, to_state,"
                                 " reason) VALUES(?1, ?2, ?3, ?4, ?5)")
        , insertSample(db, "INSERT INTO samples(series, ts_ms, value) VALUES(?1, ?2, ?3)")
        // An entry from a ledger outbox may arrive twice (moved, then the process stopped
        // before the outbox row was deleted): its uid is stored once.
        , insertAudit(db, "INSERT OR IGNORE INTO audit_log(ts_ms, actor, action, detail, uid)"
                          " VALUES(?1, ?2, ?3, ?4, ?5)")
        , upsertExecMinute(db, rollup::execUpsertSql("exec_minute"))
        , upsertExecHour(db, rollup::execUpsertSql("exec_hour"))
        , upsertSampleMinute(db, rollup::sampleUpsertSql("sample_minute"))
        , upsertSampleHour(db, rollup::sampleUpsertSql("sample_hour"))
        , upsertTickMinute(db, rollup::tickUpsertSql("tick_minute"))
        , upsertTickHour(db, rollup::tickUpsertSql("tick_hour"))
        , clearBreakers(db, "DELETE FROM breaker_state")
        , insertBreaker(db, "INSERT INTO breaker_state(task, state, failure_count,"
                            " last_failure_ms, opened_at_ms) VALUES(?1, ?2, ?3, ?4, ?5)")
        , clearSchedules(db, "DELETE FROM task_schedule")
        , insertSchedule(db, "INSERT INTO task_schedule(task, schedule, next_run_ms, nominal_ms,"
                             " follows_ms, catch_up) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
        , putEngineState(db, "INSERT INTO engine_state(key, value) VALUES(?1, ?2)"
                             " ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        , insertMachineEvent(db, "INSERT INTO machine_events(ts_ms, machine, from_state,"
                                 " to_state, last_seen_ms, reason) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
        , putMachineSeen(db, "INSERT INTO machine_seen(machine, state, state_since_ms,"
                             " last_seen_ms, last_kind, last_report) VALUES(?1, ?2, ?3, ?4, ?5, ?6)"
                             " ON CONFLICT(machine) DO UPDATE SET state = excluded.state,"
                             " state_since_ms = excluded.state_since_ms,"
                             " last_seen_ms = excluded.last_seen_ms,"
                             " last_kind = excluded.last_kind, last_report = excluded.last_report")
        , forgetMachineSeen(db, "DELETE FROM machine_seen WHERE machine = ?1")
    {
        for (int i = 0; i < int(outcomes.size()); ++i)
            outcomes[i] = outcomeName(Outcome(i)).toUtf8();
        for (int i = 0; i < int(breakerStates.size()); ++i)
            breakerStates[i] = breakerStateName(BreakerState(i)).toUtf8();
    }

    // After a failed step a statement refuses new bindings until it is reset.
    void resetAll()
    {
        for (SQLite::Statement *stmt :
             {&insertExecution, &insertTick, &insertBreakerEvent, &insertSample, &insertAudit,
              &upsertExecMinute, &upsertExecHour, &upsertSampleMinute, &upsertSampleHour,
              &upsertTickMinute, &upsertTickHour,
              &clearBreakers, &insertBreaker, &clearSchedules, &insertSchedule, &putEngineState, &insertMachineEvent,
              &putMachineSeen, &forgetMachineSeen})
            stmt->tryReset();
    }

    SQLite::Statement insertExecution;
    SQLite::Statement insertTick;
    SQLite::Statement insertBreakerEvent;
    SQLite::Statement insertSample;
    SQLite::Statement insertAudit;
    SQLite::Statement upsertExecMinute;
    SQLite::Statement upsertExecHour;
    SQLite::Statement upsertSampleMinute;
    SQLite::Statement upsertSampleHour;
    SQLite::Statement upsertTickMinute;
    SQLite::Statement upsertTickHour;
    SQLite::Statement clearBreakers;
    SQLite::Statement insertBreaker;
    SQLite::Statement clearSchedules;
    SQLite::Statement insertSchedule;
    SQLite::Statement putEngineState;
    SQLite::Statement insertMachineEvent;
    SQLite::Statement putMachineSeen;
    SQLite::Statement forgetMachineSeen;
    std::array<QByteArray, 5> outcomes;      // UTF-8 of outcomeName(), by Outcome
    std::array<QByteArray, 3> breakerStates; // UTF-8 of breakerStateName(), by BreakerState
};

MetricsStore::MetricsStore(const QString &path)
    : m_path(path)
{
    const bool existed = QFileInfo::exists(path);
    const bool walExisted = QFileInfo::exists(path + QStringLiteral("-wal"));
    if (existed)
        inspectExisting(path);

    try {
        m_db = std::make_unique<SQLite::Database>(
            utf8(path), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kStoreBusyTimeoutMs);
        const std::string mode = m_db->execAndGet("PRAGMA journal_mode = WAL").getString();
        if (mode != "wal")
            qCWarning(lcStore) << path << "stays in journal mode" << mode.c_str()
                               << "(WAL not available here); readers may block the writer";
        m_db->exec("PRAGMA synchronous = NORMAL");
        // A large retention pass can grow the WAL; give the space back after checkpoints.
        m_db->exec("PRAGMA journal_size_limit = 67108864");

        const int version = schema::userVersion(*m_db);
        if (version > SchemaVersion) // another process upgraded it since the inspection
            throw newerVersion(path, version);
        migrate();
        // A saved state this build cannot read is refused before anything is written.
        loadState();

        // A real commit, so a read-only file or folder, or a full disk, is reported now and
        // not at the first tick.
        SQLite::Transaction probe(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        m_db->exec("PRAGMA user_version = " + std::to_string(SchemaVersion));
        probe.commit();

        rollup::registerFunctions(*m_db); // the rollup upserts merge histograms with it
        m_stmts = std::make_unique<Statements>(*m_db);
    } catch (const SQLite::Exception &e) {
        m_stmts.reset();
        m_db.reset();
        if (!existed)
            removeDatabaseFiles(path); // leave nothing half-created behind
        else if (!walExisted)
            removeEmptyWal(path);
        if (isContentError(e))
            throw invalidDatabase(path, messageOf(e));
        throw StoreError(path + u": "
                         + trStore("cannot write (%1)").arg(messageOf(e) + permissionHint(path)));
    } catch (const StoreError &) {
        m_db.reset();
        throw;
    }
}

MetricsStore::~MetricsStore() = default;

void MetricsStore::migrate()
{
    schema::migrate(*m_db, SchemaVersion);
}

QString MetricsStore::describe(const std::exception &e) const
{
    return messageOf(e);
}

PersistedState MetricsStore::loadState()
{
    PersistedState state;
    try {
        SQLite::Statement values(*m_db, "SELECT key, value FROM engine_state");
        while (values.executeStep()) {
            const std::string key = values.getColumn(0).getString();
            const SQLite::Column value = values.getColumn(1);
            if (key == enginestate::kMetricsKey) {
                const QByteArray json(value.getText(), value.getBytes());
                const std::optional<HeartbeatMetrics> metrics = enginestate::decodeMetrics(json);
                if (!metrics)
                    throw StoreError(m_path + u": "
                                     + trStore("engine_state 'metrics' is not a JSON object; fix "
                                               "or delete that row"));
                state.metrics = *metrics;
            } else if (key == enginestate::kEmergencyStopKey) {
                state.emergencyStop = value.getString() == "1";
            } else if (key == enginestate::kEmergencyReasonKey) {
                state.emergencyReason = sql::textOf(value);
            } else if (key == enginestate::kSafeModeKey) {
                state.safeMode = value.getString() == "1";
            } else if (key == enginestate::kSafeModeReasonKey) {
                state.safeModeReason = sql::textOf(value);
            }
        }

        // rowid order is the order the engine listed its breakers in.
        SQLite::Statement breakers(*m_db, "SELECT task, state, failure_count, last_failure_ms,"
                                          " opened_at_ms FROM breaker_state ORDER BY rowid");
        while (breakers.executeStep()) {
            BreakerStatus status;
            status.task = sql::textOf(breakers.getColumn(0));
            const QString name = sql::textOf(breakers.getColumn(1));
            const std::optional<BreakerState> breakerState = breakerStateFromName(name);
            if (!breakerState)
                throw StoreError(m_path + u": "
                                 + trStore("breaker_state of task '%1' has an unknown state '%2'")
                                       .arg(status.task, name));
            status.state = *breakerState;
            status.failureCount = breakers.getColumn(2).getInt();
            status.lastFailureMs = sql::int64Of(breakers.getColumn(3));
            status.openedAtMs = sql::int64Of(breakers.getColumn(4));
            state.breakers.append(status);
        }

        SQLite::Statement schedules(*m_db, "SELECT task, schedule, next_run_ms, nominal_ms,"
                                           " follows_ms, catch_up FROM task_schedule");
        while (schedules.executeStep()) {
            ScheduleState row;
            row.task = sql::textOf(schedules.getColumn(0));
            row.signature = sql::textOf(schedules.getColumn(1));
            row.dueMs = sql::int64Of(schedules.getColumn(2));
            row.nominalMs = sql::int64Of(schedules.getColumn(3));
            row.followsMs = sql::int64Of(schedules.getColumn(4));
            row.catchUp = std::clamp(schedules.getColumn(5).getInt(), 0, TaskSchedule::MaxCatchUp);
            state.schedules.append(row);
        }

        // Every task the engine kept a breaker or a count for: one index seek each.
        QStringList tasks = state.metrics.tasksCompleted.keys();
        for (const BreakerStatus &b : std::as_const(state.breakers))
            tasks.append(b.task);
        tasks.removeDuplicates();
        tasks.sort();
        SQLite::Statement last(*m_db, "SELECT tick_id, started_at_ms, duration_ms, outcome, items,"
                                      " error FROM executions WHERE task = ?1 AND outcome !="
                                      " 'skipped' ORDER BY started_at_ms DESC, id DESC LIMIT 1");
        for (const QString &task : std::as_const(tasks)) {
            const std::string name = utf8(task);
            last.bind(1, name);
            if (last.executeStep()) {
                const std::optional<Outcome> outcome =
                    outcomeFromName(sql::textOf(last.getColumn(3)));
                if (outcome) {
                    ExecutionRecord run;
                    run.tickId = sql::int64Of(last.getColumn(0));
                    run.task = task;
                    run.startedAtMs = sql::int64Of(last.getColumn(1));
                    run.durationMs = sql::int64Of(last.getColumn(2));
                    run.outcome = *outcome;
                    run.items = sql::int64Of(last.getColumn(4));
                    run.error = sql::textOf(last.getColumn(5));
                    state.lastRuns.append(run);
                }
            }
            last.reset();
        }

        // The failed-runs alert counts a rolling 24 h: the day before the last tick, by minute
        // (a range on executions_started_at; at most 1 440 rows).
        if (state.metrics.lastTickMs > 0) {
            SQLite::Statement failures(
                *m_db, "SELECT started_at_ms - started_at_ms % 60000 AS minute, count(*)"
                       " FROM executions WHERE started_at_ms > ?1 AND outcome IN ('failure',"
                       " 'timeout') GROUP BY minute ORDER BY minute");
            failures.bind(1, static_cast<int64_t>(state.metrics.lastTickMs - 24 * 3'600'000LL));
            while (failures.executeStep())
                state.failuresByMinute.append(
                    {sql::int64Of(failures.getColumn(0)), sql::int64Of(failures.getColumn(1))});
        }
    } catch (const SQLite::Exception &e) {
        throw StoreError(m_path + u": " + trStore("cannot read saved state (%1)").arg(describe(e)));
    }
    return state;
}

void MetricsStore::write(const WriteBatch &batch)
{
    if (batch.isEmpty())
        return;
    Statements &s = *m_stmts;
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);

        rollup::ExecBuckets execMinutes;
        SQLite::Statement &exec = s.insertExecution;
        for (const ExecutionRecord &r : batch.executions) {
            // One UTF-8 conversion per text, bound without a further copy.
            const QByteArray task = r.task.toUtf8();
            const QByteArray error = r.error.toUtf8();
            sql::bindInt(exec, 1, r.tickId);
            sql::bindText(exec, 2, task);
            sql::bindInt(exec, 3, r.startedAtMs);
            sql::bindInt(exec, 4, r.durationMs);
            sql::bindText(exec, 5, s.outcomes[int(r.outcome)]);
            sql::bindInt(exec, 6, r.items);
            sql::bindText(exec, 7, error);
            if (r.queuedMs)
                sql::bindInt(exec, 8, *r.queuedMs);
            else
                exec.bind(8); // NULL: never queued
            sql::execAndReset(exec);
            execMinutes[rollup::Key(r.task, schema::bucketStart(r.startedAtMs, schema::kMinuteMs))]
                .add(r);
        }
        rollup::upsert(s.upsertExecMinute, execMinutes);
        rollup::upsert(s.upsertExecHour, rollup::widen(execMinutes, schema::kHourMs));

        rollup::TickBuckets tickMinutes;
        for (const TickRecord &t : batch.ticks) {
            tickMinutes[schema::bucketStart(t.startedAtMs, schema::kMinuteMs)].add(t);
            const QByteArray reason = (t.skippedReason == TickSkipReason::Other
                                           ? t.skippedReasonText
                                           : tickSkipReasonName(t.skippedReason))
                                          .toUtf8();
            sql::bindInt(s.insertTick, 1, t.id);
            sql::bindInt(s.insertTick, 2, t.startedAtMs);
            sql::bindInt(s.insertTick, 3, t.durationMs);
            sql::bindInt(s.insertTick, 4, t.ran);
            sql::bindInt(s.insertTick, 5, t.succeeded);
            sql::bindInt(s.insertTick, 6, t.failed);
            sql::bindText(s.insertTick, 7, reason);
            sql::execAndReset(s.insertTick);
        }

        rollup::upsert(s.upsertTickMinute, tickMinutes);
        rollup::upsert(s.upsertTickHour, rollup::widen(tickMinutes, schema::kHourMs));

        rollup::SampleBuckets sampleMinutes;
        qint64 nonFinite = 0;
        for (const Sample &sample : batch.samples) {
            // NaN would become NULL and poison every sum it joins; a reading of nothing is
            // better dropped than stored.
            if (!std::isfinite(sample.value)) {
                ++nonFinite;
                continue;
            }
            const QByteArray series = sample.series.toUtf8();
            sql::bindText(s.insertSample, 1, series);
            sql::bindInt(s.insertSample, 2, sample.tsMs);
            s.insertSample.bind(3, sample.value);
            sql::execAndReset(s.insertSample);
            sampleMinutes[rollup::Key(sample.series,
                                      schema::bucketStart(sample.tsMs, schema::kMinuteMs))]
                .add(sample.value);
        }
        if (nonFinite > 0)
            qCWarning(lcStore) << "dropped" << nonFinite << "samples that were not finite";
        rollup::upsert(s.upsertSampleMinute, sampleMinutes);
        rollup::upsert(s.upsertSampleHour, rollup::widen(sampleMinutes, schema::kHourMs));

        for (const BreakerEvent &event : batch.breakerEvents) {
            const QByteArray task = event.task.toUtf8();
            const QByteArray reason = event.reason.toUtf8();
            sql::bindInt(s.insertBreakerEvent, 1, event.tsMs);
            sql::bindText(s.insertBreakerEvent, 2, task);
            sql::bindText(s.insertBreakerEvent, 3, s.breakerStates[int(event.from)]);
            sql::bindText(s.insertBreakerEvent, 4, s.breakerStates[int(event.to)]);
            sql::bindText(s.insertBreakerEvent, 5, reason);
            sql::execAndReset(s.insertBreakerEvent);
        }

        for (const AuditEntry &entry : batch.audit) {
            const QByteArray actor = entry.actor.toUtf8();
            const QByteArray action = entry.action.toUtf8();
            const QByteArray detail = entry.detail.toUtf8();
            sql::bindInt(s.insertAudit, 1, entry.tsMs);
            sql::bindText(s.insertAudit, 2, actor);
            sql::bindText(s.insertAudit, 3, action);
            sql::bindText(s.insertAudit, 4, detail);
            const QByteArray uid = entry.uid.toUtf8();
            if (uid.isEmpty())
                s.insertAudit.bind(5); // NULL: an entry of the engine's own, not from an outbox
            else
                sql::bindText(s.insertAudit, 5, uid);
            sql::execAndReset(s.insertAudit);
        }
        writeMachines(batch);

        if (batch.auditLogCap) {
            // Keep the newest entries; ids only grow, so "newest" is "highest id".
            SQLite::Statement cap(*m_db, "DELETE FROM audit_log WHERE id <= "
                                         "(SELECT max(id) FROM audit_log) - ?1");
            sql::bindInt(cap, 1, std::max<qint64>(0, *batch.auditLogCap));
            cap.exec();
        }

        if (batch.state) {
            const PersistedState &state = *batch.state;
            sql::execAndReset(s.clearBreakers);
            for (const BreakerStatus &b : state.breakers) {
                const QByteArray task = b.task.toUtf8();
                sql::bindText(s.insertBreaker, 1, task);
                sql::bindText(s.insertBreaker, 2, s.breakerStates[int(b.state)]);
                sql::bindInt(s.insertBreaker, 3, b.failureCount);
                sql::bindInt(s.insertBreaker, 4, b.lastFailureMs);
                sql::bindInt(s.insertBreaker, 5, b.openedAtMs);
                sql::execAndReset(s.insertBreaker);
            }
            sql::execAndReset(s.clearSchedules);
            for (const ScheduleState &row : state.schedules) {
                sql::bindText(s.insertSchedule, 1, row.task); // copied: a few rows a tick
                sql::bindText(s.insertSchedule, 2, row.signature);
                // NULL for "none": a once that ran, a task that has not run yet.
                const auto bindTime = [&s](int index, qint64 ms) {
                    if (ms > 0)
                        sql::bindInt(s.insertSchedule, index, ms);
                    else
                        s.insertSchedule.bind(index);
                };
                bindTime(3, row.dueMs);
                bindTime(4, row.nominalMs);
                bindTime(5, row.followsMs);
                sql::bindInt(s.insertSchedule, 6, row.catchUp);
                sql::execAndReset(s.insertSchedule);
            }
            const auto put = [&s](const char *key, const QByteArray &value) {
                s.putEngineState.bindNoCopy(1, key);
                sql::bindText(s.putEngineState, 2, value);
                sql::execAndReset(s.putEngineState);
            };
            put(enginestate::kMetricsKey, enginestate::encodeMetrics(state.metrics));
            put(enginestate::kEmergencyStopKey,
                state.emergencyStop ? QByteArrayLiteral("1") : QByteArrayLiteral("0"));
            put(enginestate::kEmergencyReasonKey, state.emergencyReason.toUtf8());
            put(enginestate::kSafeModeKey,
                state.safeMode ? QByteArrayLiteral("1") : QByteArrayLiteral("0"));
            put(enginestate::kSafeModeReasonKey, state.safeModeReason.toUtf8());
        }

        transaction.commit();
    } catch (const std::exception &e) {
        s.resetAll();
        throw StoreError(m_path + u": " + trStore("write failed (%1)").arg(describe(e)));
    }
}

void MetricsStore::writeMachines(const WriteBatch &batch)
{
    Statements &s = *m_stmts;
    // NULL for "never heard from", so SQL users can tell it from a time.
    const auto bindTime = [](SQLite::Statement &stmt, int index, qint64 ms) {
        if (ms > 0)
            sql::bindInt(stmt, index, ms);
        else
            stmt.bind(index);
    };
    for (const MachineEventRecord &event : batch.machineEvents) {
        const QByteArray machine = event.machine.toUtf8();
        const QByteArray from = event.fromState.toUtf8();
        const QByteArray to = event.toState.toUtf8();
        const QByteArray reason = event.reason.toUtf8();
        sql::bindInt(s.insertMachineEvent, 1, event.tsMs);
        sql::bindText(s.insertMachineEvent, 2, machine);
        sql::bindText(s.insertMachineEvent, 3, from);
        sql::bindText(s.insertMachineEvent, 4, to);
        bindTime(s.insertMachineEvent, 5, event.lastSeenMs);
        sql::bindText(s.insertMachineEvent, 6, reason);
        sql::execAndReset(s.insertMachineEvent);
    }
    for (const MachineSeenRecord &seen : batch.machineSeen) {
        const QByteArray machine = seen.machine.toUtf8();
        if (seen.forget) {
            sql::bindText(s.forgetMachineSeen, 1, machine);
            sql::execAndReset(s.forgetMachineSeen);
            continue;
        }
        const QByteArray state = seen.state.toUtf8();
        const QByteArray kind = seen.lastKind.toUtf8();
        const QByteArray report = seen.lastReport.toUtf8();
        sql::bindText(s.putMachineSeen, 1, machine);
        sql::bindText(s.putMachineSeen, 2, state);
        sql::bindInt(s.putMachineSeen, 3, seen.stateSinceMs);
        bindTime(s.putMachineSeen, 4, seen.lastSeenMs);
        sql::bindText(s.putMachineSeen, 5, kind);
        sql::bindText(s.putMachineSeen, 6, report);
        sql::execAndReset(s.putMachineSeen);
    }
}

void MetricsStore::applyRetention(const RetentionPolicy &policy, qint64 nowMs)
{
    // A window of 0 days or less means "keep everything" rather than "keep nothing".
    const auto deleteBefore = [this](const char *sqlText, qint64 cutoff) {
        SQLite::Statement stmt(*m_db, sqlText);
        sql::bindInt(stmt, 1, cutoff);
        return stmt.exec();
    };
    try {
        SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        qint64 deleted = 0;
        if (policy.rawDays > 0) {
            const qint64 cutoff = nowMs - policy.rawDays * schema::kDayMs;
            deleted += deleteBefore("DELETE FROM executions WHERE started_at_ms < ?1", cutoff);
            deleted += deleteBefore("DELETE FROM ticks WHERE started_at_ms < ?1", cutoff);
            deleted += deleteBefore("DELETE FROM breaker_events WHERE ts_ms < ?1", cutoff);
            deleted += deleteBefore("DELETE FROM machine_events WHERE ts_ms < ?1", cutoff);
            // The notification log goes with the raw rows, except what is still to be delivered:
            // a pending delivery keeps its event and its attempts so far. Silences go once over.
            deleted +=
                deleteBefore("DELETE FROM notification_deliveries WHERE ts_ms < ?1"
                             " AND event_uid NOT IN (SELECT event_uid FROM notification_pending)",
                             cutoff);
            deleted += deleteBefore("DELETE FROM notification_events WHERE ts_ms < ?1"
                                    " AND uid NOT IN (SELECT event_uid FROM notification_pending)",
                                    cutoff);
            deleted += deleteBefore("DELETE FROM notification_silences WHERE to_ms < ?1", cutoff);
            // samples is indexed by (series, ts_ms): walk the few distinct series through the
            // index (a "loose index scan") so each series is a range delete, not a table scan.
            deleted += deleteBefore(
                "WITH RECURSIVE s(name) AS ("
                " SELECT min(series) FROM samples"
                " UNION ALL SELECT (SELECT min(series) FROM samples WHERE series > s.name)"
                " FROM s WHERE s.name IS NOT NULL)"
                " DELETE FROM samples WHERE series IN (SELECT name FROM s WHERE name IS NOT NULL)"
                " AND ts_ms < ?1",
                cutoff);
        }
        // A rollup bucket goes once all of it is past the window.
        if (policy.minuteDays > 0) {
            const qint64 last = nowMs - policy.minuteDays * schema::kDayMs - schema::kMinuteMs;
            deleted += deleteBefore("DELETE FROM exec_minute WHERE bucket_ms <= ?1", last);
            deleted += deleteBefore("DELETE FROM sample_minute WHERE bucket_ms <= ?1", last);
            deleted += deleteBefore("DELETE FROM tick_minute WHERE bucket_ms <= ?1", last);
        }
        if (policy.hourDays > 0) {
            const qint64 last = nowMs - policy.hourDays * schema::kDayMs - schema::kHourMs;
            deleted += deleteBefore("DELETE FROM exec_hour WHERE bucket_ms <= ?1", last);
            deleted += deleteBefore("DELETE FROM sample_hour WHERE bucket_ms <= ?1", last);
            deleted += deleteBefore("DELETE FROM tick_hour WHERE bucket_ms <= ?1", last);
        }
        transaction.commit();
        if (deleted > 0)
            qCInfo(lcStore) << "retention removed" << deleted << "rows from" << m_path;
    } catch (const SQLite::Exception &e) {
        throw StoreError(m_path + u": " + trStore("retention failed (%1)").arg(describe(e)));
    }
}

int MetricsStore::fileSchemaVersion(const QString &path)
{
    if (!QFileInfo::exists(path))
        return -1;
    try {
        const auto db = openForPeek(path);
        schema::tableCount(*db); // a garbage file fails here, not on the header-only pragma
        return schema::userVersion(*db);
    } catch (const SQLite::Exception &) {
        return -1;
    }
}

} // namespace hb
