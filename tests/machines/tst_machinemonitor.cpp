// The monitor that judges machines up or down: first heartbeat, a deadline that passes, a fail
// ping, pause and resume through machines.json, a restart judged on machine_seen, a clock that
// jumps, and every transition written to machine_events.

#include "core/clock.h"
#include "machines/machinemonitor.h"
#include "machines/machineregistry.h"
#include "store/metricsreader.h"
#include "store/metricswriter.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace hb;
using namespace Qt::Literals::StringLiterals;

namespace {

// A data directory with a registry (as `heartbeatd machine …` changes it), a metrics writer and
// a monitor on it; transitions are collected on the test's thread.
class Rig : public QObject
{
public:
    explicit Rig(std::shared_ptr<const Clock> clock)
        : clock(std::move(clock))
        , registry(dir.path())
    {
    }
    ~Rig() override { shutDown(); }

    QString metricsPath() const { return dir.filePath(u"metrics.db"_s); }

    QByteArray add(const QString &name, qint64 offlineAfterMs)
    {
        QString error;
        const auto token = registry.add(name, offlineAfterMs, &error);
        if (!token)
            qFatal("add %s: %s", qPrintable(name), qPrintable(error));
        return *token;
    }

    void startUp()
    {
        writer = std::make_unique<MetricsWriter>(std::make_unique<MetricsStore>(metricsPath()),
                                                 RetentionPolicy{}, clock);
        monitor = std::make_unique<MachineMonitor>(dir.path(), metricsPath(), writer.get(), clock);
        connect(monitor.get(), &MachineMonitor::transition, this,
                [this](const MachineTransition &t) { transitions.append(t); });
        monitor->start();
    }
    void shutDown()
    {
        if (monitor)
            monitor->stop();
        monitor.reset();
        if (writer)
            writer->stop();
        writer.reset();
    }

    MachineState state(const QString &name) const
    {
        for (const MachineInfo &m : monitor->machines()) {
            if (m.name == name)
                return m.state;
        }
        return MachineState(-1);
    }
    std::optional<MachineInfo> info(const QString &name) const
    {
        for (const MachineInfo &m : monitor->machines()) {
            if (m.name == name)
                return m;
        }
        return std::nullopt;
    }
    MachineMonitor::PingResult ping(const QString &name, const QByteArray &token,
                                    PingKind kind = PingKind::Heartbeat)
    {
        return monitor->ping(name, token, kind, MachineReport());
    }

    // machine_events as "machine from>to reason", oldest first.
    QStringList events()
    {
        if (writer)
            writer->flush();
        QStringList out;
        MetricsReader reader(metricsPath());
        for (const MachineEventRecord &e :
             reader.machineEvents(0, std::numeric_limits<qint64>::max()))
            out.append(e.machine + u' ' + e.fromState + u'>' + e.toState + u' ' + e.reason);
        return out;
    }
    QStringList emitted() const
    {
        QStringList out;
        for (const MachineTransition &t : transitions)
            out.append(t.machine + u' ' + machineStateName(t.from) + u'>' + machineStateName(t.to) +
                       u' ' + t.reason);
        return out;
    }
    std::optional<MachineSeenRecord> seen(const QString &name)
    {
        if (writer)
            writer->flush();
        for (const MachineSeenRecord &row : MetricsReader(metricsPath()).machineSeen()) {
            if (row.machine == name)
                return row;
        }
        return std::nullopt;
    }

    QTemporaryDir dir;
    std::shared_ptr<const Clock> clock;
    MachineRegistry registry; // another process's, as the CLI's would be
    std::unique_ptr<MetricsWriter> writer;
    std::unique_ptr<MachineMonitor> monitor;
    QVector<MachineTransition> transitions;
};

// The monitor re-reads machines.json and the clock once a second.
constexpr int PickUpMs = 2'500;

} // namespace

class TestMachineMonitor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstHeartbeatBringsItUp();
    void downAtTheDeadlineWithinASecond();
    void failPingIsDownAtOnce();
    void pausedMachinesAreNotJudged();
    void restartIsJudgedOnMachineSeen();
    void clockJumps();
    void removedMachineVanishes();
};

void TestMachineMonitor::firstHeartbeatBringsItUp()
{
    auto clock = std::make_shared<FakeClock>();
    Rig rig(clock);
    const QByteArray token = rig.add(u"relay"_s, 60'000);
    rig.startUp();
    QCOMPARE(rig.state(u"relay"_s), MachineState::New);
    QCOMPARE(rig.info(u"relay"_s)->lastSeenMs, qint64(0));

    QCOMPARE(rig.ping(u"relay"_s, "hbm_wrong"), MachineMonitor::PingResult::BadToken);
    QCOMPARE(rig.ping(u"relay"_s, QByteArray()), MachineMonitor::PingResult::BadToken);
    QCOMPARE(rig.ping(u"nobody"_s, token), MachineMonitor::PingResult::UnknownMachine);
    QCOMPARE(rig.state(u"relay"_s), MachineState::New); // a refused ping is no heartbeat

    MachineReport report;
    report.cpu = 0.25;
    report.version = u"1.2.3"_s;
    QCOMPARE(rig.monitor->ping(u"relay"_s, token, PingKind::Heartbeat, report),
             MachineMonitor::PingResult::Accepted);
    QCOMPARE(rig.state(u"relay"_s), MachineState::Up); // at once, for whoever asks next
    const MachineInfo info = *rig.info(u"relay"_s);
    QCOMPARE(info.lastSeenMs, clock->nowMs());
    QCOMPARE(info.lastReport.version, u"1.2.3"_s);
    QCOMPARE(info.recent.size(), 1);
    QTRY_COMPARE(rig.emitted(), QStringList{u"relay new>up first heartbeat"_s});
    QCOMPARE(rig.transitions.constFirst().atMs, clock->nowMs());

    // More heartbeats are no transitions; the strip keeps the newest RecentPings of them.
    for (int i = 0; i < MachineInfo::RecentPings + 5; ++i) {
        clock->advance(1'000);
        QCOMPARE(rig.ping(u"relay"_s, token), MachineMonitor::PingResult::Accepted);
    }
    QCOMPARE(rig.info(u"relay"_s)->recent.size(), MachineInfo::RecentPings);
    QCOMPARE(rig.info(u"relay"_s)->recent.constLast().atMs, clock->nowMs());
    QCOMPARE(rig.events(), QStringList{u"relay new>up first heartbeat"_s});
    // machine_seen follows within a second, with the newest heartbeat's report.
    QCOMPARE(rig.monitor->ping(u"relay"_s, token, PingKind::Start, report),
             MachineMonitor::PingResult::Accepted);
    QTRY_COMPARE_WITH_TIMEOUT(rig.seen(u"relay"_s).value_or(MachineSeenRecord()).lastSeenMs,
                              clock->nowMs(), PickUpMs);
    const MachineSeenRecord row = *rig.seen(u"relay"_s);
    QCOMPARE(row.state, u"up"_s);
    QCOMPARE(row.lastKind, u"start"_s);
    QVERIFY2(row.lastReport.contains(u"1.2.3"_s), qPrintable(row.lastReport));
}

void TestMachineMonitor::downAtTheDeadlineWithinASecond()
{
    // The system clock and a real timer: a 1 s offline_after.
    Rig rig(std::make_shared<SystemClock>());
    const QByteArray token = rig.add(u"cron"_s, 1'000);
    rig.startUp();
    const qint64 pingedAt = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(rig.ping(u"cron"_s, token), MachineMonitor::PingResult::Accepted);
    const qint64 lastSeen = rig.info(u"cron"_s)->lastSeenMs;
    QVERIFY(lastSeen >= pingedAt);

    QTest::qWait(700);
    QCOMPARE(rig.state(u"cron"_s), MachineState::Up); // not before its deadline
    QTRY_COMPARE_WITH_TIMEOUT(rig.transitions.size(), 2, 3'000);
    const MachineTransition down = rig.transitions.at(1);
    QCOMPARE(down.to, MachineState::Down);
    QCOMPARE(down.reason, u"no heartbeat for 1s"_s);
    QCOMPARE(down.lastSeenMs, lastSeen);
    const qint64 late = down.atMs - (lastSeen + 1'000);
    QVERIFY2(late >= 0 && late < 1'000, qPrintable(QString::number(late)));
    QCOMPARE(rig.info(u"cron"_s)->downSinceMs, lastSeen + 1'000);

    // The next heartbeat brings it back.
    QCOMPARE(rig.ping(u"cron"_s, token), MachineMonitor::PingResult::Accepted);
    QCOMPARE(rig.state(u"cron"_s), MachineState::Up);
    QTRY_COMPARE(rig.transitions.size(), 3);
    QCOMPARE(rig.events(),
             (QStringList{u"cron new>up first heartbeat"_s, u"cron up>down no heartbeat for 1s"_s,
                          u"cron down>up heartbeat"_s}));
    QCOMPARE(rig.events(), rig.emitted());
}

void TestMachineMonitor::failPingIsDownAtOnce()
{
    auto clock = std::make_shared<FakeClock>();
    Rig rig(clock);
    const QByteArray token = rig.add(u"batch"_s, 3'600'000);
    rig.startUp();
    QCOMPARE(rig.ping(u"batch"_s, token, PingKind::Start), MachineMonitor::PingResult::Accepted);
    QCOMPARE(rig.state(u"batch"_s), MachineState::Up);
    clock->advance(5'000);
    QCOMPARE(rig.ping(u"batch"_s, token, PingKind::Fail), MachineMonitor::PingResult::Accepted);
    QCOMPARE(rig.state(u"batch"_s), MachineState::Down);
    QCOMPARE(rig.info(u"batch"_s)->downSinceMs, clock->nowMs());
    // Another fail is no new transition; a heartbeat is.
    QCOMPARE(rig.ping(u"batch"_s, token, PingKind::Fail), MachineMonitor::PingResult::Accepted);
    clock->advance(1'000);
    QCOMPARE(rig.ping(u"batch"_s, token), MachineMonitor::PingResult::Accepted);
    QCOMPARE(rig.state(u"batch"_s), MachineState::Up);
    const QStringList expected{u"batch new>up first heartbeat"_s, u"batch up>down fail ping"_s,
                               u"batch down>up heartbeat"_s};
    QTRY_COMPARE(rig.emitted(), expected);
    QCOMPARE(rig.events(), expected);
}

void TestMachineMonitor::pausedMachinesAreNotJudged()
{
    auto clock = std::make_shared<FakeClock>();
    Rig rig(clock);
    const QByteArray token = rig.add(u"db"_s, 60'000);
    rig.add(u"idle"_s, 60'000);
    rig.startUp();
    QCOMPARE(rig.ping(u"db"_s, token), MachineMonitor::PingResult::Accepted);

    // Paused by another process: picked up within a second or so, and never judged.
    QString error;
    QVERIFY2(rig.registry.setPaused(u"db"_s, true, &error), qPrintable(error));
    QVERIFY(rig.registry.setPaused(u"idle"_s, true, &error));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"db"_s), MachineState::Paused, PickUpMs);
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"idle"_s), MachineState::Paused, PickUpMs);
    clock->advance(10 * 60'000);
    QTest::qWait(1'500);
    QCOMPARE(rig.state(u"db"_s), MachineState::Paused);
    // A heartbeat while paused is recorded but changes nothing.
    QCOMPARE(rig.ping(u"db"_s, token, PingKind::Fail), MachineMonitor::PingResult::Accepted);
    QCOMPARE(rig.ping(u"db"_s, token), MachineMonitor::PingResult::Accepted);
    QCOMPARE(rig.state(u"db"_s), MachineState::Paused);
    QCOMPARE(rig.info(u"db"_s)->lastSeenMs, clock->nowMs());

    // Resumed: judged from its last heartbeat (recent: up), or new if it never sent one.
    QVERIFY(rig.registry.setPaused(u"db"_s, false, &error));
    QVERIFY(rig.registry.setPaused(u"idle"_s, false, &error));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"db"_s), MachineState::Up, PickUpMs);
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"idle"_s), MachineState::New, PickUpMs);

    // Paused again, quiet past its window, resumed: down at once.
    QVERIFY(rig.registry.setPaused(u"db"_s, true, &error));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"db"_s), MachineState::Paused, PickUpMs);
    clock->advance(2 * 60'000);
    QVERIFY(rig.registry.setPaused(u"db"_s, false, &error));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"db"_s), MachineState::Down, PickUpMs);

    const QStringList expected{u"db new>up first heartbeat"_s,
                               u"db up>paused paused"_s,
                               u"idle new>paused paused"_s,
                               u"db paused>up resumed: heartbeat within 1m"_s,
                               u"idle paused>new resumed"_s,
                               u"db up>paused paused"_s,
                               u"db paused>down resumed: no heartbeat for 1m"_s};
    QTRY_COMPARE(rig.emitted(), expected);
    QCOMPARE(rig.events(), expected);
}

void TestMachineMonitor::restartIsJudgedOnMachineSeen()
{
    auto clock = std::make_shared<FakeClock>();
    auto rig = std::make_unique<Rig>(clock);
    const QByteArray a = rig->add(u"a"_s, 60'000);
    const QByteArray b = rig->add(u"b"_s, 600'000);
    rig->add(u"c"_s, 60'000);
    rig->startUp();
    QCOMPARE(rig->ping(u"a"_s, a), MachineMonitor::PingResult::Accepted);
    QCOMPARE(rig->ping(u"b"_s, b), MachineMonitor::PingResult::Accepted);
    const qint64 lastSeen = clock->nowMs();
    rig->shutDown(); // flushes machine_seen
    QCOMPARE(rig->seen(u"a"_s).value_or(MachineSeenRecord()).lastSeenMs, lastSeen);

    // The engine is down for five minutes; "c" is removed meanwhile.
    clock->advance(5 * 60'000);
    QString error;
    QVERIFY(rig->registry.remove(u"c"_s, &error));
    QCoreApplication::sendPostedEvents(); // what the first run emitted
    rig->transitions.clear();
    rig->startUp();
    // Judged at once, before start() returns: "a" went quiet while nobody watched.
    QCOMPARE(rig->state(u"a"_s), MachineState::Down);
    QCOMPARE(rig->info(u"a"_s)->lastSeenMs, lastSeen);
    QCOMPARE(rig->info(u"a"_s)->downSinceMs, lastSeen + 60'000); // when its window ended
    QCOMPARE(rig->state(u"b"_s), MachineState::Up);
    QVERIFY(!rig->info(u"c"_s));
    QTRY_COMPARE(rig->emitted(), QStringList{u"a up>down judged at start: no heartbeat for 1m"_s});
    QCOMPARE(rig->transitions.constFirst().lastSeenMs, lastSeen);

    // "b" still has a timer on its deadline: a real one, so the fake clock's jump is seen by
    // the once-a-second check.
    clock->advance(5 * 60'000);
    QTRY_COMPARE_WITH_TIMEOUT(rig->state(u"b"_s), MachineState::Down, PickUpMs);

    // A second restart changes nothing more: one row per transition, none repeated.
    rig->shutDown();
    rig->startUp();
    QCOMPARE(rig->state(u"a"_s), MachineState::Down);
    QCOMPARE(rig->state(u"b"_s), MachineState::Down);
    QCOMPARE(rig->events(),
             (QStringList{u"a new>up first heartbeat"_s, u"b new>up first heartbeat"_s,
                          u"a up>down judged at start: no heartbeat for 1m"_s,
                          u"c new>removed removed"_s, u"b up>down no heartbeat for 10m"_s}));
}

void TestMachineMonitor::clockJumps()
{
    auto clock = std::make_shared<FakeClock>();
    Rig rig(clock);
    const QByteArray token = rig.add(u"web"_s, 60'000);
    rig.startUp();
    QCOMPARE(rig.ping(u"web"_s, token), MachineMonitor::PingResult::Accepted);

    // An hour back: nothing goes down, and the machine is judged from the new "now" on (its
    // heartbeat cannot be in the future), not an hour late.
    clock->advance(-3'600'000);
    QTest::qWait(1'500);
    QCOMPARE(rig.state(u"web"_s), MachineState::Up);
    QVERIFY(rig.info(u"web"_s)->lastSeenMs <= clock->nowMs());
    clock->advance(30'000);
    QTest::qWait(1'200);
    QCOMPARE(rig.state(u"web"_s), MachineState::Up);
    clock->advance(31'000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"web"_s), MachineState::Down, PickUpMs);

    // Forward past the deadline: down within a second.
    QCOMPARE(rig.ping(u"web"_s, token), MachineMonitor::PingResult::Accepted);
    QCOMPARE(rig.state(u"web"_s), MachineState::Up);
    clock->advance(24 * 3'600'000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"web"_s), MachineState::Down, PickUpMs);
    QTRY_COMPARE(rig.transitions.size(), 4);
    // Rows come in time order, and the clock went back: compared as sets.
    QStringList events = rig.events();
    QStringList emitted = rig.emitted();
    events.sort();
    emitted.sort();
    QCOMPARE(events, emitted);
}

void TestMachineMonitor::removedMachineVanishes()
{
    auto clock = std::make_shared<FakeClock>();
    Rig rig(clock);
    const QByteArray token = rig.add(u"old"_s, 60'000);
    rig.startUp();
    QCOMPARE(rig.ping(u"old"_s, token), MachineMonitor::PingResult::Accepted);
    QTRY_VERIFY_WITH_TIMEOUT(rig.seen(u"old"_s).has_value(), PickUpMs);

    QString error;
    QVERIFY(rig.registry.remove(u"old"_s, &error));
    QTRY_VERIFY_WITH_TIMEOUT(!rig.info(u"old"_s), PickUpMs);
    QCOMPARE(rig.ping(u"old"_s, token), MachineMonitor::PingResult::UnknownMachine);
    QTRY_VERIFY_WITH_TIMEOUT(!rig.seen(u"old"_s).has_value(), PickUpMs);
    QCOMPARE(rig.events(),
             (QStringList{u"old new>up first heartbeat"_s, u"old up>removed removed"_s}));

    // Added again under the same name: a new machine with a new token.
    const QByteArray again = rig.add(u"old"_s, 60'000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.state(u"old"_s), MachineState::New, PickUpMs);
    QCOMPARE(rig.ping(u"old"_s, token), MachineMonitor::PingResult::BadToken);
    QCOMPARE(rig.ping(u"old"_s, again), MachineMonitor::PingResult::Accepted);
}

QTEST_GUILESS_MAIN(TestMachineMonitor)
#include "tst_machinemonitor.moc"
