// MetricsStore: the metrics.db file users and analysts open. Schema, migrations, round trips,
// rollups and retention. Files it cannot use: tst_metricsstorefiles.

#include "metricsstoretestutil.h"
#include "store/metricsreader.h"
#include "store/notificationstore.h"
#include "store/schema.h"

using namespace hb;
using namespace hb::test;

namespace {

// "SELECT a, b, ... FROM table ORDER BY 1, 2" over the columns `table` has in `db`: the same
// query then reads the same columns from an upgraded copy that has more.
QString selectAllOf(SQLite::Database &db, const QString &table)
{
    QStringList columns;
    SQLite::Statement info(db, utf8(QStringLiteral("PRAGMA table_info(%1)").arg(table)));
    while (info.executeStep())
        columns << QString::fromUtf8(info.getColumn(1).getText());
    return QStringLiteral("SELECT %1 FROM %2 ORDER BY 1, 2").arg(columns.join(u", "), table);
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
    void tickSkipReasonsKeepTheirStoredWords();
    void lastRunOfEachTaskComesBack();
    void rollupsEqualRawAggregates_data();
    void rollupsEqualRawAggregates();
    void retentionDeletesExactlyPastWindow_data();
    void retentionDeletesExactlyPastWindow();
    void retentionKeepsPendingNotifications();
    void upgradesVersion1File();
    void upgradesFileWithoutQueueTimes_data();
    void upgradesFileWithoutQueueTimes();

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
    QCOMPARE(MetricsStore::SchemaVersion, 10);
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA user_version")), 10);
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
    QCOMPARE(MetricsStore::fileSchemaVersion(path), MetricsStore::SchemaVersion);
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
    // docs/architecture.md, "metrics.db": users' scripts rely on these names.
    row("executions", "id tick_id task started_at_ms duration_ms outcome items error queued_ms");
    row("ticks", "id started_at_ms duration_ms ran succeeded failed skipped_reason");
    row("breaker_state", "task state failure_count last_failure_ms opened_at_ms");
    row("breaker_events", "ts_ms task from_state to_state reason");
    row("samples", "series ts_ms value");
    row("audit_log", "id ts_ms actor action detail uid");
    row("engine_state", "key value");
    const char *execRollup =
        "task bucket_ms runs successes failures timeouts skipped cancelled total_ms max_ms items hist";
    row("exec_minute", execRollup);
    row("exec_hour", execRollup);
    row("sample_minute", "series bucket_ms n sum min max");
    row("sample_hour", "series bucket_ms n sum min max");
    row("tick_minute", "bucket_ms ticks total_ms max_ms ran succeeded failed");
    row("tick_hour", "bucket_ms ticks total_ms max_ms ran succeeded failed");
    row("notification_state", "condition active kind severity since_ms last_event_uid "
                              "last_notified_ms held_by held_count");
    row("notification_silences",
        "id from_ms to_ms reason machine task kind created_by created_ms cron duration_ms tz");
    row("task_schedule", "task schedule next_run_ms nominal_ms follows_ms catch_up");
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
    TickRecord tick{41, kBase, 120, 2, 1, 1, TickSkipReason::None};
    TickRecord paused{42, kBase + 30'000, 1, 0, 0, 0, TickSkipReason::EmergencyStop, {}};
    batch.ticks = {tick, paused};
    batch.executions = {
        exec(41, QStringLiteral("price_update"), kBase + 2, 80, Outcome::Success, 3),
        exec(41, QStringLiteral("oracle_monitoring"), kBase + 4, 5000, Outcome::Timeout, 0,
             QStringLiteral("feed \"rice\" stale — 26 h, ütf-8 ✓")),
        exec(41, QStringLiteral("auto_liquidation"), kBase + 6, 0, Outcome::Skipped),
    };
    batch.executions[0].queuedMs = 0;
    batch.executions[1].queuedMs = 1250;
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
    state.safeMode = true;
    state.safeModeReason = QStringLiteral("price_update failed and its fallback too");
    // A cron task's next run with the run it follows, a run_all task owing catch-ups, a once
    // that ran (no next run: NULL).
    state.schedules = {
        {QStringLiteral("auto_cleanup"), QStringLiteral("cron 0 3 * * * Asia/Jakarta"),
         kBase + 86'400'000 + 7, kBase + 86'400'000, kBase, 0},
        {QStringLiteral("pool_maintenance"), QStringLiteral("interval 300000"), kBase + 300'000,
         kBase + 300'000, kBase, 4},
        {QStringLiteral("shard_balancing"), QStringLiteral("once 1700000000000"), 0, 0, kBase, 0},
    };
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
    QCOMPARE(loaded.safeMode, true);
    QCOMPARE(loaded.safeModeReason, state.safeModeReason);
    QCOMPARE(loaded.breakers.size(), state.breakers.size());
    for (int i = 0; i < state.breakers.size(); ++i) {
        QCOMPARE(loaded.breakers[i].task, state.breakers[i].task);
        QCOMPARE(loaded.breakers[i].state, state.breakers[i].state);
        QCOMPARE(loaded.breakers[i].failureCount, state.breakers[i].failureCount);
        QCOMPARE(loaded.breakers[i].lastFailureMs, state.breakers[i].lastFailureMs);
        QCOMPARE(loaded.breakers[i].openedAtMs, state.breakers[i].openedAtMs);
    }
    QCOMPARE(loaded.schedules.size(), state.schedules.size());
    for (const ScheduleState &row : std::as_const(state.schedules)) {
        const auto found = std::find_if(loaded.schedules.cbegin(), loaded.schedules.cend(),
                                        [&](const ScheduleState &l) { return l.task == row.task; });
        QVERIFY(found != loaded.schedules.cend());
        QCOMPARE(*found, row);
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
                          QStringLiteral("42|30000|1|0|0|0|emergency stop")}));
    // How long each run waited for a thread; NULL for the skipped one, which never queued.
    QCOMPARE(
        rows(db, QStringLiteral("SELECT task, queued_ms FROM executions ORDER BY id")),
        QStringList({QStringLiteral("price_update|0"), QStringLiteral("oracle_monitoring|1250"),
                     QStringLiteral("auto_liquidation|NULL")}));
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
    QCOMPARE(rows(db, QStringLiteral("SELECT task, next_run_ms - %1, follows_ms - %1, catch_up,"
                                     " next_run_ms IS NULL FROM task_schedule ORDER BY task")
                          .arg(b)),
             QStringList({QStringLiteral("auto_cleanup|86400007|0|0|0"),
                          QStringLiteral("pool_maintenance|300000|0|4|0"),
                          QStringLiteral("shard_balancing|NULL|0|0|1")}));

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

// The task list after a restart says when each task last ran: the newest run in executions
// that was a run (a skipped one, breaker open, is not), per task the engine knows.
// Users' queries match ticks.skipped_reason against these words: the enum the engine uses
// now must store exactly what the strings did, and read every one back (a newer version's
// words too, as they are).
void TestMetricsStore::tickSkipReasonsKeepTheirStoredWords()
{
    const QString path = newPath();
    const TickSkipReason reasons[] = {TickSkipReason::None,
                                      TickSkipReason::PreviousTickRunning,
                                      TickSkipReason::EmergencyStop,
                                      TickSkipReason::MaintenanceMode,
                                      TickSkipReason::HeartbeatDisabled,
                                      TickSkipReason::Other};
    WriteBatch batch;
    for (int i = 0; i < int(std::size(reasons)); ++i) {
        TickRecord t{i + 1, kBase + i * 1000, 1, 0, 0, 0, reasons[i], {}};
        if (reasons[i] == TickSkipReason::Other)
            t.skippedReasonText = QStringLiteral("solar eclipse");
        batch.ticks.append(t);
    }
    MetricsStore(path).write(batch);
    {
        SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
        QCOMPARE(
            rows(db, QStringLiteral("SELECT skipped_reason FROM ticks ORDER BY id")),
            QStringList({QString(), QStringLiteral("previous tick still running"),
                         QStringLiteral("emergency stop"), QStringLiteral("maintenance mode"),
                         QStringLiteral("heartbeat disabled"), QStringLiteral("solar eclipse")}));
    }
    const QVector<TickRecord> ticks = MetricsReader(path).recentTicks(10);
    QCOMPARE(ticks.size(), int(std::size(reasons)));
    for (int i = 0; i < ticks.size(); ++i)
        QCOMPARE(ticks.at(i).skippedReason, reasons[i]);
    QCOMPARE(ticks.constLast().skippedReasonText, QStringLiteral("solar eclipse"));
}

void TestMetricsStore::lastRunOfEachTaskComesBack()
{
    const QString path = newPath();
    {
        MetricsStore store(path);
        WriteBatch batch;
        const QString price = QStringLiteral("price_update");
        const QString loans = QStringLiteral("loan_monitoring");
        batch.executions = {exec(1, price, kBase, 30, Outcome::Success, 3),
                            exec(2, price, kBase + 2000, 40, Outcome::Failure, 0,
                                 QStringLiteral("feed down")),
                            exec(3, price, kBase + 4000, 0, Outcome::Skipped),
                            exec(3, loans, kBase + 4000, 12, Outcome::Success, 900),
                            exec(4, QStringLiteral("forgotten_task"), kBase + 6000, 1,
                                 Outcome::Success)};
        PersistedState state;
        state.breakers = {{price, BreakerState::Open, 5, kBase + 2000, kBase + 2000},
                          {loans, BreakerState::Closed, 0, 0, 0}};
        batch.state = state;
        store.write(batch);
    }
    MetricsStore store(path);
    const PersistedState state = store.loadState();
    QCOMPARE(state.lastRuns.size(), 2); // not the task the engine no longer knows
    const ExecutionRecord price = state.lastRuns.at(1);
    QCOMPARE(price.task, QStringLiteral("price_update"));
    QCOMPARE(price.outcome, Outcome::Failure);
    QCOMPARE(price.startedAtMs, kBase + 2000);
    QCOMPARE(price.durationMs, qint64(40));
    QCOMPARE(price.error, QStringLiteral("feed down"));
    const ExecutionRecord loans = state.lastRuns.at(0);
    QCOMPARE(loans.task, QStringLiteral("loan_monitoring"));
    QCOMPARE(loans.items, qint64(900));
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
    QTest::newRow("machine_events")
        << QStringLiteral("machine_events") << QStringLiteral("ts_ms") << 0 << qint64(1);
    QTest::newRow("audit_log") << QStringLiteral("audit_log") << QStringLiteral("ts_ms") << -1
                               << qint64(1);
    // A machine's newest heartbeat is kept however old: a restart judges the machine on it.
    QTest::newRow("machine_seen") << QStringLiteral("machine_seen")
                                  << QStringLiteral("last_seen_ms") << -1 << qint64(1);
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
        batch.ticks.append({++tickId, t, 5, 1, 1, 0, TickSkipReason::None});
        batch.executions.append(
            exec(tickId, QStringLiteral("pool_maintenance"), t, 5, Outcome::Success, 1));
        batch.samples.append({QStringLiteral("cycles"), t, 1.0});
        batch.breakerEvents.append({t, QStringLiteral("pool_maintenance"), BreakerState::Closed,
                                    BreakerState::Open, QStringLiteral("5 failures")});
        batch.audit.append(
            {t, QStringLiteral("system"), QStringLiteral("pool.correct"), QString()});
        batch.machineEvents.append({t, QStringLiteral("relay"), QStringLiteral("up"),
                                    QStringLiteral("down"), t - 1, QStringLiteral("quiet")});
        batch.machineSeen.append({QStringLiteral("m%1").arg(t), QStringLiteral("down"), t, t,
                                  QStringLiteral("heartbeat"), QString()});
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

void TestMetricsStore::retentionKeepsPendingNotifications()
{
    const QString path = newPath();
    MetricsStore store(path);
    NotificationStore notifications(path);
    const qint64 now = kBase + 20 * kDay;
    const qint64 old = now - 3 * kDay; // past a raw window of 2 days
    const auto event = [](const QString &uid, qint64 atMs) {
        NotificationEvent e;
        e.uid = uid;
        e.atMs = atMs;
        e.kind = QStringLiteral("machine_down");
        e.severity = QStringLiteral("critical");
        e.subject = QStringLiteral("relay-1");
        e.condition = QStringLiteral("machine:relay-1");
        e.title = QStringLiteral("down");
        e.payload = "{}";
        return e;
    };
    const auto delivery = [](const QString &uid, qint64 atMs, int attempt, const QString &status) {
        return DeliveryRecord{
            0,      atMs,     QStringLiteral("ops"), uid, QStringLiteral("machine_down"), attempt,
            status, QString()};
    };
    NotificationCondition state{QStringLiteral("machine:relay-1"),
                                true,
                                QStringLiteral("machine_down"),
                                QStringLiteral("critical"),
                                old,
                                QString(),
                                old,
                                QString(),
                                0};
    // Old and delivered; old and still retrying; recent and delivered.
    notifications.commitEvent(state, event(QStringLiteral("msg_delivered"), old),
                              {QStringLiteral("ops")});
    notifications.recordDelivery(
        delivery(QStringLiteral("msg_delivered"), old, 1, DeliveryStatus::Sent), true);
    notifications.commitEvent(state, event(QStringLiteral("msg_pending"), old),
                              {QStringLiteral("ops")});
    notifications.recordDelivery(
        delivery(QStringLiteral("msg_pending"), old, 1, DeliveryStatus::Retrying), false);
    notifications.commitEvent(state, event(QStringLiteral("msg_recent"), now - 1),
                              {QStringLiteral("ops")});
    notifications.recordDelivery(
        delivery(QStringLiteral("msg_recent"), now - 1, 1, DeliveryStatus::Sent), true);
    NotificationSilence over;
    over.fromMs = old - kDay;
    over.toMs = old;
    over.reason = QStringLiteral("long over");
    notifications.addSilence(over);
    NotificationSilence current = over;
    current.toMs = now + kDay;
    current.reason = QStringLiteral("current");
    notifications.addSilence(current);

    RetentionPolicy policy;
    policy.rawDays = 2;
    store.applyRetention(policy, now);

    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    const auto strings = [&db](const char *sqlText) {
        QStringList out;
        SQLite::Statement q(db, sqlText);
        while (q.executeStep())
            out << QString::fromUtf8(q.getColumn(0).getText());
        return out;
    };
    QCOMPARE(strings("SELECT uid FROM notification_events ORDER BY uid"),
             (QStringList{QStringLiteral("msg_pending"), QStringLiteral("msg_recent")}));
    QCOMPARE(strings("SELECT event_uid FROM notification_deliveries ORDER BY event_uid"),
             (QStringList{QStringLiteral("msg_pending"), QStringLiteral("msg_recent")}));
    QCOMPARE(strings("SELECT event_uid FROM notification_pending"),
             QStringList{QStringLiteral("msg_pending")});
    QCOMPARE(strings("SELECT reason FROM notification_silences"),
             QStringList{QStringLiteral("current")});
    // Still delivered after the restart that follows: the pending row finds its event.
    QCOMPARE(notifications.pending().size(), 1);
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
            before.insert(table, rows(old, selectAllOf(old, table)));
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
    QCOMPARE(MetricsStore::fileSchemaVersion(path), MetricsStore::SchemaVersion);
    const PersistedState state = store.loadState();
    QCOMPARE(state.metrics, expected);
    QCOMPARE(state.breakers.size(), 3);
    QCOMPARE(state.breakers[2].task, QStringLiteral("oracle_monitoring"));
    QCOMPARE(state.breakers[2].state, BreakerState::HalfOpen);
    QCOMPARE(state.breakers[2].failureCount, 3);
    QVERIFY(!state.emergencyStop);

    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    {
        SQLite::Database old(utf8(fixture), SQLite::OPEN_READONLY);
        // Every old column keeps every value (later versions add columns, never change them).
        for (const QString &table : tables)
            QCOMPARE(rows(db, selectAllOf(old, table)), before.value(table));
    }
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM executions"
                                       " WHERE queued_ms IS NOT NULL")),
             0); // nobody measured it then
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

    // v3: older audit rows have no uid; an entry from a ledger outbox is stored once.
    QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM audit_log")) > 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(uid) FROM audit_log")), 0);
    WriteBatch moved;
    const AuditEntry entry{kBase, QStringLiteral("heartbeat:auto_liquidation"),
                           QStringLiteral("loan_liquidated"), QStringLiteral("{}"),
                           QStringLiteral("0b8e2f5a-uid")};
    moved.audit = {entry, entry};
    store.write(moved);
    store.write(moved);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE uid IS NOT NULL")), 1);
}

void TestMetricsStore::upgradesFileWithoutQueueTimes_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("schema 2") << 2;
    QTest::newRow("schema 3") << 3;
}

// A file an earlier version wrote (as it made every file: v1, then its steps): read-only it
// reads as it is, without queue times; opened by the store it gains queued_ms, NULL on the old
// rows, and keeps every row and its saved state.
void TestMetricsStore::upgradesFileWithoutQueueTimes()
{
    QFETCH(int, version);
    const QString path = newPath();
    QVERIFY(QFile::copy(test::fixturePath(QStringLiteral("metrics-v1.db")), path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    {
        SQLite::Database old(utf8(path), SQLite::OPEN_READWRITE);
        schema::migrate(old, version);
    }
    QCOMPARE(MetricsStore::fileSchemaVersion(path), version);

    QStringList executionsBefore;
    QString enginestateBefore;
    {
        SQLite::Database v2(utf8(path), SQLite::OPEN_READONLY);
        executionsBefore = rows(v2, selectAllOf(v2, QStringLiteral("executions")));
        enginestateBefore =
            rows(v2, QStringLiteral("SELECT * FROM engine_state ORDER BY 1")).join(u'\n');
    }
    QCOMPARE(executionsBefore.size(), 21);
    {
        MetricsReader reader(path); // what `--open FILE.db` does: nothing is changed
        const QVector<ExecutionRecord> runs = reader.recentExecutions(100);
        QCOMPARE(runs.size(), 21);
        for (const ExecutionRecord &r : runs)
            QVERIFY(!r.queuedMs);
    }
    QCOMPARE(MetricsStore::fileSchemaVersion(path), version);

    {
        MetricsStore store(path);
        WriteBatch batch;
        batch.ticks = {{100, kBase + kHour * 5, 40, 1, 1, 0, {}, {}}};
        ExecutionRecord run = exec(100, QStringLiteral("price_update"), kBase + kHour * 5 + 7, 30,
                                   Outcome::Success, 1);
        run.queuedMs = 7;
        batch.executions = {run};
        store.write(batch);
    }
    QCOMPARE(MetricsStore::fileSchemaVersion(path), MetricsStore::SchemaVersion);
    {
        SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
        const QStringList after = rows(db, QStringLiteral("SELECT id, tick_id, task, started_at_ms,"
                                                          " duration_ms, outcome, items, error"
                                                          " FROM executions WHERE tick_id <> 100"
                                                          " ORDER BY 1, 2"));
        QCOMPARE(after, executionsBefore);
        QCOMPARE(rows(db, QStringLiteral("SELECT tick_id, queued_ms FROM executions"
                                         " WHERE queued_ms IS NOT NULL")),
                 QStringList({QStringLiteral("100|7")}));
        QCOMPARE(rows(db, QStringLiteral("SELECT * FROM engine_state ORDER BY 1")).join(u'\n'),
                 enginestateBefore);
    }
    MetricsReader reader(path);
    const QVector<ExecutionRecord> runs = reader.recentExecutions(100);
    QCOMPARE(runs.size(), 22);
    QCOMPARE(runs.constLast().queuedMs, std::optional<qint64>(7));
    QVERIFY(!runs.constFirst().queuedMs);
}

QTEST_GUILESS_MAIN(TestMetricsStore)
#include "tst_metricsstore.moc"
