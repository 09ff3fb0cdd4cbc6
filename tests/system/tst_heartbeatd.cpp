// heartbeatd as a user, a script or a service manager drives it: options and exit statuses,
// what a run leaves in the data directory, clean stops on signals, crash safety under kill -9,
// refusal of bad files without touching them, a full disk, a read-only directory and a second
// daemon on the same directory.

#include "core/config.h"
#include "core/records.h"
#include "store/metricsstore.h"
#include "testsupport.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>
#include <memory>

#include <grp.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kFinishTimeoutMs = 20'000; // a bound for hangs, never a wait
constexpr int kStopBudgetMs = 5'000;     // SIGINT/SIGTERM: exit within 5 s (the contract)
constexpr uid_t kNobody = 65534;         // nobody / nogroup on Debian

QString daemonPath()
{
    return hb::test::binDir() + u"/heartbeatd"_s;
}

// What one finished (or hung) run of the binary did.
struct Result
{
    bool finished = false;
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;

    QStringList errLines() const
    {
        QStringList lines = QString::fromUtf8(err).split(u'\n');
        lines.removeAll(QString());
        return lines;
    }
    bool exitedWith(int code) const
    {
        return finished && exitStatus == QProcess::NormalExit && exitCode == code;
    }
    // For failure messages: everything a person needs to see what happened.
    QByteArray describe() const
    {
        return (u"finished=%1 status=%2 code=%3 after %4 ms\n--- stderr:\n%5--- stdout:\n%6"_s)
            .arg(finished)
            .arg(exitStatus == QProcess::NormalExit ? u"normal"_s : u"crashed"_s)
            .arg(exitCode)
            .arg(elapsedMs)
            .arg(QString::fromUtf8(err), QString::fromUtf8(out).left(2000))
            .toUtf8();
    }
};

// Waits (bounded) for the process and collects what it printed. A hung process is killed so a
// failing test never leaves it behind.
Result finish(QProcess &process, const QElapsedTimer &since, int timeoutMs = kFinishTimeoutMs)
{
    Result r;
    r.finished = process.waitForFinished(timeoutMs);
    if (!r.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    r.elapsedMs = since.elapsed();
    r.exitCode = process.exitCode();
    r.exitStatus = process.exitStatus();
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

// Read-only: opening the file this way never changes it.
std::unique_ptr<SQLite::Database> openReadOnly(const QString &path)
{
    return std::make_unique<SQLite::Database>(path.toStdString(), SQLite::OPEN_READONLY, 2000);
}

qint64 queryInt(SQLite::Database &db, const char *sql)
{
    return db.execAndGet(sql).getInt64();
}

// Number of ticks committed so far, or -1 while the file cannot be read (not created yet).
qint64 committedTicks(const QString &path)
{
    if (!QFileInfo::exists(path))
        return -1;
    try {
        const auto db = openReadOnly(path);
        return queryInt(*db, "SELECT count(*) FROM ticks");
    } catch (const std::exception &) {
        return -1;
    }
}

QString integrityCheck(const QString &path)
{
    try {
        const auto db = openReadOnly(path);
        return QString::fromStdString(db->execAndGet("PRAGMA integrity_check").getString());
    } catch (const std::exception &e) {
        return u"cannot run integrity_check: "_s + QString::fromUtf8(e.what());
    }
}

// The seed's promise: the counters in engine_state are committed in the same transaction as the
// rows they count, so they agree with the rows whatever moment the process stopped or died at.
// Reads the rows read-only first, then the counters through the real API (MetricsStore), which
// is what the next start of the engine would see. Returns what disagrees; empty when all agree.
QString countersMismatch(const QString &path)
{
    struct Counted
    {
        qint64 total, succeeded, failed, cancelled, ticks, lastTickId, timeMs;
        QHash<QString, qint64> perTask;
    } rows{};
    try {
        const auto db = openReadOnly(path);
        rows.total = queryInt(*db, "SELECT count(*) FROM executions WHERE outcome != 'skipped'");
        rows.succeeded = queryInt(*db, "SELECT count(*) FROM executions WHERE outcome = 'success'");
        rows.failed = queryInt(
            *db, "SELECT count(*) FROM executions WHERE outcome IN ('failure', 'timeout')");
        rows.cancelled =
            queryInt(*db, "SELECT count(*) FROM executions WHERE outcome = 'cancelled'");
        rows.ticks = queryInt(*db, "SELECT count(*) FROM ticks");
        rows.lastTickId = queryInt(*db, "SELECT coalesce(max(id), 0) FROM ticks");
        rows.timeMs = queryInt(
            *db, "SELECT coalesce(sum(duration_ms), 0) FROM executions WHERE outcome != 'skipped'");
        SQLite::Statement perTask(*db, "SELECT task, count(*) FROM executions"
                                       " WHERE outcome = 'success' GROUP BY task");
        while (perTask.executeStep())
            rows.perTask.insert(QString::fromStdString(perTask.getColumn(0).getString()),
                                perTask.getColumn(1).getInt64());
    } catch (const std::exception &e) {
        return path + u": cannot count rows: "_s + QString::fromUtf8(e.what());
    }

    HeartbeatMetrics stored;
    try {
        MetricsStore store(path);
        stored = store.loadState().metrics;
    } catch (const StoreError &e) {
        return e.message();
    }

    QStringList problems;
    const auto check = [&problems](const QString &what, qint64 counter, qint64 counted) {
        if (counter != counted)
            problems.append(
                u"%1: engine_state says %2, the rows say %3"_s.arg(what).arg(counter).arg(counted));
    };
    check(u"total_executions"_s, stored.totalExecutions, rows.total);
    check(u"successful_executions"_s, stored.successfulExecutions, rows.succeeded);
    check(u"failed_executions"_s, stored.failedExecutions, rows.failed);
    check(u"cancelled_executions"_s, stored.cancelledExecutions, rows.cancelled);
    check(u"tick_count"_s, stored.tickCount, rows.ticks);
    check(u"last_tick_id"_s, stored.lastTickId, rows.lastTickId);
    check(u"total_execution_time_ms"_s, stored.totalExecutionTimeMs, rows.timeMs);
    QStringList tasks = rows.perTask.keys() + stored.tasksCompleted.keys();
    tasks.removeDuplicates();
    for (const QString &task : std::as_const(tasks))
        check(u"tasks_completed."_s + task, stored.tasksCompleted.value(task),
              rows.perTask.value(task));
    return problems.join(u"; "_s);
}

// Every file under `dir` (recursively) with its bytes: "nothing was changed or created".
QMap<QString, QByteArray> dirContents(const QString &dir)
{
    QMap<QString, QByteArray> contents;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        contents.insert(QDir(dir).relativeFilePath(path), it.fileInfo().isFile()
                                                              ? hb::test::readAll(path)
                                                              : QByteArrayLiteral("<dir>"));
    }
    return contents;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size() && file.flush();
}

// A valid config.json, written through the real API.
bool writeValidConfig(const QString &dataDir)
{
    QString error;
    const bool ok =
        ConfigFile(dataDir + u"/config.json"_s).save(HeartbeatConfig::demoDefaults(), &error);
    if (!ok)
        qWarning().noquote() << error;
    return ok;
}

// Every directory from / down to `path` can be searched by others (o+x), and `path` itself
// can be executed by them: what an unprivileged child needs to start the binary.
bool othersCanReach(const QString &path)
{
    QString dir = QFileInfo(path).absolutePath();
    for (;;) {
        struct stat st = {};
        if (::stat(QFile::encodeName(dir).constData(), &st) != 0 || !(st.st_mode & S_IXOTH))
            return false;
        if (dir == u"/")
            break;
        dir = QFileInfo(dir).absolutePath();
    }
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && (st.st_mode & S_IXOTH);
}

enum BadInput {
    ConfigNotJson,
    ConfigBadValue,
    ConfigUnknownField,
    MetricsGarbage,
    MetricsNewer,
    DataDirIsFile
};

} // namespace

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
    void refusesBadInputWithoutTouchingIt_data();
    void refusesBadInputWithoutTouchingIt();
    void diskFullStopsWithExitTwo();
    void readOnlyDataDirIsRefused();
    void secondDaemonOnSameDirIsRefused();

private:
    QProcessEnvironment environment() const;
    std::unique_ptr<QProcess> start(const QStringList &arguments,
                                    const std::function<void()> &childModifier = {}) const;
    Result run(const QStringList &arguments, const std::function<void()> &childModifier = {},
               int timeoutMs = kFinishTimeoutMs) const;
    // Creates a valid data directory the way a user does: one short demo run.
    bool createDataDir(const QString &dataDir) const;

    QTemporaryDir m_home;
};

// Children never see the real user's settings or data (HOME and XDG_* point into a temp dir),
// never need a display, and print only warnings and errors: info-level progress lines are off,
// as under ctest, so "one line on stderr" is something a test can check.
QProcessEnvironment TestHeartbeatd::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"QT_LOGGING_RULES"_s, u"hb.*.info=false"_s);
    env.insert(u"HOME"_s, m_home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u".config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u".local/share"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u".cache"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, m_home.filePath(u"runtime"_s));
    return env;
}

std::unique_ptr<QProcess> TestHeartbeatd::start(const QStringList &arguments,
                                                const std::function<void()> &childModifier) const
{
    auto process = std::make_unique<QProcess>();
    process->setProgram(daemonPath());
    process->setArguments(arguments);
    process->setProcessEnvironment(environment());
    if (childModifier)
        process->setChildProcessModifier(childModifier);
    process->start();
    return process;
}

Result TestHeartbeatd::run(const QStringList &arguments, const std::function<void()> &childModifier,
                           int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    const auto process = start(arguments, childModifier);
    return finish(*process, timer, timeoutMs);
}

bool TestHeartbeatd::createDataDir(const QString &dataDir) const
{
    const Result r = run(
        {u"--data-dir"_s, dataDir, u"--demo"_s, u"--tick-ms"_s, u"50"_s, u"--run-for"_s, u"0.5"_s});
    if (!r.exitedWith(0))
        qWarning().noquote() << "creating" << dataDir << "failed:" << r.describe();
    return r.exitedWith(0) && QFileInfo::exists(dataDir + u"/metrics.db"_s);
}

void TestHeartbeatd::initTestCase()
{
    QVERIFY2(QFileInfo(daemonPath()).isExecutable(), qPrintable(daemonPath() + u" is not built"_s));
    QVERIFY(m_home.isValid());
    QVERIFY(QDir().mkpath(m_home.filePath(u"runtime"_s)));
    QVERIFY(QFile::setPermissions(m_home.filePath(u"runtime"_s),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
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
    const Result r = run(QStringList{u"--data-dir"_s, dataDir} + arguments);

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

    const Result first = run(arguments);
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
        QCOMPARE(MetricsStore::SchemaVersion, 2);
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

    const Result second = run(arguments);
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
    const auto daemon = start({u"--data-dir"_s, dataDir, u"--demo"_s, u"--tick-ms"_s, u"100"_s});
    QVERIFY2(daemon->waitForStarted(5000), qPrintable(daemon->errorString()));
    // Running for real: ticks are being committed (so the signal handlers are installed).
    QTRY_VERIFY_WITH_TIMEOUT(committedTicks(db) >= 2, 10'000);

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
    const auto daemon = start({u"--data-dir"_s, dataDir, u"--demo"_s, u"--tick-ms"_s, u"20"_s});
    QVERIFY2(daemon->waitForStarted(5000), qPrintable(daemon->errorString()));
    // The moment counts from the start, but never before the engine runs (a slow machine or a
    // sanitizer build may take longer than 0.3 s to get there).
    QTRY_VERIFY_WITH_TIMEOUT(committedTicks(db) >= 1, 10'000);
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
        run({u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"20"_s, u"--run-for"_s, u"1"_s});
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

void TestHeartbeatd::refusesBadInputWithoutTouchingIt_data()
{
    QTest::addColumn<int>("input");
    QTest::addColumn<QString>("mentions"); // besides the file's path

    QTest::newRow("config.json is not JSON") << int(ConfigNotJson) << u"JSON"_s;
    QTest::newRow("config.json tick_interval_ms -5")
        << int(ConfigBadValue) << u"tick_interval_ms"_s;
    QTest::newRow("config.json unknown field") << int(ConfigUnknownField) << u"colour"_s;
    QTest::newRow("metrics.db is garbage") << int(MetricsGarbage) << QString();
    QTest::newRow("metrics.db from a newer version") << int(MetricsNewer) << u"newer"_s;
    QTest::newRow("data dir is a regular file") << int(DataDirIsFile) << QString();
}

void TestHeartbeatd::refusesBadInputWithoutTouchingIt()
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
    case DataDirIsFile:
        badFile = dataDir;
        QVERIFY(writeFile(dataDir, "I am a file, not a directory\n"));
        break;
    }
    const QString watched = input == DataDirIsFile ? parent.path() : dataDir;
    const QMap<QString, QByteArray> before = dirContents(watched);
    const QByteArray badBytes = hb::test::readAll(badFile);
    QVERIFY(!badBytes.isEmpty());

    const Result r = run(
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

void TestHeartbeatd::diskFullStopsWithExitTwo()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    const QString db = dataDir + u"/metrics.db"_s;
    QVERIFY(createDataDir(dataDir));
    const qint64 ticksBefore = committedTicks(db);
    QVERIFY(ticksBefore >= 1);

    // No file may grow past the database's present size plus a little: the schema is in place,
    // so start-up succeeds, a few ticks are committed, then the WAL reaches the limit (at 256 KiB
    // of headroom that is ~6 ticks, well under a second at --tick-ms 20).
    const qint64 dbSize = QFileInfo(db).size();
    QVERIFY(dbSize > 0);
    const rlim_t limit = rlim_t(dbSize + 256 * 1024);
    const QDateTime before = QFileInfo(dataDir + u"/config.json"_s).lastModified();

    const Result r =
        run({u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"20"_s, u"--run-for"_s, u"10"_s}, [limit] {
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
    // could not take back the part of an insert already committed to another shard.
    QStringList errors = r.errLines();
    errors.removeIf([](const QString &line) {
        return line.startsWith(u"hb.ledger: could not take back "_s);
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

void TestHeartbeatd::readOnlyDataDirIsRefused()
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
    QVERIFY(createDataDir(dataDir)); // as the owner

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
    const Result r =
        run({u"--data-dir"_s, dataDir, u"--tick-ms"_s, u"100"_s, u"--run-for"_s, u"5"_s}, asNobody);
    QVERIFY2(r.exitCode != 126 || !root, "could not switch to the user 'nobody'");
    QVERIFY2(r.exitedWith(2), r.describe());
    QVERIFY2(r.errLines().size() == 1, r.describe());
    QVERIFY2(r.errLines().constFirst().startsWith(u"heartbeatd: "_s), r.describe());
    QVERIFY2(r.errLines().constFirst().contains(dataDir), r.describe());
    qInfo().noquote() << (root ? "as nobody:" : "read-only:") << r.errLines().constFirst();
    QVERIFY(dirContents(dataDir) == before);
}

void TestHeartbeatd::secondDaemonOnSameDirIsRefused()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(u"data"_s);
    const QString db = dataDir + u"/metrics.db"_s;

    QElapsedTimer sinceStart;
    sinceStart.start();
    const auto first = start({u"--data-dir"_s, dataDir, u"--demo"_s, u"--tick-ms"_s, u"100"_s});
    QVERIFY2(first->waitForStarted(5000), qPrintable(first->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(committedTicks(db) >= 1, 10'000);

    const Result second = run(
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

QTEST_GUILESS_MAIN(TestHeartbeatd)
#include "tst_heartbeatd.moc"
