// Sharded ledger throughput, each figure against a baseline measured in the same run:
//   ledger_insert_loans_per_s     N demo loans through the ledger, starting from 2 shards, in
//                                 batches of 10 000 with a rebalance ahead of each for the
//                                 loans still to come (as seedDemoLedger does: the ring grows
//                                 once, to its final size, before the first batch),
//                                 vs one prepared INSERT of the same loans into one table of
//                                 the same schema in one transaction.
//                                 Also reported (stepwise_*): the same load when each rebalance
//                                 only knows its own batch, so the ring grows in several
//                                 migrations that move loans already written
//   ledger_route_ns_per_key       Ledger::shardOf (lock, lookup cache, ring) vs the bare
//                                 stable hash of the same keys
//   ledger_migration_loans_per_s  loans moved per second by a rebalance (journal, copy,
//                                 verify, switch, delete) vs a raw SELECT + INSERT copy of the
//                                 same rows from one file to another in one transaction
//
//   bench_ledger [N=100000] [rounds=3]
// The insert figures are the best of `rounds` runs of each side (baseline, grown once, grown
// batch by batch) on fresh files, the order alternating between rounds. The baseline binds as
// the ledger does: UTF-8 made once per text, bound without a copy.

#include "benchjson.h"
#include "core/clock.h"
#include "ledger/demoledger.h"
#include "ledger/ledger.h"
#include "ledger/shard.h"
#include "ledger/shardring.h"
#include "ledger/stablehash.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>

using namespace hb;
using Stopwatch = std::chrono::steady_clock;

namespace {

constexpr qint64 kNow = 1'700'000'000'000;
constexpr int kBatch = 10'000;

double secondsSince(Stopwatch::time_point start)
{
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

std::unique_ptr<SQLite::Database> rawShardFile(const QString &path)
{
    {
        Shard create(0, path); // the ledger's own schema and indexes
    }
    auto db = std::make_unique<SQLite::Database>(path.toStdString(), SQLite::OPEN_READWRITE);
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = NORMAL");
    return db;
}

// Bound as the ledger binds a loan (Shard's insertRow): each text converted to UTF-8 once and
// bound without a further copy, the enum names from UTF-8 made once.
void insertRaw(SQLite::Database &db, const QVector<Loan> &loans)
{
    std::array<QByteArray, kLoanStatusCount> statuses;
    for (int i = 0; i < kLoanStatusCount; ++i)
        statuses[size_t(i)] = loanStatusName(LoanStatus(i)).toUtf8();
    std::array<QByteArray, kCommodityCount> commodities;
    for (int i = 0; i < kCommodityCount; ++i)
        commodities[size_t(i)] = commodityName(Commodity(i)).toUtf8();
    SQLite::Statement insert(db, "INSERT INTO loans(id, borrower, pool, principal,"
                                 " collateral_commodity, collateral_quantity, created_ms,"
                                 " due_ms, status, updated_ms)"
                                 " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    for (const Loan &loan : loans) {
        const QByteArray id = loan.id.toUtf8();
        const QByteArray borrower = loan.borrower.toUtf8();
        const QByteArray pool = loan.pool.toUtf8();
        insert.bindNoCopy(1, id.constData());
        insert.bindNoCopy(2, borrower.constData());
        insert.bindNoCopy(3, pool.constData());
        insert.bind(4, static_cast<int64_t>(loan.principal));
        insert.bindNoCopy(5, commodities[size_t(loan.collateral)].constData());
        insert.bind(6, loan.collateralQuantity);
        insert.bind(7, static_cast<int64_t>(loan.createdMs));
        insert.bind(8, static_cast<int64_t>(loan.dueMs));
        insert.bindNoCopy(9, statuses[size_t(loan.status)].constData());
        insert.bind(10, static_cast<int64_t>(loan.updatedMs));
        insert.exec();
        insert.reset();
    }
    transaction.commit();
}

// The raw copy: every row of `from` into `to`, one transaction, prepared statements.
double copyRaw(SQLite::Database &from, SQLite::Database &to)
{
    const auto start = Stopwatch::now();
    SQLite::Statement select(from, "SELECT id, borrower, pool, principal, collateral_commodity,"
                                   " collateral_quantity, created_ms, due_ms, status, updated_ms"
                                   " FROM loans");
    SQLite::Statement insert(to, "INSERT INTO loans(id, borrower, pool, principal,"
                                 " collateral_commodity, collateral_quantity, created_ms,"
                                 " due_ms, status, updated_ms)"
                                 " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Transaction transaction(to);
    while (select.executeStep()) {
        for (const int text : {0, 1, 2, 4, 8})
            insert.bindNoCopy(text + 1, select.getColumn(text).getText()); // valid until next step
        for (const int integer : {3, 6, 7, 9})
            insert.bind(integer + 1, select.getColumn(integer).getInt64());
        insert.bind(6, select.getColumn(5).getDouble());
        insert.exec();
        insert.reset();
    }
    transaction.commit();
    return secondsSince(start);
}

QVector<int> range(int n)
{
    QVector<int> ids;
    for (int i = 0; i < n; ++i)
        ids.append(i);
    return ids;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("hb.ledger.info=false"));
    const int n = argc > 1 ? std::max(1000, std::atoi(argv[1])) : 100'000;
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    QTemporaryDir tmp;
    const QVector<Loan> loans = DemoLoanGenerator(42, kNow).take(n);

    // Insert: the baseline, the ledger grown once ahead of the load, and the ledger grown
    // batch by batch, each on fresh files, best of `rounds`, the order alternating between
    // rounds so that neither side always runs on a disk the other just filled.
    LedgerOptions options;
    options.clock = std::make_shared<FakeClock>(kNow);
    struct Filled
    {
        double seconds = 1e9;
        double rebalancing = 0;
        int shards = 0;
        qint64 migrations = 0;
    };
    const auto fill = [&](const QString &directory, bool knowsTheRest) {
        Ledger into(directory, options);
        Filled filled;
        const auto start = Stopwatch::now();
        for (int at = 0; at < n; at += kBatch) {
            const QVector<Loan> batch = loans.mid(at, kBatch);
            const auto before = Stopwatch::now();
            into.rebalance(knowsTheRest ? n - at : batch.size());
            filled.rebalancing += secondsSince(before);
            into.insertLoans(batch);
        }
        filled.seconds = secondsSince(start);
        filled.shards = into.shardCount();
        filled.migrations = into.migrationCount();
        return filled;
    };
    const auto best = [](Filled &kept, const Filled &run) {
        if (run.seconds < kept.seconds)
            kept = run;
    };
    double rawInsert = 1e9;
    Filled grownOnce;
    Filled grownStepwise;
    QString grownOnceDir;
    for (int round = 0; round < rounds; ++round) {
        const auto raw = [&] {
            const auto db =
                rawShardFile(tmp.filePath(QStringLiteral("raw-insert%1.db").arg(round)));
            const auto start = Stopwatch::now();
            insertRaw(*db, loans);
            rawInsert = std::min(rawInsert, secondsSince(start));
        };
        const auto once = [&] {
            grownOnceDir = tmp.filePath(QStringLiteral("ledger%1").arg(round));
            best(grownOnce, fill(grownOnceDir, true));
        };
        const auto stepwise = [&] {
            best(grownStepwise, fill(tmp.filePath(QStringLiteral("stepwise%1").arg(round)), false));
        };
        if (round % 2 == 0) {
            raw();
            once();
            stepwise();
        } else {
            stepwise();
            once();
            raw();
        }
    }
    Ledger ledger(grownOnceDir, options); // for routing below
    QJsonObject insertExtra;
    insertExtra.insert(QStringLiteral("loans"), n);
    insertExtra.insert(QStringLiteral("batch"), kBatch);
    insertExtra.insert(QStringLiteral("rounds"), rounds);
    insertExtra.insert(QStringLiteral("shards"), grownOnce.shards);
    insertExtra.insert(QStringLiteral("migrations"), double(grownOnce.migrations));
    insertExtra.insert(QStringLiteral("ledger_s"), grownOnce.seconds);
    insertExtra.insert(QStringLiteral("rebalance_s"), grownOnce.rebalancing);
    insertExtra.insert(QStringLiteral("baseline_s"), rawInsert);
    insertExtra.insert(QStringLiteral("stepwise_migrations"), double(grownStepwise.migrations));
    insertExtra.insert(QStringLiteral("stepwise_s"), grownStepwise.seconds);
    insertExtra.insert(QStringLiteral("stepwise_rebalance_s"), grownStepwise.rebalancing);
    insertExtra.insert(QStringLiteral("stepwise_ratio"), rawInsert / grownStepwise.seconds);
    const double ledgerInsert = grownOnce.seconds;
    bench::printFigure("ledger_insert_loans_per_s", n / ledgerInsert, "loans/s", n / rawInsert,
                       bench::Target::ratioAtLeast(0.8), insertExtra);
    // The same load grown batch by batch, as its own line so its goal is a `target` too.
    QJsonObject stepwiseExtra;
    stepwiseExtra.insert(QStringLiteral("loans"), n);
    stepwiseExtra.insert(QStringLiteral("migrations"), double(grownStepwise.migrations));
    stepwiseExtra.insert(QStringLiteral("rebalance_s"), grownStepwise.rebalancing);
    bench::printFigure("ledger_stepwise_loans_per_s", n / grownStepwise.seconds, "loans/s",
                       n / rawInsert, bench::Target::ratioAtLeast(0.5), stepwiseExtra);

    // Route: first lookups miss the 1000-entry cache, so this is mostly lock + ring.
    quint64 sink = 0;
    auto start = Stopwatch::now();
    for (const Loan &loan : loans)
        sink += stableHash64(QStringView(loan.id));
    const double hashNs = secondsSince(start) * 1e9 / n;
    start = Stopwatch::now();
    for (const Loan &loan : loans)
        sink += quint64(ledger.shardOf(loan.id));
    const double routeNs = secondsSince(start) * 1e9 / n;
    const ShardRing ring(range(ledger.shardCount()));
    start = Stopwatch::now();
    for (const Loan &loan : loans)
        sink += quint64(ring.ownerOf(loan.id));
    const double ringNs = secondsSince(start) * 1e9 / n;
    start = Stopwatch::now();
    for (int i = 0; i < n; ++i)
        sink += quint64(ledger.shardOf(loans[i % 500].id)); // all cache hits
    const double cachedNs = secondsSince(start) * 1e9 / n;
    QJsonObject routeExtra;
    routeExtra.insert(QStringLiteral("keys"), n);
    routeExtra.insert(QStringLiteral("ring_only_ns"), ringNs);
    routeExtra.insert(QStringLiteral("cached_ns"), cachedNs);
    routeExtra.insert(QStringLiteral("shards"), ring.size());
    routeExtra.insert(QStringLiteral("checksum"), double(sink % 1000));
    bench::printFigure("ledger_route_ns_per_key", routeNs, "ns", hashNs, std::nullopt, routeExtra);

    // Migration: a quarter of the loans on a ledger sized for them, then the capacity halves
    // and one rebalance roughly doubles the ring.
    const QVector<Loan> part = loans.mid(0, n / 4);
    const QString migrateDir = tmp.filePath(QStringLiteral("migrate"));
    {
        Ledger seed(migrateDir, options);
        for (int at = 0; at < part.size(); at += kBatch) {
            const QVector<Loan> batch = part.mid(at, kBatch);
            seed.rebalance(batch.size());
            seed.insertLoans(batch);
        }
    }
    LedgerOptions halved = options;
    halved.scaling.capacity /= 2;
    Ledger grow(migrateDir, halved);
    const int before = grow.shardCount();
    const RebalanceReport report = grow.rebalance();

    // Baseline: the very rows that moved, copied raw.
    const ShardRing from(range(before));
    const ShardRing to(range(report.shardsAfter));
    QVector<Loan> moved;
    for (const Loan &loan : part) {
        if (from.ownerOf(loan.id) != to.ownerOf(loan.id))
            moved.append(loan);
    }
    const auto source = rawShardFile(tmp.filePath(QStringLiteral("copy-from.db")));
    insertRaw(*source, moved);
    const auto destination = rawShardFile(tmp.filePath(QStringLiteral("copy-to.db")));
    const double rawCopy = copyRaw(*source, *destination);
    QJsonObject migrateExtra;
    migrateExtra.insert(QStringLiteral("loans"), double(report.loans));
    migrateExtra.insert(QStringLiteral("moved"), double(report.movedLoans));
    migrateExtra.insert(QStringLiteral("moved_expected"), double(moved.size()));
    migrateExtra.insert(QStringLiteral("shards_before"), report.shardsBefore);
    migrateExtra.insert(QStringLiteral("shards_after"), report.shardsAfter);
    migrateExtra.insert(QStringLiteral("migration_s"), report.seconds);
    migrateExtra.insert(QStringLiteral("baseline_s"), rawCopy);
    bench::printFigure("ledger_migration_loans_per_s", report.movedLoans / report.seconds,
                       "loans/s", moved.size() / rawCopy, std::nullopt, migrateExtra);
    return 0;
}
