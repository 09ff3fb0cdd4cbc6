#pragma once

// Rollups of one write batch, aggregated in memory so that a transaction upserts one row per
// (task, bucket) / (series, bucket) instead of touching the rollup tables once per record.
// Minute buckets are aggregated per record; hour buckets are folded from the minute buckets.

#include "core/records.h"
#include "store/durationhistogram.h"

#include <QHash>
#include <QString>

#include <string>
#include <utility>

namespace SQLite {
class Database;
class Statement;
} // namespace SQLite

namespace hb::rollup {

struct ExecAggregate
{
    qint64 runs = 0;
    qint64 byOutcome[5] = {}; // indexed by Outcome
    qint64 totalMs = 0;
    qint64 maxMs = 0;
    qint64 items = 0;
    DurationHistogram durations; // of the runs that started (skipped ones aside)

    void add(const ExecutionRecord &record);
    void add(const ExecAggregate &other);
};

struct SampleAggregate
{
    qint64 n = 0;
    double sum = 0.0;
    double min = 0.0;
    double max = 0.0;

    void add(double value);
    void add(const SampleAggregate &other);
};

// The ticks of one bucket.
struct TickAggregate
{
    qint64 ticks = 0;
    qint64 totalMs = 0;
    qint64 maxMs = 0;
    qint64 ran = 0;
    qint64 succeeded = 0;
    qint64 failed = 0;

    void add(const TickRecord &tick);
    void add(const TickAggregate &other);
};
using TickBuckets = QHash<qint64, TickAggregate>; // by bucket_ms

// tick_minute / tick_hour (7 parameters in column order).
std::string tickUpsertSql(const char *table);
TickBuckets widen(const TickBuckets &minutes, qint64 width);
void upsert(SQLite::Statement &stmt, const TickBuckets &buckets);

using Key = std::pair<QString, qint64>; // (task or series, bucket_ms)
using ExecBuckets = QHash<Key, ExecAggregate>;
using SampleBuckets = QHash<Key, SampleAggregate>;

// The statement text for upserting into exec_minute / exec_hour (12 parameters in column
// order, the histogram last) and sample_minute / sample_hour (6 parameters). The exec upsert
// calls hb_hist_merge(): registerFunctions() must have run on the connection first.
std::string execUpsertSql(const char *table);
std::string sampleUpsertSql(const char *table);

// Re-buckets minute aggregates into wider buckets (hours).
ExecBuckets widen(const ExecBuckets &minutes, qint64 width);
SampleBuckets widen(const SampleBuckets &minutes, qint64 width);

void upsert(SQLite::Statement &stmt, const ExecBuckets &buckets);
void upsert(SQLite::Statement &stmt, const SampleBuckets &buckets);

// Registers hb_hist_merge(a, b) on `db`: the sum of two encoded histograms, NULL when either is
// NULL or unreadable. A bucket begun before histograms were kept (NULL) so stays NULL rather
// than describing only some of its runs.
void registerFunctions(SQLite::Database &db);

} // namespace hb::rollup
