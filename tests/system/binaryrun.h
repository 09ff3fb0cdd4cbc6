#pragma once

// Shared by the system tests (header-only: each tst_*.cpp is its own executable): one of our
// binaries run as a user runs it, in a private home, with bounded waits, and what it printed.

#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace hb::test {

using namespace Qt::Literals::StringLiterals;

// Printed by Qt's offscreen platform plugin itself whenever a window is shown (a desktop
// platform implements it): noise of the test platform, not output of ours.
inline bool isOffscreenPluginNoise(const QString &line)
{
    return line == u"This plugin does not support propagateSizeHints()";
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

    // stderr lines that come from the binary (offscreen-plugin noise removed).
    QStringList errLines() const
    {
        QStringList lines = QString::fromUtf8(err).split(u'\n');
        lines.removeAll(QString());
        lines.removeIf(isOffscreenPluginNoise);
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
inline Result finish(QProcess &process, const QElapsedTimer &since, int timeoutMs)
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

// One of our binaries. Its children never see the real user's settings or data (HOME and XDG_*
// point into a private temp dir) and never need a display.
class Binary
{
public:
    Binary(QString path, int finishTimeoutMs)
        : m_path(std::move(path))
        , m_timeoutMs(finishTimeoutMs)
    {
    }

    // The binary is built and the private home is ready; false (with a warning) otherwise.
    bool init()
    {
        if (!QFileInfo(m_path).isExecutable()) {
            qWarning().noquote() << m_path << "is not built";
            return false;
        }
        return m_home.isValid() && QDir().mkpath(m_home.filePath(u"runtime"_s)) &&
               QFile::setPermissions(m_home.filePath(u"runtime"_s),
                                     QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    QString path() const { return m_path; }
    // Info-level progress lines are off unless turned on here: on, the binary logs exactly as
    // it does for a user, which is how a test proves "one line on stderr" for a refused start.
    void setInfoLogging(bool on) { m_infoLogging = on; }
    // An environment variable for every later start (an empty value removes it again).
    void setEnv(const QString &name, const QString &value)
    {
        if (value.isEmpty())
            m_extraEnv.remove(name);
        else
            m_extraEnv.insert(name, value);
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        if (!m_infoLogging)
            env.insert(u"QT_LOGGING_RULES"_s, u"hb.*.info=false"_s);
        else
            env.remove(u"QT_LOGGING_RULES"_s);
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u".config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u".local/share"_s));
        env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u".cache"_s));
        env.insert(u"XDG_RUNTIME_DIR"_s, m_home.filePath(u"runtime"_s));
        // heartbeatd serves HTTP on 127.0.0.1:8089 by default; tests run side by side, so each
        // takes a free port unless it says otherwise (setEnv).
        env.insert(u"HEARTBEAT_LISTEN"_s, u"127.0.0.1:0"_s);
        // A test run from a systemd service must not let its children notify that service.
        env.remove(u"NOTIFY_SOCKET"_s);
        env.remove(u"WATCHDOG_USEC"_s);
        env.remove(u"WATCHDOG_PID"_s);
        for (auto it = m_extraEnv.cbegin(); it != m_extraEnv.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    std::unique_ptr<QProcess> start(const QStringList &arguments,
                                    const std::function<void()> &childModifier = {}) const
    {
        auto process = std::make_unique<QProcess>();
        process->setProgram(m_path);
        process->setArguments(arguments);
        process->setProcessEnvironment(environment());
        if (childModifier)
            process->setChildProcessModifier(childModifier);
        process->start();
        return process;
    }

    // Runs to the end (bounded: `timeoutMs`, or the binary's own bound when 0).
    Result run(const QStringList &arguments, const std::function<void()> &childModifier = {},
               int timeoutMs = 0) const
    {
        QElapsedTimer timer;
        timer.start();
        const auto process = start(arguments, childModifier);
        return finish(*process, timer, timeoutMs > 0 ? timeoutMs : m_timeoutMs);
    }

private:
    QString m_path;
    int m_timeoutMs;
    bool m_infoLogging = false;
    QHash<QString, QString> m_extraEnv;
    QTemporaryDir m_home;
};

} // namespace hb::test
