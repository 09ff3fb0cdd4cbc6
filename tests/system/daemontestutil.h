#pragma once

// Shared by heartbeatd's system tests (header-only: each tst_*.cpp is its own executable): the
// daemon as a Binary, and read-only looks at what its runs left in the data directory.

#include "binaryrun.h"
#include "core/config.h"
#include "core/records.h"
#include "store/metricsstore.h"
#include "testsupport.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <QCryptographicHash>
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

// heartbeatd, started as a user would in an environment of its own.
class Daemon : public Binary
{
public:
    Daemon()
        : Binary(daemonPath(), kFinishTimeoutMs)
    {
    }
    // Starts it on `dataDir` with `arguments` and waits (bounded) until metrics.db holds at
    // least `ticks` ticks: running for real, its signal handlers installed. Null (with a
    // warning) when it did not get there.
    std::unique_ptr<QProcess> startTicking(const QString &dataDir, const QStringList &arguments,
                                           qint64 ticks) const
    {
        auto process = start(QStringList{u"--data-dir"_s, dataDir} + arguments);
        const QString db = dataDir + u"/metrics.db"_s;
        if (!process->waitForStarted(5000) ||
            !QTest::qWaitFor([&] { return committedTicks(db) >= ticks; }, 10'000)) {
            qWarning().noquote() << "heartbeatd did not reach" << ticks
                                 << "ticks:" << process->errorString();
            process->kill();
            process->waitForFinished(5000);
            return nullptr;
        }
        return process;
    }

    // Creates a valid data directory the way a user does: one short demo run.
    bool createDataDir(const QString &dataDir) const
    {
        const Result r = run({u"--data-dir"_s, dataDir, u"--demo"_s, u"--tick-ms"_s, u"50"_s,
                              u"--run-for"_s, u"0.5"_s});
        if (!r.exitedWith(0))
            qWarning().noquote() << "creating" << dataDir << "failed:" << r.describe();
        return r.exitedWith(0) && QFileInfo::exists(dataDir + u"/metrics.db"_s);
    }
};

// A command that makes a secret (`token create`, `machine add`) as a script captures it:
// SECRET=$(heartbeatd …) gets the secret alone, of the form `pattern`, and stderr holds one
// note that it is not shown again. Empty when so, else what is wrong.
inline QString secretOutputProblem(const Result &r, const QString &pattern)
{
    if (!r.exitedWith(0) || !r.out.endsWith('\n') || r.out.count('\n') != 1)
        return u"not one line on stdout"_s;
    if (!QRegularExpression(pattern).match(QString::fromLatin1(r.out.trimmed())).hasMatch())
        return u"the secret is not of the form "_s + pattern;
    if (r.errLines().size() != 1 || !r.errLines().constFirst().contains(u"not shown again"_s))
        return u"not one note on stderr"_s;
    return {};
}

// A command's table (`token list`, `machine list`) as rows of columns, header first.
inline QList<QStringList> tableOf(const Result &r)
{
    QList<QStringList> rows;
    for (const QString &line : QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts))
        rows.append(line.split(u' ', Qt::SkipEmptyParts));
    return rows;
}

// A command refused for bad input (`token …`, `machine …`, run by `run` on a data directory):
// exit status 2, nothing on stdout, one line on stderr that mentions `mentions`, and nothing
// changed. The data directory is new, made first by `setup` when `dataDirExists`. Empty when so.
inline QString refusalProblem(
    const std::function<Result(const QString &dataDir, const QStringList &arguments)> &run,
    const QStringList &setup, const QStringList &arguments, const QString &mentions,
    bool dataDirExists)
{
    QTemporaryDir parent;
    const QString dataDir = parent.filePath(u"data"_s);
    if (dataDirExists && !run(dataDir, setup).exitedWith(0))
        return u"setting the data directory up failed"_s;
    const QMap<QString, QByteArray> before = dirContents(parent.path());
    const Result r = run(dataDir, arguments);
    if (!r.exitedWith(2) || !r.out.isEmpty() || r.errLines().size() != 1 ||
        !r.errLines().constFirst().contains(mentions))
        return QString::fromUtf8(r.describe());
    if (dirContents(parent.path()) != before)
        return u"a refused command changed the directory"_s;
    return {};
}

inline QByteArray sha256Hex(const QByteArray &secret)
{
    return QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex();
}

// After the first secret made in a data directory that did not exist: the directory holds only
// `file`, both are the owner's alone, and the file holds the secret's hash, never the secret.
inline QString secretFileProblem(const QString &dataDir, const QString &file,
                                 const QByteArray &secret)
{
    const QStringList entries =
        QDir(dataDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    if (entries != QStringList{file})
        return u"the data directory holds "_s + entries.join(u", "_s);
    struct stat st = {};
    if (::stat(QFile::encodeName(dataDir).constData(), &st) != 0 || (st.st_mode & 0777) != 0700)
        return u"the data directory is not 0700"_s;
    const QString path = dataDir + u'/' + file;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || (st.st_mode & 0777) != 0600)
        return file + u" is not 0600"_s;
    const QByteArray onDisk = readAll(path);
    if (onDisk.contains(secret) || !onDisk.contains(sha256Hex(secret)))
        return file + u" does not hold the secret's hash alone"_s;
    return {};
}

} // namespace hb::test
