// MetricsReader::rangeSummary(): the per-task figures of a time range. Data goes in through the
// real writer (MetricsStore::write, which keeps the rollups and their histograms); every figure
// read back is compared with plain SQL written here over the raw rows, percentiles by the
// nearest-rank definition (ORDER BY duration_ms LIMIT 1 OFFSET rank - 1).

#include "store/durationhistogram.h"
#include "store/metricsreader.h"
#include "store/metricsstore.h"
#include "testsupport.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtMath>

#include <cmath>

using namespace hb;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 3'600'000;
constexpr qint64 kDay = 86'400'000;
// 2023-11-14 22:57:00 UTC: three minutes before an hour boundary.
constexpr qint64 kBase = 1'700'002'620'000;
constexpr qint64 kTickMs = 10'000;
constexpr int kTicks = 1500; // 4 h 10 min

const QString kTasks[] = {QStringLiteral("price_update"), QStringLiteral("loan_monitoring"),
                          QStringLiteral("memory_monitoring"), QStringLiteral("auto_cleanup")};

std::string utf8(const QString &s)
{
    return s.toStdString();
}

// Durations spread from 0 to minutes (log-uniform), outcomes of every kind, breaker episodes
// with failed trials, audit entries of admins, tasks and the ledger. Deterministic.
void writeData(MetricsStore &store, qint64 start, int ticks, quint32 seed)
{
    QRandomGenerator random(seed);
    const Outcome outcomes[] = {Outcome::Success, Outcome::Success, Outcome::Success,
                                Outcome::Failure, Outcome::Timeout, Outcome::Cancelled,
                                Outcome::Success, Outcome::Skipped};
    WriteBatch batch;
    for (int i = 0; i < ticks; ++i) {
        const qint64 t = start + i * kTickMs;
        TickRecord tick{t / kTickMs, t, 40 + i % 300, 0, 0, 0, {}};
        for (int k = 0; k < 4; ++k) {
            if (k == 3 && i % 3 != 0)
                continue; // auto_cleanup runs every third tick
            const Outcome o = outcomes[random.bounded(8)];
            const qint64 duration =
                o == Outcome::Skipped ? 0 : qint64(std::exp(random.bounded(12.5)) - 1.0);
            batch.executions.append(
                {tick.id, kTasks[k], t + k * 7, duration, o, 0, QString(), std::nullopt});
            tick.ran += o != Outcome::Skipped;
        }
        batch.ticks.append(tick);
        // price_update's breaker: opens, fails a trial, closes; every 97 ticks.
        const auto event = [&](BreakerState from, BreakerState to) {
            batch.breakerEvents.append(
                {t + 1, kTasks[0], from, to, QStringLiteral("boom %1").arg(i)});
        };
        switch (i % 97) {
        case 10:
            event(BreakerState::Closed, BreakerState::Open);
            break;
        case 20:
        case 30:
            event(BreakerState::Open, BreakerState::HalfOpen);
            break;
        case 21:
            event(BreakerState::HalfOpen, BreakerState::Open);
            break;
        case 31:
            event(BreakerState::HalfOpen, BreakerState::Closed);
            break;
        default:
            break;
        }
        if (i % 40 == 5)
            batch.audit.append({t + 2, QStringLiteral("alice"), QStringLiteral("config_change"),
                                QStringLiteral("{\"n\":%1}").arg(i)});
        if (i % 15 == 0)
            batch.audit.append({t + 3, QStringLiteral("heartbeat:loan_monitoring"),
                                QStringLiteral("loan_overdue"), QString()});
        if (i % 25 == 0)
            batch.audit.append(
                {t + 4, QStringLiteral("ledger"), QStringLiteral("repay"), QString()});
        if (batch.executions.size() > 400) {
            store.write(batch);
            batch = WriteBatch();
        }
    }
    store.write(batch);
}

// Alerts are written by the notifier; here straight into its table.
void writeAlerts(const QString &path, qint64 start, int count)
{
    SQLite::Database db(utf8(path), SQLite::OPEN_READWRITE);
    SQLite::Statement insert(db, "INSERT INTO notification_events(uid, ts_ms, kind, severity,"
                                 " subject, condition, title, text, payload)"
                                 " VALUES(?1, ?2, ?3, 'warning', 'memory_monitoring', 'c', ?4,"
                                 " '', '{}')");
    for (int i = 0; i < count; ++i) {
        insert.bind(1, "uid" + std::to_string(i));
        insert.bind(2, static_cast<int64_t>(start + i * 7 * kMinute));
        insert.bind(3, i % 3 == 2 ? "alert_cleared" : "alert_raised");
        insert.bind(4, "Memory high " + std::to_string(i));
        insert.exec();
        insert.reset();
    }
}

qint64 scalar(SQLite::Database &db, const QString &sql)
{
    SQLite::Statement q(db, utf8(sql));
    if (!q.executeStep() || q.getColumn(0).isNull())
        return 0;
    return q.getColumn(0).getInt64();
}

QString rangeFilter(qint64 from, qint64 to, const QString &column = QStringLiteral("started_at_ms"))
{
    return QStringLiteral(" %1 >= %2 AND %1 < %3 ").arg(column).arg(from).arg(to);
}

// The nearest-rank percentile straight from the raw rows.
qint64 percentileSql(SQLite::Database &db, const QString &task, qint64 from, qint64 to, int p)
{
    const QString where =
        rangeFilter(from, to) + QStringLiteral(" AND outcome <> 'skipped'") +
        (task.isEmpty() ? QString() : QStringLiteral(" AND task = '%1'").arg(task));
    const qint64 n = scalar(db, QStringLiteral("SELECT count(*) FROM executions WHERE ") + where);
    if (n == 0)
        return 0;
    const qint64 offset = qint64(std::ceil(double(p) * double(n) / 100.0)) - 1;
    return scalar(db, QStringLiteral("SELECT duration_ms FROM executions WHERE %1"
                                     " ORDER BY duration_ms LIMIT 1 OFFSET %2")
                          .arg(where)
                          .arg(offset));
}

struct Expected
{
    qint64 runs, successes, failures, timeouts, cancelled, skipped, maxMs;
};

Expected expectedSql(SQLite::Database &db, const QString &task, qint64 from, qint64 to)
{
    SQLite::Statement q(
        db, utf8(QStringLiteral("SELECT count(*) - total(outcome = 'skipped'),"
                                " total(outcome = 'success'), total(outcome = 'failure'),"
                                " total(outcome = 'timeout'), total(outcome = 'cancelled'),"
                                " total(outcome = 'skipped'),"
                                " max(CASE WHEN outcome <> 'skipped' THEN duration_ms END)"
                                " FROM executions WHERE ") +
                 rangeFilter(from, to) +
                 (task.isEmpty() ? QString() : QStringLiteral(" AND task = '%1'").arg(task))));
    q.executeStep();
    const auto v = [&q](int i) { return q.getColumn(i).isNull() ? 0 : q.getColumn(i).getInt64(); };
    return {v(0), v(1), v(2), v(3), v(4), v(5), v(6)};
}

QStringList tasksSql(SQLite::Database &db, qint64 from, qint64 to)
{
    QStringList out;
    SQLite::Statement q(db, utf8(QStringLiteral("SELECT DISTINCT task FROM executions WHERE ") +
                                 rangeFilter(from, to) + QStringLiteral(" ORDER BY task")));
    while (q.executeStep())
        out << QString::fromStdString(q.getColumn(0).getString());
    return out;
}

} // namespace

class TestRangeSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void histogramBuckets();
    void histogramEncoding();
    void exactMatchesSql_data();
    void exactMatchesSql();
    void eventsMatchSql();
    void estimatedWithinOneBucket_data();
    void estimatedWithinOneBucket();
    void longRangeUsesRollups();
    void retentionMakesItEstimated();
    void olderBucketsHaveNoHistogram();
    void emptyAndForeignRanges();

private:
    void compareTasks(SQLite::Database &db, const RangeSummary &s, qint64 from, qint64 to,
                      bool exactPercentiles);

    QTemporaryDir m_dir;
    QString m_path;
};

void TestRangeSummary::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("metrics.db"));
    MetricsStore store(m_path);
    writeData(store, kBase, kTicks, 7);
    writeAlerts(m_path, kBase, 40);
}

void TestRangeSummary::histogramBuckets()
{
    // Bounds are the documented ones and every duration falls in [lower, upper) of its bucket.
    QCOMPARE(DurationHistogram::bucketOf(0), 0);
    QCOMPARE(DurationHistogram::bucketOf(1), 1);
    QCOMPARE(DurationHistogram::bucketOf(9), 6);
    QCOMPARE(DurationHistogram::bucketOf(10), 7);
    QCOMPARE(DurationHistogram::bucketOf(599'999), DurationHistogram::BucketCount - 2);
    QCOMPARE(DurationHistogram::bucketOf(600'000), DurationHistogram::BucketCount - 1);
    QCOMPARE(DurationHistogram::bucketOf(86'400'000), DurationHistogram::BucketCount - 1);
    for (qint64 ms : {0, 1, 2, 6, 7, 14, 15, 99, 100, 1234, 69'999, 70'000, 600'000, 9'999'999}) {
        const int b = DurationHistogram::bucketOf(ms);
        QVERIFY(DurationHistogram::lowerBound(b) <= ms);
        QVERIFY(ms < DurationHistogram::upperBound(b));
    }
    // An estimate lands in the bucket of the true value and never above the maximum.
    DurationHistogram h;
    const qint64 values[] = {3, 12, 12, 17, 250, 260, 299, 5000, 720'000};
    for (qint64 v : values)
        h.add(v);
    for (qint64 rank = 1; rank <= 9; ++rank) {
        const qint64 estimate = h.valueAtRank(rank, 720'000);
        QCOMPARE(DurationHistogram::bucketOf(estimate),
                 DurationHistogram::bucketOf(values[rank - 1]));
        QVERIFY(estimate <= 720'000);
    }
    QVERIFY(h.valueAtRank(6, 260) <= 260);
    QCOMPARE(nearestRank(50, 9), 5);
    QCOMPARE(nearestRank(99, 9), 9);
    QCOMPARE(nearestRank(95, 100), 95);
    QCOMPARE(nearestRank(95, 101), 96);
    QCOMPARE(nearestRank(50, 1), 1);
}

void TestRangeSummary::histogramEncoding()
{
    DurationHistogram h;
    h.add(0, 3);
    h.add(45, 300);
    h.add(10'000'000, 1ll << 40);
    const QByteArray blob = h.encode();
    QVERIFY(blob.size() < 64);
    const std::optional<DurationHistogram> back = DurationHistogram::decode(blob);
    QVERIFY(back);
    QVERIFY(*back == h);
    QCOMPARE(back->total(), h.total());
    QVERIFY(!DurationHistogram::decode(blob.left(blob.size() - 1)));
    QVERIFY(!DurationHistogram::decode(QByteArray(blob).append('\0')));
    QVERIFY(!DurationHistogram::decode(QByteArray(43, '\x02')));
    QVERIFY(DurationHistogram().encode().size() == DurationHistogram::BucketCount + 1);
}

void TestRangeSummary::compareTasks(SQLite::Database &db, const RangeSummary &s, qint64 from,
                                    qint64 to, bool exactPercentiles)
{
    QStringList names;
    for (const TaskRangeSummary &t : s.tasks)
        names << t.task;
    QCOMPARE(names, tasksSql(db, from, to));
    QList<TaskRangeSummary> all(s.tasks.cbegin(), s.tasks.cend());
    all.append(s.total);
    for (const TaskRangeSummary &t : std::as_const(all)) {
        const Expected e = expectedSql(db, t.task, from, to);
        QCOMPARE(t.runs, e.runs);
        QCOMPARE(t.successes, e.successes);
        QCOMPARE(t.failures, e.failures);
        QCOMPARE(t.timeouts, e.timeouts);
        QCOMPARE(t.cancelled, e.cancelled);
        QCOMPARE(t.skipped, e.skipped);
        QCOMPARE(t.failureRate(), e.runs ? double(e.failures + e.timeouts) / double(e.runs) : 0.0);
        QCOMPARE(t.durations.maxMs, e.maxMs);
        const qint64 p50 = percentileSql(db, t.task, from, to, 50);
        const qint64 p95 = percentileSql(db, t.task, from, to, 95);
        const qint64 p99 = percentileSql(db, t.task, from, to, 99);
        if (exactPercentiles) {
            QCOMPARE(t.durations.precision, Precision::Exact);
            QCOMPARE(t.durations.sampleRuns, e.runs);
            QCOMPARE(t.durations.p50Ms, p50);
            QCOMPARE(t.durations.p95Ms, p95);
            QCOMPARE(t.durations.p99Ms, p99);
        } else {
            QCOMPARE(t.durations.precision, Precision::Estimated);
            QCOMPARE(t.durations.sampleRuns, e.runs);
            // Within the histogram's resolution: the same bucket as the true value.
            const auto bucket = [](qint64 ms) { return DurationHistogram::bucketOf(ms); };
            QVERIFY2(
                bucket(t.durations.p50Ms) == bucket(p50),
                qPrintable(
                    QStringLiteral("%1 p50 %2 vs %3").arg(t.task).arg(t.durations.p50Ms).arg(p50)));
            QVERIFY2(
                bucket(t.durations.p95Ms) == bucket(p95),
                qPrintable(
                    QStringLiteral("%1 p95 %2 vs %3").arg(t.task).arg(t.durations.p95Ms).arg(p95)));
            QVERIFY2(
                bucket(t.durations.p99Ms) == bucket(p99),
                qPrintable(
                    QStringLiteral("%1 p99 %2 vs %3").arg(t.task).arg(t.durations.p99Ms).arg(p99)));
            QVERIFY(t.durations.p99Ms <= t.durations.maxMs);
        }
    }
}

void TestRangeSummary::exactMatchesSql_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::newRow("everything") << kBase - kDay << kBase + kDay;
    QTest::newRow("unaligned, across hours") << kBase + 123'457 << kBase + 2 * kHour + 9'001;
    QTest::newRow("one minute") << kBase + 5 * kMinute << kBase + 6 * kMinute;
    QTest::newRow("a few seconds") << kBase + 30'000 << kBase + 41'000;
    QTest::newRow("the last hour and after") << kBase + 3 * kHour << kBase + 5 * kHour;
}

void TestRangeSummary::exactMatchesSql()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    MetricsReader reader(m_path);
    const RangeSummary s = reader.rangeSummary(from, to);
    QCOMPARE(s.precision, Precision::Exact);
    QVERIFY(s.rawComplete);
    QCOMPARE(s.spanFromMs, from);
    QCOMPARE(s.spanToMs, to);
    QVERIFY(s.total.runs > 0);
    SQLite::Database db(utf8(m_path), SQLite::OPEN_READONLY);
    compareTasks(db, s, from, to, true);
}

void TestRangeSummary::eventsMatchSql()
{
    const qint64 from = kBase + 17 * kMinute + 333;
    const qint64 to = kBase + 3 * kHour + 44 * kMinute;
    MetricsReader reader(m_path);
    RangeSummaryOptions options;
    options.listLimit = 5;
    const RangeSummary s = reader.rangeSummary(from, to, options);
    SQLite::Database db(utf8(m_path), SQLite::OPEN_READONLY);

    QCOMPARE(s.ticks, scalar(db, QStringLiteral("SELECT count(*) FROM ticks WHERE ") +
                                     rangeFilter(from, to)));
    QVERIFY(s.ticks > 1000);

    // Openings from closed, each until the next close of that task, with the trials between.
    SQLite::Statement openings(
        db, utf8(QStringLiteral("SELECT o.ts_ms, o.task, o.reason,"
                                " (SELECT min(c.ts_ms) FROM breaker_events c WHERE c.task = o.task"
                                "  AND c.to_state = 'closed' AND c.ts_ms > o.ts_ms)"
                                " FROM breaker_events o WHERE from_state = 'closed'"
                                " AND to_state = 'open' AND ") +
                 rangeFilter(from, to, QStringLiteral("ts_ms")) + QStringLiteral(" ORDER BY 1")));
    int n = 0;
    while (openings.executeStep()) {
        QVERIFY(n < s.breakerOpenings.size());
        const BreakerOpening &o = s.breakerOpenings.at(n++);
        QCOMPARE(o.openedAtMs, openings.getColumn(0).getInt64());
        QCOMPARE(o.task, QString::fromStdString(openings.getColumn(1).getString()));
        QCOMPARE(o.reason, QString::fromStdString(openings.getColumn(2).getString()));
        const qint64 closed = openings.getColumn(3).isNull() ? 0 : openings.getColumn(3).getInt64();
        QCOMPARE(o.closedAtMs, closed);
        if (closed) {
            QCOMPARE(o.durationMs(0), closed - o.openedAtMs);
            QCOMPARE(o.reopenings,
                     int(scalar(db, QStringLiteral("SELECT count(*) FROM breaker_events WHERE"
                                                   " from_state = 'half_open' AND to_state = 'open'"
                                                   " AND ts_ms > %1 AND ts_ms < %2")
                                        .arg(o.openedAtMs)
                                        .arg(closed))));
            QCOMPARE(o.reopenings, 1); // the data fails one trial per episode
        }
    }
    QCOMPARE(s.breakerOpenings.size(), n);
    QVERIFY(n >= 10);

    const QString admin = QStringLiteral(" FROM audit_log WHERE actor NOT LIKE 'heartbeat:%'"
                                         " AND actor <> 'ledger' AND ") +
                          rangeFilter(from, to, QStringLiteral("ts_ms"));
    QCOMPARE(s.adminActionCount, scalar(db, QStringLiteral("SELECT count(*)") + admin));
    QVERIFY(s.adminActionCount > 5);
    QCOMPARE(s.adminActions.size(), 5); // the newest listLimit, oldest first
    QCOMPARE(s.adminActions.constLast().tsMs,
             scalar(db, QStringLiteral("SELECT max(ts_ms)") + admin));
    QCOMPARE(s.adminActions.constFirst().tsMs,
             scalar(db, QStringLiteral("SELECT ts_ms") + admin +
                            QStringLiteral(" ORDER BY ts_ms DESC LIMIT 1 OFFSET 4")));
    for (const AuditEntry &e : s.adminActions) {
        QCOMPARE(e.actor, QStringLiteral("alice"));
        QVERIFY(isAdminAuditEntry(e));
    }

    const QString alerts = QStringLiteral(" FROM notification_events WHERE kind = 'alert_raised'"
                                          " AND ") +
                           rangeFilter(from, to, QStringLiteral("ts_ms"));
    QCOMPARE(s.alertsRaisedCount, scalar(db, QStringLiteral("SELECT count(*)") + alerts));
    QVERIFY(s.alertsRaisedCount > 5);
    QCOMPARE(s.alertsRaised.size(), 5);
    QCOMPARE(s.alertsRaised.constLast().tsMs,
             scalar(db, QStringLiteral("SELECT max(ts_ms)") + alerts));
    QVERIFY(s.alertsRaised.constLast().title.startsWith(QStringLiteral("Memory high")));
}

void TestRangeSummary::estimatedWithinOneBucket_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<qint64>("spanFrom");
    QTest::addColumn<qint64>("spanTo");
    QTest::newRow("minutes only") << kBase + kMinute << kBase + 2 * kMinute + 1 << kBase + kMinute
                                  << kBase + 3 * kMinute;
    // Minutes at both ends, whole hours between.
    QTest::newRow("hours and minutes")
        << kBase + 30'000 << kBase + 3 * kHour + 10'000 << kBase << kBase + 3 * kHour + kMinute;
    // Before the minute rollups begin: whole hours.
    QTest::newRow("everything") << kBase - kDay << kBase + kDay << kBase - kDay - 57 * kMinute
                                << kBase + kDay + 3 * kMinute;
}

void TestRangeSummary::estimatedWithinOneBucket()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(qint64, spanFrom);
    QFETCH(qint64, spanTo);
    MetricsReader reader(m_path);
    RangeSummaryOptions options;
    options.source = RangeSummaryOptions::Source::Rollups;
    const RangeSummary s = reader.rangeSummary(from, to, options);
    QCOMPARE(s.precision, Precision::Estimated);
    // The rollups answer for whole minutes around the range.
    QCOMPARE(s.spanFromMs, spanFrom);
    QCOMPARE(s.spanToMs, spanTo);
    SQLite::Database db(utf8(m_path), SQLite::OPEN_READONLY);
    compareTasks(db, s, spanFrom, spanTo, false);
}

void TestRangeSummary::longRangeUsesRollups()
{
    // More runs than the exact path reads: the rollups answer, and say so.
    MetricsReader reader(m_path);
    RangeSummaryOptions options;
    options.exactRunLimit = 1000;
    const RangeSummary s = reader.rangeSummary(kBase, kBase + 2 * kHour, options);
    QCOMPARE(s.precision, Precision::Estimated);
    QCOMPARE(s.total.durations.precision, Precision::Estimated);
    const RangeSummary few = reader.rangeSummary(kBase, kBase + 10 * kMinute, options);
    QCOMPARE(few.precision, Precision::Exact);
    QCOMPARE(few.total.durations.precision, Precision::Exact);
}

void TestRangeSummary::retentionMakesItEstimated()
{
    // Two days of data; retention keeps one day of raw rows and all the rollups.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    const qint64 start = kBase;
    const int ticks = int(2 * kDay / kMinute); // a run a minute
    {
        MetricsStore store(path);
        WriteBatch batch;
        QRandomGenerator random(11);
        for (int i = 0; i < ticks; ++i) {
            const qint64 t = start + i * kMinute;
            batch.executions.append({i + 1, kTasks[i % 2], t, qint64(std::exp(random.bounded(9.0))),
                                     i % 9 == 0 ? Outcome::Failure : Outcome::Success, 0, QString(),
                                     std::nullopt});
            batch.ticks.append({i + 1, t, 5, 1, 1, 0, {}});
        }
        store.write(batch);
    }
    const QString copy = dir.filePath(QStringLiteral("before.db"));
    QVERIFY(QFile::copy(path, copy));
    const qint64 now = start + 2 * kDay;
    {
        MetricsStore store(path);
        RetentionPolicy policy;
        policy.rawDays = 1;
        store.applyRetention(policy, now);
    }
    const qint64 cutoff = now - kDay;
    SQLite::Database before(utf8(copy), SQLite::OPEN_READONLY);
    MetricsReader reader(path);

    // After the cut-off the raw rows are all there.
    const RangeSummary recent = reader.rangeSummary(cutoff + 5 * kMinute, now);
    QCOMPARE(recent.precision, Precision::Exact);
    QVERIFY(recent.rawComplete);
    compareTasks(before, recent, cutoff + 5 * kMinute, now, true);

    // Across it, and before it: from the rollups, and the figures still hold.
    for (const qint64 from : {cutoff - 3 * kHour - 30'000, start}) {
        const RangeSummary s = reader.rangeSummary(from, now);
        QCOMPARE(s.precision, Precision::Estimated);
        QVERIFY(!s.rawComplete);
        compareTasks(before, s, s.spanFromMs, s.spanToMs, false);
    }
    const RangeSummary old = reader.rangeSummary(start + kHour, start + 2 * kHour);
    QCOMPARE(old.precision, Precision::Estimated);
    QVERIFY(!old.rawComplete);
    QCOMPARE(old.ticks, 0); // ticks have no rollup: gone with the raw rows
    compareTasks(before, old, start + kHour, start + 2 * kHour, false);
}

void TestRangeSummary::olderBucketsHaveNoHistogram()
{
    // A file written before histograms were kept: its buckets have none, so percentiles of its
    // time are unavailable once the raw rows are gone; later buckets have them.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.db"));
    QVERIFY(QFile::copy(test::fixturePath(QStringLiteral("metrics-v1.db")), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    const qint64 later = kBase + kDay;
    {
        MetricsStore store(path); // migrates: no histograms in the old buckets
        WriteBatch batch;
        // One more run in an old bucket: it stays without a histogram rather than holding one
        // run of many.
        batch.executions.append({900, QStringLiteral("price_update"), kBase + 2'000, 40,
                                 Outcome::Success, 0, QString(), std::nullopt});
        for (int i = 0; i < 50; ++i)
            batch.executions.append({1000 + i, QStringLiteral("price_update"), later + i * 1000,
                                     10 + i, Outcome::Success, 0, QString(), std::nullopt});
        store.write(batch);
    }
    {
        SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA user_version")), MetricsStore::SchemaVersion);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM exec_minute WHERE bucket_ms < %1"
                                           " AND hist IS NOT NULL")
                                .arg(later)),
                 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM exec_hour WHERE bucket_ms >= %1"
                                           " AND hist IS NULL")
                                .arg(later - kHour)),
                 0);
    }
    {
        MetricsStore store(path);
        RetentionPolicy policy;
        policy.rawDays = 1;
        store.applyRetention(policy, later + kHour); // the fixture's raw rows go
    }
    MetricsReader reader(path);
    const RangeSummary old = reader.rangeSummary(kBase - kHour, kBase + kHour);
    QCOMPARE(old.precision, Precision::Estimated);
    const TaskRangeSummary *price = old.task(QStringLiteral("price_update"));
    QVERIFY(price);
    QVERIFY(price->runs > 1);
    QCOMPARE(price->durations.precision, Precision::Unavailable);
    QCOMPARE(price->durations.sampleRuns, 0);
    QVERIFY(price->durations.maxMs > 0); // the rollups keep the maximum

    // Across both: estimated from the buckets that have a histogram, and it says how many.
    const RangeSummary both = reader.rangeSummary(kBase - kHour, later + kHour);
    const TaskRangeSummary *all = both.task(QStringLiteral("price_update"));
    QVERIFY(all);
    QCOMPARE(all->durations.precision, Precision::Estimated);
    QCOMPARE(all->durations.sampleRuns, 50);
    QCOMPARE(all->runs, price->runs + 50);
    QCOMPARE(DurationHistogram::bucketOf(all->durations.p50Ms), DurationHistogram::bucketOf(34));
}

void TestRangeSummary::emptyAndForeignRanges()
{
    MetricsReader reader(m_path);
    const RangeSummary before = reader.rangeSummary(kBase - 2 * kDay, kBase - kDay);
    QCOMPARE(before.precision, Precision::Exact);
    QVERIFY(before.tasks.isEmpty());
    QCOMPARE(before.total.runs, 0);
    QCOMPARE(before.ticks, 0);
    const RangeSummary reversed = reader.rangeSummary(kBase + kHour, kBase);
    QVERIFY(reversed.tasks.isEmpty());
}

QTEST_GUILESS_MAIN(TestRangeSummary)
#include "tst_rangesummary.moc"
