#include "startuplog.h"

#include <QMutex>
#include <QStringList>

#include <cstdio>

namespace hb::cli {

namespace {

QMutex s_mutex; // tasks' threads may log while the main thread starts up
QStringList s_held;
QtMessageHandler s_previous = nullptr;

void hold(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg) {
        s_previous(type, context, message);
        return;
    }
    const QString line = qFormatLogMessage(type, context, message);
    const QMutexLocker lock(&s_mutex);
    s_held.append(line);
}

} // namespace

StartupLog::StartupLog()
{
    s_previous = qInstallMessageHandler(hold);
}

StartupLog::~StartupLog()
{
    if (m_holding)
        stop(true);
}

void StartupLog::release()
{
    stop(true);
}

void StartupLog::discard()
{
    stop(false);
}

void StartupLog::stop(bool print)
{
    if (!m_holding)
        return;
    m_holding = false;
    qInstallMessageHandler(s_previous);
    QStringList held;
    {
        const QMutexLocker lock(&s_mutex);
        held.swap(s_held);
    }
    if (!print)
        return;
    for (const QString &line : std::as_const(held))
        std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}

} // namespace hb::cli
