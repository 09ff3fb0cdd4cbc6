// Ledger files: the layout on disk, what survives a reopen, and how damaged, newer, missing or
// full files are refused or reported (one line naming the file), with the circuit breaker of a
// failing shard.

#include "ledgertestutil.h"

#include "core/clock.h"
#include "ledger/ledgerfile.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

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

QStringList columns(const QString &path, const char *table)
{
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    QStringList names;
    SQLite::Statement info(db, std::string("PRAGMA table_info(") + table + ")");
    while (info.executeStep())
        names << QString::fromUtf8(info.getColumn(1).getText());
    return names;
}

qint64 scalar(const QString &path, const char *sql)
{
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
}

QString text(const QString &path, const char *sql)
{
    SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
    return QString::fromStdString(db.execAndGet(sql).getString());
}

} // namespace

class TestLedgerFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsLayoutOnFirstOpen();
    void documentedColumns_data();
    void documentedColumns();
    void reopenKeepsEverything();
    void keepsVirtualNodesOfExistingLedger();
    void diskBytesCountsEveryFile();
    void refusesDamagedFileUntouched_data();
    void refusesDamagedFileUntouched();
    void missingShardIsRefused();
    void shardFilesWithoutCatalogAreRefused();
    void halfBuiltShardFileIsNeverUsed();
    void failedInsertNamesFileAndKeepsNothing();
    void failingShardOpensItsBreaker();
};

void TestLedgerFiles::createsLayoutOnFirstOpen()
{
    Fixture f;
    {
        const auto ledger = f.open();
        QCOMPARE(ledger->shardCount(), 2);
        QCOMPARE(ledger->catalogPath(), f.dir() + QStringLiteral("/catalog.db"));
        QCOMPARE(ledger->countLoans().total, 0);
        QCOMPARE(ledger->balances(), Balances());
    }
    QCOMPARE(shardFiles(f.dir()),
             QStringList({QStringLiteral("shard-0000.db"), QStringLiteral("shard-0001.db")}));
    for (const QString &name : {QStringLiteral("catalog.db"), QStringLiteral("shard-0000.db")}) {
        const QString path = f.dir() + u'/' + name;
        QVERIFY2(!sideFilesExist(path), "closing leaves no -wal/-shm behind");
        QCOMPARE(text(path, "PRAGMA journal_mode"), QStringLiteral("wal"));
        QCOMPARE(scalar(path, "PRAGMA user_version"), 2);
    }
    const QString catalog = f.dir() + QStringLiteral("/catalog.db");
    QCOMPARE(scalar(catalog, "SELECT COUNT(*) FROM shards WHERE in_ring = 1"), 2);
    QCOMPARE(text(catalog, "SELECT value FROM ledger_meta WHERE key = 'virtual_nodes'"),
             QStringLiteral("128"));
}

void TestLedgerFiles::documentedColumns_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *file, const char *table, const char *cols) {
        QTest::addRow("%s", table)
            << QString::fromUtf8(file) << QString::fromUtf8(table) << QString::fromUtf8(cols);
    };
    row("shard-0000.db", "loans",
        "id borrower pool principal collateral_commodity collateral_quantity created_ms due_ms "
        "status updated_ms");
    row("catalog.db", "pools", "id total_principal active_loans updated_ms");
    row("catalog.db", "prices", "commodity price updated_at_ms source");
    row("catalog.db", "balances", "account amount updated_ms");
    row("catalog.db", "shards", "id in_ring created_ms");
    row("catalog.db", "migrations",
        "id step outcome from_ring to_ring moved_loans moved_checksum started_ms updated_ms");
}

void TestLedgerFiles::documentedColumns()
{
    QFETCH(QString, file);
    QFETCH(QString, table);
    QFETCH(QString, expected);
    Fixture f;
    f.open();
    QCOMPARE(columns(f.dir() + u'/' + file, table.toUtf8().constData()),
             expected.split(QLatin1Char(' ')));
}

void TestLedgerFiles::reopenKeepsEverything()
{
    Fixture f;
    const QVector<Loan> loans = makeLoans(0, 200);
    LoanChecksum before;
    {
        const auto ledger = f.open();
        ledger->insertLoans(loans);
        ledger->setPrice({Commodity::Corn, 0.31, kNow - 1000, QStringLiteral("oracle")});
        ledger->setBalances({5'000, 700});
        before = ledger->checksum();
    }
    const auto ledger = f.open();
    QCOMPARE(ledger->checksum(), before);
    QCOMPARE(ledger->countLoans().total, 200);
    QCOMPARE(ledger->price(Commodity::Corn)->source, QStringLiteral("oracle"));
    QCOMPARE(ledger->balances(), Balances({5'000, 700}));
    QCOMPARE(ledger->storedPoolTotals(), ledger->derivedPoolTotals());
}

void TestLedgerFiles::keepsVirtualNodesOfExistingLedger()
{
    Fixture f;
    LedgerOptions o = f.options();
    o.virtualNodes = 16;
    QVector<int> owners;
    {
        Ledger ledger(f.dir(), o);
        ledger.insertLoans(makeLoans(0, 100));
        for (int i = 0; i < 100; ++i)
            owners.append(ledger.shardOf(makeLoan(i).id));
    }
    // Reopened with the default 128: placement must not change, or loans would be lost.
    const auto ledger = f.open();
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(ledger->shardOf(makeLoan(i).id), owners[i]);
        QVERIFY(ledger->loan(makeLoan(i).id));
    }
}

void TestLedgerFiles::diskBytesCountsEveryFile()
{
    Fixture f;
    const auto ledger = f.open();
    const auto onDisk = [&] {
        qint64 total = 0;
        for (const QFileInfo &info : QDir(f.dir()).entryInfoList(QDir::Files))
            total += info.size();
        return total;
    };
    const qint64 empty = ledger->diskBytes();
    QCOMPARE(empty, onDisk());
    ledger->insertLoans(makeLoans(0, 2000));
    QCOMPARE(ledger->diskBytes(), onDisk());
    QVERIFY(ledger->diskBytes() > empty + 100'000);
}

void TestLedgerFiles::refusesDamagedFileUntouched_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("message");
    const QString catalog = QStringLiteral("catalog.db");
    const QString shard = QStringLiteral("shard-0001.db");
    QTest::newRow("catalog random bytes")
        << catalog << QStringLiteral("random") << QStringLiteral("not a valid ledger catalog (");
    QTest::newRow("catalog text file")
        << catalog << QStringLiteral("text") << QStringLiteral("not a valid ledger catalog (");
    QTest::newRow("catalog truncated")
        << catalog << QStringLiteral("truncate") << QStringLiteral("not a valid ledger catalog (");
    QTest::newRow("catalog newer") << catalog << QStringLiteral("newer")
                                   << QStringLiteral("newer version of Heartbeat Dashboard "
                                                     "(schema 99; this build reads up to 2)");
    QTest::newRow("catalog foreign")
        << catalog << QStringLiteral("foreign") << QStringLiteral("not a valid ledger catalog (");
    QTest::newRow("shard random bytes")
        << shard << QStringLiteral("random") << QStringLiteral("not a valid ledger shard (");
    QTest::newRow("shard newer") << shard << QStringLiteral("newer")
                                 << QStringLiteral("(schema 99; this build reads up to 2)");
    QTest::newRow("shard foreign")
        << shard << QStringLiteral("foreign") << QStringLiteral("not a valid ledger shard (");
}

void TestLedgerFiles::refusesDamagedFileUntouched()
{
    QFETCH(QString, file);
    QFETCH(QString, damage);
    QFETCH(QString, message);
    Fixture f;
    f.open()->insertLoans(makeLoans(0, 500));
    const QString path = f.dir() + u'/' + file;
    if (damage == QStringLiteral("newer")) {
        SQLite::Database db(utf8(path), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
    } else if (damage == QStringLiteral("foreign")) {
        QFile::remove(path);
        SQLite::Database db(utf8(path), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE notes(body TEXT); PRAGMA user_version = 1");
    } else {
        QByteArray bytes;
        if (damage == QStringLiteral("random")) {
            bytes.resize(8192);
            QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / 4);
        } else if (damage == QStringLiteral("text")) {
            bytes = QByteArrayLiteral("shards = 2\n");
        } else {
            bytes = hb::test::readAll(path);
            bytes.truncate(bytes.size() / 2 / 4096 * 4096);
        }
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes);
    }
    QVERIFY(!sideFilesExist(path));
    const QByteArray before = hb::test::readAll(path);
    const QString other =
        f.dir() + (file == QStringLiteral("catalog.db") ? QStringLiteral("/shard-0000.db")
                                                        : QStringLiteral("/catalog.db"));
    const QByteArray otherBefore = hb::test::readAll(other);
    try {
        f.open();
        QFAIL("a damaged or newer file must be refused");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": ")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        QVERIFY(!e.message().contains(QLatin1Char('\n')));
    }
    QCOMPARE(hb::test::readAll(path), before);
    QVERIFY2(!sideFilesExist(path), "refusing leaves no -wal/-shm behind");
    QCOMPARE(hb::test::readAll(other), otherBefore); // nothing else was opened for writing
}

void TestLedgerFiles::missingShardIsRefused()
{
    Fixture f;
    f.open()->insertLoans(makeLoans(0, 50));
    const QString path = f.dir() + QStringLiteral("/shard-0001.db");
    QVERIFY(QFile::remove(path));
    try {
        f.open();
        QFAIL("a ring shard without its file must be refused");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": missing")),
                 qPrintable(e.message()));
    }
    QVERIFY(!QFile::exists(path)); // not silently recreated empty
}

void TestLedgerFiles::shardFilesWithoutCatalogAreRefused()
{
    Fixture f;
    f.open()->insertLoans(makeLoans(0, 50));
    const QString catalog = f.dir() + QStringLiteral("/catalog.db");
    QVERIFY(QFile::remove(catalog));
    try {
        f.open();
        QFAIL("loans without a catalog must not be hidden by a fresh ledger");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("catalog.db lists no shards")),
                 qPrintable(e.message()));
        QVERIFY2(e.message().startsWith(f.dir() + QStringLiteral("/shard-000")),
                 qPrintable(e.message()));
    }
    // Empty shard files (a crash while creating a ledger) are simply reused.
    QTemporaryDir other;
    const QString dir = other.filePath(QStringLiteral("ledger"));
    Ledger(dir, f.options());
    QVERIFY(QFile::remove(dir + QStringLiteral("/catalog.db")));
    Ledger reopened(dir, f.options());
    QCOMPARE(reopened.shardCount(), 2);
}

void TestLedgerFiles::halfBuiltShardFileIsNeverUsed()
{
    // A new shard file is built under a temporary name and renamed once whole: a process
    // stopped while building leaves only that name, which is neither a shard nor in the way.
    Fixture f;
    QVERIFY(QDir().mkpath(f.dir()));
    const QString leftover = f.dir() + QStringLiteral("/shard-0002.db.new");
    {
        QFile file(leftover);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(1000, 'x'));
    }
    const auto ledger = f.open();
    QCOMPARE(ledger->shardCount(), 2);
    QCOMPARE(ledger->rebalance(5000).shardsAfter, 10); // creates shard-0002 among others
    QVERIFY(!QFile::exists(leftover));
    QCOMPARE(shardFiles(f.dir()).size(), 10);
    QCOMPARE(QDir(f.dir()).entryList({QStringLiteral("*.new")}, QDir::Files), QStringList());
    ledger->insertLoans(makeLoans(0, 500));
    QCOMPARE(ledger->countLoans().total, 500);
    QVERIFY(ledger->shardLoads().at(2).loans > 0);

    // A leftover beside a shard that a scale-down deletes goes with it.
    const QString beside = f.dir() + QStringLiteral("/shard-0009.db.new");
    {
        QFile file(beside);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(1000, 'x'));
    }
    QCOMPARE(ledger->rebalance(0).shardsAfter, 2); // 500 loans on 10 shards: 5 % load
    QVERIFY(!QFile::exists(beside));
    QCOMPARE(ledger->countLoans().total, 500);
}

void TestLedgerFiles::failedInsertNamesFileAndKeepsNothing()
{
    Fixture f;
    auto ledger = f.open();
    // A few loans for shard 0, many for shard 1: shard 0 commits, shard 1 runs out of space.
    QVector<Loan> batch;
    int small = 0;
    for (int i = 0; batch.size() < 3000; ++i) {
        const Loan loan = makeLoan(i);
        const int shard = ledger->shardOf(loan.id);
        if (shard == 1 || small < 5) {
            batch.append(loan);
            small += shard == 0;
        }
    }
    ledger->insertLoans(makeLoans(100'000, 10)); // some loans before
    const LoanChecksum before = ledger->checksum();
    ledger.reset(); // a fresh WAL for the limit to bite on
    ledger = f.open();
    {
        FileSizeLimit full(128 * 1024);
        try {
            ledger->insertLoans(batch);
            QFAIL("a write past the disk's end must fail");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().startsWith(f.dir() + QStringLiteral("/shard-0001.db: cannot "
                                                                     "insert loans (")),
                     qPrintable(e.message()));
        }
    }
    QCOMPARE(ledger->checksum(), before); // shard 0's part was taken back
    ledger->insertLoans(batch);           // with space again, the same call works
    QCOMPARE(ledger->countLoans().total, before.count + batch.size());
}

void TestLedgerFiles::failingShardOpensItsBreaker()
{
    Fixture f;
    const auto ledger = f.open();
    ledger->insertLoans(makeLoans(0, 400));
    QString onShard1;
    QString onShard0;
    for (int i = 0; onShard0.isEmpty() || onShard1.isEmpty(); ++i)
        (ledger->shardOf(makeLoan(i).id) == 1 ? onShard1 : onShard0) = makeLoan(i).id;
    const QString path = f.dir() + QStringLiteral("/shard-0001.db");
    {
        FileSizeLimit full(1024); // every write fails, reads still work
        for (int i = 0; i < 5; ++i) {
            try {
                ledger->updateLoanStatus(onShard1, LoanStatus::Repaid);
                QFAIL("the write must fail");
            } catch (const StoreError &e) {
                QVERIFY2(e.message().startsWith(path + QStringLiteral(": cannot update")),
                         qPrintable(e.message()));
            }
        }
    }
    QCOMPARE(ledger->shardBreakers().at(1).state, BreakerState::Open);
    QCOMPARE(ledger->shardBreakers().at(0).state, BreakerState::Closed);
    try {
        ledger->loan(onShard1); // a read the shard could serve: refused without trying
        QFAIL("an open breaker must refuse");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": shard unavailable after 5 "
                                                              "consecutive failures")),
                 qPrintable(e.message()));
    }
    QVERIFY(ledger->loan(onShard0));                            // other shards still serve
    QVERIFY_THROWS_EXCEPTION(StoreError, ledger->countLoans()); // a partial count would lie
    f.clock->advance(30'000);
    QCOMPARE(ledger->loan(onShard1)->status, LoanStatus::Active); // the trial succeeds
    QCOMPARE(ledger->shardBreakers().at(1).state, BreakerState::Closed);
    QCOMPARE(ledger->countLoans().total, 400);
}

QTEST_GUILESS_MAIN(TestLedgerFiles)
#include "tst_ledgerfiles.moc"
