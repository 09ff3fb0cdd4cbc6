// `heartbeatd machine add|list|remove|pause|resume` as an administrator or a script runs them:
// the push token captured from stdout alone, the table, the refusals (one line, exit status 2),
// and a running engine that picks each change up within a second or so.

#include "daemontestutil.h"
#include "store/metricsreader.h"

#include <limits>

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

class TestHeartbeatdMachine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void addListPauseRemove();
    void refusals_data();
    void refusals();
    void runningEngineTakesChangesUp();

private:
    Result machine(const QString &dataDir, const QStringList &arguments) const
    {
        return m_daemon.run(QStringList{u"machine"_s} + arguments +
                            QStringList{u"--data-dir"_s, dataDir});
    }
    // What the engine last wrote of `name` to machine_seen: "state", or "" when no row.
    static QString seenState(const QString &dataDir, const QString &name)
    {
        for (const MachineSeenRecord &row :
             MetricsReader(dataDir + u"/metrics.db"_s).machineSeen()) {
            if (row.machine == name)
                return row.state;
        }
        return {};
    }
    static QStringList events(const QString &dataDir)
    {
        QStringList out;
        for (const MachineEventRecord &e :
             MetricsReader(dataDir + u"/metrics.db"_s)
                 .machineEvents(0, std::numeric_limits<qint64>::max()))
            out.append(e.machine + u' ' + e.fromState + u'>' + e.toState);
        return out;
    }

    Daemon m_daemon;
};

void TestHeartbeatdMachine::initTestCase()
{
    QVERIFY2(m_daemon.init(), "heartbeatd is built and a private home can be made");
}

void TestHeartbeatdMachine::addListPauseRemove()
{
    QTemporaryDir parent;
    const QString dataDir = parent.filePath(u"new"_s); // created by the first machine

    const Result added = machine(dataDir, {u"add"_s, u"relay-1"_s, u"--offline-after"_s, u"90s"_s});
    const QString outputProblem = secretOutputProblem(added, u"^hbm_[A-Za-z0-9_-]{43}$"_s);
    QVERIFY2(outputProblem.isEmpty(),
             qPrintable(outputProblem + u'\n' + QString::fromUtf8(added.describe())));
    const QByteArray token = added.out.trimmed();
    const QString fileProblem = secretFileProblem(dataDir, u"machines.json"_s, token);
    QVERIFY2(fileProblem.isEmpty(), qPrintable(fileProblem));

    const Result second = machine(dataDir, {u"add"_s, u"api"_s}); // the default window
    QVERIFY2(second.exitedWith(0), second.describe());
    QVERIFY(second.out.trimmed() != token);

    const Result paused = machine(dataDir, {u"pause"_s, u"relay-1"_s});
    QVERIFY2(paused.exitedWith(0) && paused.out.isEmpty(), paused.describe());
    const Result listed = machine(dataDir, {u"list"_s});
    QVERIFY2(listed.exitedWith(0) && listed.err.isEmpty(), listed.describe());
    QCOMPARE(tableOf(listed),
             (QList<QStringList>{
                 {u"NAME"_s, u"STATE"_s, u"OFFLINE-AFTER"_s, u"PAUSED"_s, u"LAST-SEEN"_s},
                 {u"api"_s, u"new"_s, u"2m"_s, u"no"_s, u"never"_s},
                 {u"relay-1"_s, u"new"_s, u"90s"_s, u"yes"_s, u"never"_s}}));
    QVERIFY(!listed.out.contains(token));

    const Result resumed = machine(dataDir, {u"resume"_s, u"relay-1"_s});
    QVERIFY2(resumed.exitedWith(0), resumed.describe());
    QCOMPARE(tableOf(machine(dataDir, {u"list"_s})).value(2).value(3), u"no"_s);

    const Result removed = machine(dataDir, {u"remove"_s, u"relay-1"_s});
    QVERIFY2(removed.exitedWith(0) && removed.out.isEmpty(), removed.describe());
    const QList<QStringList> after = tableOf(machine(dataDir, {u"list"_s}));
    QCOMPARE(after.size(), 2);
    QCOMPARE(after.at(1).value(0), u"api"_s);
    QVERIFY(!readAll(dataDir + u"/machines.json"_s).contains(sha256Hex(token)));
}

void TestHeartbeatdMachine::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errorMentions");
    QTest::addColumn<bool>("dataDirExists");

    QTest::newRow("window under 1s")
        << QStringList{u"add"_s, u"x"_s, u"--offline-after"_s, u"500ms"_s} << u"1s to 30d"_s
        << true;
    QTest::newRow("window over 30d")
        << QStringList{u"add"_s, u"x"_s, u"--offline-after"_s, u"31d"_s} << u"31d"_s << true;
    QTest::newRow("window not a duration")
        << QStringList{u"add"_s, u"x"_s, u"--offline-after"_s, u"soon"_s} << u"soon"_s << true;
    QTest::newRow("bad name") << QStringList{u"add"_s, u"a/b"_s} << u"a/b"_s << true;
    QTest::newRow("taken") << QStringList{u"add"_s, u"taken"_s} << u"taken"_s << true;
    QTest::newRow("add without name") << QStringList{u"add"_s} << u"NAME"_s << true;
    QTest::newRow("two names") << QStringList{u"pause"_s, u"a"_s, u"b"_s} << u"NAME"_s << true;
    QTest::newRow("remove unknown") << QStringList{u"remove"_s, u"nobody"_s} << u"nobody"_s << true;
    QTest::newRow("pause unknown") << QStringList{u"pause"_s, u"nobody"_s} << u"nobody"_s << true;
    QTest::newRow("window for list")
        << QStringList{u"list"_s, u"--offline-after"_s, u"1m"_s} << u"add"_s << true;
    QTest::newRow("unknown command") << QStringList{u"reboot"_s} << u"reboot"_s << true;
    QTest::newRow("no command") << QStringList{} << u"add"_s << true;
    QTest::newRow("list, no directory") << QStringList{u"list"_s} << u"no such"_s << false;
    QTest::newRow("resume, no directory")
        << QStringList{u"resume"_s, u"taken"_s} << u"no such"_s << false;
}

void TestHeartbeatdMachine::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errorMentions);
    QFETCH(bool, dataDirExists);
    const QString problem = refusalProblem(
        [this](const QString &dataDir, const QStringList &args) { return machine(dataDir, args); },
        {u"add"_s, u"taken"_s}, arguments, errorMentions, dataDirExists);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestHeartbeatdMachine::runningEngineTakesChangesUp()
{
    QTemporaryDir parent;
    const QString dataDir = parent.filePath(u"data"_s);
    QVERIFY(m_daemon.createDataDir(dataDir));
    QVERIFY(machine(dataDir, {u"add"_s, u"early"_s}).exitedWith(0));
    const auto daemon = m_daemon.startTicking(dataDir, {u"--tick-ms"_s, u"50"_s}, 1);
    QVERIFY(daemon);
    const auto stop = qScopeGuard([&] {
        daemon->terminate();
        daemon->waitForFinished(kFinishTimeoutMs);
    });
    // Known to the engine from its start.
    QTRY_COMPARE_WITH_TIMEOUT(seenState(dataDir, u"early"_s), u"new"_s, 3'000);

    // Each change by the command is in metrics.db within a second or so (one re-read of
    // machines.json, one commit of the writer).
    const auto pickedUp = [&](const QStringList &arguments, const QString &state) {
        QElapsedTimer since;
        since.start();
        const Result r = machine(dataDir, arguments);
        if (!r.exitedWith(0))
            return qint64(-1);
        if (!QTest::qWaitFor([&] { return seenState(dataDir, u"early"_s) == state; }, 5'000))
            return qint64(-2);
        return since.elapsed();
    };
    const qint64 pausedAfter = pickedUp({u"pause"_s, u"early"_s}, u"paused"_s);
    QVERIFY2(pausedAfter >= 0 && pausedAfter < 2'000, qPrintable(QString::number(pausedAfter)));
    const Result listed = machine(dataDir, {u"list"_s});
    QCOMPARE(tableOf(listed).value(1).mid(0, 4),
             (QStringList{u"early"_s, u"paused"_s, u"2m"_s, u"yes"_s}));
    const qint64 resumedAfter = pickedUp({u"resume"_s, u"early"_s}, u"new"_s);
    QVERIFY2(resumedAfter >= 0 && resumedAfter < 2'000, qPrintable(QString::number(resumedAfter)));

    // Added and removed while it runs.
    QVERIFY(machine(dataDir, {u"add"_s, u"late"_s, u"--offline-after"_s, u"5s"_s}).exitedWith(0));
    QTRY_COMPARE_WITH_TIMEOUT(seenState(dataDir, u"late"_s), u"new"_s, 2'000);
    QVERIFY(machine(dataDir, {u"remove"_s, u"late"_s}).exitedWith(0));
    QTRY_COMPARE_WITH_TIMEOUT(seenState(dataDir, u"late"_s), QString(), 2'000);
    QCOMPARE(events(dataDir),
             (QStringList{u"early new>paused"_s, u"early paused>new"_s, u"late new>removed"_s}));
    QCOMPARE(daemon->state(), QProcess::Running);
}

QTEST_GUILESS_MAIN(TestHeartbeatdMachine)
#include "tst_heartbeatd_machine.moc"
