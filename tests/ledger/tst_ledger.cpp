// Ledger: the operations the maintenance tasks use (loans, statuses, scans and counts, pool
// totals, prices, treasury and cycles) and calls from several threads at once.

#include "ledgertestutil.h"

#include "core/clock.h"
#include "ledger/ledgerfile.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <thread>

using namespace hb;
using namespace hb::test;

namespace {

struct Fixture
{
    QTemporaryDir tmp;
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>(kNow);
    QString dir() const { return tmp.filePath(QStringLiteral("ledger")); }
    LedgerOptions options() const
    {
        LedgerOptions o;
        o.clock = clock;
        return o;
    }
    std::unique_ptr<Ledger> open() { return std::make_unique<Ledger>(dir(), options()); }
};

constexpr int kAnyShard = -1;
constexpr int kNoSuchShard = 999;

qint64 scalar(const QString &path, const char *sql)
{
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
}

} // namespace

class TestLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertsAndReadsBack();
    void duplicateIdStoresNothing();
    void statusTransitions();
    void closingLoansLowersStoredPoolTotals();
    void storedTotalsCanBeCorrected();
    void markOverdueLoans();
    void forEachLoanFilters_data();
    void forEachLoanFilters();
    void forEachLoanStopsEarly();
    void visitorMustNotCallLedger();
    void pricesUpsertPerCommodity();
    void treasuryTransferAndBurn();
    void concurrentCallersAreSerialised();
};

void TestLedger::insertsAndReadsBack()
{
    Fixture f;
    const auto ledger = f.open();
    QVector<Loan> loans = makeLoans(0, 300);
    loans[5].status = LoanStatus::Repaid;
    loans[6].status = LoanStatus::Overdue;
    loans[7].borrower = QStringLiteral("Petani Sejahtera \u00e9\u2713"); // UTF-8 survives
    ledger->insertLoans(loans);
    for (const Loan &loan : std::as_const(loans))
        QCOMPARE(ledger->loan(loan.id), std::optional<Loan>(loan));
    QCOMPARE(ledger->loan(QStringLiteral("no-such-loan")), std::nullopt);

    const LoanCounts counts = ledger->countLoans();
    QCOMPARE(counts.total, 300);
    QCOMPARE(counts.of(LoanStatus::Repaid), 1);
    QCOMPARE(counts.of(LoanStatus::Overdue), 1);
    QCOMPARE(counts.of(LoanStatus::Active), 298);

    // Each loan is in the file of the shard the ring gives it, and only there.
    const QVector<ShardLoad> loads = ledger->shardLoads();
    QCOMPARE(loads.size(), 2);
    QCOMPARE(ledger->shardIds(), (QVector<int>{loads[0].shard, loads[1].shard}));
    qint64 sum = 0;
    for (const ShardLoad &load : loads) {
        const QStringList ids = idsInFile(f.dir() + u'/' + Shard::fileName(load.shard));
        QCOMPARE(qint64(ids.size()), load.loans);
        for (const QString &id : ids)
            QCOMPARE(ledger->shardOf(id), load.shard);
        sum += load.loans;
    }
    QCOMPARE(sum, 300);
    QVERIFY(loads[0].loans > 100 && loads[1].loans > 100);
    QVERIFY(sumOf(*ledger) == sumOf(loans));
}

void TestLedger::duplicateIdStoresNothing()
{
    Fixture f;
    const auto ledger = f.open();
    ledger->insertLoans(makeLoans(0, 100));
    const LoanChecksum before = ledger->checksum();
    const QVector<PoolTotals> totals = ledger->storedPoolTotals();

    // New loans on both shards, then one already stored: nothing of the call may stay.
    QVector<Loan> batch = makeLoans(1000, 60);
    batch.append(makeLoan(42));
    try {
        ledger->insertLoans(batch);
        QFAIL("a stored id must be refused");
    } catch (const LoanConflictError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("loan 'T-000042' already exists")),
                 qPrintable(e.message()));
        QVERIFY2(e.message().startsWith(f.dir() + QStringLiteral("/shard-000")),
                 qPrintable(e.message()));
    }
    QCOMPARE(ledger->checksum(), before);
    QCOMPARE(ledger->storedPoolTotals(), totals);
    for (const Loan &loan : makeLoans(1000, 60))
        QVERIFY(!ledger->loan(loan.id));

    QVector<Loan> twice = makeLoans(2000, 3);
    twice.append(makeLoan(2001));
    QVERIFY_THROWS_EXCEPTION(LoanConflictError, ledger->insertLoans(twice));
    QCOMPARE(ledger->checksum(), before);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ledger->insertLoans({Loan()}));
}

void TestLedger::statusTransitions()
{
    Fixture f;
    const auto ledger = f.open();
    ledger->insertLoans(makeLoans(0, 10));
    const QString id = makeLoan(3).id;
    f.clock->advance(5000);

    StatusChange c = ledger->updateLoanStatus(id, LoanStatus::Overdue);
    QVERIFY(c.found && c.applied);
    QCOMPARE(c.before, LoanStatus::Active);
    QCOMPARE(c.after, LoanStatus::Overdue);
    QCOMPARE(ledger->loan(id)->status, LoanStatus::Overdue);
    QCOMPARE(ledger->loan(id)->updatedMs, kNow + 5000);

    c = ledger->updateLoanStatus(id, LoanStatus::Overdue); // no change
    QVERIFY(c.found && !c.applied);

    c = ledger->repayLoan(id);
    QVERIFY(c.applied);
    QCOMPARE(c.after, LoanStatus::Repaid);

    // Closed is final.
    for (const LoanStatus s : {LoanStatus::Active, LoanStatus::Overdue, LoanStatus::Liquidated}) {
        c = ledger->updateLoanStatus(id, s);
        QVERIFY(c.found);
        QVERIFY(!c.applied);
        QCOMPARE(c.after, LoanStatus::Repaid);
    }
    QCOMPARE(ledger->loan(id)->status, LoanStatus::Repaid);

    c = ledger->updateLoanStatus(QStringLiteral("missing"), LoanStatus::Repaid);
    QVERIFY(!c.found && !c.applied);
}

void TestLedger::closingLoansLowersStoredPoolTotals()
{
    Fixture f;
    const auto ledger = f.open();
    QVector<Loan> loans = makeLoans(0, 30);
    loans[0].status = LoanStatus::Repaid; // closed loans do not count
    ledger->insertLoans(loans);
    qint64 principalA = 0;
    qint64 countA = 0;
    for (const Loan &loan : std::as_const(loans)) {
        if (loan.pool == QStringLiteral("pool-a") && isOutstanding(loan.status)) {
            principalA += loan.principal;
            ++countA;
        }
    }
    QCOMPARE(ledger->storedPoolTotals().at(0),
             PoolTotals({QStringLiteral("pool-a"), principalA, countA}));
    QCOMPARE(ledger->storedPoolTotals(), ledger->derivedPoolTotals());

    const Loan liquidated = loans[3]; // pool-a
    QVERIFY(ledger->updateLoanStatus(liquidated.id, LoanStatus::Liquidated).applied);
    QVERIFY(ledger->updateLoanStatus(loans[4].id, LoanStatus::Overdue).applied); // still counts
    QCOMPARE(ledger->storedPoolTotals().at(0),
             PoolTotals({QStringLiteral("pool-a"), principalA - liquidated.principal, countA - 1}));
    QCOMPARE(ledger->storedPoolTotals(), ledger->derivedPoolTotals());
}

void TestLedger::storedTotalsCanBeCorrected()
{
    Fixture f;
    const auto ledger = f.open();
    ledger->insertLoans(makeLoans(0, 30));
    const QVector<PoolTotals> derived = ledger->derivedPoolTotals();
    QCOMPARE(derived.size(), 2);
    // Drift, as a crash between a loan's commit and the catalog's would leave it; plus a pool
    // with no loans at all.
    ledger->setStoredPoolTotals(
        {{QStringLiteral("pool-b"), 1, 1}, {QStringLiteral("pool-empty"), 500, 2}});
    QVERIFY(ledger->storedPoolTotals() != ledger->derivedPoolTotals());
    const QVector<PoolTotals> withEmpty = ledger->derivedPoolTotals();
    QCOMPARE(withEmpty.size(), 3);
    QCOMPARE(withEmpty.at(2), PoolTotals({QStringLiteral("pool-empty"), 0, 0}));

    ledger->setStoredPoolTotals(withEmpty);
    QCOMPARE(ledger->storedPoolTotals(), ledger->derivedPoolTotals());
    QCOMPARE(ledger->storedPoolTotals().mid(0, 2), derived);
}

void TestLedger::markOverdueLoans()
{
    Fixture f;
    const auto ledger = f.open();
    const QVector<Loan> loans = makeLoans(0, 120);
    ledger->insertLoans(loans);
    qint64 pastDue = 0;
    for (const Loan &loan : loans)
        pastDue += loan.dueMs < kNow;
    QVERIFY(pastDue > 20 && pastDue < 100);
    QCOMPARE(ledger->markOverdueLoans(), pastDue);
    QCOMPARE(ledger->countLoans().of(LoanStatus::Overdue), pastDue);
    LoanFilter activePastDue;
    activePastDue.statuses = {LoanStatus::Active};
    activePastDue.dueBeforeMs = kNow;
    QCOMPARE(ledger->countLoans(activePastDue).total, 0);
    QCOMPARE(ledger->markOverdueLoans(), 0);
    QCOMPARE(ledger->storedPoolTotals(), ledger->derivedPoolTotals()); // both outstanding
}

void TestLedger::forEachLoanFilters_data()
{
    QTest::addColumn<QVector<LoanStatus>>("statuses");
    QTest::addColumn<qint64>("dueBefore"); // 0: none
    QTest::addColumn<QString>("pool");
    // kAnyShard: no shard filter; else an index into shardIds(), or kNoSuchShard
    QTest::addColumn<int>("shard");
    const QVector<LoanStatus> none;
    QTest::newRow("everything") << none << qint64(0) << QString() << kAnyShard;
    QTest::newRow("overdue") << QVector<LoanStatus>{LoanStatus::Overdue} << qint64(0) << QString()
                             << kAnyShard;
    QTest::newRow("outstanding") << QVector<LoanStatus>{LoanStatus::Active, LoanStatus::Overdue}
                                 << qint64(0) << QString() << kAnyShard;
    QTest::newRow("due 45 days ago") << QVector<LoanStatus>{LoanStatus::Active, LoanStatus::Overdue}
                                     << qint64(kNow - 45 * kDayMs) << QString() << kAnyShard;
    QTest::newRow("pool") << none << qint64(0) << QStringLiteral("pool-a") << kAnyShard;
    QTest::newRow("all three") << QVector<LoanStatus>{LoanStatus::Overdue} << kNow
                               << QStringLiteral("pool-b") << kAnyShard;
    QTest::newRow("nothing matches") << none << qint64(1) << QString() << kAnyShard;
    QTest::newRow("first shard") << none << qint64(0) << QString() << 0;
    QTest::newRow("second shard, active") << QVector<LoanStatus>{LoanStatus::Active} << qint64(0)
                                          << QString() << 1;
    QTest::newRow("a shard not in the ring") << none << qint64(0) << QString() << kNoSuchShard;
}

void TestLedger::forEachLoanFilters()
{
    QFETCH(QVector<LoanStatus>, statuses);
    QFETCH(qint64, dueBefore);
    QFETCH(QString, pool);
    QFETCH(int, shard);
    Fixture f;
    const auto ledger = f.open();
    QVector<Loan> loans = makeLoans(0, 200);
    for (int i = 0; i < loans.size(); ++i)
        loans[i].status = LoanStatus(i % 4);
    ledger->insertLoans(loans);
    const QVector<int> shardIds = ledger->shardIds();
    QVERIFY(shardIds.size() >= 2);
    QVERIFY(!shardIds.contains(kNoSuchShard));

    LoanFilter filter;
    filter.statuses = statuses;
    if (dueBefore != 0)
        filter.dueBeforeMs = dueBefore;
    filter.pool = pool;
    if (shard != kAnyShard)
        filter.shard = shard == kNoSuchShard ? kNoSuchShard : shardIds.at(shard);
    QSet<QString> expected;
    for (const Loan &loan : std::as_const(loans)) {
        if ((statuses.isEmpty() || statuses.contains(loan.status)) &&
            (dueBefore == 0 || loan.dueMs < dueBefore) && (pool.isEmpty() || loan.pool == pool) &&
            (!filter.shard || ledger->shardOf(loan.id) == *filter.shard))
            expected.insert(loan.id);
    }
    if (shard != kAnyShard && shard != kNoSuchShard)
        QVERIFY2(!expected.isEmpty() && expected.size() < loans.size(),
                 "the shard holds some loans, not all");
    QSet<QString> seen;
    const qint64 visited = ledger->forEachLoan(filter, [&](const Loan &loan) {
        seen.insert(loan.id);
        return true;
    });
    QCOMPARE(seen, expected);
    QCOMPARE(visited, qint64(expected.size()));
    QCOMPARE(ledger->countLoans(filter).total, qint64(expected.size()));
}

void TestLedger::forEachLoanStopsEarly()
{
    Fixture f;
    const auto ledger = f.open();
    ledger->insertLoans(makeLoans(0, 100));
    int calls = 0;
    QCOMPARE(ledger->forEachLoan({}, [&](const Loan &) { return ++calls < 10; }), 10);
    QCOMPARE(calls, 10);
}

void TestLedger::visitorMustNotCallLedger()
{
    Fixture f;
    const auto ledger = f.open();
    ledger->insertLoans(makeLoans(0, 10));
    // A deadlock would hang here; the ledger refuses instead.
    QVERIFY_THROWS_EXCEPTION(std::logic_error, ledger->forEachLoan({}, [&](const Loan &loan) {
        ledger->updateLoanStatus(loan.id, LoanStatus::Repaid);
        return true;
    }));
    // The lock and the guard were released: collect, then act.
    QStringList ids;
    ledger->forEachLoan({}, [&](const Loan &loan) {
        ids << loan.id;
        return true;
    });
    for (const QString &id : std::as_const(ids))
        QVERIFY(ledger->repayLoan(id).applied);
    QCOMPARE(ledger->countLoans().of(LoanStatus::Repaid), 10);
}

void TestLedger::pricesUpsertPerCommodity()
{
    Fixture f;
    const auto ledger = f.open();
    QCOMPARE(ledger->prices().size(), 0);
    QCOMPARE(ledger->price(Commodity::Rice), std::nullopt);
    ledger->setPrice({Commodity::Wheat, 0.35, kNow - 10, QStringLiteral("demo")});
    ledger->setPrice({Commodity::Rice, 0.90, kNow - 5, QStringLiteral("demo")});
    ledger->setPrice({Commodity::Rice, 0.95, kNow, QStringLiteral("oracle-a")});
    const QVector<PriceQuote> prices = ledger->prices();
    QCOMPARE(prices.size(), 2);
    QCOMPARE(prices[0].commodity, Commodity::Rice);
    QCOMPARE(prices[0].price, 0.95);
    QCOMPARE(prices[0].updatedAtMs, kNow);
    QCOMPARE(prices[0].source, QStringLiteral("oracle-a"));
    QCOMPARE(prices[1].commodity, Commodity::Wheat);
    QCOMPARE(scalar(f.dir() + QStringLiteral("/catalog.db"),
                    "SELECT COUNT(*) FROM prices WHERE commodity = 'rice'"),
             1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             ledger->setPrice({Commodity::Corn, qQNaN(), kNow, QString()}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             ledger->setPrice({Commodity::Corn, -1.0, kNow, QString()}));
}

void TestLedger::treasuryTransferAndBurn()
{
    Fixture f;
    const auto ledger = f.open();
    ledger->setBalances({1000, 10});
    BalanceChange c = ledger->transferTreasuryToCycles(400);
    QVERIFY(c.applied);
    QCOMPARE(c.before, Balances({1000, 10}));
    QCOMPARE(c.after, Balances({600, 410}));

    c = ledger->transferTreasuryToCycles(601); // cannot cover it: nothing changes
    QVERIFY(!c.applied);
    QCOMPARE(c.after, Balances({600, 410}));
    QCOMPARE(ledger->balances(), Balances({600, 410}));

    c = ledger->burnCycles(411);
    QVERIFY(!c.applied);
    c = ledger->burnCycles(410);
    QVERIFY(c.applied);
    QCOMPARE(c.after, Balances({600, 0}));
    QVERIFY(ledger->transferTreasuryToCycles(600).applied);
    QCOMPARE(ledger->balances(), Balances({0, 600}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ledger->transferTreasuryToCycles(0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ledger->burnCycles(-5));
    QCOMPARE(scalar(f.dir() + QStringLiteral("/catalog.db"),
                    "SELECT amount FROM balances WHERE account = 'cycles'"),
             600);

    c = ledger->creditTreasury(250); // income: only the treasury moves
    QVERIFY(c.applied);
    QCOMPARE(c.before, Balances({0, 600}));
    QCOMPARE(c.after, Balances({250, 600}));
    QCOMPARE(scalar(f.dir() + QStringLiteral("/catalog.db"),
                    "SELECT amount FROM balances WHERE account = 'treasury'"),
             250);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ledger->creditTreasury(0));
}

void TestLedger::concurrentCallersAreSerialised()
{
    Fixture f;
    LedgerOptions o = f.options();
    o.scaling.capacity = 50; // migrations happen while the others work
    Ledger ledger(f.dir(), o);
    constexpr int kThreads = 4;
    constexpr int kPerThread = 150;
    std::vector<std::thread> threads;
    std::atomic_int errors{0};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            try {
                for (int b = 0; b < kPerThread; b += 30) {
                    const QVector<Loan> batch = makeLoans(t * 10'000 + b, 30);
                    ledger.insertLoans(batch);
                    ledger.repayLoan(batch[0].id);
                    ledger.countLoans();
                    if (!ledger.loan(batch[29].id))
                        ++errors;
                    ledger.rebalance();
                }
            } catch (const std::exception &) {
                ++errors;
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(errors.load(), 0);
    QCOMPARE(ledger.countLoans().total, kThreads * kPerThread);
    QCOMPARE(ledger.countLoans().of(LoanStatus::Repaid), kThreads * kPerThread / 30);
    QVERIFY(ledger.shardCount() > 2);
    QVERIFY(ledger.migrationCount() > 0);
    QCOMPARE(ledger.storedPoolTotals(), ledger.derivedPoolTotals());
    for (int t = 0; t < kThreads; ++t)
        for (const Loan &loan : makeLoans(t * 10'000, kPerThread))
            QVERIFY(ledger.loan(loan.id));
}

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
