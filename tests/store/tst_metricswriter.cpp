// MetricsWriter: the single writer thread of metrics.db. Everything submitted arrives, ticks
// share transactions under load, a failure is reported once and never blocks the caller.

#include "core/clock.h"
#include "filelimits.h"
#include "store/metricswriter.h"
#include "testsupport.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

using namespace hb;
using hb::test::FileSizeLimit;

namespace {

constexpr qint64 kDay = 86'400'000;
constexpr qint64 kMinute = 60'000;
constexpr qint64 kBase = 1'700'002'620'000; // 2023-11-14 22:57:00 UTC

std::string utf8(const QString &s)
{
    return s.toStdString();
}

qint64 scalar(const QString &path, const char *query)
{
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    return db.execAndGet(query).getInt64();
}

// One tick's worth of records: a tick row, `executions` task runs and a gauge sample.
WriteBatch tickBatch(qint64 tickId, qint64 atMs, int executions = 8)
{
    WriteBatch batch;
    batch.ticks.append({tickId, atMs, 40, executions, executions, 0, TickSkipReason::None});
    for (int i = 0; i < executions; ++i) {
        ExecutionRecord r;
        r.tickId = tickId;
        r.task = QStringLiteral("task_%1").arg(i);
        r.startedAtMs = atMs + i;
        r.durationMs = 5 + i;
        r.items = i;
        batch.executions.append(r);
    }
    batch.samples.append({QStringLiteral("cycles"), atMs, double(tickId)});
    return batch;
}

// Holds the database's write lock from another connection, so the writer thread waits (on
// its busy timeout) inside its next transaction while the test keeps submitting.
class WriteLock
{
public:
    explicit WriteLock(const QString &path)
        : m_db(utf8(path), SQLite::OPEN_READWRITE, 5000) // the writer may be mid-retention
    {
        m_db.exec("BEGIN IMMEDIATE");
    }
    ~WriteLock() { release(); }
    void release()
    {
        if (m_held)
            m_db.exec("ROLLBACK");
        m_held = false;
    }

private:
    SQLite::Database m_db;
    bool m_held = true;
};

} // namespace

class TestMetricsWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void concurrentSubmitsAllArrive();
    void stalledWriterCoalescesBatches();
    void newestStateWins();
    void failureReportedOnceAndFlushReturns();
    void stopIsIdempotent();
    void retentionAtStartThenHourly();

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("w%1.db").arg(++m_serial)); }
    std::unique_ptr<MetricsWriter> makeWriter(const QString &path,
                                              std::shared_ptr<const Clock> clock = nullptr)
    {
        if (!clock)
            clock = std::make_shared<FakeClock>(kBase);
        return std::make_unique<MetricsWriter>(std::make_unique<MetricsStore>(path),
                                               RetentionPolicy(), std::move(clock));
    }
};

void TestMetricsWriter::concurrentSubmitsAllArrive()
{
    const QString path = newPath();
    auto writer = makeWriter(path);
    constexpr int kThreads = 4;
    constexpr int kTicksPerThread = 300;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&writer, t] {
            for (int i = 0; i < kTicksPerThread; ++i) {
                const qint64 id = qint64(t) * kTicksPerThread + i + 1;
                writer->submit(tickBatch(id, kBase + id * 1000));
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    writer->flush();

    const qint64 ticks = kThreads * kTicksPerThread;
    QCOMPARE(writer->committedRecords(), ticks * (1 + 8 + 1));
    QVERIFY(!writer->hasFailed());
    QCOMPARE(scalar(path, "SELECT count(*) FROM ticks"), ticks);
    QCOMPARE(scalar(path, "SELECT count(*) FROM executions"), ticks * 8);
    QCOMPARE(scalar(path, "SELECT count(*) FROM samples"), ticks);
    QCOMPARE(scalar(path, "SELECT sum(runs) FROM exec_minute"), ticks * 8);
    QCOMPARE(scalar(path, "SELECT sum(n) FROM sample_hour"), ticks);
    // Every tick's rows arrived whole: each tick id has all its task runs.
    QCOMPARE(scalar(path, "SELECT count(*) FROM (SELECT tick_id FROM executions GROUP BY tick_id"
                          " HAVING count(*) = 8)"),
             ticks);
}

void TestMetricsWriter::stalledWriterCoalescesBatches()
{
    const QString path = newPath();
    {
        MetricsStore create(path); // so the test can add its counter before the writer starts
    }
    {
        // Each transaction that adds to an existing exec_minute row fires this trigger once;
        // all batches below land in the same (task, minute) rows.
        SQLite::Database db(utf8(path), SQLite::OPEN_READWRITE);
        db.exec("CREATE TABLE test_merges(n INTEGER);"
                "INSERT INTO test_merges VALUES(0);"
                "CREATE TRIGGER test_count_merges AFTER UPDATE ON exec_minute"
                " WHEN new.task = 'task_0'"
                " BEGIN UPDATE test_merges SET n = n + 1; END;");
    }
    auto writer = makeWriter(path);
    writer->submit(tickBatch(1, kBase));
    writer->flush();

    constexpr int kSubmits = 100;
    {
        WriteLock lock(path);
        for (int i = 0; i < kSubmits; ++i)
            writer->submit(tickBatch(2 + i, kBase + 100 + i)); // same minute as tick 1
        QTest::qWait(50); // let the writer take what it finds and block on the lock
        lock.release();
    }
    writer->flush();

    QCOMPARE(scalar(path, "SELECT count(*) FROM ticks"), kSubmits + 1);
    QCOMPARE(scalar(path, "SELECT runs FROM exec_minute WHERE task = 'task_0'"), kSubmits + 1);
    // One transaction per submit would have merged 100 times; the stalled writer takes what
    // piled up in at most two transactions (what it found first, then the rest).
    const qint64 transactions = scalar(path, "SELECT n FROM test_merges");
    QVERIFY2(transactions >= 1 && transactions <= 2,
             qPrintable(
                 QStringLiteral("%1 transactions for %2 submits").arg(transactions).arg(kSubmits)));
}

void TestMetricsWriter::newestStateWins()
{
    const QString path = newPath();
    {
        auto writer = makeWriter(path);
        WriteLock lock(path); // the states below pile up and are merged into one batch
        for (int i = 1; i <= 5; ++i) {
            WriteBatch batch = tickBatch(i, kBase + i * 1000, 1);
            batch.state = PersistedState();
            batch.state->metrics.tickCount = i;
            batch.state->metrics.lastTickId = i;
            batch.state->emergencyStop = (i % 2) == 1;
            batch.state->emergencyReason = QStringLiteral("reason %1").arg(i);
            batch.state->breakers = {{QStringLiteral("task_0"), BreakerState(i % 3), i, i, i}};
            writer->submit(std::move(batch));
        }
        writer->submit(tickBatch(6, kBase + 6000, 1)); // rows without state keep the state
        lock.release();
        writer->flush();
    }
    const PersistedState state = MetricsStore(path).loadState();
    QCOMPARE(state.metrics.tickCount, 5);
    QCOMPARE(state.metrics.lastTickId, 5);
    QCOMPARE(state.emergencyStop, true);
    QCOMPARE(state.emergencyReason, QStringLiteral("reason 5"));
    QCOMPARE(state.breakers.size(), 1);
    QCOMPARE(state.breakers[0].state, BreakerState(5 % 3));
    QCOMPARE(state.breakers[0].failureCount, 5);
    QCOMPARE(scalar(path, "SELECT count(*) FROM ticks"), 6);
}

void TestMetricsWriter::failureReportedOnceAndFlushReturns()
{
    const QString path = newPath();
    auto writer = makeWriter(path);
    QObject receiver;
    int failures = 0;
    QString message;
    // Queued, as the GUI would connect: the signal comes from the writer thread.
    connect(
        writer.get(), &MetricsWriter::writeFailed, &receiver,
        [&](const QString &m) {
            ++failures;
            message = m;
        },
        Qt::QueuedConnection);

    writer->submit(tickBatch(1, kBase));
    writer->flush();
    const qint64 committed = writer->committedRecords();
    QCOMPARE(committed, 10);

    WriteBatch big;
    for (int i = 0; i < 200; ++i)
        big.merge(tickBatch(2 + i, kBase + 1000 + i, 100));
    {
        FileSizeLimit full(64 * 1024);
        writer->submit(std::move(big));
        writer->flush(); // returns although nothing could be written
        QVERIFY(writer->hasFailed());
        for (int i = 0; i < 20; ++i)
            writer->submit(tickBatch(300 + i, kBase + 5000 + i));
        writer->flush(); // dropped submits do not block it either
    }
    QTRY_COMPARE(failures, 1);
    QVERIFY2(message.startsWith(path + QStringLiteral(": write failed (")), qPrintable(message));
    QVERIFY(!message.contains(QLatin1Char('\n')));

    // Space is back, but a failed writer stays stopped: nothing is half-written after it.
    writer->submit(tickBatch(400, kBase + 9000));
    writer->flush();
    QTest::qWait(50);
    QCOMPARE(failures, 1);
    QCOMPARE(writer->committedRecords(), committed);
    writer->stop();

    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    QCOMPARE(QString::fromStdString(db.execAndGet("PRAGMA integrity_check").getString()),
             QStringLiteral("ok"));
    QCOMPARE(db.execAndGet("SELECT count(*) FROM ticks").getInt64(), 1);
}

void TestMetricsWriter::stopIsIdempotent()
{
    const QString path = newPath();
    auto writer = makeWriter(path);
    for (int i = 0; i < 10; ++i)
        writer->submit(tickBatch(i + 1, kBase + i * 1000));
    writer->stop(); // flushes first
    QCOMPARE(scalar(path, "SELECT count(*) FROM ticks"), 10);
    writer->stop();
    writer->submit(tickBatch(99, kBase + 99'000)); // after stop: dropped, not queued forever
    writer->flush();
    QCOMPARE(writer->committedRecords(), 100);
    writer.reset(); // the destructor stops again
    QCOMPARE(scalar(path, "SELECT count(*) FROM ticks"), 10);
}

void TestMetricsWriter::retentionAtStartThenHourly()
{
    const QString path = newPath();
    RetentionPolicy policy; // raw rows kept 14 days
    {
        MetricsStore store(path);
        store.write(tickBatch(1, kBase));
    }
    // Started 15 days later: the old tick goes at start.
    auto clock = std::make_shared<FakeClock>(kBase + 15 * kDay);
    auto writer =
        std::make_unique<MetricsWriter>(std::make_unique<MetricsStore>(path), policy, clock);
    const qint64 recent = clock->nowMs() - 14 * kDay + 10 * kMinute; // 10 min inside the window
    writer->submit(tickBatch(2, recent));
    writer->flush();
    QCOMPARE(scalar(path, "SELECT count(*) FROM ticks"), 1);
    QCOMPARE(scalar(path, "SELECT min(id) FROM ticks"), 2);

    // 30 minutes later tick 2 is past the window, but retention ran less than an hour ago.
    clock->advance(30 * kMinute);
    writer->submit(tickBatch(3, clock->nowMs()));
    writer->flush();
    QCOMPARE(scalar(path, "SELECT count(*) FROM ticks WHERE id = 2"), 1);

    // Past the hour: the next wake applies it.
    clock->advance(31 * kMinute);
    writer->submit(tickBatch(4, clock->nowMs()));
    writer->flush();
    QCOMPARE(scalar(path, "SELECT count(*) FROM ticks WHERE id = 2"), 0);
    QCOMPARE(scalar(path, "SELECT count(*) FROM ticks"), 2);
    // The rollups keep the summary of the deleted rows.
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    SQLite::Statement hour(db, "SELECT sum(runs) FROM exec_hour WHERE bucket_ms = ?1");
    hour.bind(1, static_cast<int64_t>(kBase - kBase % (60 * kMinute)));
    QVERIFY(hour.executeStep());
    QCOMPARE(hour.getColumn(0).getInt64(), 8);
}

QTEST_GUILESS_MAIN(TestMetricsWriter)
#include "tst_metricswriter.moc"
