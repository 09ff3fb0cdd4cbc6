// MetricsStore: the metrics.db file users and analysts open. Schema, migrations, round trips,
// rollups, retention, and how damaged, newer, read-only or full files are refused.

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

using namespace hb;
using hb::test::FileSizeLimit;
using hb::test::sideFilesExist;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 3'600'000;
constexpr qint64 kDay = 86'400'000;
// 2023-11-14 22:57:00 UTC: minute-aligned, three minutes before an hour boundary.
constexpr qint64 kBase = 1'700'002'620'000;

std::string utf8(const QString &s)
{
    return s.toStdString();
}

// Every row of a query as "a|b|c" strings, for comparing whole result sets.
QStringList rows(SQLite::Database &db, const QString &query)
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

qint64 scalar(SQLite::Database &db, const QString &query)
{
    return db.execAndGet(utf8(query)).getInt64();
}

QString integrity(const QString &path)
{
    // immutable: a closed WAL file in a read-only folder cannot get its -shm created otherwise.
    const bool walLeft = QFile::exists(path + QStringLiteral("-wal"));
    const QString uri =
        QStringLiteral("file:") + path + (walLeft ? QString() : QStringLiteral("?immutable=1"));
    SQLite::Database db(utf8(uri), SQLite::OPEN_READONLY | SQLite::OPEN_URI);
    return QString::fromStdString(db.execAndGet("PRAGMA integrity_check").getString());
}

ExecutionRecord exec(qint64 tick, const QString &task, qint64 startedAt, qint64 duration,
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
QString execRollupQuery(qint64 width)
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

QString sampleRollupQuery(qint64 width)
{
    return QStringLiteral("SELECT series, ts_ms / %1 * %1, count(*), total(value), min(value),"
                          " max(value) FROM samples GROUP BY 1, 2 ORDER BY 1, 2")
        .arg(width);
}

QString execRollupTable(const QString &table)
{
    return QStringLiteral("SELECT task, bucket_ms, runs, successes, failures, timeouts, skipped,"
                          " cancelled, total_ms, max_ms, items FROM %1 ORDER BY 1, 2")
        .arg(table);
}

QString sampleRollupTable(const QString &table)
{
    return QStringLiteral("SELECT series, bucket_ms, n, sum, min, max FROM %1 ORDER BY 1, 2")
        .arg(table);
}

WriteBatch bigBatch(qint64 start, int count)
{
    WriteBatch batch;
    for (int i = 0; i < count; ++i)
        batch.executions.append(
            exec(i, QStringLiteral("loan_monitoring"), start + i, 10, Outcome::Failure, 0,
                 QStringLiteral("shard %1 unreachable: ").arg(i) + QString(40, QLatin1Char('x'))));
    return batch;
}

} // namespace

class TestMetricsStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshDatabaseIsCurrentAndEmpty();
    void opensFolderWithUnusualName();
    void documentedColumns_data();
    void documentedColumns();
    void roundTripsEveryRecordAndState();
    void rollupsEqualRawAggregates_data();
    void rollupsEqualRawAggregates();
    void retentionDeletesExactlyPastWindow_data();
    void retentionDeletesExactlyPastWindow();
    void upgradesVersion1File();
    void refusesNewerFileUnchanged_data();
    void refusesNewerFileUnchanged();
    void refusesInvalidFileUnchanged_data();
    void refusesInvalidFileUnchanged();
    void truncatedCopy_data();
    void truncatedCopy();
    void readOnlyReportedAtOpen_data();
    void readOnlyReportedAtOpen();
    void fullDiskReportedAtOpen_data();
    void fullDiskReportedAtOpen();
    void fullDiskOnWriteKeepsCommittedData();

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("m%1.db").arg(++m_serial)); }
};

void TestMetricsStore::freshDatabaseIsCurrentAndEmpty()
{
    const QString path = newPath();
    {
        MetricsStore store(path);
        QCOMPARE(store.path(), path);
        const PersistedState state = store.loadState();
        QCOMPARE(state.metrics, HeartbeatMetrics());
        QVERIFY(state.breakers.isEmpty());
        QVERIFY(!state.emergencyStop);
    }
    QVERIFY2(!sideFilesExist(path), "closing leaves no -wal/-shm behind");
    QCOMPARE(MetricsStore::fileSchemaVersion(path), MetricsStore::SchemaVersion);
    QVERIFY2(!sideFilesExist(path), "peeking at the version creates no -wal/-shm");
    QCOMPARE(MetricsStore::SchemaVersion, 2);
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA user_version")), 2);
    QCOMPARE(QString::fromStdString(db.execAndGet("PRAGMA journal_mode").getString()),
             QStringLiteral("wal"));
}

void TestMetricsStore::opensFolderWithUnusualName()
{
    // Users name their data folders; URI-special characters must not break the read-only peek.
    const QString folder = m_dir.filePath(QStringLiteral("Data Heartbeat #2 ?50% ü"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/metrics.db");
    QCOMPARE(MetricsStore::fileSchemaVersion(path), -1); // missing
    MetricsStore(path).write(bigBatch(kBase, 3));
    QCOMPARE(MetricsStore::fileSchemaVersion(path), 2);
    MetricsStore reopened(path);
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM executions")), 3);
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 3); // metrics.db, -wal, -shm: no strays
}

void TestMetricsStore::documentedColumns_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("columns");
    const auto row = [](const char *table, const char *columns) {
        QTest::newRow(table) << QString::fromUtf8(table)
                             << QString::fromUtf8(columns).split(QLatin1Char(' '));
    };
    // DESIGN.md "Metrics store": users' scripts rely on these names.
    row("executions", "id tick_id task started_at_ms duration_ms outcome items error");
    row("ticks", "id started_at_ms duration_ms ran succeeded failed skipped_reason");
    row("breaker_state", "task state failure_count last_failure_ms opened_at_ms");
    row("breaker_events", "ts_ms task from_state to_state reason");
    row("samples", "series ts_ms value");
    row("audit_log", "id ts_ms actor action detail");
    row("engine_state", "key value");
    const char *execRollup =
        "task bucket_ms runs successes failures timeouts skipped cancelled total_ms max_ms items";
    row("exec_minute", execRollup);
    row("exec_hour", execRollup);
    row("sample_minute", "series bucket_ms n sum min max");
    row("sample_hour", "series bucket_ms n sum min max");
}

void TestMetricsStore::documentedColumns()
{
    QFETCH(QString, table);
    QFETCH(QStringList, columns);
    const QString path = newPath();
    MetricsStore store(path);
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    QStringList names;
    SQLite::Statement info(db, utf8(QStringLiteral("PRAGMA table_info(%1)").arg(table)));
    while (info.executeStep())
        names << QString::fromUtf8(info.getColumn(1).getText());
    QCOMPARE(names, columns);
}

void TestMetricsStore::roundTripsEveryRecordAndState()
{
    const QString path = newPath();
    WriteBatch batch;
    TickRecord tick{41, kBase, 120, 2, 1, 1, QString()};
    TickRecord paused{42, kBase + 30'000, 1, 0, 0, 0, QStringLiteral("emergency pause")};
    batch.ticks = {tick, paused};
    batch.executions = {
        exec(41, QStringLiteral("price_update"), kBase + 2, 80, Outcome::Success, 3),
        exec(41, QStringLiteral("oracle_monitoring"), kBase + 4, 5000, Outcome::Timeout, 0,
             QStringLiteral("feed \"rice\" stale — 26 h, ütf-8 ✓")),
        exec(41, QStringLiteral("auto_liquidation"), kBase + 6, 0, Outcome::Skipped),
    };
    batch.breakerEvents = {{kBase + 5004, QStringLiteral("oracle_monitoring"),
                            BreakerState::HalfOpen, BreakerState::Open,
                            QStringLiteral("trial run failed")}};
    batch.samples = {{QStringLiteral("cycles"), kBase, 1.25e12},
                     {QStringLiteral("shard_load/0003"), kBase, 0.8125}};
    batch.audit = {{kBase + 30'000, QStringLiteral("admin"), QStringLiteral("emergency.pause"),
                    QStringLiteral("reason: oracle outage")}};
    PersistedState state;
    for (const ExecutionRecord &r : std::as_const(batch.executions))
        state.metrics.account(r);
    state.metrics.tickCount = 42;
    state.metrics.lastTickId = 42;
    state.metrics.lastTickMs = kBase + 30'000;
    state.metrics.lastTickTasks = {QStringLiteral("price_update"),
                                   QStringLiteral("oracle_monitoring")};
    state.breakers = {
        {QStringLiteral("price_update"), BreakerState::Closed, 0, 0, 0},
        {QStringLiteral("oracle_monitoring"), BreakerState::Open, 5, kBase + 5004, kBase + 5004},
        {QStringLiteral("auto_liquidation"), BreakerState::HalfOpen, 4, kBase - 9, kBase - 300},
    };
    state.emergencyStop = true;
    state.emergencyReason = QStringLiteral("oracle outage — paused by admin");
    batch.state = state;

    MetricsStore(path).write(batch);

    MetricsStore reopened(path);
    const PersistedState loaded = reopened.loadState();
    QCOMPARE(loaded.metrics, state.metrics);
    QCOMPARE(loaded.metrics.failedExecutions, 1);
    QCOMPARE(loaded.metrics.lastError,
             QStringLiteral("oracle_monitoring: ") + batch.executions[1].error);
    QCOMPARE(loaded.emergencyStop, true);
    QCOMPARE(loaded.emergencyReason, state.emergencyReason);
    QCOMPARE(loaded.breakers.size(), state.breakers.size());
    for (int i = 0; i < state.breakers.size(); ++i) {
        QCOMPARE(loaded.breakers[i].task, state.breakers[i].task);
        QCOMPARE(loaded.breakers[i].state, state.breakers[i].state);
        QCOMPARE(loaded.breakers[i].failureCount, state.breakers[i].failureCount);
        QCOMPARE(loaded.breakers[i].lastFailureMs, state.breakers[i].lastFailureMs);
        QCOMPARE(loaded.breakers[i].openedAtMs, state.breakers[i].openedAtMs);
    }

    // The rows as an analyst's SQL sees them.
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    const QString b = QString::number(kBase);
    QCOMPARE(
        rows(db, QStringLiteral("SELECT tick_id, task, started_at_ms - %1, duration_ms, outcome,"
                                " items, error FROM executions ORDER BY id")
                     .arg(b)),
        QStringList(
            {QStringLiteral("41|price_update|2|80|success|3|"),
             QStringLiteral("41|oracle_monitoring|4|5000|timeout|0|") + batch.executions[1].error,
             QStringLiteral("41|auto_liquidation|6|0|skipped|0|")}));
    // Text is stored as TEXT, so `WHERE outcome = 'timeout'` in a user's query matches.
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM executions WHERE typeof(task) <> 'text'"
                                  " OR typeof(outcome) <> 'text' OR typeof(error) <> 'text'")),
        0);
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM executions WHERE outcome = 'timeout'")), 1);
    QCOMPARE(rows(db, QStringLiteral("SELECT id, started_at_ms - %1, duration_ms, ran, succeeded,"
                                     " failed, skipped_reason FROM ticks ORDER BY id")
                          .arg(b)),
             QStringList({QStringLiteral("41|0|120|2|1|1|"),
                          QStringLiteral("42|30000|1|0|0|0|emergency pause")}));
    QCOMPARE(
        rows(db, QStringLiteral("SELECT ts_ms - %1, task, from_state, to_state, reason"
                                " FROM breaker_events")
                     .arg(b)),
        QStringList({QStringLiteral("5004|oracle_monitoring|half_open|open|trial run failed")}));
    QCOMPARE(
        rows(db, QStringLiteral("SELECT series, ts_ms - %1, value FROM samples ORDER BY 1").arg(b)),
        QStringList({QStringLiteral("cycles|0|1250000000000"),
                     QStringLiteral("shard_load/0003|0|0.8125")}));
    QCOMPARE(
        rows(db, QStringLiteral("SELECT ts_ms - %1, actor, action, detail FROM audit_log").arg(b)),
        QStringList({QStringLiteral("30000|admin|emergency.pause|reason: oracle outage")}));
    QCOMPARE(rows(db, QStringLiteral("SELECT task, state, failure_count FROM breaker_state"
                                     " ORDER BY task")),
             QStringList({QStringLiteral("auto_liquidation|half_open|4"),
                          QStringLiteral("oracle_monitoring|open|5"),
                          QStringLiteral("price_update|closed|0")}));

    // A later state replaces the breakers, it does not add to them.
    WriteBatch next;
    PersistedState cleared = state;
    cleared.breakers = {{QStringLiteral("price_update"), BreakerState::Closed, 0, 0, 0}};
    cleared.emergencyStop = false;
    cleared.emergencyReason.clear();
    next.state = cleared;
    reopened.write(next);
    const PersistedState after = reopened.loadState();
    QCOMPARE(after.breakers.size(), 1);
    QVERIFY(!after.emergencyStop);
    QCOMPARE(after.emergencyReason, QString());
}

void TestMetricsStore::rollupsEqualRawAggregates_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("expected");
    QTest::newRow("exec_minute") << execRollupTable(QStringLiteral("exec_minute"))
                                 << execRollupQuery(kMinute);
    QTest::newRow("exec_hour") << execRollupTable(QStringLiteral("exec_hour"))
                               << execRollupQuery(kHour);
    QTest::newRow("sample_minute")
        << sampleRollupTable(QStringLiteral("sample_minute")) << sampleRollupQuery(kMinute);
    QTest::newRow("sample_hour") << sampleRollupTable(QStringLiteral("sample_hour"))
                                 << sampleRollupQuery(kHour);
}

void TestMetricsStore::rollupsEqualRawAggregates()
{
    QFETCH(QString, table);
    QFETCH(QString, expected);
    const QString path = newPath();
    MetricsStore store(path);

    // 40 batches of ticks 37 s apart from 22:57 (so 25 minutes, across 23:00), three tasks,
    // mixed outcomes; consecutive batches share minute buckets, so rows are merged into
    // rollups written by earlier transactions.
    QRandomGenerator rng(20231114);
    const QStringList tasks = {QStringLiteral("price_update"), QStringLiteral("loan_monitoring"),
                               QStringLiteral("cycles_monitoring")};
    std::set<std::pair<QString, qint64>> seen;
    int sharedBuckets = 0;
    for (int b = 0; b < 40; ++b) {
        WriteBatch batch;
        std::set<std::pair<QString, qint64>> mine;
        for (int tick = 0; tick < 2; ++tick) {
            const qint64 t = kBase + (2 * b + tick) * 37'000;
            for (const QString &task : tasks) {
                const Outcome outcome = Outcome(rng.bounded(5));
                batch.executions.append(exec(2 * b + tick, task, t + rng.bounded(900),
                                             rng.bounded(2000), outcome, rng.bounded(300)));
                mine.insert({task, t / kMinute});
            }
            batch.samples.append({QStringLiteral("cycles"), t, double(rng.bounded(1000)) * 0.5});
            batch.samples.append(
                {QStringLiteral("memory_bytes"), t + 1, double(rng.bounded(1 << 30))});
        }
        for (const auto &key : mine)
            sharedBuckets += seen.count(key) ? 1 : 0;
        seen.insert(mine.begin(), mine.end());
        store.write(batch);
    }
    QVERIFY2(sharedBuckets > 0, "some minute buckets must span two transactions");

    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    QVERIFY(scalar(db, QStringLiteral("SELECT count(DISTINCT started_at_ms / 3600000)"
                                      " FROM executions")) >= 2);
    const QStringList want = rows(db, expected);
    QVERIFY(!want.isEmpty());
    QCOMPARE(rows(db, table), want);
}

void TestMetricsStore::retentionDeletesExactlyPastWindow_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("timeColumn");
    QTest::addColumn<int>("window"); // 0 raw, 1 minute rollup, 2 hour rollup, -1 never
    QTest::addColumn<qint64>("width");
    QTest::newRow("executions") << QStringLiteral("executions") << QStringLiteral("started_at_ms")
                                << 0 << qint64(1);
    QTest::newRow("ticks") << QStringLiteral("ticks") << QStringLiteral("started_at_ms") << 0
                           << qint64(1);
    QTest::newRow("samples") << QStringLiteral("samples") << QStringLiteral("ts_ms") << 0
                             << qint64(1);
    QTest::newRow("breaker_events")
        << QStringLiteral("breaker_events") << QStringLiteral("ts_ms") << 0 << qint64(1);
    QTest::newRow("exec_minute") << QStringLiteral("exec_minute") << QStringLiteral("bucket_ms")
                                 << 1 << kMinute;
    QTest::newRow("sample_minute")
        << QStringLiteral("sample_minute") << QStringLiteral("bucket_ms") << 1 << kMinute;
    QTest::newRow("exec_hour") << QStringLiteral("exec_hour") << QStringLiteral("bucket_ms") << 2
                               << kHour;
    QTest::newRow("sample_hour") << QStringLiteral("sample_hour") << QStringLiteral("bucket_ms")
                                 << 2 << kHour;
    QTest::newRow("audit_log") << QStringLiteral("audit_log") << QStringLiteral("ts_ms") << -1
                               << qint64(1);
}

void TestMetricsStore::retentionDeletesExactlyPastWindow()
{
    QFETCH(QString, table);
    QFETCH(QString, timeColumn);
    QFETCH(int, window);
    QFETCH(qint64, width);

    RetentionPolicy policy;
    policy.rawDays = 2;
    policy.minuteDays = 5;
    policy.hourDays = 9;
    // Not aligned to a minute, so the bucket holding each cutoff straddles it.
    const qint64 now = kBase + 20 * kDay + 12'345;
    const qint64 cutoffs[] = {now - policy.rawDays * kDay, now - policy.minuteDays * kDay,
                              now - policy.hourDays * kDay};

    // Rows just before, at and after every cutoff, and a bucket's width either side.
    std::set<qint64> times;
    for (qint64 cutoff : cutoffs) {
        for (qint64 delta :
             {-kHour - 1, -kMinute - 1, qint64(-1), qint64(0), qint64(1), kMinute, kHour})
            times.insert(cutoff + delta);
    }
    times.insert(now - 1);
    WriteBatch batch;
    qint64 tickId = 0;
    for (qint64 t : times) {
        batch.ticks.append({++tickId, t, 5, 1, 1, 0, QString()});
        batch.executions.append(
            exec(tickId, QStringLiteral("pool_maintenance"), t, 5, Outcome::Success, 1));
        batch.samples.append({QStringLiteral("cycles"), t, 1.0});
        batch.breakerEvents.append({t, QStringLiteral("pool_maintenance"), BreakerState::Closed,
                                    BreakerState::Open, QStringLiteral("5 failures")});
        batch.audit.append(
            {t, QStringLiteral("system"), QStringLiteral("pool.correct"), QString()});
    }
    const QString path = newPath();
    MetricsStore store(path);
    store.write(batch);

    std::set<qint64> expected;
    for (qint64 t : times) {
        const qint64 bucket = t / width * width;
        if (window < 0 || bucket + width > cutoffs[window])
            expected.insert(bucket);
    }
    store.applyRetention(policy, now);

    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    std::set<qint64> actual;
    SQLite::Statement q(db, utf8(QStringLiteral("SELECT %1 FROM %2").arg(timeColumn, table)));
    while (q.executeStep())
        actual.insert(q.getColumn(0).getInt64());
    std::set<qint64> all;
    for (qint64 t : times)
        all.insert(t / width * width);
    if (window >= 0)
        QVERIFY2(expected.size() < all.size(), "the data must reach past the window");
    QCOMPARE(actual.size(), expected.size());
    QVERIFY(actual == expected);
}

void TestMetricsStore::upgradesVersion1File()
{
    const QString fixture = test::fixturePath(QStringLiteral("metrics-v1.db"));
    const QByteArray fixtureBytes = test::readAll(fixture);
    QVERIFY(!fixtureBytes.isEmpty());
    const QString path = newPath();
    QVERIFY(QFile::copy(fixture, path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    QCOMPARE(MetricsStore::fileSchemaVersion(path), 1);

    // What the old file says, read before the upgrade.
    const QStringList tables = {QStringLiteral("executions"),    QStringLiteral("ticks"),
                                QStringLiteral("breaker_state"), QStringLiteral("breaker_events"),
                                QStringLiteral("samples"),       QStringLiteral("audit_log")};
    QHash<QString, QStringList> before;
    HeartbeatMetrics expected;
    {
        SQLite::Database old(utf8(path), SQLite::OPEN_READONLY);
        for (const QString &table : tables)
            before.insert(table,
                          rows(old, QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(table)));
        SQLite::Statement q(old, "SELECT tick_id, task, started_at_ms, duration_ms, outcome,"
                                 " items, error FROM executions ORDER BY id");
        while (q.executeStep()) {
            const auto outcome = outcomeFromName(QString::fromUtf8(q.getColumn(4).getText()));
            QVERIFY(outcome);
            expected.account(
                exec(q.getColumn(0).getInt64(), QString::fromUtf8(q.getColumn(1).getText()),
                     q.getColumn(2).getInt64(), q.getColumn(3).getInt64(), *outcome,
                     q.getColumn(5).getInt64(), QString::fromUtf8(q.getColumn(6).getText())));
        }
        expected.tickCount = scalar(old, QStringLiteral("SELECT count(*) FROM ticks"));
        expected.lastTickId = scalar(old, QStringLiteral("SELECT max(id) FROM ticks"));
        expected.lastTickMs =
            scalar(old, QStringLiteral("SELECT started_at_ms FROM ticks ORDER BY id DESC LIMIT 1"));
        // The fixture's last tick is a maintenance tick: it ran nothing.
        expected.lastTickTasks =
            rows(old, QStringLiteral(
                          "SELECT task FROM executions WHERE tick_id ="
                          " (SELECT max(id) FROM ticks) AND outcome <> 'skipped' ORDER BY id"));
    }
    QCOMPARE(expected.totalExecutions, 19);
    QCOMPARE(expected.failedExecutions, 4);
    QCOMPARE(expected.cancelledExecutions, 1);

    MetricsStore store(path);
    QCOMPARE(MetricsStore::fileSchemaVersion(path), 2);
    const PersistedState state = store.loadState();
    QCOMPARE(state.metrics, expected);
    QCOMPARE(state.breakers.size(), 3);
    QCOMPARE(state.breakers[2].task, QStringLiteral("oracle_monitoring"));
    QCOMPARE(state.breakers[2].state, BreakerState::HalfOpen);
    QCOMPARE(state.breakers[2].failureCount, 3);
    QVERIFY(!state.emergencyStop);

    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    for (const QString &table : tables)
        QCOMPARE(rows(db, QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(table)),
                 before.value(table));
    QCOMPARE(rows(db, execRollupTable(QStringLiteral("exec_minute"))),
             rows(db, execRollupQuery(kMinute)));
    QCOMPARE(rows(db, execRollupTable(QStringLiteral("exec_hour"))),
             rows(db, execRollupQuery(kHour)));
    QCOMPARE(rows(db, sampleRollupTable(QStringLiteral("sample_minute"))),
             rows(db, sampleRollupQuery(kMinute)));
    QCOMPARE(rows(db, sampleRollupTable(QStringLiteral("sample_hour"))),
             rows(db, sampleRollupQuery(kHour)));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM exec_hour")), 6); // 3 tasks x 2 hours
    QCOMPARE(test::readAll(fixture), fixtureBytes);
}

void TestMetricsStore::refusesNewerFileUnchanged_data()
{
    QTest::addColumn<QString>("journalMode");
    QTest::newRow("rollback journal") << QStringLiteral("DELETE");
    QTest::newRow("wal") << QStringLiteral("WAL");
}

void TestMetricsStore::refusesNewerFileUnchanged()
{
    QFETCH(QString, journalMode);
    const QString path = newPath();
    {
        SQLite::Database db(utf8(path), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(utf8(QStringLiteral("PRAGMA journal_mode = ") + journalMode));
        db.exec("CREATE TABLE executions(id INTEGER PRIMARY KEY, lineage TEXT);"
                "INSERT INTO executions(lineage) VALUES('from the future');"
                "PRAGMA user_version = 99");
    }
    const QByteArray bytes = test::readAll(path);
    QVERIFY(!sideFilesExist(path));

    try {
        MetricsStore store(path);
        QFAIL("a newer file must be refused");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": ")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("newer version")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("schema 99; this build reads up to 2")),
                 qPrintable(e.message()));
        QVERIFY(!e.message().contains(QLatin1Char('\n')));
    }
    QCOMPARE(test::readAll(path), bytes);
    QVERIFY2(!sideFilesExist(path), "refusing must not leave -wal/-shm files behind");
    QCOMPARE(MetricsStore::fileSchemaVersion(path), 99);
    QVERIFY(!sideFilesExist(path));
}

void TestMetricsStore::refusesInvalidFileUnchanged_data()
{
    QTest::addColumn<QByteArray>("content");
    QRandomGenerator rng(7);
    QByteArray random(8192, Qt::Uninitialized);
    rng.fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    QTest::newRow("random bytes") << random;
    QTest::newRow("text file") << QByteArrayLiteral("tick_interval = 30\nenabled = true\n");
    QTest::newRow("sqlite magic then garbage")
        << QByteArray("SQLite format 3\0", 16) + random.left(4080);
}

void TestMetricsStore::refusesInvalidFileUnchanged()
{
    QFETCH(QByteArray, content);
    const QString path = newPath();
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    try {
        MetricsStore store(path);
        QFAIL("an invalid file must be refused");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": not a valid metrics database (")),
                 qPrintable(e.message()));
    }
    QCOMPARE(test::readAll(path), content);
    QVERIFY(!sideFilesExist(path));
    QCOMPARE(MetricsStore::fileSchemaVersion(path), -1);
}

void TestMetricsStore::truncatedCopy_data()
{
    QTest::addColumn<QString>("cut");
    QTest::addColumn<bool>("refused");
    // SQLite compares the page count in the header with the file size: a copy missing at least
    // a whole page is refused at open, before anything is written to it.
    QTest::newRow("header only") << QStringLiteral("header") << true;
    QTest::newRow("half") << QStringLiteral("half") << true;
    QTest::newRow("last page missing") << QStringLiteral("page") << true;
    // Cut inside the last page: the page count still matches and SQLite reads the missing tail
    // as zeros. Telling that apart needs a full integrity check of every page, too slow for
    // every start of a large file, so the store opens it.
    QTest::newRow("last byte missing") << QStringLiteral("byte") << false;
    // An empty file is an empty SQLite database: it becomes a fresh store.
    QTest::newRow("empty") << QStringLiteral("empty") << false;
}

void TestMetricsStore::truncatedCopy()
{
    QFETCH(QString, cut);
    QFETCH(bool, refused);
    const QString source = newPath();
    {
        MetricsStore store(source);
        for (int i = 0; i < 5; ++i)
            store.write(bigBatch(kBase + i * kMinute, 400));
    }
    QByteArray bytes = test::readAll(source);
    const qsizetype pageSize = 4096;
    QVERIFY(bytes.size() > 20 * pageSize);
    QCOMPARE(bytes.size() % pageSize, 0);
    const qsizetype pages = bytes.size() / pageSize;
    if (cut == QStringLiteral("header"))
        bytes.truncate(100);
    else if (cut == QStringLiteral("half"))
        bytes.truncate(pages / 2 * pageSize);
    else if (cut == QStringLiteral("page"))
        bytes.truncate(bytes.size() - pageSize);
    else if (cut == QStringLiteral("byte"))
        bytes.chop(1);
    else
        bytes.clear();
    const QString path = newPath();
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    try {
        MetricsStore store(path);
        QVERIFY2(!refused, "a copy missing whole pages must be refused");
        QCOMPARE(MetricsStore::fileSchemaVersion(path), 2);
    } catch (const StoreError &e) {
        QVERIFY2(refused, qPrintable(e.message()));
        QCOMPARE(e.message(), path + QStringLiteral(": not a valid metrics database (database disk"
                                                    " image is malformed)"));
        QCOMPARE(test::readAll(path), bytes);
        QVERIFY(!sideFilesExist(path));
    }
}

void TestMetricsStore::readOnlyReportedAtOpen_data()
{
    QTest::addColumn<bool>("fileReadOnly");
    QTest::addColumn<bool>("folderReadOnly");
    QTest::addColumn<QString>("hint");
    QTest::newRow("file and folder") << true << true << QStringLiteral("the file is read-only");
    QTest::newRow("file") << true << false << QStringLiteral("the file is read-only");
    QTest::newRow("folder") << false << true << QStringLiteral("its folder is read-only");
}

void TestMetricsStore::readOnlyReportedAtOpen()
{
    QFETCH(bool, fileReadOnly);
    QFETCH(bool, folderReadOnly);
    QFETCH(QString, hint);
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/metrics.db");
    MetricsStore(path).write(bigBatch(kBase, 10));
    const QByteArray bytes = test::readAll(path);

    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    });
    const auto readAll = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    const auto exeAll = QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    if (fileReadOnly)
        QVERIFY(QFile::setPermissions(path, readAll)); // 0444
    if (folderReadOnly)
        QVERIFY(QFile::setPermissions(folder, readAll | exeAll)); // 0555
    {
        QFile probe(folderReadOnly ? folder + QStringLiteral("/probe") : path);
        if (probe.open(QIODevice::WriteOnly | QIODevice::Append)) {
            if (folderReadOnly)
                probe.remove();
            QSKIP("running as root: file permissions are not enforced, so a read-only file or "
                  "folder cannot be simulated (fullDiskReportedAtOpen covers the write probe)");
        }
    }
    try {
        MetricsStore store(path);
        QFAIL("a store that cannot be written must be refused at open");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": cannot write (")),
                 qPrintable(e.message()));
        QVERIFY2(e.message().contains(hint), qPrintable(e.message()));
    }
    QCOMPARE(test::readAll(path), bytes);
    QVERIFY2(!sideFilesExist(path), "a refused open leaves no -wal/-shm behind");
    QCOMPARE(integrity(path), QStringLiteral("ok"));
}

void TestMetricsStore::fullDiskReportedAtOpen_data()
{
    QTest::addColumn<bool>("existing");
    QTest::newRow("existing file") << true;
    QTest::newRow("new file") << false;
}

void TestMetricsStore::fullDiskReportedAtOpen()
{
    QFETCH(bool, existing);
    const QString path = newPath();
    if (existing)
        MetricsStore(path).write(bigBatch(kBase, 100));
    const QByteArray bytes = test::readAll(path);
    {
        FileSizeLimit full(4096);
        try {
            MetricsStore store(path);
            QFAIL("a store that cannot commit must be refused at open");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().startsWith(path + QStringLiteral(": cannot write (")),
                     qPrintable(e.message()));
        }
    }
    if (existing) {
        QCOMPARE(test::readAll(path), bytes);
        QCOMPARE(integrity(path), QStringLiteral("ok"));
        QCOMPARE(MetricsStore(path).loadState().breakers.size(), 0); // opens again with space
    } else {
        QVERIFY2(!QFile::exists(path), "a database that could not be created is not left behind");
        QVERIFY(!sideFilesExist(path));
    }
}

void TestMetricsStore::fullDiskOnWriteKeepsCommittedData()
{
    const QString path = newPath();
    MetricsStore store(path);
    WriteBatch first = bigBatch(kBase, 50);
    first.state = PersistedState();
    first.state->metrics.tickCount = 7;
    store.write(first);

    WriteBatch big = bigBatch(kBase + kHour, 20'000);
    big.state = PersistedState();
    big.state->metrics.tickCount = 8;
    {
        FileSizeLimit full(64 * 1024);
        try {
            store.write(big);
            QFAIL("a write past the disk's end must fail");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().startsWith(path + QStringLiteral(": write failed (")),
                     qPrintable(e.message()));
        }
    }
    QCOMPARE(integrity(path), QStringLiteral("ok"));
    {
        SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM executions")), 50);
        QCOMPARE(scalar(db, QStringLiteral("SELECT sum(runs) FROM exec_minute")), 50);
    }
    QCOMPARE(store.loadState().metrics.tickCount, 7);

    // Once there is space again the same store writes normally.
    store.write(big);
    QCOMPARE(store.loadState().metrics.tickCount, 8);
    QCOMPARE(integrity(path), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestMetricsStore)
#include "tst_metricsstore.moc"
