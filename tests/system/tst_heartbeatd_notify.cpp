// heartbeatd under a service manager (systemd, Type=notify): READY=1 once it runs, STOPPING=1
// when it stops, on the datagram socket NOTIFY_SOCKET names; never READY for a start it refuses;
// WATCHDOG=1 pings while its engine answers, only when the manager asks (WATCHDOG_USEC).
// The test plays systemd's part with a socket of its own.

#include "daemontestutil.h"

#include <QScopeGuard>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

// The service manager's end: a unix datagram socket bound to a path, read without blocking.
class NotifySocket
{
public:
    NotifySocket() = default;
    NotifySocket(const NotifySocket &) = delete;
    NotifySocket &operator=(const NotifySocket &) = delete;
    ~NotifySocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool bind(const QString &path)
    {
        const QByteArray native = QFile::encodeName(path);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        if (size_t(native.size()) >= sizeof(address.sun_path))
            return false;
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        return m_fd >= 0 &&
               ::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0;
    }

    // Every datagram received so far, one message each, in order.
    const QList<QByteArray> &messages()
    {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof(buffer), 0);
            if (n < 0)
                break; // EAGAIN: nothing more for now
            m_messages.append(QByteArray(buffer, qsizetype(n)));
        }
        return m_messages;
    }

    // The index of the first message that assigns `assignment` (a line such as "READY=1"), or -1.
    qsizetype indexOf(const QByteArray &assignment)
    {
        const QList<QByteArray> &all = messages();
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all.at(i).split('\n').contains(assignment))
                return i;
        }
        return -1;
    }

    qsizetype count(const QByteArray &assignment)
    {
        const QList<QByteArray> &all = messages();
        return std::count_if(all.cbegin(), all.cend(), [&](const QByteArray &message) {
            return message.split('\n').contains(assignment);
        });
    }

    QByteArray describe() { return "received: [" + messages().join("] [") + ']'; }

private:
    int m_fd = -1;
    QList<QByteArray> m_messages;
};

// The STATUS= line of a message, or empty.
QString statusOf(const QByteArray &message)
{
    for (const QByteArray &line : message.split('\n')) {
        if (line.startsWith("STATUS="))
            return QString::fromUtf8(line.mid(7));
    }
    return {};
}

} // namespace

class TestHeartbeatdNotify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readyWhileRunningThenStopping_data();
    void readyWhileRunningThenStopping();
    void refusedStartIsNeverReady();
    void watchdogPingsWhileHealthy();
    void unreachableSocketIsOneWarning();

private:
    Daemon m_daemon;
};

void TestHeartbeatdNotify::initTestCase()
{
#ifndef HB_HAVE_SYSTEMD
    QSKIP("built without libsystemd: heartbeatd does not notify (install libsystemd-dev)");
#endif
    QVERIFY2(m_daemon.init(), "heartbeatd is built and a private home can be made");
}

void TestHeartbeatdNotify::readyWhileRunningThenStopping_data()
{
    QTest::addColumn<QString>("stopBy");
    QTest::newRow("SIGTERM (systemctl stop)") << u"SIGTERM"_s;
    QTest::newRow("--run-for") << u"--run-for"_s;
}

void TestHeartbeatdNotify::readyWhileRunningThenStopping()
{
    QFETCH(QString, stopBy);
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    NotifySocket manager;
    const QString socketPath = parent.filePath(u"notify"_s);
    QVERIFY2(manager.bind(socketPath), qPrintable(qt_error_string(errno)));
    m_daemon.setEnv(u"NOTIFY_SOCKET"_s, socketPath);
    const auto unset = qScopeGuard([this] { m_daemon.setEnv(u"NOTIFY_SOCKET"_s, {}); });

    const QString dataDir = parent.filePath(u"data"_s);
    QStringList arguments{u"--data-dir"_s, dataDir, u"--demo"_s, u"--tick-ms"_s, u"100"_s};
    if (stopBy == u"--run-for")
        arguments << u"--run-for"_s << u"3"_s;
    QElapsedTimer sinceStart;
    sinceStart.start();
    const auto daemon = m_daemon.start(arguments);
    QVERIFY(daemon->waitForStarted(5000));
    auto killOnFailure = qScopeGuard([&] {
        daemon->kill();
        daemon->waitForFinished(5000);
    });

    QVERIFY2(QTest::qWaitFor([&] { return manager.indexOf("READY=1") >= 0; }, 10'000),
             manager.describe());
    // Ready means running: still up, ticking, and saying where its data is.
    QCOMPARE(daemon->state(), QProcess::Running);
    const QByteArray ready = manager.messages().at(manager.indexOf("READY=1"));
    QVERIFY2(statusOf(ready).contains(dataDir), ready);
    QVERIFY2(
        QTest::qWaitFor([&] { return committedTicks(dataDir + u"/metrics.db"_s) >= 1; }, 10'000),
        "no tick after READY=1");
    QCOMPARE(manager.indexOf("STOPPING=1"), -1);

    if (stopBy == u"SIGTERM")
        daemon->terminate();
    const Result r = finish(*daemon, sinceStart, kFinishTimeoutMs);
    killOnFailure.dismiss();
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY2(r.err.isEmpty(), r.describe());

    QCOMPARE(manager.count("READY=1"), 1);
    QCOMPARE(manager.count("STOPPING=1"), 1);
    QVERIFY2(manager.indexOf("STOPPING=1") > manager.indexOf("READY=1"), manager.describe());
    QCOMPARE(manager.count("WATCHDOG=1"), 0); // no WatchdogSec=: no pings
}

void TestHeartbeatdNotify::watchdogPingsWhileHealthy()
{
    // WatchdogSec=1 as systemd passes it: WATCHDOG_USEC in the environment; pings every 0.5 s.
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    NotifySocket manager;
    const QString socketPath = parent.filePath(u"notify"_s);
    QVERIFY2(manager.bind(socketPath), qPrintable(qt_error_string(errno)));
    m_daemon.setEnv(u"NOTIFY_SOCKET"_s, socketPath);
    m_daemon.setEnv(u"WATCHDOG_USEC"_s, u"1000000"_s);
    const auto unset = qScopeGuard([this] {
        m_daemon.setEnv(u"NOTIFY_SOCKET"_s, {});
        m_daemon.setEnv(u"WATCHDOG_USEC"_s, {});
    });

    const QString dataDir = parent.filePath(u"data"_s);
    QElapsedTimer sinceStart;
    sinceStart.start();
    const auto daemon = m_daemon.start(
        {u"--data-dir"_s, dataDir, u"--demo"_s, u"--tick-ms"_s, u"100"_s, u"--listen"_s, u"none"_s});
    QVERIFY(daemon->waitForStarted(5000));
    auto killOnFailure = qScopeGuard([&] {
        daemon->kill();
        daemon->waitForFinished(5000);
    });
    QVERIFY2(QTest::qWaitFor([&] { return manager.indexOf("READY=1") >= 0; }, 10'000),
             manager.describe());
    // Several pings, not one: they keep coming while the engine ticks.
    QVERIFY2(QTest::qWaitFor([&] { return manager.count("WATCHDOG=1") >= 3; }, 20'000),
             manager.describe());
    QCOMPARE(daemon->state(), QProcess::Running);
    QVERIFY2(
        QTest::qWaitFor([&] { return committedTicks(dataDir + u"/metrics.db"_s) >= 1; }, 10'000),
        "no tick while pinging");

    daemon->terminate();
    const Result r = finish(*daemon, sinceStart, kFinishTimeoutMs);
    killOnFailure.dismiss();
    QVERIFY2(r.exitedWith(0), r.describe());
}

void TestHeartbeatdNotify::refusedStartIsNeverReady()
{
    // systemd must see a start that fails as failed, not as a service that came up and died.
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    NotifySocket manager;
    const QString socketPath = parent.filePath(u"notify"_s);
    QVERIFY(manager.bind(socketPath));
    m_daemon.setEnv(u"NOTIFY_SOCKET"_s, socketPath);
    const auto unset = qScopeGuard([this] { m_daemon.setEnv(u"NOTIFY_SOCKET"_s, {}); });

    const QString dataDir = parent.filePath(u"data"_s);
    QVERIFY(m_daemon.createDataDir(dataDir));
    manager.messages(); // what the run creating the directory said is not this start's
    QFile config(dataDir + u"/config.json"_s);
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write("{\"tick_interval_ms\": ");
    config.close();
    const qsizetype before = manager.messages().size();

    const Result r = m_daemon.run({u"--data-dir"_s, dataDir});
    QVERIFY2(r.exitedWith(2), r.describe()); // bad input
    QCOMPARE(manager.messages().size(), before);
}

void TestHeartbeatdNotify::unreachableSocketIsOneWarning()
{
    // A stale NOTIFY_SOCKET must not stop the engine: it runs, and says once what is wrong.
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString socketPath = parent.filePath(u"no-such-socket"_s);
    m_daemon.setEnv(u"NOTIFY_SOCKET"_s, socketPath);
    const auto unset = qScopeGuard([this] { m_daemon.setEnv(u"NOTIFY_SOCKET"_s, {}); });

    const QString dataDir = parent.filePath(u"data"_s);
    const Result r = m_daemon.run(
        {u"--data-dir"_s, dataDir, u"--demo"_s, u"--tick-ms"_s, u"100"_s, u"--run-for"_s, u"1"_s});
    QVERIFY2(r.exitedWith(0), r.describe());
    QVERIFY2(committedTicks(dataDir + u"/metrics.db"_s) >= 1, r.describe());
    const QStringList lines = r.errLines();
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains(u"NOTIFY_SOCKET="_s + socketPath), r.describe());
}

QTEST_GUILESS_MAIN(TestHeartbeatdNotify)
#include "tst_heartbeatd_notify.moc"
