#include "store/rollups.h"

#include "sqlite/sqlvalues.h"
#include "store/schema.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <sqlite3.h>

#include <algorithm>

namespace hb::rollup {

void ExecAggregate::add(const ExecutionRecord &record)
{
    ++runs;
    ++byOutcome[int(record.outcome)];
    totalMs += record.durationMs;
    maxMs = std::max(maxMs, record.durationMs);
    items += record.items;
    if (record.outcome != Outcome::Skipped)
        durations.add(record.durationMs);
}

void ExecAggregate::add(const ExecAggregate &other)
{
    if (runs == 0)
        maxMs = other.maxMs;
    runs += other.runs;
    for (int i = 0; i < 5; ++i)
        byOutcome[i] += other.byOutcome[i];
    totalMs += other.totalMs;
    maxMs = std::max(maxMs, other.maxMs);
    items += other.items;
    durations.add(other.durations);
}

void SampleAggregate::add(double value)
{
    min = n == 0 ? value : std::min(min, value);
    max = n == 0 ? value : std::max(max, value);
    sum += value;
    ++n;
}

void SampleAggregate::add(const SampleAggregate &other)
{
    min = n == 0 ? other.min : std::min(min, other.min);
    max = n == 0 ? other.max : std::max(max, other.max);
    sum += other.sum;
    n += other.n;
}

void TickAggregate::add(const TickRecord &tick)
{
    ++ticks;
    totalMs += tick.durationMs;
    maxMs = std::max(maxMs, tick.durationMs);
    ran += tick.ran;
    succeeded += tick.succeeded;
    failed += tick.failed;
}

void TickAggregate::add(const TickAggregate &other)
{
    maxMs = ticks == 0 ? other.maxMs : std::max(maxMs, other.maxMs);
    ticks += other.ticks;
    totalMs += other.totalMs;
    ran += other.ran;
    succeeded += other.succeeded;
    failed += other.failed;
}

std::string tickUpsertSql(const char *table)
{
    return std::string("INSERT INTO ") + table +
           "(bucket_ms, ticks, total_ms, max_ms, ran, succeeded, failed)"
           " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"
           " ON CONFLICT(bucket_ms) DO UPDATE SET"
           " ticks = ticks + excluded.ticks,"
           " total_ms = total_ms + excluded.total_ms,"
           " max_ms = max(max_ms, excluded.max_ms),"
           " ran = ran + excluded.ran,"
           " succeeded = succeeded + excluded.succeeded,"
           " failed = failed + excluded.failed";
}

TickBuckets widen(const TickBuckets &minutes, qint64 width)
{
    TickBuckets wide;
    for (auto it = minutes.cbegin(); it != minutes.cend(); ++it)
        wide[schema::bucketStart(it.key(), width)].add(it.value());
    return wide;
}

void upsert(SQLite::Statement &stmt, const TickBuckets &buckets)
{
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const TickAggregate &a = it.value();
        sql::bindInt(stmt, 1, it.key());
        sql::bindInt(stmt, 2, a.ticks);
        sql::bindInt(stmt, 3, a.totalMs);
        sql::bindInt(stmt, 4, a.maxMs);
        sql::bindInt(stmt, 5, a.ran);
        sql::bindInt(stmt, 6, a.succeeded);
        sql::bindInt(stmt, 7, a.failed);
        sql::execAndReset(stmt);
    }
}

std::string execUpsertSql(const char *table)
{
    return std::string("INSERT INTO ") + table +
           "(task, bucket_ms, runs, successes, failures, timeouts, skipped, cancelled,"
           " total_ms, max_ms, items, hist)"
           " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
           " ON CONFLICT(task, bucket_ms) DO UPDATE SET"
           " runs = runs + excluded.runs,"
           " successes = successes + excluded.successes,"
           " failures = failures + excluded.failures,"
           " timeouts = timeouts + excluded.timeouts,"
           " skipped = skipped + excluded.skipped,"
           " cancelled = cancelled + excluded.cancelled,"
           " total_ms = total_ms + excluded.total_ms,"
           " max_ms = max(max_ms, excluded.max_ms),"
           " items = items + excluded.items,"
           " hist = hb_hist_merge(hist, excluded.hist)";
}

std::string sampleUpsertSql(const char *table)
{
    return std::string("INSERT INTO ") + table +
           "(series, bucket_ms, n, sum, min, max) VALUES(?1, ?2, ?3, ?4, ?5, ?6)"
           " ON CONFLICT(series, bucket_ms) DO UPDATE SET"
           " n = n + excluded.n,"
           " sum = sum + excluded.sum,"
           " min = min(min, excluded.min),"
           " max = max(max, excluded.max)";
}

ExecBuckets widen(const ExecBuckets &minutes, qint64 width)
{
    ExecBuckets wide;
    for (auto it = minutes.cbegin(); it != minutes.cend(); ++it)
        wide[Key(it.key().first, schema::bucketStart(it.key().second, width))].add(it.value());
    return wide;
}

SampleBuckets widen(const SampleBuckets &minutes, qint64 width)
{
    SampleBuckets wide;
    for (auto it = minutes.cbegin(); it != minutes.cend(); ++it)
        wide[Key(it.key().first, schema::bucketStart(it.key().second, width))].add(it.value());
    return wide;
}

void upsert(SQLite::Statement &stmt, const ExecBuckets &buckets)
{
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const QByteArray task = it.key().first.toUtf8();
        const ExecAggregate &a = it.value();
        sql::bindText(stmt, 1, task);
        sql::bindInt(stmt, 2, it.key().second);
        sql::bindInt(stmt, 3, a.runs);
        sql::bindInt(stmt, 4, a.byOutcome[int(Outcome::Success)]);
        sql::bindInt(stmt, 5, a.byOutcome[int(Outcome::Failure)]);
        sql::bindInt(stmt, 6, a.byOutcome[int(Outcome::Timeout)]);
        sql::bindInt(stmt, 7, a.byOutcome[int(Outcome::Skipped)]);
        sql::bindInt(stmt, 8, a.byOutcome[int(Outcome::Cancelled)]);
        sql::bindInt(stmt, 9, a.totalMs);
        sql::bindInt(stmt, 10, a.maxMs);
        sql::bindInt(stmt, 11, a.items);
        const QByteArray hist = a.durations.encode();
        stmt.bindNoCopy(12, hist.constData(), int(hist.size()));
        sql::execAndReset(stmt);
    }
}

void upsert(SQLite::Statement &stmt, const SampleBuckets &buckets)
{
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const QByteArray series = it.key().first.toUtf8();
        const SampleAggregate &a = it.value();
        sql::bindText(stmt, 1, series);
        sql::bindInt(stmt, 2, it.key().second);
        sql::bindInt(stmt, 3, a.n);
        stmt.bind(4, a.sum);
        stmt.bind(5, a.min);
        stmt.bind(6, a.max);
        sql::execAndReset(stmt);
    }
}

namespace {

void histMerge(sqlite3_context *context, int, sqlite3_value **args)
{
    if (sqlite3_value_type(args[0]) != SQLITE_BLOB || sqlite3_value_type(args[1]) != SQLITE_BLOB) {
        sqlite3_result_null(context);
        return;
    }
    const auto blob = [](sqlite3_value *v) {
        return DurationHistogram::decode(static_cast<const char *>(sqlite3_value_blob(v)),
                                         sqlite3_value_bytes(v));
    };
    std::optional<DurationHistogram> a = blob(args[0]);
    const std::optional<DurationHistogram> b = blob(args[1]);
    if (!a || !b) {
        sqlite3_result_null(context);
        return;
    }
    a->add(*b);
    const QByteArray merged = a->encode();
    sqlite3_result_blob(context, merged.constData(), int(merged.size()), SQLITE_TRANSIENT);
}

} // namespace

void registerFunctions(SQLite::Database &db)
{
    const int rc = sqlite3_create_function_v2(db.getHandle(), "hb_hist_merge", 2,
                                              SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                              histMerge, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throw SQLite::Exception(db.getHandle(), rc);
}

} // namespace hb::rollup
