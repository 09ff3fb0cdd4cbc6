// What heartbeatd refuses, and that it leaves everything as it was: a bad config.json or
// metrics.db (exit 2, one line naming the file, the file untouched), a disk that fills up
// mid-run (exit 2, what was committed stays), a read-only data directory and a second daemon
// on the same directory.

#include "daemontestutil.h"

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

enum BadInput {
    ConfigNotJson,
    ConfigBadValue,
    ConfigUnknownField,
    MetricsGarbage,
    MetricsNewer,
    MetricsNewerNoConfig,
    MetricsDamagedPage,
    DataDirIsFile
};

} // namespace

class TestHeartbeatdRefusals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesBadInputWithoutTouchingIt_data();
    void refusesBadInputWithoutTouchingIt();
    void diskFullStopsWithExitTwo();
    void readOnlyDataDirIsRefused();
    void secondDaemonOnSameDirIsRefused();

private:
    Daemon m_daemon;
    Daemon m_asUser; // logs as it does for a user (info lines on): "one line" is for real
};

void TestHeartbeatdRefusals::initTestCase()
{
    QVERIFY2(m_daemon.init(), "heartbeatd is built and a private home can be made");
    QVERIFY(m_asUser.init());
    m_asUser.setInfoLogging(true);
}

void TestHeartbeatdRefusals::refusesBadInputWithoutTouchingIt_data()
{
    QTest::addColumn<int>("input");
    QTest::addColumn<QString>("mentions"); // besides the file's path

    QTest::newRow("config.json is not JSON") << int(ConfigNotJson) << u"JSON"_s;
    QTest::newRow("config.json tick_interval_ms -5")
        << int(ConfigBadValue) << u"tick_interval_ms"_s;
    QTest::newRow("config.json unknown field") << int(ConfigUnknownField) << u"colour"_s;
    QTest::newRow("metrics.db is garbage") << int(MetricsGarbage) << QString();
    QTest::newRow("metrics.db from a newer version") << int(MetricsNewer) << u"newer"_s;
    // No config.json yet: a refused start must not write one either.
    QTest::newRow("metrics.db from a newer version, no config.json")
        << int(MetricsNewerNoConfig) << u"newer"_s;
    QTest::newRow("metrics.db with a damaged page") << int(MetricsDamagedPage) << u"valid"_s;
    QTest::newRow("data dir is a regular file") << int(DataDirIsFile) << QString();
}

void TestHeartbeatdRefusals::refusesBadInputWithoutTouchingIt()
{
    QFETCH(int, input);
    QFETCH(QString, mentions);

    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    const QString config = dataDir + u"/config.json"_s;
    const QString db = dataDir + u"/metrics.db"_s;
    if (input != DataDirIsFile)
        QVERIFY(QDir().mkpath(dataDir));

    QString badFile;
    switch (BadInput(input)) {
    case ConfigNotJson:
        badFile = config;
        QVERIFY(writeFile(config, "{ \"enabled\": true,\n  \"tick_interval_ms\": 30"));
        break;
    case ConfigBadValue:
        badFile = config;
        QVERIFY(writeFile(config, "{\n    \"version\": 1,\n    \"tick_interval_ms\": -5\n}\n"));
        break;
    case ConfigUnknownField:
        badFile = config;
        QVERIFY(writeFile(config, "{\n    \"version\": 1,\n    \"colour\": \"blue\"\n}\n"));
        break;
    case MetricsGarbage: {
        badFile = db;
        QVERIFY(writeValidConfig(dataDir));
        QByteArray garbage(16 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(20240601);
        for (char &c : garbage)
            c = char(generator.bounded(256));
        QVERIFY(writeFile(db, garbage));
        break;
    }
    case MetricsNewer: {
        badFile = db;
        QVERIFY(writeValidConfig(dataDir));
        SQLite::Database newer(db.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        newer.exec("CREATE TABLE from_the_future(x INTEGER); INSERT INTO from_the_future VALUES(1);"
                   " PRAGMA user_version = 99");
        break;
    }
    case MetricsNewerNoConfig: {
        badFile = db;
        SQLite::Database newer(db.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        newer.exec("CREATE TABLE from_the_future(x INTEGER); PRAGMA user_version = 99");
        break;
    }
    case MetricsDamagedPage: {
        badFile = db;
        QVERIFY(QDir().rmdir(dataDir));
        QVERIFY(m_daemon.createDataDir(dataDir));
        QByteArray bytes = hb::test::readAll(db);
        constexpr qsizetype kPageSize = 4096;
        QVERIFY2(bytes.size() >= 8 * kPageSize, qPrintable(QString::number(bytes.size())));
        bytes.replace(bytes.size() / kPageSize / 2 * kPageSize, 32, QByteArray(32, '\xAA'));
        QVERIFY(writeFile(db, bytes));
        break;
    }
    case DataDirIsFile:
        badFile = dataDir;
        QVERIFY(writeFile(dataDir, "I am a file, not a directory\n"));
        break;
    }
    const QString watched = input == DataDirIsFile ? parent.path() : dataDir;
    const QMap<QString, QByteArray> before = dirContents(watched);
    const QByteArray badBytes = hb::test::readAll(badFile);
    QVERIFY(!badBytes.isEmpty());

    const Result r = m_asUser.run(
        {u"--data-dir"_s, dataDir, u"--demo"_s, u"--tick-ms"_s, u"100"_s, u"--run-for"_s, u"5"_s});
    QVERIFY2(r.exitedWith(2), r.describe());
    QVERIFY2(r.errLines().size() == 1, r.describe());
    const QString line = r.errLines().constFirst();
    QVERIFY2(line.startsWith(u"heartbeatd: "_s), r.describe());
    QVERIFY2(line.contains(badFile), r.describe());
    QVERIFY2(line.contains(mentions), r.describe());

    QCOMPARE(hb::test::readAll(badFile), badBytes);
    // Nothing created either: no metrics.db beside a bad config, no -wal/-shm, no lock left.
    QCOMPARE(dirContents(watched).keys(), before.keys());
    QVERIFY(dirContents(watched) == before);
}

void TestHeartbeatdRefusals::diskFullStopsWithExitTwo()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    const QString db = dataDir + u"/metrics.db"_s;
    QVERIFY(m_daemon.createDataDir(dataDir));
    const qint64 ticksBefore = committedTicks(db);
    QVERIFY(ticksBefore >= 1);

    // No file may grow past the database's present size plus a little: the schema is in place,
    // so start-up succeeds, a few ticks are committed, then the WAL reaches the limit (at 256 KiB
    // of headroom that is ~6 ticks, well under a second at --tick-ms 20).
    const qint64 dbSize = QFileInfo(db).size();
    QVERIFY(dbSize > 0);
    const rlim_t limit = rlim_t(dbSize + 256 * 1024);
    const QDateTime before = QFileInfo(dataDir + u"/config.json"_s).lastModified();

    const Result r = m_daemon.run(
        {u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"20"_s, u"--run-for"_s, u"10"_s}, [limit] {
            const rlimit fileSize{limit, limit};
            ::setrlimit(RLIMIT_FSIZE, &fileSize);
        });
    qInfo("file size limit %lld bytes; heartbeatd stopped after %lld ms", qint64(limit),
          r.elapsedMs);
    // Exit 2 (not killed by SIGXFSZ, not a silent 0 after --run-for).
    QVERIFY2(r.exitedWith(2), r.describe());
    QVERIFY2(r.elapsedMs < 8'000, r.describe());
    // One error line. The demo workload writes the ledger's shards about as fast as the engine
    // writes metrics.db, so a shard may meet the limit first; the ledger then may warn that it
    // could not take back the part of an insert already committed to another shard, and the
    // writer that it could not clear audit entries it has stored from a shard's outbox (they are
    // moved again later and stored once, by uid), and the notifier that it could not log the
    // store failure's notification in metrics.db (it is still sent). Those warnings are allowed;
    // nothing else.
    QStringList errors = r.errLines();
    errors.removeIf([&db](const QString &line) {
        return line.startsWith(u"hb.ledger: could not take back "_s)
            || line.startsWith(u"hb.store: cannot clear the audit outbox: "_s)
            || line.startsWith(u"hb.notify: "_s + db + u": cannot write ("_s);
    });
    QVERIFY2(errors.size() == 1, r.describe());
    QVERIFY2(errors.constFirst().startsWith(u"heartbeatd: "_s), r.describe());
    QVERIFY2(errors.constFirst().contains(db), r.describe());

    // What was committed before the disk filled is intact and self-consistent.
    QCOMPARE(integrityCheck(db), u"ok"_s);
    QVERIFY2(committedTicks(db) > ticksBefore, "the limited run committed nothing: the limit hit "
                                               "start-up, not a running engine");
    const QString mismatch = countersMismatch(db);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    QCOMPARE(QFileInfo(dataDir + u"/config.json"_s).lastModified(), before);
}

void TestHeartbeatdRefusals::readOnlyDataDirIsRefused()
{
    const bool root = ::geteuid() == 0;
    if (root && !othersCanReach(daemonPath()))
        QSKIP(qPrintable(u"running as root and "_s + daemonPath() +
                         u" is not reachable by 'nobody' (a parent folder lacks o+x), so the "
                         "permission check cannot be run unprivileged"_s));

    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    // QTemporaryDir is 0700; 'nobody' must be able to reach the data directory inside it.
    QVERIFY(QFile::setPermissions(
        parent.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                           QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup));
    if (root && !othersCanReach(parent.path()))
        QSKIP(qPrintable(u"the temporary folder "_s + parent.path() +
                         u" is not reachable by 'nobody'"_s));
    const QString dataDir = parent.filePath(u"data"_s);
    QVERIFY(m_daemon.createDataDir(dataDir)); // as the owner

    const QFile::Permissions readOnlyFile = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    const QFile::Permissions readOnlyDir =
        readOnlyFile | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    const QStringList files = QDir(dataDir).entryList(QDir::Files | QDir::Hidden);
    QVERIFY(files.contains(u"metrics.db"_s));
    for (const QString &name : files)
        QVERIFY(QFile::setPermissions(dataDir + u'/' + name, readOnlyFile));
    QVERIFY(QFile::setPermissions(dataDir, readOnlyDir));
    // Give it back to the owner so QTemporaryDir can clean up, whatever happens below.
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(dataDir, readOnlyDir | QFile::WriteOwner);
        for (const QString &name : files)
            QFile::setPermissions(dataDir + u'/' + name, readOnlyFile | QFile::WriteOwner);
    });
    const QMap<QString, QByteArray> before = dirContents(dataDir);

    // Root ignores permission bits: run the daemon as 'nobody', who owns none of this.
    std::function<void()> asNobody;
    if (root) {
        asNobody = [] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
                ::_exit(126);
        };
    }
    const Result r = m_asUser.run(
        {u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"100"_s, u"--run-for"_s, u"5"_s}, asNobody);
    QVERIFY2(r.exitCode != 126 || !root, "could not switch to the user 'nobody'");
    QVERIFY2(r.exitedWith(2), r.describe());
    QVERIFY2(r.errLines().size() == 1, r.describe());
    QVERIFY2(r.errLines().constFirst().startsWith(u"heartbeatd: "_s), r.describe());
    QVERIFY2(r.errLines().constFirst().contains(dataDir), r.describe());
    qInfo().noquote() << (root ? "as nobody:" : "read-only:") << r.errLines().constFirst();
    QVERIFY(dirContents(dataDir) == before);
}

void TestHeartbeatdRefusals::secondDaemonOnSameDirIsRefused()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    const QString db = dataDir + u"/metrics.db"_s;

    QElapsedTimer sinceStart;
    sinceStart.start();
    const auto first = m_daemon.startTicking(dataDir, {u"--demo"_s, u"--tick-ms"_s, u"100"_s}, 1);
    QVERIFY(first);

    const Result second = m_asUser.run(
        {u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"100"_s, u"--run-for"_s, u"5"_s}, {}, 10'000);
    QVERIFY2(second.exitedWith(2), second.describe());
    QVERIFY2(second.elapsedMs < 4'000, second.describe());
    QVERIFY2(second.errLines().size() == 1, second.describe());
    const QString line = second.errLines().constFirst();
    QVERIFY2(line.contains(dataDir), second.describe());
    QVERIFY2(line.contains(u"in use"_s), second.describe());
    QVERIFY2(line.contains(QString::number(first->processId())), second.describe());

    // The first one did not notice: it is still running and still ticking.
    QCOMPARE(first->state(), QProcess::Running);
    const qint64 ticks = committedTicks(db);
    QTRY_VERIFY_WITH_TIMEOUT(committedTicks(db) > ticks, 5'000);

    first->terminate();
    const Result stopped = finish(*first, sinceStart, kStopBudgetMs);
    QVERIFY2(stopped.exitedWith(0), stopped.describe());
    QVERIFY2(stopped.err.isEmpty(), stopped.describe());
    const QString mismatch = countersMismatch(db);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

QTEST_GUILESS_MAIN(TestHeartbeatdRefusals)
#include "tst_heartbeatd_refusals.moc"
