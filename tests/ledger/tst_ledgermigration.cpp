// Scaling the ledger: rebalance() moves exactly the loans whose owner changes, a migration
// killed after any step is recovered on the next open with no loan lost or duplicated, and the
// demo ledger grows to enough shards without losing a loan.

#include "ledgertestutil.h"

#include "core/clock.h"
#include "ledger/demoledger.h"
#include "ledger/shardring.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace hb;
using namespace hb::test;

Q_DECLARE_METATYPE(hb::MigrationCrashPoint)

namespace {

struct Fixture
{
    QTemporaryDir tmp;
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>(kNow);
    QString dir() const { return tmp.filePath(QStringLiteral("ledger")); }
    LedgerOptions options(int initialShards = 2) const
    {
        LedgerOptions o;
        o.clock = clock;
        o.scaling.capacity = 100;
        o.initialShards = initialShards;
        return o;
    }
    QString catalog() const { return dir() + QStringLiteral("/catalog.db"); }
};

// Loans with every status, so a status lost or changed in a move shows in the checksum.
QVector<Loan> variedLoans(int count)
{
    QVector<Loan> loans = makeLoans(0, count);
    for (int i = 0; i < loans.size(); ++i)
        loans[i].status = LoanStatus(i % 4);
    return loans;
}

QStringList journal(const QString &catalog)
{
    QStringList rows;
    SQLite::Database db(utf8(catalog), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT step, outcome, from_ring, to_ring, moved_loans"
                            " FROM migrations ORDER BY id");
    while (q.executeStep())
        rows << QStringLiteral("%1|%2|%3|%4|%5")
                    .arg(QString::fromUtf8(q.getColumn(0).getText()),
                         QString::fromUtf8(q.getColumn(1).getText()),
                         QString::fromUtf8(q.getColumn(2).getText()),
                         QString::fromUtf8(q.getColumn(3).getText()))
                    .arg(q.getColumn(4).getInt64());
    return rows;
}

QVector<int> range(int n)
{
    QVector<int> ids;
    for (int i = 0; i < n; ++i)
        ids.append(i);
    return ids;
}

// Every shard file holds exactly the loans `ring` gives it; no other shard file exists.
void verifyPlacement(const QString &dir, const ShardRing &ring, const QVector<Loan> &loans)
{
    QStringList expectedFiles;
    for (const int id : ring.shards())
        expectedFiles << Shard::fileName(id);
    QCOMPARE(shardFiles(dir), expectedFiles);
    QSet<QString> seen;
    for (const int id : ring.shards()) {
        for (const QString &loanId : idsInFile(dir + u'/' + Shard::fileName(id))) {
            QCOMPARE(ring.ownerOf(loanId), id);
            QVERIFY2(!seen.contains(loanId), qPrintable(loanId + QStringLiteral(" twice")));
            seen.insert(loanId);
        }
    }
    QCOMPARE(seen.size(), loans.size());
}

} // namespace

class TestLedgerMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scaleUpMovesOnlyChangedKeys();
    void scaleDownRemovesShards();
    void noMigrationWithinBand();
    void crashAtEveryStepIsRecovered_data();
    void crashAtEveryStepIsRecovered();
    void recoveryKeepsOwnersCopyAndRescuesStrays();
    void staleCopiesAreRemovedAfterUncleanShutdown();
    void demoLedgerGrowsWithoutLosingLoans();
    void demoLedgerIsDeterministic();
};

void TestLedgerMigration::scaleUpMovesOnlyChangedKeys()
{
    Fixture f;
    const QVector<Loan> loans = variedLoans(400);
    Ledger ledger(f.dir(), f.options());
    ledger.insertLoans(loans);
    const LoanChecksum before = ledger.checksum();
    const QVector<PoolTotals> stored = ledger.storedPoolTotals();
    QCOMPARE(ledger.targetShardCount(), 8); // 400 loans / (100 * 55 %)

    const ShardRing from(range(2));
    const ShardRing to(range(8));
    int changed = 0;
    for (const Loan &loan : loans)
        changed += from.ownerOf(loan.id) != to.ownerOf(loan.id);

    const RebalanceReport report = ledger.rebalance();
    QVERIFY(report.migrated);
    QCOMPARE(report.shardsBefore, 2);
    QCOMPARE(report.shardsAfter, 8);
    QCOMPARE(report.loans, 400);
    QCOMPARE(report.movedLoans, changed);
    QVERIFY(changed > 200 && changed < 400); // about 3/4 move, the rest stays put
    QCOMPARE(ledger.shardCount(), 8);
    QCOMPARE(ledger.checksum(), before);
    QCOMPARE(ledger.storedPoolTotals(), stored);
    for (const Loan &loan : loans) {
        QCOMPARE(ledger.loan(loan.id), std::optional<Loan>(loan));
        QCOMPARE(ledger.shardOf(loan.id), to.ownerOf(loan.id));
    }
    verifyPlacement(f.dir(), to, loans);
    QCOMPARE(journal(f.catalog()),
             QStringList({QStringLiteral("done|done|0,1|0,1,2,3,4,5,6,7|%1").arg(changed)}));

    // The new ring is what a reopened ledger routes by.
    Ledger reopened(f.dir(), f.options());
    QCOMPARE(reopened.shardCount(), 8);
    QCOMPARE(reopened.checksum(), before);
    QVERIFY(!reopened.rebalance().migrated);
}

void TestLedgerMigration::scaleDownRemovesShards()
{
    Fixture f;
    const QVector<Loan> loans = variedLoans(100);
    Ledger ledger(f.dir(), f.options(10));
    ledger.insertLoans(loans);
    QCOMPARE(shardFiles(f.dir()).size(), 10);
    const LoanChecksum before = ledger.checksum();
    const RebalanceReport report = ledger.rebalance(); // 10 % load: down to the minimum
    QVERIFY(report.migrated);
    QCOMPARE(report.shardsAfter, 2);
    QCOMPARE(ledger.shardCount(), 2);
    QCOMPARE(ledger.checksum(), before);
    verifyPlacement(f.dir(), ShardRing(range(2)), loans);
    for (const Loan &loan : loans)
        QVERIFY(ledger.loan(loan.id));
}

void TestLedgerMigration::noMigrationWithinBand()
{
    Fixture f;
    Ledger ledger(f.dir(), f.options());
    ledger.insertLoans(variedLoans(160)); // exactly 80 %
    const RebalanceReport report = ledger.rebalance();
    QVERIFY(!report.migrated);
    QCOMPARE(report.shardsAfter, 2);
    QCOMPARE(ledger.migrationCount(), 0);
    QCOMPARE(ledger.targetShardCount(1), 3); // one more loan would tip it
}

void TestLedgerMigration::crashAtEveryStepIsRecovered_data()
{
    QTest::addColumn<bool>("scaleUp");
    QTest::addColumn<MigrationCrashPoint>("point");
    QTest::addColumn<bool>("forward"); // the switch happened: the new ring stays
    const struct
    {
        const char *name;
        MigrationCrashPoint point;
        bool forward;
    } points[] = {
        {"after journal", MigrationCrashPoint::AfterJournal, false},
        {"mid copy", MigrationCrashPoint::MidCopy, false},
        {"after copy", MigrationCrashPoint::AfterCopy, false},
        {"after verify", MigrationCrashPoint::AfterVerify, false},
        {"after switch", MigrationCrashPoint::AfterSwitch, true},
        {"mid delete", MigrationCrashPoint::MidDelete, true},
        {"after delete", MigrationCrashPoint::AfterDelete, true},
        {"after done", MigrationCrashPoint::AfterDone, true},
    };
    for (const bool up : {true, false}) {
        for (const auto &p : points)
            QTest::addRow("%s, %s", up ? "up" : "down", p.name) << up << p.point << p.forward;
    }
}

void TestLedgerMigration::crashAtEveryStepIsRecovered()
{
    QFETCH(bool, scaleUp);
    QFETCH(MigrationCrashPoint, point);
    QFETCH(bool, forward);
    Fixture f;
    // Up: 400 loans on 2 shards -> 8. Down: 100 loans on 5 shards -> 2.
    const QVector<Loan> loans = variedLoans(scaleUp ? 400 : 100);
    const ShardRing from(range(scaleUp ? 2 : 5));
    const ShardRing to(range(scaleUp ? 8 : 2));
    LoanSum sumBefore;
    LoanChecksum checksumBefore;
    {
        Ledger ledger(f.dir(), f.options(from.size()));
        ledger.insertLoans(loans);
        sumBefore = sumOf(ledger);
        checksumBefore = ledger.checksum();
    }
    QVERIFY(sumBefore == sumOf(loans));
    {
        LedgerOptions o = f.options(from.size());
        o.crashAt = point;
        Ledger ledger(f.dir(), o);
        try {
            ledger.rebalance();
            QFAIL("the migration must stop at the crash point");
        } catch (const SimulatedCrash &crash) {
            QCOMPARE(crash.point(), point);
        }
        // Like a dead process: nothing more from this object.
        QVERIFY_THROWS_EXCEPTION(StoreError, ledger.countLoans());
    }

    Ledger recovered(f.dir(), f.options(from.size()));
    QCOMPARE(recovered.countLoans().total, qint64(loans.size()));
    QVERIFY(sumOf(recovered) == sumBefore);
    QCOMPARE(recovered.checksum(), checksumBefore);
    for (const Loan &loan : loans)
        QCOMPARE(recovered.loan(loan.id), std::optional<Loan>(loan));
    const ShardRing &ring = forward ? to : from;
    QCOMPARE(recovered.shardCount(), ring.size());
    verifyPlacement(f.dir(), ring, loans);

    const QStringList rows = journal(f.catalog());
    QCOMPARE(rows.size(), 1);
    const QString outcome =
        point == MigrationCrashPoint::AfterDone
            ? QStringLiteral("done")
            : (forward ? QStringLiteral("rolled_forward") : QStringLiteral("rolled_back"));
    QVERIFY2(rows[0].startsWith(QStringLiteral("done|") + outcome + u'|'), qPrintable(rows[0]));

    // After a rollback the same migration simply runs again; after a roll-forward it is done.
    const RebalanceReport again = recovered.rebalance();
    QCOMPARE(again.migrated, !forward);
    QCOMPARE(recovered.shardCount(), to.size());
    QCOMPARE(recovered.checksum(), checksumBefore);
    verifyPlacement(f.dir(), to, loans);
}

void TestLedgerMigration::recoveryKeepsOwnersCopyAndRescuesStrays()
{
    Fixture f;
    const QVector<Loan> loans = variedLoans(400);
    const ShardRing from(range(2));
    const ShardRing to(range(8));
    {
        LedgerOptions o = f.options();
        Ledger ledger(f.dir(), o);
        ledger.insertLoans(loans);
    }
    {
        LedgerOptions o = f.options();
        o.crashAt = MigrationCrashPoint::AfterCopy;
        Ledger ledger(f.dir(), o);
        QVERIFY_THROWS_EXCEPTION(SimulatedCrash, ledger.rebalance());
    }
    // Two loans that moved: one whose copy got damaged, one whose original got lost.
    QVector<const Loan *> moved;
    for (const Loan &loan : loans) {
        if (from.ownerOf(loan.id) != to.ownerOf(loan.id))
            moved.append(&loan);
    }
    const Loan &damaged = *moved[0];
    const Loan &stray = *moved[1];
    {
        SQLite::Database copy(utf8(f.dir() + u'/' + Shard::fileName(to.ownerOf(damaged.id))),
                              SQLite::OPEN_READWRITE);
        SQLite::Statement q(copy, "UPDATE loans SET principal = 1 WHERE id = ?");
        q.bind(1, utf8(damaged.id));
        QCOMPARE(q.exec(), 1);
        SQLite::Database original(utf8(f.dir() + u'/' + Shard::fileName(from.ownerOf(stray.id))),
                                  SQLite::OPEN_READWRITE);
        SQLite::Statement d(original, "DELETE FROM loans WHERE id = ?");
        d.bind(1, utf8(stray.id));
        QCOMPARE(d.exec(), 1);
    }
    // Rolling back: the owner's copy wins over the damaged one, and the loan that exists only
    // as a copy is moved back to its owner instead of being dropped with the copies.
    Ledger recovered(f.dir(), f.options());
    QCOMPARE(recovered.shardCount(), 2);
    QCOMPARE(recovered.countLoans().total, 400);
    QCOMPARE(recovered.loan(damaged.id), std::optional<Loan>(damaged));
    QCOMPARE(recovered.loan(stray.id), std::optional<Loan>(stray));
    QVERIFY(sumOf(recovered) == sumOf(loans));
    verifyPlacement(f.dir(), from, loans);
}

void TestLedgerMigration::staleCopiesAreRemovedAfterUncleanShutdown()
{
    Fixture f;
    const QVector<Loan> loans = variedLoans(200);
    {
        Ledger ledger(f.dir(), f.options());
        ledger.insertLoans(loans);
    }
    // What a power cut during a migration's delete step can leave: the journal says done, but
    // an old shard still holds a (stale) copy of a moved loan.
    const ShardRing ring(range(2));
    Loan stale = loans[0];
    const int owner = ring.ownerOf(stale.id);
    stale.principal = 1;
    const QString other = f.dir() + u'/' + Shard::fileName(1 - owner);
    {
        Shard shard(1 - owner, other);
        shard.insert({stale});
    }
    // The sign of an unclean shutdown: SQLite left the WAL behind.
    {
        QFile wal(other + QStringLiteral("-wal"));
        QVERIFY(wal.open(QIODevice::WriteOnly));
    }
    Ledger reopened(f.dir(), f.options());
    QCOMPARE(reopened.countLoans().total, 200);
    QCOMPARE(reopened.loan(stale.id), std::optional<Loan>(loans[0]));
    QVERIFY(sumOf(reopened) == sumOf(loans));
    verifyPlacement(f.dir(), ring, loans);
}

void TestLedgerMigration::demoLedgerGrowsWithoutLosingLoans()
{
    Fixture f;
    // A 50 000-loan demo ledger at capacity 1000, scaled down 10x to stay fast.
    Ledger ledger(f.dir(), f.options());
    DemoLedgerOptions demo;
    demo.loans = 5000;
    demo.nowMs = kNow;
    const DemoSeedReport report = seedDemoLedger(ledger, demo);
    QCOMPARE(report.loans, 5000);
    QVERIFY2(report.shards >= 63, qPrintable(QString::number(report.shards))); // 5000 / 80
    QVERIFY(report.shards <= 100);
    QVERIFY(report.migrations >= 1);
    QCOMPARE(ledger.shardCount(), report.shards);
    QCOMPARE(ledger.countLoans().total, 5000);
    qint64 largest = 0;
    for (const ShardLoad &load : ledger.shardLoads())
        largest = std::max(largest, load.loans);
    QVERIFY2(largest < 2 * 100, qPrintable(QString::number(largest)));

    DemoLoanGenerator again(demo.seed, demo.nowMs);
    LoanChecksum expected;
    for (int i = 0; i < 5000; ++i) {
        const Loan loan = again.next();
        expected.add(loan);
        QCOMPARE(ledger.loan(loan.id), std::optional<Loan>(loan));
    }
    QCOMPARE(ledger.checksum(), expected);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, seedDemoLedger(ledger, demo));
}

void TestLedgerMigration::demoLedgerIsDeterministic()
{
    DemoLedgerOptions demo;
    demo.loans = 1500;
    demo.nowMs = kNow;
    Fixture a;
    Fixture b;
    Ledger first(a.dir(), a.options());
    Ledger second(b.dir(), b.options());
    seedDemoLedger(first, demo);
    seedDemoLedger(second, demo);
    QCOMPARE(first.checksum(), second.checksum());
    QCOMPARE(first.shardCount(), second.shardCount());
    QCOMPARE(first.storedPoolTotals(), second.storedPoolTotals());
    QCOMPARE(first.balances(), second.balances());

    // What the demo is for: every pool and commodity, overdue loans (a few beyond 45 days),
    // one stale price, and one pool whose stored totals pool maintenance must correct.
    QSet<QString> pools;
    QSet<int> commodities;
    first.forEachLoan({}, [&](const Loan &loan) {
        pools.insert(loan.pool);
        commodities.insert(int(loan.collateral));
        return true;
    });
    QCOMPARE(pools.size(), 4);
    QCOMPARE(commodities.size(), 3);
    const LoanCounts counts = first.countLoans();
    for (int s = 0; s < kLoanStatusCount; ++s)
        QVERIFY(counts.byStatus[size_t(s)] > 0);
    LoanFilter candidates;
    candidates.statuses = {LoanStatus::Active, LoanStatus::Overdue};
    candidates.dueBeforeMs = kNow - 45 * kDayMs;
    const qint64 beyond45 = first.countLoans(candidates).total;
    QVERIFY2(beyond45 > 0 && beyond45 < 1500 / 20, qPrintable(QString::number(beyond45)));
    LoanFilter unmarked;
    unmarked.statuses = {LoanStatus::Active};
    unmarked.dueBeforeMs = kNow;
    QVERIFY(first.countLoans(unmarked).total > 0);
    QCOMPARE(first.prices().size(), 3);
    QVERIFY(first.price(Commodity::Wheat)->updatedAtMs < kNow - 24 * 3'600'000);
    QVERIFY(first.price(Commodity::Rice)->updatedAtMs > kNow - 24 * 3'600'000);
    QVERIFY(first.balances().cycles > 1'000'000'000'000);
    const QVector<PoolTotals> stored = first.storedPoolTotals();
    const QVector<PoolTotals> derived = first.derivedPoolTotals();
    QCOMPARE(stored.size(), 4);
    int drifted = 0;
    for (int i = 0; i < 4; ++i) {
        if (!(stored[i] == derived[i])) {
            ++drifted;
            QCOMPARE(stored[i].pool, QStringLiteral("pool-sulawesi"));
        }
    }
    QCOMPARE(drifted, 1);

    Fixture c;
    Ledger other(c.dir(), c.options());
    demo.seed += 1;
    seedDemoLedger(other, demo);
    QVERIFY(other.checksum() != first.checksum());
}

QTEST_GUILESS_MAIN(TestLedgerMigration)
#include "tst_ledgermigration.moc"
