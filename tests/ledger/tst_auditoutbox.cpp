// The audit outbox of the ledger files: a change and its audit entry are committed in the same
// transaction of the file that changes, taken once, acknowledged away, taken again when not;
// a shard retired by a migration hands its entries to the catalog; refused changes change
// nothing.

#include "core/clock.h"
#include "ledger/catalog.h"
#include "ledgertestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

AuditNote note(const QString &action)
{
    return {QStringLiteral("heartbeat:test"), action, {{QStringLiteral("why"), QStringLiteral("test")}}};
}

QJsonObject detailOf(const AuditEntry &entry)
{
    return QJsonDocument::fromJson(entry.detail.toUtf8()).object();
}

// Rows in the audit_outbox of one file, read directly.
qint64 outboxRows(const QString &path)
{
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM audit_outbox").getInt64();
}

QStringList actions(const QVector<AuditEntry> &entries)
{
    QStringList names;
    for (const AuditEntry &e : entries)
        names << e.action;
    return names;
}

QStringList uidsOf(const QVector<AuditEntry> &entries)
{
    QStringList uids;
    for (const AuditEntry &e : entries)
        uids << e.uid;
    return uids;
}

} // namespace

class TestAuditOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void eachChangeWritesOneEntryInItsFile();
    void refusedOrUnappliedChangesWriteNothing();
    void insertWritesOneEntryPerShard();
    void overdueMarkingNamesItsLoans();
    void takenOnceUntilAcknowledgedOrReleased();
    void leftoversAreTakenAfterReopen();
    void conflictTakesBackTheEntries();
    void poolCorrectionIsAtomicAndAudited();
    void retiredShardHandsItsEntriesToTheCatalog();
    void refusedChangesChangeNothing();
    void olderFilesGainTheOutbox();

private:
    std::unique_ptr<Ledger> open(LedgerOptions options = {});
    QString dir() const { return m_dir->path(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<FakeClock> m_clock;
};

void TestAuditOutbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_shared<FakeClock>(kNow);
}

void TestAuditOutbox::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Ledger> TestAuditOutbox::open(LedgerOptions options)
{
    options.clock = m_clock;
    return std::make_unique<Ledger>(dir(), options);
}

void TestAuditOutbox::eachChangeWritesOneEntryInItsFile()
{
    auto ledger = open();
    ledger->insertLoans(makeLoans(0, 10));
    QCOMPARE(ledger->takeOutbox().size(), 0); // no note: not audited

    const QString id = makeLoan(3).id;
    const StatusChange change =
        ledger->updateLoanStatus(id, LoanStatus::Liquidated, note(QStringLiteral("loan_liquidated")));
    QVERIFY(change.applied);
    const QString shardPath = dir() + u'/' + Shard::fileName(ledger->shardOf(id));
    QCOMPARE(outboxRows(shardPath), 1); // in the shard that changed, not the catalog
    QCOMPARE(outboxRows(ledger->catalogPath()), 0);

    ledger->setBalances({1000, 10}, note(QStringLiteral("balances_set")));
    QVERIFY(ledger->transferTreasuryToCycles(100, note(QStringLiteral("cycles_topped_up"))).applied);
    QVERIFY(ledger->creditTreasury(5, note(QStringLiteral("treasury_credited"))).applied);
    ledger->setPrice({Commodity::Rice, 12.5, kNow, QStringLiteral("test")},
                     note(QStringLiteral("price_updated")));
    QCOMPARE(outboxRows(ledger->catalogPath()), 4);

    const QVector<AuditEntry> taken = ledger->takeOutbox();
    QCOMPARE(taken.size(), 5);
    const QStringList uids = uidsOf(taken);
    QCOMPARE(QSet<QString>(uids.begin(), uids.end()).size(), 5); // each its own id
    for (const AuditEntry &e : taken) {
        QCOMPARE(e.actor, u"heartbeat:test"_s);
        QCOMPARE(e.tsMs, kNow);
        QCOMPARE(detailOf(e).value(u"why"_s).toString(), u"test"_s); // the note's own detail
    }
    const auto find = [&](const QString &action) {
        for (const AuditEntry &e : taken) {
            if (e.action == action)
                return detailOf(e);
        }
        return QJsonObject();
    };
    // What only the ledger knows is added to the note's detail.
    QCOMPARE(find(u"loan_liquidated"_s).value(u"loan"_s).toString(), id);
    QCOMPARE(find(u"loan_liquidated"_s).value(u"before"_s).toString(), u"active"_s);
    QCOMPARE(find(u"loan_liquidated"_s).value(u"after"_s).toString(), u"liquidated"_s);
    const QJsonObject topUp = find(u"cycles_topped_up"_s);
    QCOMPARE(topUp.value(u"amount"_s).toInteger(), 100);
    QCOMPARE(topUp.value(u"before"_s).toObject().value(u"treasury"_s).toInteger(), 1000);
    QCOMPARE(topUp.value(u"after"_s).toObject().value(u"cycles"_s).toInteger(), 110);
    QCOMPARE(find(u"price_updated"_s).value(u"commodity"_s).toString(), u"rice"_s);

    // Catalog changes are counted in the same transactions.
    const QHash<QString, qint64> counts = ledger->catalogChangeCounts();
    QCOMPARE(counts.value(u"cycles_topped_up"_s), 1);
    QCOMPARE(counts.value(u"price_updated"_s), 1);
    QCOMPARE(counts.value(u"loan_liquidated"_s), 0); // a shard's change, not the catalog's
}

void TestAuditOutbox::refusedOrUnappliedChangesWriteNothing()
{
    auto ledger = open();
    ledger->insertLoans(makeLoans(0, 4));
    const QString id = makeLoan(1).id;
    QVERIFY(ledger->repayLoan(id, note(QStringLiteral("loan_repaid"))).applied);
    // A closed loan is final: the second repayment is not applied, nor audited.
    QVERIFY(!ledger->repayLoan(id, note(QStringLiteral("loan_repaid"))).applied);
    QVERIFY(!ledger->updateLoanStatus(u"no-such-loan"_s, LoanStatus::Repaid,
                                      note(QStringLiteral("loan_repaid")))
                 .found);
    // A transfer the treasury cannot cover is refused, and so is its entry.
    ledger->setBalances({10, 0});
    QVERIFY(!ledger->transferTreasuryToCycles(100, note(QStringLiteral("cycles_topped_up"))).applied);
    QCOMPARE(actions(ledger->takeOutbox()), QStringList{u"loan_repaid"_s});
}

void TestAuditOutbox::insertWritesOneEntryPerShard()
{
    auto ledger = open();
    const QVector<Loan> loans = makeLoans(0, 40);
    ledger->insertLoans(loans, note(QStringLiteral("loans_opened")));
    const QVector<AuditEntry> taken = ledger->takeOutbox();
    QCOMPARE(taken.size(), ledger->shardCount());
    qint64 counted = 0;
    QSet<QString> ids;
    for (const AuditEntry &e : taken) {
        const QJsonObject d = detailOf(e);
        counted += d.value(u"count"_s).toInteger();
        for (const QJsonValue &v : d.value(u"loans"_s).toArray())
            ids.insert(v.toString());
        // The shard named is the one that holds those loans.
        for (const QJsonValue &v : d.value(u"loans"_s).toArray())
            QCOMPARE(ledger->shardOf(v.toString()), d.value(u"shard"_s).toInt());
    }
    QCOMPARE(counted, qint64(loans.size()));
    QCOMPARE(ids.size(), loans.size());
}

void TestAuditOutbox::overdueMarkingNamesItsLoans()
{
    auto ledger = open();
    const QVector<Loan> loans = makeLoans(0, 60); // half of them past due
    ledger->insertLoans(loans);
    const qint64 marked = ledger->markOverdueLoans(note(QStringLiteral("loans_marked_overdue")));
    QVERIFY(marked > 0);
    QSet<QString> named;
    qint64 counted = 0;
    for (const AuditEntry &e : ledger->takeOutbox()) {
        const QJsonObject d = detailOf(e);
        counted += d.value(u"count"_s).toInteger();
        for (const QJsonValue &v : d.value(u"loans"_s).toArray()) {
            named.insert(v.toString());
            QCOMPARE(ledger->loan(v.toString())->status, LoanStatus::Overdue);
            QCOMPARE(ledger->shardOf(v.toString()), d.value(u"shard"_s).toInt());
        }
    }
    QCOMPARE(counted, marked);
    QCOMPARE(qint64(named.size()), marked);
    // Nothing left to mark: no change, no entry.
    QCOMPARE(ledger->markOverdueLoans(note(QStringLiteral("loans_marked_overdue"))), 0);
    QCOMPARE(ledger->takeOutbox().size(), 0);
}

void TestAuditOutbox::takenOnceUntilAcknowledgedOrReleased()
{
    auto ledger = open();
    ledger->setBalances({1000, 0});
    for (int i = 0; i < 3; ++i)
        ledger->creditTreasury(1, note(QStringLiteral("treasury_credited")));
    const QVector<AuditEntry> first = ledger->takeOutbox(2);
    QCOMPARE(first.size(), 2);
    const QVector<AuditEntry> second = ledger->takeOutbox();
    QCOMPARE(second.size(), 1); // the claimed two are not handed out again
    QVERIFY(!uidsOf(first).contains(second.constFirst().uid));
    QCOMPARE(ledger->takeOutbox().size(), 0);

    // A failed commit releases them: they are taken again, and only them.
    ledger->releaseOutbox(uidsOf(first));
    QCOMPARE(uidsOf(ledger->takeOutbox()), uidsOf(first));

    ledger->acknowledgeOutbox(uidsOf(first) + uidsOf(second));
    QCOMPARE(outboxRows(ledger->catalogPath()), 0);
    ledger->releaseOutbox(uidsOf(first)); // late answers about deleted rows are harmless
    QCOMPARE(ledger->takeOutbox().size(), 0);
}

void TestAuditOutbox::leftoversAreTakenAfterReopen()
{
    QStringList written;
    {
        auto ledger = open();
        ledger->insertLoans(makeLoans(0, 12));
        ledger->updateLoanStatus(makeLoan(2).id, LoanStatus::Liquidated,
                                 note(QStringLiteral("loan_liquidated")));
        ledger->setBalances({5, 5}, note(QStringLiteral("balances_set")));
        const QVector<AuditEntry> taken = ledger->takeOutbox();
        QCOMPARE(taken.size(), 2);
        written = uidsOf(taken);
        // Taken but never acknowledged: the process stops before metrics.db commits.
    }
    auto ledger = open();
    QStringList again = uidsOf(ledger->takeOutbox());
    std::sort(again.begin(), again.end());
    std::sort(written.begin(), written.end());
    QCOMPARE(again, written); // the same entries, with the same ids: stored once downstream
}

void TestAuditOutbox::conflictTakesBackTheEntries()
{
    auto ledger = open();
    ledger->insertLoans({makeLoan(7)});
    // Loans for several shards, one of which already holds loan 7: the whole call is undone,
    // the entries of the shards that had committed included.
    QVector<Loan> loans = makeLoans(100, 30);
    loans.append(makeLoan(7));
    QVERIFY_THROWS_EXCEPTION(LoanConflictError,
                             ledger->insertLoans(loans, note(QStringLiteral("loans_opened"))));
    QCOMPARE(ledger->countLoans().total, 1);
    QCOMPARE(ledger->takeOutbox().size(), 0);
}

void TestAuditOutbox::poolCorrectionIsAtomicAndAudited()
{
    auto ledger = open();
    ledger->insertLoans(makeLoans(0, 30));
    const QVector<PoolTotals> derived = ledger->derivedPoolTotals();
    QCOMPARE(ledger->correctPoolTotals(note(QStringLiteral("pool_corrected"))).size(), 0);

    QVector<PoolTotals> drifted = ledger->storedPoolTotals();
    QVERIFY(drifted.size() >= 2);
    drifted[0].totalPrincipal += 999;
    ledger->setStoredPoolTotals({drifted[0]});
    const QVector<PoolCorrection> fixes = ledger->correctPoolTotals(note(QStringLiteral("pool_corrected")));
    QCOMPARE(fixes.size(), 1);
    QCOMPARE(fixes[0].before.totalPrincipal, drifted[0].totalPrincipal);
    QCOMPARE(ledger->storedPoolTotals(), derived);
    const QVector<AuditEntry> taken = ledger->takeOutbox();
    QCOMPARE(taken.size(), 1);
    QCOMPARE(detailOf(taken[0]).value(u"pool"_s).toString(), drifted[0].pool);
    QCOMPARE(ledger->catalogChangeCounts().value(u"pool_corrected"_s), 1);
    QCOMPARE(ledger->correctPoolTotals(note(QStringLiteral("pool_corrected"))).size(), 0);
}

void TestAuditOutbox::retiredShardHandsItsEntriesToTheCatalog()
{
    LedgerOptions options;
    options.initialShards = 2;
    auto ledger = open(options);
    // Grow to several shards, audit a change on each, then shrink: shards leave the ring and
    // their files are deleted, but no entry is lost.
    ledger->insertLoans(makeLoans(0, 2400));
    ledger->rebalance();
    const int grown = ledger->shardCount();
    QVERIFY2(grown > 2, qPrintable(QString::number(grown)));
    QStringList liquidated;
    LoanFilter all;
    ledger->forEachLoan(all, [&](const Loan &loan) {
        if (liquidated.size() < 200)
            liquidated << loan.id;
        return true;
    });
    for (const QString &id : std::as_const(liquidated))
        ledger->updateLoanStatus(id, LoanStatus::Liquidated, note(QStringLiteral("loan_liquidated")));
    // Remove most loans directly so the policy shrinks the ring.
    for (int id : ledger->shardIds()) {
        const QString path = dir() + u'/' + Shard::fileName(id);
        SQLite::Database db(utf8(path), SQLite::OPEN_READWRITE);
        db.exec("DELETE FROM loans WHERE status <> 'liquidated'");
    }
    ledger.reset(); // the loan counts are cached per open shard
    ledger = open(options);
    ledger->rebalance();
    QVERIFY2(ledger->shardCount() < grown, qPrintable(QString::number(ledger->shardCount())));
    QCOMPARE(shardFiles(dir()).size(), ledger->shardCount());

    const QVector<AuditEntry> taken = ledger->takeOutbox(10'000);
    QSet<QString> loans;
    for (const AuditEntry &e : taken)
        loans.insert(detailOf(e).value(u"loan"_s).toString());
    QCOMPARE(loans.size(), liquidated.size());
    QCOMPARE(taken.size(), liquidated.size());
    ledger->acknowledgeOutbox(uidsOf(taken));
    QCOMPARE(ledger->takeOutbox(10'000).size(), 0);
    ledger.reset();
    ledger = open(options);
    QCOMPARE(ledger->takeOutbox(10'000).size(), 0); // acknowledged means gone from every file
}

void TestAuditOutbox::refusedChangesChangeNothing()
{
    auto ledger = open();
    ledger->insertLoans(makeLoans(0, 6));
    ledger->setBalances({1000, 10});
    const LoanSum before = sumOf(*ledger);
    ledger->refuseChanges(u"ledger changes refused: the metrics store failed (disk full)"_s);
    const QString id = makeLoan(1).id;
    try {
        ledger->updateLoanStatus(id, LoanStatus::Liquidated, note(QStringLiteral("loan_liquidated")));
        QFAIL("a refused change went through");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().contains(u"disk full"_s), qPrintable(e.message()));
    }
    QVERIFY_THROWS_EXCEPTION(StoreError, ledger->transferTreasuryToCycles(5));
    QVERIFY_THROWS_EXCEPTION(StoreError, ledger->insertLoans({makeLoan(99)}));
    QVERIFY_THROWS_EXCEPTION(StoreError, ledger->markOverdueLoans());
    QVERIFY_THROWS_EXCEPTION(StoreError, ledger->correctPoolTotals(note(u"pool_corrected"_s)));
    QVERIFY_THROWS_EXCEPTION(StoreError, ledger->rebalance());
    // Reads go on.
    QCOMPARE(ledger->loan(id)->status, makeLoan(1).status);
    QCOMPARE(sumOf(*ledger).count, before.count);
    QCOMPARE(ledger->balances(), (Balances{1000, 10}));
    QCOMPARE(ledger->takeOutbox().size(), 0);

    ledger->allowChanges();
    QVERIFY(ledger->updateLoanStatus(id, LoanStatus::Liquidated).applied);
}

void TestAuditOutbox::olderFilesGainTheOutbox()
{
    {
        auto ledger = open();
        ledger->insertLoans(makeLoans(0, 10));
    }
    // Make every file what a v1 ledger wrote: no outbox, no change counters.
    QStringList files = shardFiles(dir());
    for (QString &f : files)
        f = dir() + u'/' + f;
    files << dir() + u"/catalog.db"_s;
    for (const QString &path : std::as_const(files)) {
        SQLite::Database db(utf8(path), SQLite::OPEN_READWRITE);
        db.exec("DROP TABLE audit_outbox");
        if (db.tableExists("ledger_changes"))
            db.exec("DROP TABLE ledger_changes");
        db.exec("PRAGMA user_version = 1");
    }
    auto ledger = open();
    QCOMPARE(ledger->countLoans().total, 10); // nothing lost
    ledger->setBalances({1, 1}, note(QStringLiteral("balances_set")));
    ledger->repayLoan(makeLoan(4).id, note(QStringLiteral("loan_repaid")));
    QCOMPARE(ledger->takeOutbox().size(), 2);
    for (const QString &path : std::as_const(files)) {
        SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
        QCOMPARE(db.execAndGet("PRAGMA user_version").getInt(), 2);
    }
}

QTEST_GUILESS_MAIN(TestAuditOutbox)
#include "tst_auditoutbox.moc"
