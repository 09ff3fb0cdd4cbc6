#pragma once

// Shared by the metrics store's tests (header-only: each tst_*.cpp is its own executable).

#include "filelimits.h"
#include "store/metricsstore.h"
#include "testsupport.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <set>

namespace hb::test {

inline constexpr qint64 kMinute = 60'000;
inline constexpr qint64 kHour = 3'600'000;
inline constexpr qint64 kDay = 86'400'000;
// 2023-11-14 22:57:00 UTC: minute-aligned, three minutes before an hour boundary.
inline constexpr qint64 kBase = 1'700'002'620'000;

inline std::string utf8(const QString &s)
{
    return s.toStdString();
}

// Every row of a query as "a|b|c" strings, for comparing whole result sets.
inline QStringList rows(SQLite::Database &db, const QString &query)
{
    QStringList out;
    SQLite::Statement q(db, utf8(query));
    while (q.executeStep()) {
        QStringList cells;
        for (int i = 0; i < q.getColumnCount(); ++i) {
            const SQLite::Column c = q.getColumn(i);
            if (c.isNull())
                cells << QStringLiteral("NULL");
            else if (c.isFloat())
                cells << QString::number(c.getDouble(), 'g', 17);
            else
                cells << QString::fromUtf8(c.getText());
        }
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

inline qint64 scalar(SQLite::Database &db, const QString &query)
{
    return db.execAndGet(utf8(query)).getInt64();
}

inline QString integrity(const QString &path)
{
    // immutable: a closed WAL file in a read-only folder cannot get its -shm created otherwise.
    const bool walLeft = QFile::exists(path + QStringLiteral("-wal"));
    const QString uri =
        QStringLiteral("file:") + path + (walLeft ? QString() : QStringLiteral("?immutable=1"));
    SQLite::Database db(utf8(uri), SQLite::OPEN_READONLY | SQLite::OPEN_URI);
    return QString::fromStdString(db.execAndGet("PRAGMA integrity_check").getString());
}

inline ExecutionRecord exec(qint64 tick, const QString &task, qint64 startedAt, qint64 duration,
                            Outcome outcome, qint64 items = 0, const QString &error = {})
{
    ExecutionRecord r;
    r.tickId = tick;
    r.task = task;
    r.startedAtMs = startedAt;
    r.durationMs = duration;
    r.outcome = outcome;
    r.items = items;
    r.error = error;
    return r;
}

// The expected rollup rows, computed straight from the raw rows with plain SQL.
inline QString execRollupQuery(qint64 width)
{
    const QString w = QString::number(width);
    return QStringLiteral(
               "SELECT task, started_at_ms / %1 * %1, count(*), sum(outcome = 'success'),"
               " sum(outcome = 'failure'), sum(outcome = 'timeout'),"
               " sum(outcome = 'skipped'), sum(outcome = 'cancelled'),"
               " sum(duration_ms), max(duration_ms), sum(items)"
               " FROM executions GROUP BY 1, 2 ORDER BY 1, 2")
        .arg(w);
}

inline QString sampleRollupQuery(qint64 width)
{
    return QStringLiteral("SELECT series, ts_ms / %1 * %1, count(*), total(value), min(value),"
                          " max(value) FROM samples GROUP BY 1, 2 ORDER BY 1, 2")
        .arg(width);
}

inline QString execRollupTable(const QString &table)
{
    return QStringLiteral("SELECT task, bucket_ms, runs, successes, failures, timeouts, skipped,"
                          " cancelled, total_ms, max_ms, items FROM %1 ORDER BY 1, 2")
        .arg(table);
}

inline QString sampleRollupTable(const QString &table)
{
    return QStringLiteral("SELECT series, bucket_ms, n, sum, min, max FROM %1 ORDER BY 1, 2")
        .arg(table);
}

inline WriteBatch bigBatch(qint64 start, int count)
{
    WriteBatch batch;
    for (int i = 0; i < count; ++i)
        batch.executions.append(
            exec(i, QStringLiteral("loan_monitoring"), start + i, 10, Outcome::Failure, 0,
                 QStringLiteral("shard %1 unreachable: ").arg(i) + QString(40, QLatin1Char('x'))));
    return batch;
}

} // namespace hb::test
