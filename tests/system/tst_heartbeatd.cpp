// heartbeatd as a user, a script or a service manager drives it: options and exit statuses,
// what a run leaves in the data directory, clean stops on signals and crash safety under
// kill -9. What it refuses (bad files, a full disk, a read-only directory, a second daemon):
// tst_heartbeatd_refusals.

#include "daemontestutil.h"

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

class TestHeartbeatd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void options_data();
    void options();
    void demoRunRecordsAndRestartContinues();
    void stopsCleanlyOnSignal_data();
    void stopsCleanlyOnSignal();
    void killNineLeavesConsistentStore_data();
    void killNineLeavesConsistentStore();
    void killNineKeepsThePauseAndTheOpenBreaker();

private:
    Daemon m_daemon;
};

void TestHeartbeatd::initTestCase()
{
    QVERIFY2(m_daemon.init(), "heartbeatd is built and a private home can be made");
}

void TestHeartbeatd::options_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("stdoutMentions");
    QTest::addColumn<QString>("errorMentions"); // bad options: the one stderr line names this

    const QStringList everyOption{u"--data-dir"_s, u"--demo"_s, u"--tick-ms"_s,
                                  u"--run-for"_s,  u"--help"_s, u"--version"_s};
    QTest::newRow("--help") << QStringList{u"--help"_s} << 0 << everyOption << QString();
    QTest::newRow("--version") << QStringList{u"--version"_s} << 0
                               << QStringList{u"heartbeatd"_s, QStringLiteral(HB_VERSION)}
                               << QString();
    QTest::newRow("unknown option")
        << QStringList{u"--frobnicate"_s} << 2 << QStringList() << u"frobnicate"_s;
    QTest::newRow("--tick-ms abc")
        << QStringList{u"--tick-ms"_s, u"abc"_s} << 2 << QStringList() << u"--tick-ms"_s;
    QTest::newRow("--tick-ms 0") << QStringList{u"--tick-ms"_s, u"0"_s} << 2 << QStringList()
                                 << u"--tick-ms"_s;
    QTest::newRow("--run-for -1") << QStringList{u"--run-for"_s, u"-1"_s} << 2 << QStringList()
                                  << u"--run-for"_s;
}

void TestHeartbeatd::options()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, stdoutMentions);
    QFETCH(QString, errorMentions);

    // A run that stops at the options must not create the data directory either.
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"never-created"_s);
    const Result r = m_daemon.run(QStringList{u"--data-dir"_s, dataDir} + arguments);

    QVERIFY2(r.exitedWith(exitCode), r.describe());
    QVERIFY2(!QFileInfo::exists(dataDir), "the data directory was created");
    const QString out = QString::fromUtf8(r.out);
    for (const QString &word : std::as_const(stdoutMentions))
        QVERIFY2(out.contains(word),
                 qPrintable(u"stdout does not mention "_s + word + u":\n"_s + out));
    if (exitCode == 0) {
        QVERIFY2(r.err.isEmpty(), r.describe());
    } else {
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.errLines().constFirst().startsWith(u"heartbeatd: "_s), r.describe());
        QVERIFY2(r.errLines().constFirst().contains(errorMentions), r.describe());
    }
}

void TestHeartbeatd::demoRunRecordsAndRestartContinues()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    const QString db = dataDir + u"/metrics.db"_s;
    const QStringList arguments{u"--data-dir"_s, dataDir,        u"--demo"_s, u"--tick-ms"_s,
                                u"100"_s,        u"--run-for"_s, u"2"_s};

    const Result first = m_daemon.run(arguments);
    QVERIFY2(first.exitedWith(0), first.describe());
    // A clean run prints nothing at warning level (Qt's own thread/timer warnings included).
    QVERIFY2(first.err.isEmpty(), first.describe());
    QVERIFY2(first.elapsedMs < 10'000, first.describe());

    QJsonParseError parseError;
    const QJsonDocument config =
        QJsonDocument::fromJson(hb::test::readAll(dataDir + u"/config.json"_s), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QVERIFY(config.isObject());
    QCOMPARE(config.object().value(u"demo"_s), QJsonValue(true));

    QMap<qint64, qint64> firstTicks; // id -> started_at_ms
    {
        const auto conn = openReadOnly(db);
        QCOMPARE(QString::fromStdString(conn->execAndGet("PRAGMA integrity_check").getString()),
                 u"ok"_s);
        QCOMPARE(queryInt(*conn, "PRAGMA user_version"), qint64(MetricsStore::SchemaVersion));
        QCOMPARE(MetricsStore::SchemaVersion, 10);
        // 2 s at 100 ms is ~20 ticks; 5 leaves room for a slow machine, not for a stalled timer.
        const qint64 ticks = queryInt(*conn, "SELECT count(*) FROM ticks");
        QVERIFY2(ticks >= 5, qPrintable(u"only %1 ticks in 2 s at --tick-ms 100"_s.arg(ticks)));
        QVERIFY(queryInt(*conn, "SELECT count(*) FROM executions WHERE task = 'memory_monitoring'"
                                " AND outcome = 'success'") >= 1);
        QCOMPARE(queryInt(*conn, "SELECT count(*) FROM executions"
                                 " WHERE tick_id NOT IN (SELECT id FROM ticks)"),
                 qint64(0));
        SQLite::Statement rows(*conn, "SELECT id, started_at_ms FROM ticks");
        while (rows.executeStep())
            firstTicks.insert(rows.getColumn(0).getInt64(), rows.getColumn(1).getInt64());
    }
    QVERIFY(!firstTicks.isEmpty());
    const QString afterFirst = countersMismatch(db);
    QVERIFY2(afterFirst.isEmpty(), qPrintable(afterFirst));

    const Result second = m_daemon.run(arguments);
    QVERIFY2(second.exitedWith(0), second.describe());
    QVERIFY2(second.err.isEmpty(), second.describe());

    const qint64 firstMax = firstTicks.lastKey();
    {
        const auto conn = openReadOnly(db);
        QCOMPARE(QString::fromStdString(conn->execAndGet("PRAGMA integrity_check").getString()),
                 u"ok"_s);
        // Ids continue where the first run stopped: the first run's rows are untouched, every
        // new row is numbered after them, and there is neither a gap nor a reuse.
        SQLite::Statement rows(*conn, "SELECT id, started_at_ms FROM ticks ORDER BY id");
        qint64 expectedId = 1;
        qint64 newRows = 0;
        while (rows.executeStep()) {
            const qint64 id = rows.getColumn(0).getInt64();
            const qint64 startedAt = rows.getColumn(1).getInt64();
            QCOMPARE(id, expectedId++);
            if (id <= firstMax) {
                QCOMPARE(startedAt, firstTicks.value(id));
            } else {
                ++newRows;
                QVERIFY2(startedAt >= firstTicks.last(),
                         qPrintable(u"tick %1 starts before the first run's last tick"_s.arg(id)));
            }
        }
        QVERIFY2(newRows >= 5, qPrintable(u"the second run added %1 ticks"_s.arg(newRows)));
        QCOMPARE(queryInt(*conn, "SELECT count(*) FROM executions"
                                 " WHERE tick_id NOT IN (SELECT id FROM ticks)"),
                 qint64(0));
    }
    const QString afterSecond = countersMismatch(db);
    QVERIFY2(afterSecond.isEmpty(), qPrintable(afterSecond));
}

void TestHeartbeatd::stopsCleanlyOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestHeartbeatd::stopsCleanlyOnSignal()
{
    QFETCH(int, signalNumber);
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    const QString db = dataDir + u"/metrics.db"_s;

    QElapsedTimer sinceStart;
    sinceStart.start();
    const auto daemon = m_daemon.startTicking(dataDir, {u"--demo"_s, u"--tick-ms"_s, u"100"_s}, 2);
    QVERIFY(daemon);

    QElapsedTimer sinceSignal;
    sinceSignal.start();
    if (signalNumber == SIGTERM)
        daemon->terminate(); // SIGTERM
    else
        QCOMPARE(::kill(pid_t(daemon->processId()), signalNumber), 0);
    const Result r = finish(*daemon, sinceStart, kStopBudgetMs);
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY2(sinceSignal.elapsed() < kStopBudgetMs, r.describe());
    QVERIFY2(r.err.isEmpty(), r.describe());

    QCOMPARE(integrityCheck(db), u"ok"_s);
    const QString mismatch = countersMismatch(db);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    // The lock is released: nothing is left that would stop the next start.
    QVERIFY(!QFileInfo::exists(dataDir + u"/engine.lock"_s));
}

void TestHeartbeatd::killNineLeavesConsistentStore_data()
{
    QTest::addColumn<int>("killAfterMs");
    QTest::newRow("0.3 s") << 300;
    QTest::newRow("0.9 s") << 900;
    QTest::newRow("1.7 s") << 1700;
}

void TestHeartbeatd::killNineLeavesConsistentStore()
{
    QFETCH(int, killAfterMs);
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    const QString db = dataDir + u"/metrics.db"_s;

    QElapsedTimer sinceStart;
    sinceStart.start();
    // The moment counts from the start, but never before the engine runs (a slow machine or a
    // sanitizer build may take longer than 0.3 s to get there).
    const auto daemon = m_daemon.startTicking(dataDir, {u"--demo"_s, u"--tick-ms"_s, u"20"_s}, 1);
    QVERIFY(daemon);
    QTest::qWait(int(std::max<qint64>(0, killAfterMs - sinceStart.elapsed())));
    QCOMPARE(daemon->state(), QProcess::Running);
    daemon->kill(); // SIGKILL: no handler, no flush
    const Result killed = finish(*daemon, sinceStart, 5000);
    QVERIFY2(killed.finished && killed.exitStatus == QProcess::CrashExit, killed.describe());

    QVERIFY2(QFileInfo::exists(db), "no metrics.db after the kill");
    QCOMPARE(integrityCheck(db), u"ok"_s);
    const qint64 ticksAtKill = committedTicks(db);
    const QString afterKill = countersMismatch(db);
    QVERIFY2(afterKill.isEmpty(), qPrintable(afterKill));

    // The next start takes over (the dead process's lock is stale), carries on and agrees.
    const Result restart =
        m_daemon.run({u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"20"_s, u"--run-for"_s, u"1"_s});
    QVERIFY2(restart.exitedWith(0), restart.describe());
    // The kill may land in the middle of a shard migration; the restart then rolls it back or
    // forward and says so (the ledger tests prove no loan is lost). Nothing else may be reported.
    static const QRegularExpression recoveryNote(
        uR"(^hb\.ledger: recovering migration \d+ interrupted after step "\w+" \((rolling back|rolling forward)\)$)"_s);
    for (const QString &line : restart.errLines())
        QVERIFY2(recoveryNote.match(line).hasMatch(), restart.describe());
    QCOMPARE(integrityCheck(db), u"ok"_s);
    QVERIFY2(committedTicks(db) > ticksAtKill,
             qPrintable(u"ticks: %1 after the kill, %2 after the restart"_s.arg(ticksAtKill)
                            .arg(committedTicks(db))));
    const QString afterRestart = countersMismatch(db);
    QVERIFY2(afterRestart.isEmpty(), qPrintable(afterRestart));
}

// The emergency flag and an open breaker survive a kill -9 as the counters do: a paused
// engine killed mid-run comes back paused, with the breaker still open, and runs no task.
void TestHeartbeatd::killNineKeepsThePauseAndTheOpenBreaker()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    const QString db = dataDir + u"/metrics.db"_s;
    QVERIFY(m_daemon.createDataDir(dataDir));
    const QString reason = u"drill before the kill"_s;
    const QString task = u"price_update"_s;
    {
        // What an earlier run saved: an emergency pause, and price_update's breaker forced open.
        MetricsStore store(db);
        PersistedState state = store.loadState();
        state.emergencyStop = true;
        state.emergencyReason = reason;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        state.breakers.removeIf([&task](const BreakerStatus &b) { return b.task == task; });
        state.breakers.append({task, BreakerState::Open, 5, now, now});
        WriteBatch batch;
        batch.state = state;
        store.write(batch);
    }
    const auto executions = [&db] {
        return queryInt(*openReadOnly(db), "SELECT count(*) FROM executions");
    };
    const qint64 executionsBefore = executions();
    const qint64 ticksBefore = committedTicks(db);

    QElapsedTimer sinceStart;
    sinceStart.start();
    const auto daemon = m_daemon.startTicking(dataDir, {u"--tick-ms"_s, u"20"_s}, ticksBefore + 5);
    QVERIFY(daemon); // paused, not dead: it still ticks
    daemon->kill();
    const Result killed = finish(*daemon, sinceStart, 5000);
    QVERIFY2(killed.finished && killed.exitStatus == QProcess::CrashExit, killed.describe());

    QCOMPARE(integrityCheck(db), u"ok"_s);
    const QString mismatch = countersMismatch(db);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    const auto check = [&] {
        MetricsStore store(db);
        const PersistedState state = store.loadState();
        QVERIFY(state.emergencyStop);
        QCOMPARE(state.emergencyReason, reason);
        const auto open = std::find_if(state.breakers.cbegin(), state.breakers.cend(),
                                       [&task](const BreakerStatus &b) { return b.task == task; });
        QVERIFY(open != state.breakers.cend());
        QCOMPARE(open->state, BreakerState::Open);
    };
    check();
    if (QTest::currentTestFailed())
        return;

    // The restart takes it all up: still paused, so ticks are recorded and no task runs.
    const Result restart =
        m_daemon.run({u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"20"_s, u"--run-for"_s, u"1"_s});
    QVERIFY2(restart.exitedWith(0), restart.describe());
    check();
    QCOMPARE(executions(), executionsBefore);
    QVERIFY(committedTicks(db) > ticksBefore + 5);
}

QTEST_GUILESS_MAIN(TestHeartbeatd)
#include "tst_heartbeatd.moc"
