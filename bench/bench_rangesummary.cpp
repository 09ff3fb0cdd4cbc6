// The analysis mode's range summary (MetricsReader::rangeSummary: per task runs, outcomes and
// p50/p95/p99/max duration) on a large metrics.db, each range against the plain query over the
// raw rows measured in the same run:
//   SELECT task, count(*), avg(duration_ms), max(duration_ms) FROM executions
//   WHERE started_at_ms BETWEEN ? AND ? GROUP BY task
// (which gives no percentiles at all). Figures, one per range (last hour, day, week, all):
//   range_summary_<range>_ms            the summary as the GUI asks for it (exact while the range
//                                       holds at most 2 million runs, estimated beyond)
//   range_summary_all_exact_ms          the whole file, exact (every duration read and ranked)
//
//   bench_rangesummary [FILE=$TMPDIR/bench_rangesummary.db] [rows=10000000]
// The file is built through the store's own writer (MetricsStore::write, rollups and
// histograms included) when it does not exist, and kept for the next run.

#include "benchjson.h"
#include "store/metricsreader.h"
#include "store/metricsstore.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#include <chrono>
#include <cmath>
#include <cstdio>

using namespace hb;
using Stopwatch = std::chrono::steady_clock;

namespace {

const QString kTasks[] = {QStringLiteral("price_update"),       QStringLiteral("loan_monitoring"),
                          QStringLiteral("cycles_monitoring"),  QStringLiteral("memory_monitoring"),
                          QStringLiteral("auto_cleanup"),       QStringLiteral("pool_maintenance"),
                          QStringLiteral("auto_liquidation"),   QStringLiteral("oracle_monitoring"),
                          QStringLiteral("treasury_monitoring")};
constexpr qint64 kStart = 1'700'000'000'000;
constexpr qint64 kTickMs = 2'000;

double msSince(Stopwatch::time_point start)
{
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

// Nine runs a tick, a tick every 2 s; durations log-uniform up to about a minute; one run in
// ten fails; a breaker episode and an admin action now and then.
qint64 build(const QString &path, qint64 rows)
{
    MetricsStore store(path);
    QRandomGenerator random(42);
    WriteBatch batch;
    qint64 tick = 0;
    for (qint64 made = 0; made < rows; ++tick) {
        const qint64 at = kStart + tick * kTickMs;
        TickRecord t{tick + 1, at, 30, 0, 0, 0, {}};
        for (const QString &task : kTasks) {
            if (made == rows)
                break;
            const bool failed = random.bounded(10) == 0;
            batch.executions.append({t.id, task, at + 1, qint64(std::exp(random.bounded(11.0))),
                                     failed ? Outcome::Failure : Outcome::Success, 0,
                                     failed ? QStringLiteral("boom") : QString(), std::nullopt});
            ++made;
            ++t.ran;
        }
        batch.ticks.append(t);
        if (tick % 5000 == 100)
            batch.breakerEvents.append(
                {at, kTasks[0], BreakerState::Closed, BreakerState::Open, QStringLiteral("x")});
        if (tick % 5000 == 200)
            batch.breakerEvents.append(
                {at, kTasks[0], BreakerState::Open, BreakerState::Closed, QStringLiteral("x")});
        if (tick % 1000 == 0)
            batch.audit.append({at, QStringLiteral("admin"), QStringLiteral("config_change"),
                                QStringLiteral("{}")});
        if (batch.executions.size() >= 20'000) {
            store.write(batch);
            batch = WriteBatch();
        }
    }
    store.write(batch);
    return kStart + tick * kTickMs;
}

double groupByMs(const QString &path, qint64 from, qint64 to)
{
    SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
    const auto start = Stopwatch::now();
    SQLite::Statement q(db, "SELECT task, count(*), avg(duration_ms), max(duration_ms)"
                            " FROM executions WHERE started_at_ms BETWEEN ?1 AND ?2 GROUP BY task");
    q.bind(1, static_cast<int64_t>(from));
    q.bind(2, static_cast<int64_t>(to - 1));
    int n = 0;
    while (q.executeStep())
        ++n;
    return n >= 0 ? msSince(start) : 0.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString path =
        args.value(1, QDir::temp().filePath(QStringLiteral("bench_rangesummary.db")));
    const qint64 rows = args.value(2, QStringLiteral("10000000")).toLongLong();

    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "building %s with %lld executions…\n", qPrintable(path),
                     static_cast<long long>(rows));
        const auto start = Stopwatch::now();
        build(path, rows);
        std::fprintf(stderr, "built in %.0f s\n", msSince(start) / 1000.0);
    }
    qint64 first = 0, last = 0;
    {
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
        SQLite::Statement q(db, "SELECT min(started_at_ms), max(started_at_ms) FROM executions");
        q.executeStep();
        first = q.getColumn(0).getInt64();
        last = q.getColumn(1).getInt64() + 1;
    }

    struct Range
    {
        const char *name;
        qint64 spanMs;
    };
    const Range ranges[] = {{"hour", 3'600'000},
                            {"day", 86'400'000},
                            {"week", 7 * 86'400'000ll},
                            {"all", last - first}};
    MetricsReader reader(path);
    reader.rangeSummary(first, last); // warm the page cache as a second look would find it
    for (const Range &r : ranges) {
        const qint64 from = last - r.spanMs;
        const double baseline = groupByMs(path, from, last);
        auto start = Stopwatch::now();
        const RangeSummary s = reader.rangeSummary(from, last);
        const double ms = msSince(start);
        const QByteArray name = QByteArrayLiteral("range_summary_") + r.name + "_ms";
        bench::printFigure(name.constData(), ms, "ms", baseline, bench::Target::valueAtMost(200),
                           {{QStringLiteral("runs"), double(s.total.runs)},
                            {QStringLiteral("precision"), precisionName(s.precision)}});
    }
    {
        const double baseline = groupByMs(path, first, last);
        RangeSummaryOptions exact;
        exact.exactRunLimit = std::numeric_limits<qint64>::max();
        const auto start = Stopwatch::now();
        const RangeSummary s = reader.rangeSummary(first, last, exact);
        bench::printFigure("range_summary_all_exact_ms", msSince(start), "ms", baseline,
                           std::nullopt,
                           {{QStringLiteral("runs"), double(s.total.runs)},
                            {QStringLiteral("precision"), precisionName(s.precision)}});
    }
    return 0;
}
