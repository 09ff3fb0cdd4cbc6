#pragma once

// Shared by heartbeatd's system tests (header-only: each tst_*.cpp is its own executable): runs
// of the real binary with bounded waits, what they printed, and read-only looks at what they
// left in the data directory.

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

namespace hb::test {

using namespace Qt::Literals::StringLiterals;

inline constexpr int kFinishTimeoutMs = 20'000; // a bound for hangs, never a wait
inline constexpr int kStopBudgetMs = 5'000;     // SIGINT/SIGTERM: exit within 5 s (the contract)
inline constexpr uid_t kNobody = 65534;         // nobody / nogroup on Debian

inline QString daemonPath()
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
inline Result finish(QProcess &process, const QElapsedTimer &since, int timeoutMs = kFinishTimeoutMs)
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
inline std::unique_ptr<SQLite::Database> openReadOnly(const QString &path)
{
    return std::make_unique<SQLite::Database>(path.toStdString(), SQLite::OPEN_READONLY, 2000);
}

inline qint64 queryInt(SQLite::Database &db, const char *sql)
{
    return db.execAndGet(sql).getInt64();
}

// Number of ticks committed so far, or -1 while the file cannot be read (not created yet).
inline qint64 committedTicks(const QString &path)
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

inline QString integrityCheck(const QString &path)
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
inline QString countersMismatch(const QString &path)
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
inline QMap<QString, QByteArray> dirContents(const QString &dir)
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

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size() && file.flush();
}

// A valid config.json, written through the real API.
inline bool writeValidConfig(const QString &dataDir)
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
inline bool othersCanReach(const QString &path)
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

// Starts heartbeatd as a user would, in an environment of its own.
class Daemon
{
public:
    // The binary is built and the private home is ready; false (with a warning) otherwise.
    bool init();
    QProcessEnvironment environment() const;
    std::unique_ptr<QProcess> start(const QStringList &arguments,
                                    const std::function<void()> &childModifier = {}) const;
    Result run(const QStringList &arguments, const std::function<void()> &childModifier = {},
               int timeoutMs = kFinishTimeoutMs) const;
    // Creates a valid data directory the way a user does: one short demo run.
    bool createDataDir(const QString &dataDir) const;

private:
    QTemporaryDir m_home;
};

// Children never see the real user's settings or data (HOME and XDG_* point into a temp dir),
// never need a display, and print only warnings and errors: info-level progress lines are off,
// as under ctest, so "one line on stderr" is something a test can check.
inline QProcessEnvironment Daemon::environment() const
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

inline std::unique_ptr<QProcess> Daemon::start(const QStringList &arguments,
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

inline Result Daemon::run(const QStringList &arguments, const std::function<void()> &childModifier,
                           int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    const auto process = start(arguments, childModifier);
    return finish(*process, timer, timeoutMs);
}

inline bool Daemon::createDataDir(const QString &dataDir) const
{
    const Result r = run(
        {u"--data-dir"_s, dataDir, u"--demo"_s, u"--tick-ms"_s, u"50"_s, u"--run-for"_s, u"0.5"_s});
    if (!r.exitedWith(0))
        qWarning().noquote() << "creating" << dataDir << "failed:" << r.describe();
    return r.exitedWith(0) && QFileInfo::exists(dataDir + u"/metrics.db"_s);
}

inline bool Daemon::init()
{
    if (!QFileInfo(daemonPath()).isExecutable()) {
        qWarning().noquote() << daemonPath() << "is not built";
        return false;
    }
    return m_home.isValid() && QDir().mkpath(m_home.filePath(u"runtime"_s)) &&
           QFile::setPermissions(m_home.filePath(u"runtime"_s),
                                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

} // namespace hb::test
