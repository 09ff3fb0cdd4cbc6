// MetricsReader: the read-only range queries charts and analysis run on metrics.db. Data goes
// in through the real writer (MetricsStore::write); every figure read back is checked against
// aggregates computed here from the records written.

#include "store/metricsreader.h"
#include "store/metricsstore.h"
#include "testsupport.h"

#include <SQLiteCpp/Database.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace hb;

Q_DECLARE_METATYPE(hb::MetricsReader::Resolution)

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 3'600'000;
constexpr qint64 kDay = 86'400'000;
// 2023-11-14 22:57:00 UTC: three minutes before an hour boundary, so ranges cross one.
constexpr qint64 kBase = 1'700'002'620'000;
constexpr int kTicks = 400; // one every 20 s: 2 h 13 min of data
constexpr qint64 kTickMs = 20'000;

qint64 bucketOf(qint64 ms, qint64 width)
{
    return ms - ((ms % width) + width) % width;
}

struct Data
{
    QVector<TickRecord> ticks;
    QVector<ExecutionRecord> executions;
    QVector<Sample> samples;
    QVector<AuditEntry> audit;
};

// Deterministic: three tasks a tick with varied outcomes and durations, gauges every tick.
Data makeData()
{
    Data d;
    const QString tasks[] = {QStringLiteral("price_update"), QStringLiteral("loan_monitoring"),
                             QStringLiteral("memory_monitoring")};
    const Outcome outcomes[] = {Outcome::Success, Outcome::Success, Outcome::Failure,
                                Outcome::Success, Outcome::Timeout, Outcome::Skipped,
                                Outcome::Success, Outcome::Cancelled};
    for (int i = 0; i < kTicks; ++i) {
        const qint64 t = kBase + i * kTickMs;
        TickRecord tick{i + 1, t, 50 + (i * 37) % 400, 0, 0, 0, {}};
        for (int k = 0; k < 3; ++k) {
            const Outcome o = outcomes[(i * 3 + k) % 8];
            const qint64 duration = o == Outcome::Skipped ? 0 : 5 + (i * 13 + k * 71) % 900;
            const std::optional<qint64> queued =
                o == Outcome::Skipped ? std::nullopt : std::optional<qint64>((i * 7 + k) % 50);
            d.executions.append({tick.id, tasks[k], t + k * 3, duration, o, i % 5,
                                 o == Outcome::Failure ? QStringLiteral("boom") : QString(),
                                 queued});
            if (o != Outcome::Skipped)
                ++tick.ran;
            tick.succeeded += o == Outcome::Success;
            tick.failed += o == Outcome::Failure || o == Outcome::Timeout;
        }
        d.ticks.append(tick);
        d.samples.append({QStringLiteral("memory.total_bytes"), t, 1e8 + (i % 50) * 1e6});
        d.samples.append({QStringLiteral("shard.load.0001"), t, 0.1 * (i % 10)});
        d.samples.append({QStringLiteral("shard.load.0002"), t + 1, 0.5 + 0.01 * (i % 7)});
        if (i % 10 == 0)
            d.samples.append({QStringLiteral("shard.count"), t, 2.0 + (i / 100)});
    }
    d.audit = {{kBase + 5 * kMinute, QStringLiteral("admin"), QStringLiteral("emergency_pause"),
                QStringLiteral("drill")},
               {kBase + 6 * kMinute, QStringLiteral("engine"), QStringLiteral("auto_liquidation"),
                {}},
               {kBase + 7 * kMinute, QStringLiteral("admin"), QStringLiteral("resume"), {}},
               {kBase + 90 * kMinute, QStringLiteral("ops"), QStringLiteral("config_change"), {}}};
    return d;
}

// Written in several batches, as the writer thread would.
void writeAll(MetricsStore &store, const Data &d)
{
    const int batches = 7;
    for (int b = 0; b < batches; ++b) {
        WriteBatch batch;
        for (int i = b; i < d.ticks.size(); i += batches)
            batch.ticks.append(d.ticks[i]);
        for (int i = b; i < d.executions.size(); i += batches)
            batch.executions.append(d.executions[i]);
        for (int i = b; i < d.samples.size(); i += batches)
            batch.samples.append(d.samples[i]);
        if (b == 0)
            batch.audit = d.audit;
        store.write(batch);
    }
}

// The expected ExecutionBucket list, aggregated in C++ from the records.
QVector<ExecutionBucket> expectedExecutions(const Data &d, qint64 from, qint64 to,
                                            MetricsReader::Resolution resolution,
                                            const QString &task)
{
    const qint64 width = MetricsReader::bucketWidthMs(resolution);
    QMap<qint64, ExecutionBucket> byKey; // tick id at Raw, bucket start otherwise
    for (const ExecutionRecord &r : d.executions) {
        if (!task.isEmpty() && r.task != task)
            continue;
        const qint64 bucket = width ? bucketOf(r.startedAtMs, width) : r.startedAtMs;
        if (width ? (bucket < bucketOf(from, width) || bucket >= to)
                  : (r.startedAtMs < from || r.startedAtMs >= to))
            continue;
        const qint64 key = width ? bucket : r.tickId;
        ExecutionBucket &b = byKey[key];
        b.bucketMs = b.rows == 0 ? bucket : std::min(b.bucketMs, bucket);
        ++b.rows;
        b.successes += r.outcome == Outcome::Success;
        b.failures += r.outcome == Outcome::Failure;
        b.timeouts += r.outcome == Outcome::Timeout;
        b.skipped += r.outcome == Outcome::Skipped;
        b.cancelled += r.outcome == Outcome::Cancelled;
        b.totalMs += r.durationMs;
        b.maxMs = std::max(b.maxMs, r.durationMs);
    }
    QVector<ExecutionBucket> out(byKey.cbegin(), byKey.cend());
    std::stable_sort(out.begin(), out.end(), [](const ExecutionBucket &a, const ExecutionBucket &b) {
        return a.bucketMs < b.bucketMs;
    });
    return out;
}

QString describe(const ExecutionBucket &b)
{
    return QStringLiteral("%1: rows %2 ok %3 fail %4 timeout %5 skip %6 cancel %7 total %8 max %9")
        .arg(b.bucketMs)
        .arg(b.rows)
        .arg(b.successes)
        .arg(b.failures)
        .arg(b.timeouts)
        .arg(b.skipped)
        .arg(b.cancelled)
        .arg(b.totalMs)
        .arg(b.maxMs);
}

QStringList describeAll(const QVector<ExecutionBucket> &buckets)
{
    QStringList out;
    for (const ExecutionBucket &b : buckets)
        out << describe(b);
    return out;
}

QByteArray fileHash(const QString &path)
{
    return QCryptographicHash::hash(test::readAll(path), QCryptographicHash::Sha256);
}

} // namespace

class TestMetricsReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void executionsMatchTheRowsWritten_data();
    void executionsMatchTheRowsWritten();
    void executionFiguresPerBucket();
    void ticksMatchTheRowsWritten_data();
    void ticksMatchTheRowsWritten();
    void samplesMatchTheRowsWritten_data();
    void samplesMatchTheRowsWritten();
    void minuteAndHourComeFromTheRollups();
    void seriesNamesByPrefix();
    void auditEntriesFilteredAndLimited();
    void breakerEventsInARange();
    void recentTicksAndRunsAreTheNewest();
    void readsWhileTheWriterWrites();
    void closedFileIsLeftUntouched();
    void errorsNameTheFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    Data m_data;
    std::unique_ptr<MetricsStore> m_store;
};

void TestMetricsReader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("metrics.db"));
    m_data = makeData();
    m_store = std::make_unique<MetricsStore>(m_path);
    writeAll(*m_store, m_data);
}

void TestMetricsReader::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestMetricsReader::executionsMatchTheRowsWritten_data()
{
    QTest::addColumn<MetricsReader::Resolution>("resolution");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QString>("task");
    const auto raw = MetricsReader::Resolution::Raw;
    const auto minute = MetricsReader::Resolution::Minute;
    const auto hour = MetricsReader::Resolution::Hour;
    const qint64 all = kBase + kTicks * kTickMs;
    QTest::newRow("raw, all tasks, 10 min") << raw << kBase + kMinute << kBase + 11 * kMinute
                                            << QString();
    QTest::newRow("raw, one task") << raw << kBase << all << QStringLiteral("loan_monitoring");
    QTest::newRow("minute, all, mid-bucket edges")
        << minute << kBase + 90'500 << kBase + 40 * kMinute + 7 << QString();
    QTest::newRow("minute, one task") << minute << kBase << all << QStringLiteral("price_update");
    QTest::newRow("hour, all") << hour << kBase - kDay << kBase + kDay << QString();
    QTest::newRow("hour, one task") << hour << kBase << all << QStringLiteral("memory_monitoring");
    QTest::newRow("empty range") << minute << kBase << kBase << QString();
    QTest::newRow("before any data") << raw << kBase - kDay << kBase - 1 << QString();
}

void TestMetricsReader::executionsMatchTheRowsWritten()
{
    QFETCH(MetricsReader::Resolution, resolution);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QString, task);
    MetricsReader reader(m_path);
    const QVector<ExecutionBucket> got = reader.executionSeries(from, to, resolution, task);
    const QVector<ExecutionBucket> expected = expectedExecutions(m_data, from, to, resolution, task);
    QCOMPARE(describeAll(got), describeAll(expected));
}

void TestMetricsReader::executionFiguresPerBucket()
{
    MetricsReader reader(m_path);
    const QVector<ExecutionBucket> hours =
        reader.executionSeries(kBase, kBase + kTicks * kTickMs, MetricsReader::Resolution::Hour);
    QCOMPARE(hours.size(), 4); // 22:57 .. 01:10 touches four hours
    qint64 runs = 0;
    qint64 decided = 0;
    qint64 successes = 0;
    qint64 total = 0;
    for (const ExecutionRecord &r : m_data.executions) {
        if (r.outcome == Outcome::Skipped || bucketOf(r.startedAtMs, kHour) != hours[1].bucketMs)
            continue;
        ++runs;
        total += r.durationMs;
        decided += r.outcome != Outcome::Cancelled;
        successes += r.outcome == Outcome::Success;
    }
    QCOMPARE(hours[1].runs(), runs);
    QCOMPARE(hours[1].decided(), decided);
    QCOMPARE(hours[1].averageMs(), double(total) / double(runs));
    QCOMPARE(hours[1].successRate(), double(successes) / double(decided));
    QCOMPARE(ExecutionBucket().successRate(), 0.0);
}

void TestMetricsReader::ticksMatchTheRowsWritten_data()
{
    QTest::addColumn<MetricsReader::Resolution>("resolution");
    QTest::newRow("raw") << MetricsReader::Resolution::Raw;
    QTest::newRow("minute") << MetricsReader::Resolution::Minute;
    QTest::newRow("hour") << MetricsReader::Resolution::Hour;
}

void TestMetricsReader::ticksMatchTheRowsWritten()
{
    QFETCH(MetricsReader::Resolution, resolution);
    const qint64 from = kBase + 30 * kMinute + 1234;
    const qint64 to = kBase + 100 * kMinute + 17;
    const qint64 width = MetricsReader::bucketWidthMs(resolution);
    QMap<qint64, TickBucket> expected;
    for (const TickRecord &t : m_data.ticks) {
        const qint64 bucket = width ? bucketOf(t.startedAtMs, width) : t.startedAtMs;
        // Whole buckets at minute/hour resolution, like the rollups.
        const bool in = width ? bucket >= bucketOf(from, width) && bucket < to
                              : t.startedAtMs >= from && t.startedAtMs < to;
        if (!in)
            continue;
        TickBucket &b = expected[bucket];
        b.bucketMs = bucket;
        ++b.ticks;
        b.totalMs += t.durationMs;
        b.maxMs = std::max(b.maxMs, t.durationMs);
        b.ran += t.ran;
        b.succeeded += t.succeeded;
        b.failed += t.failed;
    }
    MetricsReader reader(m_path);
    const QVector<TickBucket> got = reader.tickSeries(from, to, resolution);
    QCOMPARE(got.size(), expected.size());
    int i = 0;
    for (const TickBucket &e : expected) {
        const TickBucket &g = got[i++];
        QCOMPARE(g.bucketMs, e.bucketMs);
        QCOMPARE(g.ticks, e.ticks);
        QCOMPARE(g.totalMs, e.totalMs);
        QCOMPARE(g.maxMs, e.maxMs);
        QCOMPARE(g.ran, e.ran);
        QCOMPARE(g.succeeded, e.succeeded);
        QCOMPARE(g.failed, e.failed);
        QCOMPARE(g.averageMs(), double(e.totalMs) / double(e.ticks));
    }
}

void TestMetricsReader::samplesMatchTheRowsWritten_data()
{
    QTest::addColumn<MetricsReader::Resolution>("resolution");
    QTest::addColumn<QString>("series");
    QTest::newRow("raw memory") << MetricsReader::Resolution::Raw
                                << QStringLiteral("memory.total_bytes");
    QTest::newRow("minute shard") << MetricsReader::Resolution::Minute
                                  << QStringLiteral("shard.load.0002");
    QTest::newRow("hour memory") << MetricsReader::Resolution::Hour
                                 << QStringLiteral("memory.total_bytes");
    QTest::newRow("minute sparse count") << MetricsReader::Resolution::Minute
                                         << QStringLiteral("shard.count");
    QTest::newRow("unknown series") << MetricsReader::Resolution::Minute
                                    << QStringLiteral("cycles.balance");
}

void TestMetricsReader::samplesMatchTheRowsWritten()
{
    QFETCH(MetricsReader::Resolution, resolution);
    QFETCH(QString, series);
    const qint64 from = kBase + 10 * kMinute + 500;
    const qint64 to = kBase + 125 * kMinute;
    const qint64 width = MetricsReader::bucketWidthMs(resolution);
    QMap<qint64, SampleBucket> expected;
    for (const Sample &s : m_data.samples) {
        if (s.series != series)
            continue;
        const qint64 bucket = width ? bucketOf(s.tsMs, width) : s.tsMs;
        const bool in = width ? bucket >= bucketOf(from, width) && bucket < to
                              : s.tsMs >= from && s.tsMs < to;
        if (!in)
            continue;
        SampleBucket &b = expected[bucket];
        b.min = b.count ? std::min(b.min, s.value) : s.value;
        b.max = b.count ? std::max(b.max, s.value) : s.value;
        b.bucketMs = bucket;
        b.sum += s.value;
        ++b.count;
    }
    MetricsReader reader(m_path);
    const QVector<SampleBucket> got = reader.sampleSeries(series, from, to, resolution);
    QCOMPARE(got.size(), expected.size());
    int i = 0;
    for (const SampleBucket &e : expected) {
        const SampleBucket &g = got[i++];
        QCOMPARE(g.bucketMs, e.bucketMs);
        QCOMPARE(g.count, e.count);
        QCOMPARE(g.min, e.min);
        QCOMPARE(g.max, e.max);
        QVERIFY(qAbs(g.sum - e.sum) <= 1e-9 * qMax(1.0, qAbs(e.sum)));
        QVERIFY(qAbs(g.mean() - e.sum / double(e.count)) <= 1e-9 * qMax(1.0, qAbs(g.mean())));
    }
}

void TestMetricsReader::minuteAndHourComeFromTheRollups()
{
    MetricsReader before(m_path);
    const qint64 from = kBase;
    const qint64 to = kBase + kTicks * kTickMs;
    const auto minute = MetricsReader::Resolution::Minute;
    const auto hour = MetricsReader::Resolution::Hour;
    const QStringList minutes = describeAll(before.executionSeries(from, to, minute));
    const QStringList hours = describeAll(before.executionSeries(from, to, hour));
    const auto memory = before.sampleSeries(QStringLiteral("memory.total_bytes"), from, to, minute);
    const auto tickDescription = [](const QVector<TickBucket> &buckets) {
        QStringList out;
        for (const TickBucket &b : buckets)
            out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                       .arg(b.bucketMs)
                       .arg(b.ticks)
                       .arg(b.totalMs)
                       .arg(b.maxMs)
                       .arg(b.ran)
                       .arg(b.succeeded)
                       .arg(b.failed);
        return out;
    };
    const QStringList tickMinutes = tickDescription(before.tickSeries(from, to, minute));
    const QStringList tickHours = tickDescription(before.tickSeries(from, to, hour));
    QVERIFY(!tickMinutes.isEmpty());
    QVERIFY(!minutes.isEmpty());
    QVERIFY(!memory.isEmpty());

    // Retention removes the raw rows and keeps the rollups: what minute and hour answer must not
    // change, while raw has nothing left.
    RetentionPolicy policy;
    policy.rawDays = 1;
    policy.minuteDays = 90;
    policy.hourDays = 730;
    m_store->applyRetention(policy, to + 3 * kDay);
    MetricsReader after(m_path);
    QVERIFY(after.executionSeries(from, to, MetricsReader::Resolution::Raw).isEmpty());
    QVERIFY(after.sampleSeries(QStringLiteral("memory.total_bytes"), from, to,
                               MetricsReader::Resolution::Raw)
                .isEmpty());
    QCOMPARE(describeAll(after.executionSeries(from, to, minute)), minutes);
    QCOMPARE(describeAll(after.executionSeries(from, to, hour)), hours);
    QVERIFY(after.tickSeries(from, to, MetricsReader::Resolution::Raw).isEmpty());
    QCOMPARE(tickDescription(after.tickSeries(from, to, minute)), tickMinutes);
    QCOMPARE(tickDescription(after.tickSeries(from, to, hour)), tickHours);
    QCOMPARE(after.sampleSeries(QStringLiteral("memory.total_bytes"), from, to, minute).size(),
             memory.size());
    // Series names come from the rollups too.
    QCOMPARE(after.sampleSeriesNames(QStringLiteral("shard.")).size(), 3);
}

void TestMetricsReader::seriesNamesByPrefix()
{
    MetricsReader reader(m_path);
    QCOMPARE(reader.sampleSeriesNames(QStringLiteral("shard.load.")),
             (QStringList{QStringLiteral("shard.load.0001"), QStringLiteral("shard.load.0002")}));
    QCOMPARE(reader.sampleSeriesNames(),
             (QStringList{QStringLiteral("memory.total_bytes"), QStringLiteral("shard.count"),
                          QStringLiteral("shard.load.0001"), QStringLiteral("shard.load.0002")}));
    QVERIFY(reader.sampleSeriesNames(QStringLiteral("cycles.")).isEmpty());
    QVERIFY(reader.sampleSeriesNames(QStringLiteral("zzz")).isEmpty());
}

void TestMetricsReader::auditEntriesFilteredAndLimited()
{
    MetricsReader reader(m_path);
    const qint64 to = kBase + kDay;
    const QVector<AuditEntry> all = reader.auditEntries(kBase, to);
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.first().action, QStringLiteral("emergency_pause"));
    QCOMPARE(all.first().detail, QStringLiteral("drill"));
    QCOMPARE(all.first().actor, QStringLiteral("admin"));
    const QStringList admin{QStringLiteral("emergency_pause"), QStringLiteral("resume"),
                            QStringLiteral("config_change")};
    const QVector<AuditEntry> filtered = reader.auditEntries(kBase, to, admin);
    QCOMPARE(filtered.size(), 3);
    const QVector<AuditEntry> newest = reader.auditEntries(kBase, to, admin, 2);
    QCOMPARE(newest.size(), 2); // the newest two, oldest first
    QCOMPARE(newest[0].action, QStringLiteral("resume"));
    QCOMPARE(newest[1].action, QStringLiteral("config_change"));
    QCOMPARE(reader.auditEntries(kBase + 5 * kMinute + 1, kBase + 7 * kMinute).size(), 1);
}

void TestMetricsReader::breakerEventsInARange()
{
    const QString price = QStringLiteral("price_update");
    const QString loans = QStringLiteral("loan_monitoring");
    const qint64 t0 = kBase + 2 * kDay; // after makeData's rows
    WriteBatch batch;
    batch.breakerEvents = {
        {t0, price, BreakerState::Closed, BreakerState::Open, QStringLiteral("5 failures")},
        {t0 + kMinute, price, BreakerState::Open, BreakerState::HalfOpen, {}},
        {t0 + 2 * kMinute, price, BreakerState::HalfOpen, BreakerState::Closed, {}},
        {t0 + 3 * kMinute, loans, BreakerState::Closed, BreakerState::Open, QStringLiteral("oracle")},
        {t0 + 10 * kMinute, loans, BreakerState::Open, BreakerState::HalfOpen, {}},
    };
    m_store->write(batch);
    MetricsReader reader(m_path);

    const QVector<BreakerEvent> all = reader.breakerEvents(t0, t0 + 10 * kMinute);
    QCOMPARE(all.size(), 4); // [from, to): the one at t0 + 10 min is out
    QCOMPARE(all.first().task, price);
    QCOMPARE(all.first().from, BreakerState::Closed);
    QCOMPARE(all.first().to, BreakerState::Open);
    QCOMPARE(all.first().reason, QStringLiteral("5 failures"));
    QCOMPARE(all.at(1).to, BreakerState::HalfOpen);

    const QVector<BreakerEvent> openings =
        reader.breakerEvents(t0, t0 + kDay, BreakerState::Open);
    QCOMPARE(openings.size(), 2);
    QCOMPARE(openings.at(0).tsMs, t0);
    QCOMPARE(openings.at(1).tsMs, t0 + 3 * kMinute);
    QCOMPARE(openings.at(1).reason, QStringLiteral("oracle"));

    const QVector<BreakerEvent> newest = reader.breakerEvents(t0, t0 + kDay, std::nullopt, 2);
    QCOMPARE(newest.size(), 2); // the newest two, oldest first
    QCOMPARE(newest.at(0).tsMs, t0 + 3 * kMinute);
    QCOMPARE(newest.at(1).tsMs, t0 + 10 * kMinute);
    QVERIFY(reader.breakerEvents(t0 + kDay, t0 + 2 * kDay).isEmpty());
}

void TestMetricsReader::recentTicksAndRunsAreTheNewest()
{
    MetricsReader reader(m_path);
    const QVector<TickRecord> ticks = reader.recentTicks(5);
    QCOMPARE(ticks.size(), 5);
    for (int i = 0; i < 5; ++i) { // oldest first, every field as written
        const TickRecord &want = m_data.ticks.at(m_data.ticks.size() - 5 + i);
        const TickRecord &got = ticks.at(i);
        QCOMPARE(got.id, want.id);
        QCOMPARE(got.startedAtMs, want.startedAtMs);
        QCOMPARE(got.durationMs, want.durationMs);
        QCOMPARE(got.ran, want.ran);
        QCOMPARE(got.succeeded, want.succeeded);
        QCOMPARE(got.failed, want.failed);
        QCOMPARE(got.skippedReason, want.skippedReason);
    }
    const QVector<TickRecord> before = reader.recentTicks(3, 10);
    QCOMPARE(before.size(), 3);
    QCOMPARE(before.first().id, qint64(7));
    QCOMPARE(before.last().id, qint64(9));
    QVERIFY(reader.recentTicks(0).isEmpty());
    QVERIFY(reader.recentTicks(10, 1).isEmpty());

    const QVector<ExecutionRecord> runs = reader.recentExecutions(4);
    QCOMPARE(runs.size(), 4);
    for (int i = 0; i < 4; ++i) {
        const ExecutionRecord &want = m_data.executions.at(m_data.executions.size() - 4 + i);
        const ExecutionRecord &got = runs.at(i);
        QCOMPARE(got.tickId, want.tickId);
        QCOMPARE(got.task, want.task);
        QCOMPARE(got.startedAtMs, want.startedAtMs);
        QCOMPARE(got.durationMs, want.durationMs);
        QCOMPARE(got.outcome, want.outcome);
        QCOMPARE(got.items, want.items);
        QCOMPARE(got.error, want.error);
        QCOMPARE(got.queuedMs, want.queuedMs);
    }
    const QVector<ExecutionRecord> firstTick = reader.recentExecutions(100, 2);
    QCOMPARE(firstTick.size(), 3); // tick 1's three runs
    QCOMPARE(firstTick.first().task, QStringLiteral("price_update"));

    // By time: ticks 3 .. 5 start in [kBase + 2 ticks, kBase + 5 ticks).
    const QVector<TickRecord> byTime = reader.ticks(kBase + 2 * kTickMs, kBase + 5 * kTickMs, 100);
    QCOMPARE(byTime.size(), 3);
    QCOMPARE(byTime.first().id, qint64(3));
    QCOMPARE(byTime.last().id, qint64(5));
    QCOMPARE(reader.ticks(kBase + 2 * kTickMs, kBase + 5 * kTickMs, 2).first().id, qint64(4));
    const QVector<ExecutionRecord> runsByTime =
        reader.executions(kBase + 2 * kTickMs, kBase + 4 * kTickMs, 100);
    QCOMPARE(runsByTime.size(), 6); // ticks 3 and 4, three tasks each, in time order
    QCOMPARE(runsByTime.first().tickId, qint64(3));
    QCOMPARE(runsByTime.last().tickId, qint64(4));
    QCOMPARE(runsByTime.last().task, QStringLiteral("memory_monitoring"));
    QVERIFY(reader.executions(kBase, kBase, 100).isEmpty());
}

void TestMetricsReader::readsWhileTheWriterWrites()
{
    MetricsReader reader(m_path); // opened while the writer has the file open (WAL)
    const qint64 later = kBase + kTicks * kTickMs + kMinute;
    QVERIFY(reader.tickSeries(later, later + kMinute, MetricsReader::Resolution::Raw).isEmpty());

    // The writer commits while the reader is open: no waiting, and the reader's next query
    // sees the new rows.
    WriteBatch batch;
    batch.ticks.append({100'000, later + 10, 77, 0, 0, 0, TickSkipReason::EmergencyStop});
    QElapsedTimer timer;
    timer.start();
    m_store->write(batch);
    QVERIFY2(timer.elapsed() < 1000, "a reader must never make the writer wait");
    const QVector<TickBucket> ticks =
        reader.tickSeries(later, later + kMinute, MetricsReader::Resolution::Raw);
    QCOMPARE(ticks.size(), 1);
    QCOMPARE(ticks[0].totalMs, qint64(77));

    // Reading never writes: a query_only connection.
    QVERIFY(!QFileInfo(m_path + QStringLiteral("-journal")).exists());
}

void TestMetricsReader::closedFileIsLeftUntouched()
{
    m_store.reset(); // the writer is gone: the file is complete on its own
    QVERIFY(!QFileInfo::exists(m_path + QStringLiteral("-wal")));
    const QByteArray hash = fileHash(m_path);
    const QStringList before = QDir(m_dir->path()).entryList(QDir::Files);
    {
        MetricsReader reader(m_path);
        QCOMPARE(reader.tickSeries(kBase, kBase + kDay, MetricsReader::Resolution::Hour).size(), 4);
    }
    QCOMPARE(fileHash(m_path), hash);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), before); // no -wal/-shm left behind
}

void TestMetricsReader::errorsNameTheFile()
{
    const QString missing = m_dir->filePath(QStringLiteral("nope.db"));
    try {
        MetricsReader reader(missing);
        QFAIL("a missing file must be refused");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(missing), qPrintable(e.message()));
    }
    QVERIFY(!QFileInfo::exists(missing)); // and not created

    const QString garbage = m_dir->filePath(QStringLiteral("garbage.db"));
    {
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
    }
    try {
        MetricsReader reader(garbage);
        reader.tickSeries(0, kBase, MetricsReader::Resolution::Raw);
        QFAIL("a file that is not a database must be refused");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(garbage), qPrintable(e.message()));
    }

    // A database that is not a metrics database (no schema version).
    const QString other = m_dir->filePath(QStringLiteral("other.db"));
    {
        SQLite::Database db(other.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE t(x)");
    }
    try {
        MetricsReader reader(other);
        QFAIL("a foreign database must be refused");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(other), qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestMetricsReader)
#include "tst_metricsreader.moc"
