// One heartbeat tick over a large ledger, against a baseline measured in the same run:
//   tick_all_tasks_ms   one full tick of the ten maintenance tasks (the engine's own pool, its
//                       default concurrency) over N demo loans; median of steady ticks after a
//                       first one (which does the one-off work: liquidations, overdue marking,
//                       pool corrections - reported as first_tick_ms)
//   baseline            a single SELECT of every column of the same N loans from one plain
//                       SQLite table (median of the same number of scans)
// The ledger is built once, outside the timing.
//
//   bench_tick [N=100000]

#include "benchjson.h"
#include "engine.h"
#include "ledger/demoledger.h"
#include "ledger/ledger.h"
#include "oracle/oraclefactory.h"
#include "oracle/oraclemonitor.h"
#include "tasks/demoworkloadtask.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <vector>

using namespace hb;
using Stopwatch = std::chrono::steady_clock;

namespace {

constexpr int kSteadyTicks = 5;

double msSince(Stopwatch::time_point start)
{
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

double tickOnce(HeartbeatEngine &engine)
{
    QEventLoop loop;
    QObject::connect(&engine, &HeartbeatEngine::tickFinished, &loop, &QEventLoop::quit);
    const auto start = Stopwatch::now();
    engine.tickNow();
    loop.exec();
    return msSince(start);
}

// The same loans in one plain table, and one full scan of it.
void buildPlainTable(SQLite::Database &db, qint64 loans, qint64 nowMs)
{
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("CREATE TABLE loans(id TEXT PRIMARY KEY, borrower TEXT, pool TEXT, principal INTEGER,"
            " collateral TEXT, collateral_quantity REAL, created_ms INTEGER, due_ms INTEGER,"
            " status TEXT, updated_ms INTEGER)");
    DemoLoanGenerator generator(DemoLedgerOptions{}.seed, nowMs);
    SQLite::Transaction transaction(db);
    SQLite::Statement insert(db, "INSERT INTO loans VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
    for (qint64 i = 0; i < loans; ++i) {
        const Loan l = generator.next();
        insert.bind(1, l.id.toStdString());
        insert.bind(2, l.borrower.toStdString());
        insert.bind(3, l.pool.toStdString());
        insert.bind(4, static_cast<int64_t>(l.principal));
        insert.bind(5, commodityName(l.collateral).toStdString());
        insert.bind(6, l.collateralQuantity);
        insert.bind(7, static_cast<int64_t>(l.createdMs));
        insert.bind(8, static_cast<int64_t>(l.dueMs));
        insert.bind(9, loanStatusName(l.status).toStdString());
        insert.bind(10, static_cast<int64_t>(l.updatedMs));
        insert.exec();
        insert.reset();
    }
    transaction.commit();
}

double scanPlainTable(SQLite::Database &db, qint64 *rows)
{
    const auto start = Stopwatch::now();
    SQLite::Statement select(db, "SELECT id, borrower, pool, principal, collateral,"
                                 " collateral_quantity, created_ms, due_ms, status, updated_ms"
                                 " FROM loans");
    qint64 n = 0;
    qint64 sum = 0;
    while (select.executeStep()) {
        ++n;
        sum += select.getColumn(3).getInt64(); // read a value, like a real scan would
    }
    *rows = n + (sum == -1 ? 1 : 0);
    return msSince(start);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("hb.*.info=false\nhb.*.warning=false"));
    const qint64 loans = argc > 1 ? std::atoll(argv[1]) : 100'000;
    QTemporaryDir dir;
    auto clock = std::make_shared<SystemClock>();

    // Built once, outside the timing.
    LedgerOptions ledgerOptions;
    ledgerOptions.clock = clock;
    auto ledger = std::make_shared<Ledger>(dir.filePath(QStringLiteral("ledger")), ledgerOptions);
    DemoLedgerOptions demo;
    demo.loans = loans;
    demo.nowMs = clock->nowMs();
    demo.batchSize = 5000;
    const DemoSeedReport seeded = seedDemoLedger(*ledger, demo);

    HeartbeatConfig config;
    config.taskTimeoutMs = 3'600'000; // measure the work, never cut it short
    config.oracleSource = OracleSourceName::Demo; // a tick that prices, as the demo's does
    config.oracleDemoFaultRate = 0;   // a failed fetch would be faster, not the work measured
    DemoWorkloadTask::prepareLedger(*ledger, config);
    TaskEnvironment env;
    env.dataDir = dir.path();
    env.ledger = ledger;
    env.oracle = makeOracle(config, clock);
    env.oracleMonitor = std::make_shared<OracleMonitor>();
    env.metricsPath = dir.filePath(QStringLiteral("metrics.db"));
    EngineOptions options;
    options.clock = clock;
    options.config = config;
    options.oracleSource = config.oracleSource;
    options.tasks = TaskRegistry::builtin().create(env);
    HeartbeatEngine engine(std::move(options));

    const double firstTick = tickOnce(engine);
    std::vector<double> ticks;
    for (int i = 0; i < kSteadyTicks; ++i)
        ticks.push_back(tickOnce(engine));

    SQLite::Database plain(dir.filePath(QStringLiteral("plain.db")).toStdString(),
                           SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    buildPlainTable(plain, loans, demo.nowMs);
    std::vector<double> scans;
    qint64 scanned = 0;
    scanPlainTable(plain, &scanned); // warm the page cache like the ledger's files are
    for (int i = 0; i < kSteadyTicks; ++i)
        scans.push_back(scanPlainTable(plain, &scanned));

    bench::printFigure("tick_all_tasks_ms", median(ticks), "ms", median(scans), std::nullopt,
                       {{QStringLiteral("loans"), loans},
                        {QStringLiteral("shards"), ledger->shardCount()},
                        {QStringLiteral("seed_shards"), seeded.shards},
                        {QStringLiteral("tasks"), 10},
                        {QStringLiteral("first_tick_ms"), firstTick},
                        {QStringLiteral("steady_ticks"), kSteadyTicks},
                        {QStringLiteral("baseline_rows"), scanned},
                        {QStringLiteral("baseline_what"),
                         QStringLiteral("one SELECT of all loans from one plain SQLite table")}});
    return 0;
}
