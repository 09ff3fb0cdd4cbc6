#include "store/metricsreader.h"

#include "core/logging.h"
#include "store/metricsfile.h"
#include "store/schema.h"
#include "sqlite/sqlfile.h"
#include "sqlite/sqlvalues.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <initializer_list>

#include <algorithm>
#include <string>

namespace hb {

namespace {

// Long enough to ride out a writer's checkpoint; a reader in WAL mode never waits on commits.
constexpr int kReaderBusyTimeoutMs = 2000;

using sql::utf8;

const char *rollupTable(MetricsReader::Resolution resolution, bool samples)
{
    if (resolution == MetricsReader::Resolution::Hour)
        return samples ? "sample_hour" : "exec_hour";
    return samples ? "sample_minute" : "exec_minute";
}

// The start of the bucket `column` falls in, as SQL (schema::bucketStart()).
std::string bucketSql(const char *column, qint64 width)
{
    const std::string w = std::to_string(width);
    const std::string c = column;
    return "(" + c + " - ((" + c + " % " + w + ") + " + w + ") % " + w + ")";
}

// Outcome strings bound as parameters ?4..?8, so the SQL cannot disagree with records.cpp.
void bindOutcomes(SQLite::Statement &stmt, int first)
{
    const Outcome outcomes[] = {Outcome::Success, Outcome::Failure, Outcome::Timeout,
                                Outcome::Skipped, Outcome::Cancelled};
    for (int i = 0; i < 5; ++i)
        stmt.bind(first + i, outcomeName(outcomes[i]).toStdString());
}

ExecutionBucket executionBucketOf(SQLite::Statement &row)
{
    ExecutionBucket b;
    b.bucketMs = sql::int64Of(row.getColumn(0));
    b.rows = sql::int64Of(row.getColumn(1));
    b.successes = sql::int64Of(row.getColumn(2));
    b.failures = sql::int64Of(row.getColumn(3));
    b.timeouts = sql::int64Of(row.getColumn(4));
    b.skipped = sql::int64Of(row.getColumn(5));
    b.cancelled = sql::int64Of(row.getColumn(6));
    b.totalMs = sql::int64Of(row.getColumn(7));
    b.maxMs = sql::int64Of(row.getColumn(8));
    return b;
}

SampleBucket sampleBucketOf(SQLite::Statement &row)
{
    SampleBucket b;
    b.bucketMs = sql::int64Of(row.getColumn(0));
    b.count = sql::int64Of(row.getColumn(1));
    b.sum = row.getColumn(2).getDouble();
    b.min = row.getColumn(3).getDouble();
    b.max = row.getColumn(4).getDouble();
    return b;
}

} // namespace

MetricsReader::MetricsReader(const QString &path)
    : m_path(path)
{
    MetricsFile file = openMetricsFile(path, kReaderBusyTimeoutMs);
    m_db = std::move(file.db);
    m_schemaVersion = file.schemaVersion;
}

MetricsReader::~MetricsReader() = default;

qint64 MetricsReader::bucketWidthMs(Resolution resolution)
{
    switch (resolution) {
    case Resolution::Raw:
        return 0;
    case Resolution::Minute:
        return schema::kMinuteMs;
    case Resolution::Hour:
        return schema::kHourMs;
    }
    return 0;
}

void MetricsReader::fail(const std::exception &e, const char *what) const
{
    qCWarning(lcStore) << "reading" << what << "from" << m_path << "failed:" << e.what();
    throw StoreError(metricsReadError(m_path, e, QString::fromLatin1(what)));
}

QVector<ExecutionBucket> MetricsReader::executionSeries(qint64 fromMs, qint64 toMs,
                                                        Resolution resolution, const QString &task)
{
    QVector<ExecutionBucket> out;
    if (toMs <= fromMs)
        return out;
    const std::string taskFilter = task.isEmpty() ? std::string() : std::string(" AND task = ?3");
    try {
        if (resolution == Resolution::Raw) {
            SQLite::Statement q(*m_db,
                                "SELECT min(started_at_ms), count(*), sum(outcome = ?4),"
                                " sum(outcome = ?5), sum(outcome = ?6), sum(outcome = ?7),"
                                " sum(outcome = ?8), sum(duration_ms), max(duration_ms)"
                                " FROM executions WHERE started_at_ms >= ?1 AND started_at_ms < ?2"
                                    + taskFilter + " GROUP BY tick_id ORDER BY 1, tick_id");
            sql::bindInt(q, 1, fromMs);
            sql::bindInt(q, 2, toMs);
            if (!task.isEmpty())
                q.bind(3, utf8(task));
            bindOutcomes(q, 4);
            while (q.executeStep())
                out.append(executionBucketOf(q));
            return out;
        }
        const qint64 width = bucketWidthMs(resolution);
        if (!hasRollups()) {
            // Schema 1 (read as it is, never upgraded) has no rollups: grouped from the raw
            // rows over the same whole buckets.
            SQLite::Statement q(*m_db, "SELECT " + bucketSql("started_at_ms", width)
                                           + " AS b, count(*), sum(outcome = ?4),"
                                             " sum(outcome = ?5), sum(outcome = ?6),"
                                             " sum(outcome = ?7), sum(outcome = ?8),"
                                             " sum(duration_ms), max(duration_ms)"
                                             " FROM executions WHERE started_at_ms >= ?1"
                                             " AND started_at_ms < ?2"
                                           + taskFilter + " GROUP BY b ORDER BY b");
            sql::bindInt(q, 1, schema::bucketStart(fromMs, width));
            sql::bindInt(q, 2, schema::bucketStart(toMs - 1, width) + width);
            if (!task.isEmpty())
                q.bind(3, utf8(task));
            bindOutcomes(q, 4);
            while (q.executeStep())
                out.append(executionBucketOf(q));
            return out;
        }
        SQLite::Statement q(*m_db, std::string("SELECT bucket_ms, sum(runs), sum(successes),"
                                               " sum(failures), sum(timeouts), sum(skipped),"
                                               " sum(cancelled), sum(total_ms), max(max_ms) FROM ")
                                       + rollupTable(resolution, false)
                                       + " WHERE bucket_ms >= ?1 AND bucket_ms < ?2" + taskFilter
                                       + " GROUP BY bucket_ms ORDER BY bucket_ms");
        sql::bindInt(q, 1, schema::bucketStart(fromMs, width));
        sql::bindInt(q, 2, toMs);
        if (!task.isEmpty())
            q.bind(3, utf8(task));
        while (q.executeStep())
            out.append(executionBucketOf(q));
    } catch (const std::exception &e) {
        fail(e, "executions");
    }
    return out;
}

void MetricsReader::forEachTaskBucket(
    qint64 fromMs, qint64 toMs, Resolution resolution,
    const std::function<void(const QString &, const ExecutionBucket &)> &visit)
{
    if (toMs <= fromMs)
        return;
    if (resolution == Resolution::Raw)
        resolution = Resolution::Minute;
    const qint64 width = bucketWidthMs(resolution);
    try {
        std::string sqlText;
        if (hasRollups()) {
            sqlText = std::string("SELECT bucket_ms, runs, successes, failures, timeouts, skipped,"
                                  " cancelled, total_ms, max_ms, task FROM ")
                      + rollupTable(resolution, false)
                      + " WHERE bucket_ms >= ?1 AND bucket_ms < ?2 ORDER BY bucket_ms, task";
        } else {
            sqlText = "SELECT " + bucketSql("started_at_ms", width)
                      + " AS b, count(*), sum(outcome = ?4), sum(outcome = ?5), sum(outcome = ?6),"
                        " sum(outcome = ?7), sum(outcome = ?8), sum(duration_ms),"
                        " max(duration_ms), task FROM executions"
                        " WHERE started_at_ms >= ?1 AND started_at_ms < ?2"
                        " GROUP BY b, task ORDER BY b, task";
        }
        SQLite::Statement q(*m_db, sqlText);
        sql::bindInt(q, 1, schema::bucketStart(fromMs, width));
        if (hasRollups()) {
            sql::bindInt(q, 2, toMs);
        } else {
            sql::bindInt(q, 2, schema::bucketStart(toMs - 1, width) + width);
            bindOutcomes(q, 4);
        }
        while (q.executeStep())
            visit(sql::textOf(q.getColumn(9)), executionBucketOf(q));
    } catch (const StoreError &) {
        throw;
    } catch (const std::exception &e) {
        fail(e, "executions");
    }
}

std::optional<MetricsReader::TimeSpan> MetricsReader::tickSpan()
{
    try {
        // Two index seeks.
        SQLite::Statement q(*m_db, "SELECT (SELECT min(started_at_ms) FROM ticks),"
                                   " (SELECT max(started_at_ms) FROM ticks)");
        if (!q.executeStep() || q.getColumn(0).isNull())
            return std::nullopt;
        return TimeSpan{sql::int64Of(q.getColumn(0)), sql::int64Of(q.getColumn(1))};
    } catch (const std::exception &e) {
        fail(e, "tick span");
    }
}

std::optional<MetricsReader::TimeSpan> MetricsReader::timeSpan()
{
    std::optional<TimeSpan> span;
    try {
        const char *const ends[][2] = {{"executions", "started_at_ms"},
                                       {"ticks", "started_at_ms"},
                                       {"audit_log", "ts_ms"}};
        for (const auto &end : ends) {
            // One min() or max() per statement, each one index seek.
            const std::string column = end[1];
            const std::string table = end[0];
            SQLite::Statement first(*m_db, "SELECT min(" + column + ") FROM " + table);
            SQLite::Statement last(*m_db, "SELECT max(" + column + ") FROM " + table);
            if (!first.executeStep() || first.getColumn(0).isNull() || !last.executeStep())
                continue;
            const qint64 a = sql::int64Of(first.getColumn(0));
            const qint64 b = sql::int64Of(last.getColumn(0));
            if (!span)
                span = TimeSpan{a, b};
            span->firstMs = std::min(span->firstMs, a);
            span->lastMs = std::max(span->lastMs, b);
        }
    } catch (const std::exception &e) {
        fail(e, "time span");
    }
    return span;
}

QVector<TickBucket> MetricsReader::tickSeries(qint64 fromMs, qint64 toMs, Resolution resolution)
{
    QVector<TickBucket> out;
    if (toMs <= fromMs)
        return out;
    try {
        const qint64 width = bucketWidthMs(resolution);
        std::string sql;
        qint64 from = fromMs;
        qint64 to = toMs;
        if (resolution == Resolution::Raw) {
            sql = "SELECT started_at_ms, 1, duration_ms, duration_ms, ran, succeeded, failed"
                  " FROM ticks WHERE started_at_ms >= ?1 AND started_at_ms < ?2"
                  " ORDER BY started_at_ms, id";
        } else if (m_schemaVersion >= 9) {
            // The tick rollups: one row per bucket.
            sql = std::string("SELECT bucket_ms, ticks, total_ms, max_ms, ran, succeeded, failed"
                              " FROM ")
                  + (resolution == Resolution::Hour ? "tick_hour" : "tick_minute")
                  + " WHERE bucket_ms >= ?1 AND bucket_ms < ?2 ORDER BY bucket_ms";
            from = schema::bucketStart(fromMs, width);
            to = schema::bucketStart(toMs - 1, width) + width;
        } else {
            // Files before schema 9 have no tick rollups: grouped here, over whole buckets like
            // the rollup tables, so the last bucket is not cut short.
            sql = "SELECT " + bucketSql("started_at_ms", width) + " AS b, count(*), sum(duration_ms), max(duration_ms),"
                  " sum(ran), sum(succeeded), sum(failed) FROM ticks"
                  " WHERE started_at_ms >= ?1 AND started_at_ms < ?2 GROUP BY b ORDER BY b";
            from = schema::bucketStart(fromMs, width);
            to = schema::bucketStart(toMs - 1, width) + width;
        }
        SQLite::Statement q(*m_db, sql);
        sql::bindInt(q, 1, from);
        sql::bindInt(q, 2, to);
        while (q.executeStep()) {
            TickBucket b;
            b.bucketMs = sql::int64Of(q.getColumn(0));
            b.ticks = sql::int64Of(q.getColumn(1));
            b.totalMs = sql::int64Of(q.getColumn(2));
            b.maxMs = sql::int64Of(q.getColumn(3));
            b.ran = sql::int64Of(q.getColumn(4));
            b.succeeded = sql::int64Of(q.getColumn(5));
            b.failed = sql::int64Of(q.getColumn(6));
            out.append(b);
        }
    } catch (const std::exception &e) {
        fail(e, "ticks");
    }
    return out;
}

QVector<SampleBucket> MetricsReader::sampleSeries(const QString &series, qint64 fromMs,
                                                  qint64 toMs, Resolution resolution)
{
    QVector<SampleBucket> out;
    if (toMs <= fromMs)
        return out;
    try {
        const qint64 width = bucketWidthMs(resolution);
        const bool raw = resolution == Resolution::Raw;
        if (!raw && !hasRollups()) {
            // Schema 1: no rollups; grouped from the raw samples over whole buckets.
            SQLite::Statement q(*m_db, "SELECT " + bucketSql("ts_ms", width)
                                           + " AS b, count(*), total(value), min(value),"
                                             " max(value) FROM samples WHERE series = ?1"
                                             " AND ts_ms >= ?2 AND ts_ms < ?3"
                                             " GROUP BY b ORDER BY b");
            q.bind(1, utf8(series));
            sql::bindInt(q, 2, schema::bucketStart(fromMs, width));
            sql::bindInt(q, 3, schema::bucketStart(toMs - 1, width) + width);
            while (q.executeStep())
                out.append(sampleBucketOf(q));
            return out;
        }
        SQLite::Statement q(*m_db,
                            raw ? std::string("SELECT ts_ms, 1, value, value, value FROM samples"
                                              " WHERE series = ?1 AND ts_ms >= ?2 AND ts_ms < ?3"
                                              " ORDER BY ts_ms, rowid")
                                : std::string("SELECT bucket_ms, n, sum, min, max FROM ")
                                      + rollupTable(resolution, true)
                                      + " WHERE series = ?1 AND bucket_ms >= ?2 AND bucket_ms < ?3"
                                        " ORDER BY bucket_ms");
        q.bind(1, utf8(series));
        sql::bindInt(q, 2, raw ? fromMs : schema::bucketStart(fromMs, width));
        sql::bindInt(q, 3, toMs);
        while (q.executeStep())
            out.append(sampleBucketOf(q));
    } catch (const std::exception &e) {
        fail(e, "samples");
    }
    return out;
}

QStringList MetricsReader::sampleSeriesNames(const QString &prefix)
{
    QStringList names;
    try {
        // Every sample also lands in sample_hour, which keeps the longest. Its primary key is
        // (series, bucket_ms), so each name costs one index seek instead of a scan of all its
        // buckets. Schema 1 has only the raw samples, indexed by (series, ts_ms) alike.
        const std::string table = hasRollups() ? "sample_hour" : "samples";
        SQLite::Statement first(*m_db, "SELECT series FROM " + table
                                           + " WHERE series >= ?1 ORDER BY series LIMIT 1");
        SQLite::Statement next(*m_db, "SELECT series FROM " + table
                                          + " WHERE series > ?1 ORDER BY series LIMIT 1");
        first.bind(1, utf8(prefix));
        SQLite::Statement *q = &first;
        while (q->executeStep()) {
            const std::string name = q->getColumn(0).getString();
            const QString series = QString::fromStdString(name);
            if (!series.startsWith(prefix))
                break;
            names.append(series);
            q->reset();
            q = &next;
            q->bind(1, name);
        }
    } catch (const std::exception &e) {
        fail(e, "sample series names");
    }
    return names;
}

QVector<AuditEntry> MetricsReader::auditEntries(qint64 fromMs, qint64 toMs,
                                                const QStringList &actions, int limit)
{
    QVector<AuditEntry> out;
    if (toMs <= fromMs || limit <= 0)
        return out;
    try {
        std::string filter;
        if (!actions.isEmpty()) {
            filter = " AND action IN (";
            for (int i = 0; i < actions.size(); ++i)
                filter += (i ? ", ?" : "?") + std::to_string(i + 4);
            filter += ")";
        }
        // Newest first so LIMIT keeps the newest; reversed below.
        SQLite::Statement q(*m_db, "SELECT ts_ms, actor, action, detail FROM audit_log"
                                   " WHERE ts_ms >= ?1 AND ts_ms < ?2"
                                       + filter + " ORDER BY ts_ms DESC, id DESC LIMIT ?3");
        sql::bindInt(q, 1, fromMs);
        sql::bindInt(q, 2, toMs);
        q.bind(3, limit);
        for (int i = 0; i < actions.size(); ++i)
            q.bind(i + 4, utf8(actions.at(i)));
        while (q.executeStep()) {
            AuditEntry entry;
            entry.tsMs = sql::int64Of(q.getColumn(0));
            entry.actor = sql::textOf(q.getColumn(1));
            entry.action = sql::textOf(q.getColumn(2));
            entry.detail = sql::textOf(q.getColumn(3));
            out.append(entry);
        }
    } catch (const std::exception &e) {
        fail(e, "audit log");
    }
    std::reverse(out.begin(), out.end());
    return out;
}

namespace {

constexpr const char kTickColumns[] =
    "SELECT id, started_at_ms, duration_ms, ran, succeeded, failed, skipped_reason FROM ticks";

// A file older than version 4 (read-only here, so not upgraded) has no queued_ms: NULL.
std::string executionColumns(int schemaVersion)
{
    return std::string("SELECT tick_id, task, started_at_ms, duration_ms, outcome, items, error, ")
           + (schemaVersion >= 4 ? "queued_ms" : "NULL") + " FROM executions";
}

TickRecord tickFrom(SQLite::Statement &q)
{
    TickRecord t;
    t.id = sql::int64Of(q.getColumn(0));
    t.startedAtMs = sql::int64Of(q.getColumn(1));
    t.durationMs = sql::int64Of(q.getColumn(2));
    t.ran = q.getColumn(3).getInt();
    t.succeeded = q.getColumn(4).getInt();
    t.failed = q.getColumn(5).getInt();
    const QString reason = sql::textOf(q.getColumn(6));
    t.skippedReason = tickSkipReasonFromName(reason);
    if (t.skippedReason == TickSkipReason::Other)
        t.skippedReasonText = reason;
    return t;
}

ExecutionRecord executionFrom(SQLite::Statement &q)
{
    ExecutionRecord r;
    r.tickId = sql::int64Of(q.getColumn(0));
    r.task = sql::textOf(q.getColumn(1));
    r.startedAtMs = sql::int64Of(q.getColumn(2));
    r.durationMs = sql::int64Of(q.getColumn(3));
    // A value this version does not know (written by a newer one) reads as a failure rather
    // than hiding the row.
    r.outcome = outcomeFromName(sql::textOf(q.getColumn(4))).value_or(Outcome::Failure);
    r.items = sql::int64Of(q.getColumn(5));
    r.error = sql::textOf(q.getColumn(6));
    if (!q.getColumn(7).isNull())
        r.queuedMs = sql::int64Of(q.getColumn(7));
    return r;
}

// Runs `q` (newest first; parameters ?1.. are `values`, the last one is the LIMIT) and
// returns its rows oldest first.
template<typename Row, typename Read>
QVector<Row> newestFirstRows(SQLite::Statement &q, std::initializer_list<qint64> values,
                             int limit, Read read)
{
    QVector<Row> out;
    int index = 0;
    for (const qint64 value : values)
        sql::bindInt(q, ++index, value);
    q.bind(index + 1, limit);
    while (q.executeStep())
        out.append(read(q));
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace

QVector<TickRecord> MetricsReader::recentTicks(int limit, qint64 beforeTickId)
{
    if (limit <= 0)
        return {};
    try {
        SQLite::Statement q(*m_db, std::string(kTickColumns)
                                       + " WHERE id < ?1 ORDER BY id DESC LIMIT ?2");
        return newestFirstRows<TickRecord>(q, {beforeTickId}, limit, tickFrom);
    } catch (const std::exception &e) {
        fail(e, "recent ticks");
    }
}

QVector<ExecutionRecord> MetricsReader::recentExecutions(int limit, qint64 beforeTickId)
{
    if (limit <= 0)
        return {};
    try {
        // Newest first along the started_at_ms index (a full scan sorted by tick_id would read
        // every row of a large file).
        SQLite::Statement q(*m_db, executionColumns(m_schemaVersion)
                                       + " WHERE tick_id < ?1"
                                         " ORDER BY started_at_ms DESC, id DESC LIMIT ?2");
        return newestFirstRows<ExecutionRecord>(q, {beforeTickId}, limit, executionFrom);
    } catch (const std::exception &e) {
        fail(e, "recent executions");
    }
}

QVector<TickRecord> MetricsReader::ticks(qint64 fromMs, qint64 toMs, int limit)
{
    if (limit <= 0 || toMs <= fromMs)
        return {};
    try {
        SQLite::Statement q(*m_db, std::string(kTickColumns)
                                       + " WHERE started_at_ms >= ?1 AND started_at_ms < ?2"
                                         " ORDER BY started_at_ms DESC, id DESC LIMIT ?3");
        return newestFirstRows<TickRecord>(q, {fromMs, toMs}, limit, tickFrom);
    } catch (const std::exception &e) {
        fail(e, "ticks");
    }
}

QVector<ExecutionRecord> MetricsReader::executions(qint64 fromMs, qint64 toMs, int limit)
{
    if (limit <= 0 || toMs <= fromMs)
        return {};
    try {
        SQLite::Statement q(*m_db, executionColumns(m_schemaVersion)
                                       + " WHERE started_at_ms >= ?1 AND started_at_ms < ?2"
                                         " ORDER BY started_at_ms DESC, id DESC LIMIT ?3");
        return newestFirstRows<ExecutionRecord>(q, {fromMs, toMs}, limit, executionFrom);
    } catch (const std::exception &e) {
        fail(e, "executions");
    }
}

void MetricsReader::forEachExecution(qint64 fromMs, qint64 toMs,
                                     const std::function<void(const ExecutionRecord &)> &visit)
{
    if (toMs <= fromMs)
        return;
    try {
        SQLite::Statement q(*m_db, executionColumns(m_schemaVersion)
                                       + " WHERE started_at_ms >= ?1 AND started_at_ms < ?2"
                                         " ORDER BY started_at_ms, id");
        sql::bindInt(q, 1, fromMs);
        sql::bindInt(q, 2, toMs);
        while (q.executeStep())
            visit(executionFrom(q));
    } catch (const StoreError &) {
        throw;
    } catch (const std::exception &e) {
        fail(e, "executions");
    }
}

void MetricsReader::forEachAuditEntry(qint64 fromMs, qint64 toMs,
                                      const std::function<void(const AuditEntry &)> &visit)
{
    if (toMs <= fromMs)
        return;
    try {
        SQLite::Statement q(*m_db, std::string("SELECT ts_ms, actor, action, detail, ")
                                       + (m_schemaVersion >= 3 ? "uid" : "''")
                                       + " FROM audit_log WHERE ts_ms >= ?1 AND ts_ms < ?2"
                                         " ORDER BY ts_ms, id");
        sql::bindInt(q, 1, fromMs);
        sql::bindInt(q, 2, toMs);
        while (q.executeStep()) {
            AuditEntry entry;
            entry.tsMs = sql::int64Of(q.getColumn(0));
            entry.actor = sql::textOf(q.getColumn(1));
            entry.action = sql::textOf(q.getColumn(2));
            entry.detail = sql::textOf(q.getColumn(3));
            entry.uid = sql::textOf(q.getColumn(4));
            visit(entry);
        }
    } catch (const StoreError &) {
        throw;
    } catch (const std::exception &e) {
        fail(e, "audit log");
    }
}

namespace {

// SELECT <columns> FROM <table> with the page's filters; rows oldest first by id, one more than
// asked for so the caller knows whether another page follows. `idColumn` is the row id's index
// in the result.
template<typename Row, typename Read>
MetricsReader::Page<Row> readPage(SQLite::Database &db, const std::string &select,
                                  const char *timeColumn, const char *taskColumn,
                                  const char *outcomeColumn, const MetricsReader::PageQuery &query,
                                  Read read)
{
    std::string sqlText = select + " WHERE id > ?1 AND " + timeColumn + " >= ?2 AND "
                          + timeColumn + " < ?3";
    if (!query.task.isEmpty())
        sqlText += std::string(" AND ") + taskColumn + " = ?4";
    if (!query.outcome.isEmpty() && outcomeColumn)
        sqlText += std::string(" AND ") + outcomeColumn + " = ?5";
    sqlText += " ORDER BY id LIMIT ?6";
    SQLite::Statement q(db, sqlText);
    sql::bindInt(q, 1, query.afterId);
    sql::bindInt(q, 2, query.fromMs);
    sql::bindInt(q, 3, query.toMs);
    if (!query.task.isEmpty())
        q.bind(4, query.task.toStdString());
    if (!query.outcome.isEmpty() && outcomeColumn)
        q.bind(5, query.outcome.toStdString());
    q.bind(6, query.limit + 1);
    MetricsReader::Page<Row> page;
    qint64 lastId = 0;
    while (q.executeStep()) {
        if (page.rows.size() == query.limit) {
            page.nextAfterId = lastId;
            break;
        }
        lastId = read(q, &page.rows);
    }
    return page;
}

} // namespace

MetricsReader::Page<ExecutionRecord> MetricsReader::executionsPage(const PageQuery &query)
{
    try {
        // executionColumns() ends in "FROM executions"; the id comes last.
        std::string select = executionColumns(m_schemaVersion);
        select.replace(select.find(" FROM executions"), 16, ", id FROM executions");
        return readPage<ExecutionRecord>(*m_db, select, "started_at_ms", "task", "outcome", query,
                                         [](SQLite::Statement &q, QVector<ExecutionRecord> *rows) {
                                             rows->append(executionFrom(q));
                                             return sql::int64Of(q.getColumn(8));
                                         });
    } catch (const std::exception &e) {
        fail(e, "executions");
    }
}

MetricsReader::Page<TickRecord> MetricsReader::ticksPage(const PageQuery &query)
{
    try {
        return readPage<TickRecord>(*m_db, kTickColumns, "started_at_ms", "id", nullptr,
                                    PageQuery{query.fromMs, query.toMs, {}, {}, query.afterId,
                                              query.limit},
                                    [](SQLite::Statement &q, QVector<TickRecord> *rows) {
                                        rows->append(tickFrom(q));
                                        return rows->constLast().id;
                                    });
    } catch (const std::exception &e) {
        fail(e, "ticks");
    }
}

MetricsReader::Page<AuditEntry> MetricsReader::auditPage(const PageQuery &query)
{
    try {
        const std::string select = std::string("SELECT ts_ms, actor, action, detail, ")
                                   + (m_schemaVersion >= 3 ? "uid" : "''")
                                   + ", id FROM audit_log";
        return readPage<AuditEntry>(*m_db, select, "ts_ms", "action", nullptr,
                                    PageQuery{query.fromMs, query.toMs, query.task, {},
                                              query.afterId, query.limit},
                                    [](SQLite::Statement &q, QVector<AuditEntry> *rows) {
                                        AuditEntry entry;
                                        entry.tsMs = sql::int64Of(q.getColumn(0));
                                        entry.actor = sql::textOf(q.getColumn(1));
                                        entry.action = sql::textOf(q.getColumn(2));
                                        entry.detail = sql::textOf(q.getColumn(3));
                                        entry.uid = sql::textOf(q.getColumn(4));
                                        rows->append(entry);
                                        return sql::int64Of(q.getColumn(5));
                                    });
    } catch (const std::exception &e) {
        fail(e, "audit log");
    }
}

MetricsReader::Page<DeliveryRecord>
MetricsReader::notificationDeliveriesPage(const PageQuery &query)
{
    if (m_schemaVersion < 6)
        return {};
    try {
        return readPage<DeliveryRecord>(
            *m_db,
            "SELECT id, ts_ms, channel, event_uid, kind, attempt, status, error "
            "FROM notification_deliveries",
            "ts_ms", "channel", nullptr,
            PageQuery{query.fromMs, query.toMs, query.task, {}, query.afterId, query.limit},
            [](SQLite::Statement &q, QVector<DeliveryRecord> *rows) {
                DeliveryRecord r;
                r.id = sql::int64Of(q.getColumn(0));
                r.tsMs = sql::int64Of(q.getColumn(1));
                r.channel = sql::textOf(q.getColumn(2));
                r.eventUid = sql::textOf(q.getColumn(3));
                r.kind = sql::textOf(q.getColumn(4));
                r.attempt = q.getColumn(5).getInt();
                r.status = sql::textOf(q.getColumn(6));
                r.error = sql::textOf(q.getColumn(7));
                rows->append(r);
                return r.id;
            });
    } catch (const std::exception &e) {
        fail(e, "notification deliveries");
    }
}

} // namespace hb
