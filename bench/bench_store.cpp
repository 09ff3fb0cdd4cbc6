// Metrics store throughput, each figure against a baseline measured in the same run, on files
// the store created (same schema, indexes and pragmas: WAL, synchronous = NORMAL):
//   store_per_tick_rows_per_s        what the app does: every tick's rows (its tick row and its
//                                    task runs) committed as their own transaction through
//                                    MetricsWriter (submit, then flush: one batch, one commit),
//                                    each carrying the engine state as it changed in that tick
//                                    (counters, tasks_completed, breakers), so rollups and
//                                    state are written every tick, vs raw prepared inserts of
//                                    the same rows in the same per-tick transactions
//   store_executions_per_s           the burst: N execution rows submitted in tick-sized
//                                    batches and flushed once (the writer merges them into few
//                                    transactions), vs the same rows raw in one transaction
//   store_submit_cost_per_record_us  what the engine thread pays per record: building each
//                                    tick's batch (with its copy of the engine state) and
//                                    submitting it; the writing happens on the writer's thread
//
//   bench_store [N=200000] [rounds=3] [ticks=3000]
// Rounds alternate the two sides (raw first in even rounds, real first in odd ones), each on a
// fresh file; the best round of each side is reported.

#include "benchjson.h"
#include "core/clock.h"
#include "store/metricswriter.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdlib>

using namespace hb;
using Stopwatch = std::chrono::steady_clock;

namespace {

const char *const kTasks[] = {"price_update",      "loan_monitoring",   "cycles_monitoring",
                              "memory_monitoring", "auto_cleanup",      "pool_maintenance",
                              "auto_liquidation",  "oracle_monitoring", "treasury_monitoring"};

// Ticks of 10..50 task runs, 2 s apart, one in ten runs failing with a message; each batch
// carries the engine state, as the engine submits it.
QVector<WriteBatch> makeBatches(int n, qint64 maxTicks = LLONG_MAX)
{
    QVector<WriteBatch> batches;
    const qint64 start = 1'700'000'000'000;
    qint64 tick = 0;
    PersistedState state;
    for (int made = 0; made < n && tick < maxTicks; ++tick) {
        WriteBatch batch;
        const int size = std::min(10 + int(tick * 7 % 41), n - made);
        const qint64 at = start + tick * 2000;
        for (int i = 0; i < size; ++i, ++made) {
            ExecutionRecord r;
            r.tickId = tick + 1;
            r.task = QString::fromUtf8(kTasks[i % 9]);
            r.startedAtMs = at + i * 3;
            r.durationMs = 5 + (made * 13) % 400;
            r.outcome = made % 10 == 7 ? Outcome::Failure : Outcome::Success;
            r.items = made % 50;
            if (r.outcome == Outcome::Failure)
                r.error = QStringLiteral("shard %1 did not answer within 500 ms").arg(made % 16);
            state.metrics.account(r);
            batch.executions.append(std::move(r));
        }
        state.metrics.tickCount = tick + 1;
        state.metrics.lastTickId = tick + 1;
        batch.state = state;
        batches.append(std::move(batch));
    }
    return batches;
}

struct RealResult
{
    double seconds = 0;
    double submitSeconds = 0;
};

// The engine's state as it submits it with every tick: the counters of every task and a
// breaker each (HeartbeatEngine::persistedState() copies this per tick).
PersistedState engineState(const PersistedState &counters)
{
    PersistedState state = counters;
    for (const char *task : kTasks)
        state.breakers.append({QString::fromUtf8(task), BreakerState::Closed, 0, 0, 0});
    state.emergencyReason = QStringLiteral("not paused");
    return state;
}

// `batches` is owned here alone, as the engine's are: submit() moves its vectors, never copies.
// What the engine thread pays per tick is timed as the engine does it: the task runs moved
// into a new batch, a copy of the engine state, submit(). (The tick row is left out of both
// sides: the comparison is of execution rows.)
RealResult runReal(const QString &path, QVector<WriteBatch> batches)
{
    MetricsWriter writer(std::make_unique<MetricsStore>(path), RetentionPolicy(),
                         std::make_shared<SystemClock>());
    writer.flush();
    const PersistedState state = engineState(*batches.constLast().state);
    RealResult result;
    Stopwatch::duration inSubmit{};
    const auto start = Stopwatch::now();
    for (WriteBatch &made : batches) {
        const auto before = Stopwatch::now();
        WriteBatch batch;
        batch.executions = std::move(made.executions);
        // Built as persistedState() builds it: fresh, one breaker at a time.
        PersistedState snapshot;
        snapshot.metrics = state.metrics;
        snapshot.emergencyStop = state.emergencyStop;
        snapshot.emergencyReason = state.emergencyReason;
        for (const BreakerStatus &breaker : state.breakers)
            snapshot.breakers.append(breaker);
        batch.state = std::move(snapshot);
        writer.submit(std::move(batch));
        inSubmit += Stopwatch::now() - before;
    }
    writer.flush();
    result.seconds = std::chrono::duration<double>(Stopwatch::now() - start).count();
    result.submitSeconds = std::chrono::duration<double>(inSubmit).count();
    if (writer.hasFailed())
        std::fprintf(stderr, "writer failed\n");
    return result;
}

// The baselines' side: a file the store created, opened plainly with the store's pragmas, and
// an execution row bound as the store binds it (UTF-8 once, no further copies).
struct RawFile
{
    explicit RawFile(const QString &path)
        : db(createdByStore(path), SQLite::OPEN_READWRITE)
        , insert(db, "INSERT INTO executions(tick_id, task, started_at_ms, duration_ms, outcome,"
                     " items, error, queued_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
    {
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
        db.exec("PRAGMA journal_size_limit = 67108864");
        for (int i = 0; i < 5; ++i)
            outcomes[i] = outcomeName(Outcome(i)).toUtf8();
    }
    void insertExecution(const ExecutionRecord &r)
    {
        const QByteArray task = r.task.toUtf8();
        const QByteArray error = r.error.toUtf8();
        insert.bind(1, static_cast<int64_t>(r.tickId));
        insert.bindNoCopy(2, task.constData());
        insert.bind(3, static_cast<int64_t>(r.startedAtMs));
        insert.bind(4, static_cast<int64_t>(r.durationMs));
        insert.bindNoCopy(5, outcomes[int(r.outcome)].constData());
        insert.bind(6, static_cast<int64_t>(r.items));
        insert.bindNoCopy(7, error.constData());
        if (r.queuedMs)
            insert.bind(8, static_cast<int64_t>(*r.queuedMs));
        else
            insert.bind(8);
        insert.exec();
        insert.reset();
    }

    // The store makes the file (schema, indexes), then closes it.
    static std::string createdByStore(const QString &path)
    {
        MetricsStore create(path);
        return path.toStdString();
    }

    SQLite::Database db;
    SQLite::Statement insert;
    QByteArray outcomes[5];
};

double runRaw(const QString &path, const QVector<ExecutionRecord> &records)
{
    RawFile raw(path); // the same schema, indexes and pragmas as the store gives its file
    const auto start = Stopwatch::now();
    SQLite::Transaction transaction(raw.db);
    for (const ExecutionRecord &r : records)
        raw.insertExecution(r);
    transaction.commit();
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

int taskIndex(const QString &task)
{
    for (int i = 0; i < int(std::size(kTasks)); ++i) {
        if (task == QLatin1StringView(kTasks[i]))
            return i;
    }
    return 0;
}

// What the engine submits at the end of each tick (HeartbeatEngine::finishTickIfDone): the
// tick row, its task runs (as makeBatches makes them) and the engine state after the tick,
// which changes every tick: the counters and tasks_completed, the breakers' failure counts
// (one per task, as CircuitBreaker keeps them), the tasks that ran.
QVector<WriteBatch> makeTickBatches(int ticks)
{
    QVector<WriteBatch> batches = makeBatches(INT_MAX / 2, ticks);
    PersistedState state;
    for (const char *task : kTasks)
        state.breakers.append({QString::fromUtf8(task), BreakerState::Closed, 0, 0, 0});
    for (WriteBatch &batch : batches) {
        const ExecutionRecord &first = batch.executions.constFirst();
        TickRecord tick{first.tickId, first.startedAtMs, 0, 0, 0, 0, {}};
        QStringList ran;
        for (const ExecutionRecord &r : std::as_const(batch.executions)) {
            state.metrics.account(r);
            ++tick.ran;
            ran.append(r.task);
            tick.durationMs =
                std::max(tick.durationMs, r.startedAtMs + r.durationMs - first.startedAtMs);
            BreakerStatus &breaker = state.breakers[taskIndex(r.task)];
            if (r.outcome == Outcome::Success) {
                ++tick.succeeded;
                breaker.failureCount = 0;
            } else {
                ++tick.failed;
                ++breaker.failureCount;
                breaker.lastFailureMs = r.startedAtMs + r.durationMs;
            }
        }
        state.metrics.lastTickTasks = ran;
        ++state.metrics.tickCount;
        state.metrics.lastTickId = tick.id;
        state.metrics.lastTickMs = tick.startedAtMs;
        batch.ticks.append(tick);
        batch.state = state;
    }
    return batches;
}

qsizetype rowsOf(const QVector<WriteBatch> &batches)
{
    qsizetype rows = 0;
    for (const WriteBatch &batch : batches)
        rows += batch.ticks.size() + batch.executions.size();
    return rows;
}

// The real path, one tick at a time: each batch submitted, then flushed, so the writer commits
// it alone, as it does when ticks arrive one by one.
double runRealPerTick(const QString &path, QVector<WriteBatch> batches)
{
    MetricsWriter writer(std::make_unique<MetricsStore>(path), RetentionPolicy(),
                         std::make_shared<SystemClock>());
    writer.flush();
    const auto start = Stopwatch::now();
    for (WriteBatch &batch : batches) {
        writer.submit(std::move(batch));
        writer.flush();
    }
    const double seconds = std::chrono::duration<double>(Stopwatch::now() - start).count();
    if (writer.hasFailed())
        std::fprintf(stderr, "writer failed\n");
    return seconds;
}

// The baseline, one tick at a time: the same tick and execution rows, bound as the store binds
// them, each tick in its own transaction, on a file the store created.
double runRawPerTick(const QString &path, const QVector<WriteBatch> &batches)
{
    RawFile raw(path);
    SQLite::Statement insertTick(raw.db, "INSERT OR REPLACE INTO ticks(id, started_at_ms,"
                                         " duration_ms, ran, succeeded, failed, skipped_reason)"
                                         " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    const auto start = Stopwatch::now();
    for (const WriteBatch &batch : batches) {
        SQLite::Transaction transaction(raw.db, SQLite::TransactionBehavior::IMMEDIATE);
        for (const ExecutionRecord &r : batch.executions)
            raw.insertExecution(r);
        for (const TickRecord &t : batch.ticks) {
            const QByteArray reason = tickSkipReasonName(t.skippedReason).toUtf8();
            insertTick.bind(1, static_cast<int64_t>(t.id));
            insertTick.bind(2, static_cast<int64_t>(t.startedAtMs));
            insertTick.bind(3, static_cast<int64_t>(t.durationMs));
            insertTick.bind(4, t.ran);
            insertTick.bind(5, t.succeeded);
            insertTick.bind(6, t.failed);
            insertTick.bindNoCopy(7, reason.constData());
            insertTick.exec();
            insertTick.reset();
        }
        transaction.commit();
    }
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200'000;
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const int ticks = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3000;

    QVector<ExecutionRecord> records;
    records.reserve(n);
    qsizetype batchCount = 0;
    for (const WriteBatch &batch : makeBatches(n)) {
        records.append(batch.executions);
        ++batchCount;
    }

    QTemporaryDir dir;
    double bestRaw = 1e9;
    RealResult bestReal{1e9, 1e9};
    const QVector<WriteBatch> tickBatches = makeTickBatches(ticks);
    const qsizetype tickRows = rowsOf(tickBatches);
    double bestRawPerTick = 1e9;
    double bestRealPerTick = 1e9;
    for (int round = 0; round < rounds; ++round) {
        const auto raw = [&] {
            bestRawPerTick =
                std::min(bestRawPerTick,
                         runRawPerTick(dir.filePath(QStringLiteral("raw-tick%1.db").arg(round)),
                                       tickBatches));
            bestRaw = std::min(
                bestRaw, runRaw(dir.filePath(QStringLiteral("raw%1.db").arg(round)), records));
        };
        const auto real = [&] {
            bestRealPerTick =
                std::min(bestRealPerTick,
                         runRealPerTick(dir.filePath(QStringLiteral("real-tick%1.db").arg(round)),
                                        tickBatches));
            const RealResult result =
                runReal(dir.filePath(QStringLiteral("real%1.db").arg(round)), makeBatches(n));
            bestReal.seconds = std::min(bestReal.seconds, result.seconds);
            bestReal.submitSeconds = std::min(bestReal.submitSeconds, result.submitSeconds);
        };
        if (round % 2 == 0) {
            raw();
            real();
        } else {
            real();
            raw();
        }
    }

    QJsonObject perTick;
    perTick.insert(QStringLiteral("ticks"), ticks);
    perTick.insert(QStringLiteral("rows"), double(tickRows));
    perTick.insert(QStringLiteral("rounds"), rounds);
    perTick.insert(QStringLiteral("real_us_per_tick"), bestRealPerTick * 1e6 / ticks);
    perTick.insert(QStringLiteral("baseline_us_per_tick"), bestRawPerTick * 1e6 / ticks);
    bench::printFigure("store_per_tick_rows_per_s", double(tickRows) / bestRealPerTick, "rows/s",
                       double(tickRows) / bestRawPerTick, bench::Target::ratioAtLeast(0.6),
                       perTick);

    QJsonObject extra;
    extra.insert(QStringLiteral("rows"), n);
    extra.insert(QStringLiteral("batches"), batchCount);
    extra.insert(QStringLiteral("rounds"), rounds);
    bench::printFigure("store_executions_per_s", n / bestReal.seconds, "rows/s", n / bestRaw,
                       bench::Target::ratioAtLeast(0.6), extra);
    bench::printFigure("store_submit_cost_per_record_us", bestReal.submitSeconds * 1e6 / n, "us",
                       std::nullopt, bench::Target::valueAtMost(1.0), extra);
    return 0;
}
