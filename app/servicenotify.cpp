#include "servicenotify.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>

#ifdef HB_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace hb::cli {

namespace {

Q_LOGGING_CATEGORY(lcService, "hb.service")

// STATUS= is one line of the message: a line break would start a bogus assignment.
QByteArray statusLine(const QString &status)
{
    return QByteArrayLiteral("STATUS=") + status.simplified().toUtf8();
}

void notify(const QByteArray &message)
{
#ifdef HB_HAVE_SYSTEMD
    // 0: not run by a service manager. Below 0: NOTIFY_SOCKET names a socket we cannot reach,
    // and systemd will time the start out; say so once, in words an operator can act on.
    const int result = sd_notify(0, message.constData());
    static bool warned = false;
    if (result < 0 && !warned) {
        warned = true;
        qCWarning(lcService).noquote()
            << QStringLiteral("cannot notify the service manager through NOTIFY_SOCKET=%1: %2")
                   .arg(qEnvironmentVariable("NOTIFY_SOCKET"), qt_error_string(-result));
    }
#else
    Q_UNUSED(message);
#endif
}

} // namespace

void notifyReady(const QString &status)
{
    notify(QByteArrayLiteral("READY=1\n") + statusLine(status));
}

void notifyStatus(const QString &status)
{
    notify(statusLine(status));
}

void notifyStopping()
{
    notify(QByteArrayLiteral("STOPPING=1\n") +
           statusLine(QCoreApplication::translate("heartbeatd", "stopping")));
}

qint64 watchdogIntervalMs()
{
#ifdef HB_HAVE_SYSTEMD
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
        return std::max<qint64>(1, qint64(usec / 2000));
#endif
    return 0;
}

void notifyWatchdog()
{
    notify(QByteArrayLiteral("WATCHDOG=1"));
}

} // namespace hb::cli
