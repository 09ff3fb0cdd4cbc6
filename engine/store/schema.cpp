#include "store/schema.h"

#include "core/logging.h"
#include "core/records.h"
#include "store/enginestate.h"
#include "sqlite/sqlvalues.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <string>

namespace hb::schema {

namespace {

// v1: the documented tables users query. Never rename these columns; add, don't change.
constexpr const char kSchemaV1[] = R"sql(
CREATE TABLE executions(
    id INTEGER PRIMARY KEY,
    tick_id INTEGER NOT NULL,
    task TEXT NOT NULL,
    started_at_ms INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    items INTEGER NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '');
CREATE INDEX executions_started_at ON executions(started_at_ms);
CREATE INDEX executions_task ON executions(task, started_at_ms);

CREATE TABLE ticks(
    id INTEGER PRIMARY KEY,
    started_at_ms INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    ran INTEGER NOT NULL,
    succeeded INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    skipped_reason TEXT NOT NULL DEFAULT '');
CREATE INDEX ticks_started_at ON ticks(started_at_ms);

CREATE TABLE breaker_state(
    task TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    failure_count INTEGER NOT NULL,
    last_failure_ms INTEGER NOT NULL,
    opened_at_ms INTEGER NOT NULL);

CREATE TABLE breaker_events(
    ts_ms INTEGER NOT NULL,
    task TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '');
CREATE INDEX breaker_events_ts ON breaker_events(ts_ms);

CREATE TABLE samples(
    series TEXT NOT NULL,
    ts_ms INTEGER NOT NULL,
    value REAL NOT NULL);
CREATE INDEX samples_series_ts ON samples(series, ts_ms);

CREATE TABLE audit_log(
    id INTEGER PRIMARY KEY,
    ts_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '');
CREATE INDEX audit_log_ts ON audit_log(ts_ms);
)sql";

// v2: persisted engine state and the rollups that make long time ranges open fast. The
// bucket_ms indexes serve "all tasks in this range" queries and retention.
constexpr const char kSchemaV2[] = R"sql(
CREATE TABLE engine_state(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL);

CREATE TABLE exec_minute(
    task TEXT NOT NULL, bucket_ms INTEGER NOT NULL,
    runs INTEGER NOT NULL, successes INTEGER NOT NULL, failures INTEGER NOT NULL,
    timeouts INTEGER NOT NULL, skipped INTEGER NOT NULL, cancelled INTEGER NOT NULL,
    total_ms INTEGER NOT NULL, max_ms INTEGER NOT NULL, items INTEGER NOT NULL,
    PRIMARY KEY(task, bucket_ms)) WITHOUT ROWID;
CREATE INDEX exec_minute_bucket ON exec_minute(bucket_ms);

CREATE TABLE exec_hour(
    task TEXT NOT NULL, bucket_ms INTEGER NOT NULL,
    runs INTEGER NOT NULL, successes INTEGER NOT NULL, failures INTEGER NOT NULL,
    timeouts INTEGER NOT NULL, skipped INTEGER NOT NULL, cancelled INTEGER NOT NULL,
    total_ms INTEGER NOT NULL, max_ms INTEGER NOT NULL, items INTEGER NOT NULL,
    PRIMARY KEY(task, bucket_ms)) WITHOUT ROWID;
CREATE INDEX exec_hour_bucket ON exec_hour(bucket_ms);

CREATE TABLE sample_minute(
    series TEXT NOT NULL, bucket_ms INTEGER NOT NULL,
    n INTEGER NOT NULL, sum REAL NOT NULL, min REAL NOT NULL, max REAL NOT NULL,
    PRIMARY KEY(series, bucket_ms)) WITHOUT ROWID;
CREATE INDEX sample_minute_bucket ON sample_minute(bucket_ms);

CREATE TABLE sample_hour(
    series TEXT NOT NULL, bucket_ms INTEGER NOT NULL,
    n INTEGER NOT NULL, sum REAL NOT NULL, min REAL NOT NULL, max REAL NOT NULL,
    PRIMARY KEY(series, bucket_ms)) WITHOUT ROWID;
CREATE INDEX sample_hour_bucket ON sample_hour(bucket_ms);
)sql";

// v4: how long each run waited for a pool thread before it started. NULL where nobody measured
// it: rows written before v4, and runs the engine skipped without queuing them.
constexpr const char kSchemaV4[] = R"sql(
ALTER TABLE executions ADD COLUMN queued_ms INTEGER;
)sql";

// v5: machine heartbeats (docs/api.md, "Machines"). machine_events: every change of a machine's
// state, as notified. machine_seen: each machine's newest heartbeat and state, so a restart judges
// a machine on the heartbeat it last sent, however long the engine was down.
constexpr const char kSchemaV5[] = R"sql(
CREATE TABLE machine_events(
    id INTEGER PRIMARY KEY,
    ts_ms INTEGER NOT NULL,
    machine TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    last_seen_ms INTEGER,
    reason TEXT NOT NULL DEFAULT '');
CREATE INDEX machine_events_ts ON machine_events(ts_ms);
CREATE INDEX machine_events_machine ON machine_events(machine, ts_ms);

CREATE TABLE machine_seen(
    machine TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    state_since_ms INTEGER NOT NULL,
    last_seen_ms INTEGER,
    last_kind TEXT NOT NULL DEFAULT '',
    last_report TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
)sql";

// v6: notifications. An event is written before it is sent, with one pending row per channel
// that takes it; each attempt is a row of the delivery log; the state of every condition makes
// a transition notify once, across restarts.
constexpr const char kSchemaV6[] = R"sql(
CREATE TABLE notification_events(
    uid TEXT PRIMARY KEY,
    ts_ms INTEGER NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    subject TEXT NOT NULL,
    condition TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    payload TEXT NOT NULL);
CREATE INDEX notification_events_ts ON notification_events(ts_ms);

CREATE TABLE notification_deliveries(
    id INTEGER PRIMARY KEY,
    ts_ms INTEGER NOT NULL,
    channel TEXT NOT NULL,
    event_uid TEXT NOT NULL,
    kind TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    status TEXT NOT NULL,
    error TEXT NOT NULL DEFAULT '');
CREATE INDEX notification_deliveries_ts ON notification_deliveries(ts_ms);
CREATE INDEX notification_deliveries_event ON notification_deliveries(event_uid);

CREATE TABLE notification_pending(
    event_uid TEXT NOT NULL,
    channel TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY(event_uid, channel)) WITHOUT ROWID;

CREATE TABLE notification_silences(
    id INTEGER PRIMARY KEY,
    from_ms INTEGER NOT NULL,
    to_ms INTEGER NOT NULL,
    reason TEXT NOT NULL,
    machine TEXT NOT NULL DEFAULT '',
    task TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL);
CREATE INDEX notification_silences_to ON notification_silences(to_ms);

CREATE TABLE notification_state(
    condition TEXT PRIMARY KEY,
    active INTEGER NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    since_ms INTEGER NOT NULL,
    last_event_uid TEXT NOT NULL,
    last_notified_ms INTEGER NOT NULL) WITHOUT ROWID;
)sql";

// v7: dependency rules. A condition held under a root cause names it (held_by), so its
// resolution is held too after a restart; a root counts what it held (held_count) for the
// message that says it is over.
constexpr const char kSchemaV7[] = R"sql(
ALTER TABLE notification_state ADD COLUMN held_by TEXT NOT NULL DEFAULT '';
ALTER TABLE notification_state ADD COLUMN held_count INTEGER NOT NULL DEFAULT 0;
)sql";

// v8: a histogram of run durations per rollup bucket (DurationHistogram's BLOB), so percentiles
// of ranges whose raw rows are gone can be estimated. NULL in buckets begun before v8: their
// runs were not counted by duration, and a histogram of only the later ones would mislead.
constexpr const char kSchemaV8[] = R"sql(
ALTER TABLE exec_minute ADD COLUMN hist BLOB;
ALTER TABLE exec_hour ADD COLUMN hist BLOB;
)sql";

// v9: ticks per minute and per hour, so a long range's tick-time chart reads a few rows per
// bucket instead of grouping every tick of the range (a week of one-second ticks is 600 000).
constexpr const char kSchemaV9[] = R"sql(
CREATE TABLE tick_minute(
    bucket_ms INTEGER PRIMARY KEY,
    ticks INTEGER NOT NULL, total_ms INTEGER NOT NULL, max_ms INTEGER NOT NULL,
    ran INTEGER NOT NULL, succeeded INTEGER NOT NULL, failed INTEGER NOT NULL);
CREATE TABLE tick_hour(
    bucket_ms INTEGER PRIMARY KEY,
    ticks INTEGER NOT NULL, total_ms INTEGER NOT NULL, max_ms INTEGER NOT NULL,
    ran INTEGER NOT NULL, succeeded INTEGER NOT NULL, failed INTEGER NOT NULL);
)sql";

// v10: where each task's schedule stands (ScheduleState, engine/core/taskschedule.h): its next
// run, the run it follows and the catch-up runs still owed, written in the same transaction as
// the runs themselves, so a restart or an upgrade neither loses nor repeats a scheduled run.
constexpr const char kSchemaV10[] = R"sql(
CREATE TABLE task_schedule(
    task TEXT PRIMARY KEY,
    schedule TEXT NOT NULL,
    next_run_ms INTEGER,
    nominal_ms INTEGER,
    follows_ms INTEGER,
    catch_up INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
-- Recurring silences: on from each run of `cron` (in `tz`) for `duration_ms`, between from_ms
-- and to_ms. Empty cron: on for the whole window, as before.
ALTER TABLE notification_silences ADD COLUMN cron TEXT NOT NULL DEFAULT '';
ALTER TABLE notification_silences ADD COLUMN duration_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notification_silences ADD COLUMN tz TEXT NOT NULL DEFAULT '';
)sql";

std::string bucketExpr(const char *column, qint64 width)
{
    const std::string w = std::to_string(width);
    const std::string c = column;
    return "(" + c + " - ((" + c + " % " + w + ") + " + w + ") % " + w + ")";
}

void backfillExecRollup(SQLite::Database &db, const char *table, qint64 width)
{
    const std::string bucket = bucketExpr("started_at_ms", width);
    SQLite::Statement stmt(db, std::string("INSERT INTO ") + table +
                                   "(task, bucket_ms, runs, successes, failures, timeouts,"
                                   " skipped, cancelled, total_ms, max_ms, items)"
                                   " SELECT task, " +
                                   bucket +
                                   ", count(*), sum(outcome = ?1), sum(outcome = ?2),"
                                   " sum(outcome = ?3), sum(outcome = ?4),"
                                   " sum(outcome = ?5), sum(duration_ms),"
                                   " max(duration_ms), sum(items)"
                                   " FROM executions GROUP BY 1, 2");
    // Outcome strings come from records.cpp so the SQL cannot disagree with the writer.
    const Outcome outcomes[] = {Outcome::Success, Outcome::Failure, Outcome::Timeout,
                                Outcome::Skipped, Outcome::Cancelled};
    for (int i = 0; i < 5; ++i)
        stmt.bind(i + 1, outcomeName(outcomes[i]).toStdString());
    stmt.exec();
}

void backfillSampleRollup(SQLite::Database &db, const char *table, qint64 width)
{
    db.exec(std::string("INSERT INTO ") + table +
            "(series, bucket_ms, n, sum, min, max) SELECT series, " + bucketExpr("ts_ms", width) +
            ", count(*), total(value), min(value), max(value) FROM samples GROUP BY 1, 2");
}

// The counters exactly as HeartbeatMetrics::account() would have produced them, replaying
// the executions in the order they were written.
HeartbeatMetrics deriveMetrics(SQLite::Database &db)
{
    HeartbeatMetrics metrics;
    SQLite::Statement rows(db, "SELECT tick_id, task, started_at_ms, duration_ms, outcome, items,"
                               " error FROM executions ORDER BY id");
    qint64 unknown = 0;
    while (rows.executeStep()) {
        const std::optional<Outcome> outcome = outcomeFromName(sql::textOf(rows.getColumn(4)));
        if (!outcome) {
            ++unknown;
            continue;
        }
        ExecutionRecord record;
        record.tickId = sql::int64Of(rows.getColumn(0));
        record.task = sql::textOf(rows.getColumn(1));
        record.startedAtMs = sql::int64Of(rows.getColumn(2));
        record.durationMs = sql::int64Of(rows.getColumn(3));
        record.outcome = *outcome;
        record.items = sql::int64Of(rows.getColumn(5));
        record.error = sql::textOf(rows.getColumn(6));
        metrics.account(record);
    }
    if (unknown > 0)
        qCWarning(lcStore) << "ignored" << unknown << "executions rows with an unknown outcome";

    SQLite::Statement ticks(db, "SELECT count(*), max(id) FROM ticks");
    ticks.executeStep();
    metrics.tickCount = sql::int64Of(ticks.getColumn(0));
    if (metrics.tickCount > 0) {
        metrics.lastTickId = sql::int64Of(ticks.getColumn(1));
        SQLite::Statement last(db, "SELECT started_at_ms FROM ticks WHERE id = ?1");
        sql::bindInt(last, 1, metrics.lastTickId);
        if (last.executeStep())
            metrics.lastTickMs = sql::int64Of(last.getColumn(0));

        SQLite::Statement tasks(db, "SELECT task FROM executions WHERE tick_id = ?1"
                                    " AND outcome <> ?2 ORDER BY id");
        sql::bindInt(tasks, 1, metrics.lastTickId);
        tasks.bind(2, outcomeName(Outcome::Skipped).toStdString());
        while (tasks.executeStep())
            metrics.lastTickTasks.append(sql::textOf(tasks.getColumn(0)));
    }
    return metrics;
}

void migrateToV1(SQLite::Database &db)
{
    db.exec(kSchemaV1);
}

// Adds state and rollups, and derives both from the rows an older version wrote, so an
// upgraded file shows the same counters and charts as if v2 had written it all along.
void migrateToV2(SQLite::Database &db)
{
    db.exec(kSchemaV2);
    backfillExecRollup(db, "exec_minute", kMinuteMs);
    backfillExecRollup(db, "exec_hour", kHourMs);
    backfillSampleRollup(db, "sample_minute", kMinuteMs);
    backfillSampleRollup(db, "sample_hour", kHourMs);

    SQLite::Statement put(db, "INSERT INTO engine_state(key, value) VALUES(?1, ?2)");
    const auto store = [&put](const char *key, const QByteArray &value) {
        put.bind(1, key);
        sql::bindText(put, 2, value);
        sql::execAndReset(put);
    };
    store(enginestate::kMetricsKey, enginestate::encodeMetrics(deriveMetrics(db)));
    store(enginestate::kEmergencyStopKey, QByteArrayLiteral("0"));
    store(enginestate::kEmergencyReasonKey, QByteArray());
}

// v3: audit entries moved from a ledger file's outbox carry their unique id; the unique index
// makes a second move of the same entry a no-op (INSERT OR IGNORE). Older rows have none.
void migrateToV3(SQLite::Database &db)
{
    db.exec("ALTER TABLE audit_log ADD COLUMN uid TEXT;"
            "CREATE UNIQUE INDEX audit_log_uid ON audit_log(uid);");
}

void migrateToV4(SQLite::Database &db)
{
    db.exec(kSchemaV4);
}

void migrateToV5(SQLite::Database &db)
{
    db.exec(kSchemaV5);
}

void migrateToV6(SQLite::Database &db)
{
    db.exec(kSchemaV6);
}

void migrateToV7(SQLite::Database &db)
{
    db.exec(kSchemaV7);
}

void migrateToV8(SQLite::Database &db)
{
    db.exec(kSchemaV8);
}

// The tick rollups of the ticks already in the file (one pass each).
void migrateToV9(SQLite::Database &db)
{
    db.exec(kSchemaV9);
    for (const auto &[table, width] : {std::pair{"tick_minute", kMinuteMs}, std::pair{"tick_hour", kHourMs}})
        db.exec(std::string("INSERT INTO ") + table +
                "(bucket_ms, ticks, total_ms, max_ms, ran, succeeded, failed) SELECT " +
                bucketExpr("started_at_ms", width) +
                ", count(*), sum(duration_ms), max(duration_ms), sum(ran), sum(succeeded),"
                " sum(failed) FROM ticks GROUP BY 1");
}

void migrateToV10(SQLite::Database &db)
{
    db.exec(kSchemaV10);
}

using Migration = void (*)(SQLite::Database &);
// kMigrations[i] takes a file from version i to version i + 1.
constexpr Migration kMigrations[] = {migrateToV1, migrateToV2, migrateToV3, migrateToV4,
                                     migrateToV5, migrateToV6, migrateToV7, migrateToV8,
                                     migrateToV9, migrateToV10};

} // namespace

int userVersion(SQLite::Database &db)
{
    return db.execAndGet("PRAGMA user_version").getInt();
}

int tableCount(SQLite::Database &db)
{
    return db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table'").getInt();
}

void migrate(SQLite::Database &db, int target)
{
    Q_ASSERT(target <= int(std::size(kMigrations)));
    for (;;) {
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Read inside the write lock: another process may have migrated meanwhile.
        const int version = userVersion(db);
        if (version >= target)
            return;
        kMigrations[version](db);
        db.exec("PRAGMA user_version = " + std::to_string(version + 1));
        transaction.commit();
        qCInfo(lcStore) << "migrated" << db.getFilename().c_str() << "to schema" << version + 1;
    }
}

} // namespace hb::schema
