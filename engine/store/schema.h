#pragma once

// The metrics.db schema and its forward migrations (PRAGMA user_version). Private to the store.
//
// Rollup columns (exec_minute / exec_hour), per (task, bucket_ms):
//   runs = every `executions` row in the bucket (skipped ones included), then one column per
//   outcome; total_ms, max_ms and items are over the same rows. bucket_ms is the start of the
//   minute / hour (UTC) that started_at_ms falls in. hist (v8): a DurationHistogram of the
//   durations of the runs that started (skipped ones aside); NULL in buckets begun before v8.
// sample_minute / sample_hour, per (series, bucket_ms): n, sum, min, max of `samples.value`.

#include "core/clock.h"

#include <QtGlobal>

namespace SQLite {
class Database;
}

namespace hb::schema {

inline constexpr qint64 kMinuteMs = 60'000;
inline constexpr qint64 kHourMs = 3'600'000;
using hb::kDayMs;
// The version that added exec_minute.hist / exec_hour.hist.
inline constexpr int kHistogramVersion = 8;

// Start of the bucket `ms` falls in; floors for negative times too (same formula as the SQL).
constexpr qint64 bucketStart(qint64 ms, qint64 width)
{
    return ms - ((ms % width) + width) % width;
}

int userVersion(SQLite::Database &db);

// Number of tables in the file (sqlite_master), to tell a fresh file from a foreign one.
int tableCount(SQLite::Database &db);

// Brings `db` from its user_version up to `target`, each step in its own transaction so a
// failure leaves the file at the last completed version. Throws SQLite::Exception.
void migrate(SQLite::Database &db, int target);

} // namespace hb::schema
