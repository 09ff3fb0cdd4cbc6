// MetricsStore and files it cannot use: a newer, invalid or truncated metrics.db is refused and
// left byte-for-byte as it was; a read-only folder or a full disk is reported at open, and a
// write that fills the disk keeps what was committed.

#include "metricsstoretestutil.h"

using namespace hb;
using namespace hb::test;

class TestMetricsStoreFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesNewerFileUnchanged_data();
    void refusesNewerFileUnchanged();
    void refusesInvalidFileUnchanged_data();
    void refusesInvalidFileUnchanged();
    void truncatedCopy_data();
    void truncatedCopy();
    void damagedPageRefusedUnchanged_data();
    void damagedPageRefusedUnchanged();
    void readOnlyReportedAtOpen_data();
    void readOnlyReportedAtOpen();
    void fullDiskReportedAtOpen_data();
    void fullDiskReportedAtOpen();
    void fullDiskOnWriteKeepsCommittedData();

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("m%1.db").arg(++m_serial)); }
};

void TestMetricsStoreFiles::refusesNewerFileUnchanged_data()
{
    QTest::addColumn<QString>("journalMode");
    QTest::newRow("rollback journal") << QStringLiteral("DELETE");
    QTest::newRow("wal") << QStringLiteral("WAL");
}

void TestMetricsStoreFiles::refusesNewerFileUnchanged()
{
    QFETCH(QString, journalMode);
    const QString path = newPath();
    {
        SQLite::Database db(utf8(path), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(utf8(QStringLiteral("PRAGMA journal_mode = ") + journalMode));
        db.exec("CREATE TABLE executions(id INTEGER PRIMARY KEY, lineage TEXT);"
                "INSERT INTO executions(lineage) VALUES('from the future');"
                "PRAGMA user_version = 99");
    }
    const QByteArray bytes = test::readAll(path);
    QVERIFY(!sideFilesExist(path));

    try {
        MetricsStore store(path);
        QFAIL("a newer file must be refused");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": ")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("newer version")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("schema 99; this build reads up to %1")
                                          .arg(MetricsStore::SchemaVersion)),
                 qPrintable(e.message()));
        QVERIFY(!e.message().contains(QLatin1Char('\n')));
    }
    QCOMPARE(test::readAll(path), bytes);
    QVERIFY2(!sideFilesExist(path), "refusing must not leave -wal/-shm files behind");
    QCOMPARE(MetricsStore::fileSchemaVersion(path), 99);
    QVERIFY(!sideFilesExist(path));
}

void TestMetricsStoreFiles::refusesInvalidFileUnchanged_data()
{
    QTest::addColumn<QByteArray>("content");
    QRandomGenerator rng(7);
    QByteArray random(8192, Qt::Uninitialized);
    rng.fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    QTest::newRow("random bytes") << random;
    QTest::newRow("text file") << QByteArrayLiteral("tick_interval = 30\nenabled = true\n");
    QTest::newRow("sqlite magic then garbage")
        << QByteArray("SQLite format 3\0", 16) + random.left(4080);
}

void TestMetricsStoreFiles::refusesInvalidFileUnchanged()
{
    QFETCH(QByteArray, content);
    const QString path = newPath();
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    try {
        MetricsStore store(path);
        QFAIL("an invalid file must be refused");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": not a valid metrics database (")),
                 qPrintable(e.message()));
    }
    QCOMPARE(test::readAll(path), content);
    QVERIFY(!sideFilesExist(path));
    QCOMPARE(MetricsStore::fileSchemaVersion(path), -1);
}

void TestMetricsStoreFiles::truncatedCopy_data()
{
    QTest::addColumn<QString>("cut");
    QTest::addColumn<bool>("refused");
    // SQLite compares the page count in the header with the file size: a copy missing at least
    // a whole page is refused at open, before anything is written to it.
    QTest::newRow("header only") << QStringLiteral("header") << true;
    QTest::newRow("half") << QStringLiteral("half") << true;
    QTest::newRow("last page missing") << QStringLiteral("page") << true;
    // Cut inside the last page: the page count still matches and SQLite reads the missing tail
    // as zeros, which the open's quick_check (page structure, not every value) takes for data:
    // the store opens it.
    QTest::newRow("last byte missing") << QStringLiteral("byte") << false;
    // An empty file is an empty SQLite database: it becomes a fresh store.
    QTest::newRow("empty") << QStringLiteral("empty") << false;
}

void TestMetricsStoreFiles::truncatedCopy()
{
    QFETCH(QString, cut);
    QFETCH(bool, refused);
    const QString source = newPath();
    {
        MetricsStore store(source);
        for (int i = 0; i < 5; ++i)
            store.write(bigBatch(kBase + i * kMinute, 400));
    }
    QByteArray bytes = test::readAll(source);
    const qsizetype pageSize = 4096;
    QVERIFY(bytes.size() > 20 * pageSize);
    QCOMPARE(bytes.size() % pageSize, 0);
    const qsizetype pages = bytes.size() / pageSize;
    if (cut == QStringLiteral("header"))
        bytes.truncate(100);
    else if (cut == QStringLiteral("half"))
        bytes.truncate(pages / 2 * pageSize);
    else if (cut == QStringLiteral("page"))
        bytes.truncate(bytes.size() - pageSize);
    else if (cut == QStringLiteral("byte"))
        bytes.chop(1);
    else
        bytes.clear();
    const QString path = newPath();
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    try {
        MetricsStore store(path);
        QVERIFY2(!refused, "a copy missing whole pages must be refused");
        QCOMPARE(MetricsStore::fileSchemaVersion(path), MetricsStore::SchemaVersion);
    } catch (const StoreError &e) {
        QVERIFY2(refused, qPrintable(e.message()));
        QCOMPARE(e.message(), path + QStringLiteral(": not a valid metrics database (database disk"
                                                    " image is malformed)"));
        QCOMPARE(test::readAll(path), bytes);
        QVERIFY(!sideFilesExist(path));
    }
}

void TestMetricsStoreFiles::damagedPageRefusedUnchanged_data()
{
    QTest::addColumn<int>("percent"); // where in the file the damaged page sits
    QTest::newRow("second page") << 0;
    QTest::newRow("a quarter in") << 25;
    QTest::newRow("half way") << 50;
    QTest::newRow("near the end") << 90;
}

// Bytes overwritten inside the file (a bad sector, another program): refused at open, before
// this store writes anything, not at some later write after it changed the file.
void TestMetricsStoreFiles::damagedPageRefusedUnchanged()
{
    QFETCH(int, percent);
    const QString path = newPath();
    {
        MetricsStore store(path);
        for (int i = 0; i < 5; ++i)
            store.write(bigBatch(kBase + i * kMinute, 400));
    }
    QVERIFY(!sideFilesExist(path)); // closed cleanly: everything is in the main file
    QByteArray bytes = test::readAll(path);
    constexpr qsizetype kPageSize = 4096;
    const qsizetype pages = bytes.size() / kPageSize;
    QVERIFY(pages > 20);
    const qsizetype page = std::clamp<qsizetype>(pages * percent / 100, 1, pages - 1);
    bytes.replace(page * kPageSize, 32, QByteArray(32, '\xAA'));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    try {
        MetricsStore store(path);
        QFAIL(qPrintable(QStringLiteral("page %1 of %2 damaged, yet the store opened")
                             .arg(page + 1)
                             .arg(pages)));
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": not a valid metrics database (")),
                 qPrintable(e.message()));
        QVERIFY(!e.message().contains(QLatin1Char('\n')));
    }
    QCOMPARE(test::readAll(path), bytes);
    QVERIFY(!sideFilesExist(path));
}

void TestMetricsStoreFiles::readOnlyReportedAtOpen_data()
{
    QTest::addColumn<bool>("fileReadOnly");
    QTest::addColumn<bool>("folderReadOnly");
    QTest::addColumn<QString>("hint");
    QTest::newRow("file and folder") << true << true << QStringLiteral("the file is read-only");
    QTest::newRow("file") << true << false << QStringLiteral("the file is read-only");
    QTest::newRow("folder") << false << true << QStringLiteral("its folder is read-only");
}

void TestMetricsStoreFiles::readOnlyReportedAtOpen()
{
    QFETCH(bool, fileReadOnly);
    QFETCH(bool, folderReadOnly);
    QFETCH(QString, hint);
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/metrics.db");
    MetricsStore(path).write(bigBatch(kBase, 10));
    const QByteArray bytes = test::readAll(path);

    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    });
    const auto readAll = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    const auto exeAll = QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    if (fileReadOnly)
        QVERIFY(QFile::setPermissions(path, readAll)); // 0444
    if (folderReadOnly)
        QVERIFY(QFile::setPermissions(folder, readAll | exeAll)); // 0555
    {
        QFile probe(folderReadOnly ? folder + QStringLiteral("/probe") : path);
        if (probe.open(QIODevice::WriteOnly | QIODevice::Append)) {
            if (folderReadOnly)
                probe.remove();
            QSKIP("running as root: file permissions are not enforced, so a read-only file or "
                  "folder cannot be simulated (fullDiskReportedAtOpen covers the write probe)");
        }
    }
    try {
        MetricsStore store(path);
        QFAIL("a store that cannot be written must be refused at open");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": cannot write (")),
                 qPrintable(e.message()));
        QVERIFY2(e.message().contains(hint), qPrintable(e.message()));
    }
    QCOMPARE(test::readAll(path), bytes);
    QVERIFY2(!sideFilesExist(path), "a refused open leaves no -wal/-shm behind");
    QCOMPARE(integrity(path), QStringLiteral("ok"));
}

void TestMetricsStoreFiles::fullDiskReportedAtOpen_data()
{
    QTest::addColumn<bool>("existing");
    QTest::newRow("existing file") << true;
    QTest::newRow("new file") << false;
}

void TestMetricsStoreFiles::fullDiskReportedAtOpen()
{
    QFETCH(bool, existing);
    const QString path = newPath();
    if (existing)
        MetricsStore(path).write(bigBatch(kBase, 100));
    const QByteArray bytes = test::readAll(path);
    {
        FileSizeLimit full(4096);
        try {
            MetricsStore store(path);
            QFAIL("a store that cannot commit must be refused at open");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().startsWith(path + QStringLiteral(": cannot write (")),
                     qPrintable(e.message()));
        }
    }
    if (existing) {
        QCOMPARE(test::readAll(path), bytes);
        QCOMPARE(integrity(path), QStringLiteral("ok"));
        QCOMPARE(MetricsStore(path).loadState().breakers.size(), 0); // opens again with space
    } else {
        QVERIFY2(!QFile::exists(path), "a database that could not be created is not left behind");
        QVERIFY(!sideFilesExist(path));
    }
}

void TestMetricsStoreFiles::fullDiskOnWriteKeepsCommittedData()
{
    const QString path = newPath();
    MetricsStore store(path);
    WriteBatch first = bigBatch(kBase, 50);
    first.state = PersistedState();
    first.state->metrics.tickCount = 7;
    store.write(first);

    WriteBatch big = bigBatch(kBase + kHour, 20'000);
    big.state = PersistedState();
    big.state->metrics.tickCount = 8;
    {
        FileSizeLimit full(64 * 1024);
        try {
            store.write(big);
            QFAIL("a write past the disk's end must fail");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().startsWith(path + QStringLiteral(": write failed (")),
                     qPrintable(e.message()));
        }
    }
    QCOMPARE(integrity(path), QStringLiteral("ok"));
    {
        SQLite::Database db(utf8(path), SQLite::OPEN_READONLY);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM executions")), 50);
        QCOMPARE(scalar(db, QStringLiteral("SELECT sum(runs) FROM exec_minute")), 50);
    }
    QCOMPARE(store.loadState().metrics.tickCount, 7);

    // Once there is space again the same store writes normally.
    store.write(big);
    QCOMPARE(store.loadState().metrics.tickCount, 8);
    QCOMPARE(integrity(path), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestMetricsStoreFiles)
#include "tst_metricsstorefiles.moc"
