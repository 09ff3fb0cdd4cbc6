// Watching the watcher (docs/scheduling.md): the system health alerts (a stale heartbeat, too
// many failed runs in 24 h) and the engine watchdog, which notices a stalled engine thread from
// outside, reports it (alert, audit, thread dump in the log) and restarts the engine.

#include "enginehost.h"
#include "enginerig.h"
#include "store/metricsreader.h"
#include "store/metricsstore.h"
#include "store/metricswriter.h"
#include "testtasks.h"

#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace hb;
using namespace hb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;

// Every critical or warning log line, while installed.
struct LogCapture
{
    static inline QMutex mutex;
    static inline QStringList lines;
    static inline QtMessageHandler previous = nullptr;

    LogCapture()
    {
        QMutexLocker lock(&mutex);
        lines.clear();
        previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture() { qInstallMessageHandler(previous); }
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type == QtCriticalMsg || type == QtWarningMsg) {
            QMutexLocker lock(&mutex);
            lines.append(QString::fromLatin1(context.category) + u": "_s + message);
        }
        if (previous)
            previous(type, context, message);
    }
    static QString find(const QString &needle)
    {
        QMutexLocker lock(&mutex);
        for (const QString &line : std::as_const(lines)) {
            if (line.contains(needle))
                return line;
        }
        return {};
    }
};

// The snapshots a host relays, newest last.
struct RelayRecorder
{
    QVector<EngineSnapshot> snapshots;
    explicit RelayRecorder(EngineHost &host)
    {
        QObject::connect(host.snapshots(), &SnapshotRelay::snapshotChanged, host.snapshots(),
                         [this](const EngineSnapshot &s) { snapshots.append(s); });
    }
    bool latestHasAlert(const QString &key) const
    {
        if (snapshots.isEmpty())
            return false;
        const EngineState &s = *snapshots.constLast();
        return std::any_of(s.activeAlerts.cbegin(), s.activeAlerts.cend(),
                           [&](const Alert &a) { return a.key == key; });
    }
    Alert latestAlert(const QString &key) const
    {
        for (const Alert &a : snapshots.constLast()->activeAlerts) {
            if (a.key == key)
                return a;
        }
        return {};
    }
    qint64 latestTickId() const
    {
        return snapshots.isEmpty() ? 0 : snapshots.constLast()->metrics.lastTickId;
    }
};

HeartbeatConfig watchdogConfig()
{
    HeartbeatConfig c = testConfig();
    c.tickIntervalMs = 200; // real ticks: the watchdog tests run a hosted engine
    c.watchdogStallSeconds = 2;
    c.watchdogRestartAfterSeconds = 1;
    return c;
}

} // namespace

class TestWatchdog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failureWindowCountsTheLastDay();
    void staleHeartbeatOnlyPastTheLimit();
    void failedRunsOverTheLimitWarn();
    void failedRunsSeededFromTheStore();
    void hostRaisesStaleHeartbeatForAQuietEngine();
    void stalledEngineIsReportedAndRestarted();
    void engineThatWakesUpIsNotRestarted();
    void busyHostDoesNotBlameTheEngine();
    void configRangesOfTheNewFields();
};

void TestWatchdog::failureWindowCountsTheLastDay()
{
    FailureWindow window;
    const qint64 t0 = 1'700'000'000'000;
    window.add(t0, 3);
    window.add(t0 + 30 * kMinute, 2);
    window.add(t0 + 30 * kMinute + 1000); // same minute
    window.add(t0 + 5 * kHour, 0);         // nothing
    QCOMPARE(std::as_const(window).count(t0 + kHour), 6);
    QCOMPARE(window.count(t0 + 23 * kHour), 6);
    // A day and a minute later, the first minute has left the window; the others are younger.
    QCOMPARE(std::as_const(window).count(t0 + 24 * kHour + kMinute), 3);
    QCOMPARE(window.count(t0 + 24 * kHour + kMinute), 3);
    QCOMPARE(window.count(t0 + 25 * kHour), 0);
}

void TestWatchdog::staleHeartbeatOnlyPastTheLimit()
{
    HeartbeatConfig c;
    QCOMPARE(c.healthHeartbeatStaleMs, 300'000); // the issue's five minutes
    const qint64 last = 1'700'000'000'000;
    QVERIFY(!SystemHealth::staleHeartbeat(c, last, true, last + 300'000));
    const auto alert = SystemHealth::staleHeartbeat(c, last, true, last + 301'000);
    QVERIFY(alert);
    QCOMPARE(alert->severity, Severity::Critical);
    QCOMPARE(alert->source, u"heartbeat"_s);
    QCOMPARE(alert->key, u"heartbeat_stale"_s);
    QVERIFY2(alert->message.contains(u"301 s"_s), qPrintable(alert->message));
    // A stopped engine, or one that never ticked, has no heartbeat to miss.
    QVERIFY(!SystemHealth::staleHeartbeat(c, last, false, last + kHour));
    QVERIFY(!SystemHealth::staleHeartbeat(c, 0, true, last + kHour));
    c.healthHeartbeatStaleMs = 2 * kHour;
    QVERIFY(!SystemHealth::staleHeartbeat(c, last, true, last + kHour));
}

void TestWatchdog::failedRunsOverTheLimitWarn()
{
    HeartbeatConfig c = testConfig();
    c.healthFailedRunsWarn = 3;
    c.breakerFailureThreshold = 1000; // the breaker must not stop the failures
    auto task = std::make_shared<ScriptedTask>(TaskName::AutoLiquidation, true);
    Rig rig({task}, c);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(rig.tick().value(TaskName::AutoLiquidation).outcome, Outcome::Failure);
        rig.clock->advance(kMinute);
    }
    QVERIFY(rig.alertsWithKey(u"failed_runs"_s).isEmpty()); // 3 is not more than 3
    rig.tick();
    const QVector<Alert> alerts = rig.alertsWithKey(u"failed_runs"_s);
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts[0].severity, Severity::Warning);
    QCOMPARE(alerts[0].source, u"heartbeat"_s);
    QVERIFY2(alerts[0].message.contains(u"4 runs failed"_s), qPrintable(alerts[0].message));

    // A day later those failures are history; one new one is under the limit.
    rig.clock->advance(25 * kHour);
    rig.tick();
    QVERIFY(rig.alertsWithKey(u"failed_runs"_s).isEmpty());
}

void TestWatchdog::failedRunsSeededFromTheStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"metrics.db"_s);
    HeartbeatConfig c = testConfig();
    c.healthFailedRunsWarn = 2;
    c.breakerFailureThreshold = 1000;
    auto clock = std::make_shared<FakeClock>();
    {
        MetricsWriter writer(std::make_unique<MetricsStore>(path), RetentionPolicy{}, clock);
        auto task = std::make_shared<ScriptedTask>(TaskName::AutoLiquidation, true);
        Rig rig({task}, c, {}, &writer);
        for (int i = 0; i < 3; ++i)
            rig.tick();
        QCOMPARE(rig.alertsWithKey(u"failed_runs"_s).size(), 1);
        writer.flush();
    }
    // A restart: the count comes back from metrics.db with the state.
    PersistedState state = MetricsStore(path).loadState();
    qint64 seeded = 0;
    for (const auto &minute : std::as_const(state.failuresByMinute))
        seeded += minute.second;
    QCOMPARE(seeded, 3);
    auto task = std::make_shared<ScriptedTask>(TaskName::AutoLiquidation);
    Rig restarted({task}, c, state);
    QCOMPARE(restarted.alertsWithKey(u"failed_runs"_s).size(), 1);
    // ... and successes do not bring it down, only time does.
    restarted.tick();
    QCOMPARE(restarted.alertsWithKey(u"failed_runs"_s).size(), 1);
    restarted.clock->advance(25 * kHour);
    restarted.tick();
    QVERIFY(restarted.alertsWithKey(u"failed_runs"_s).isEmpty());
}

void TestWatchdog::hostRaisesStaleHeartbeatForAQuietEngine()
{
    // An engine that ticks once an hour (a legal config) is quiet for long stretches: the host,
    // not the engine, sees its heartbeat age past the limit and says so in the snapshot.
    auto clock = std::make_shared<FakeClock>();
    EngineOptions o;
    o.clock = clock;
    o.config = testConfig();
    o.config.tickIntervalMs = kHour;
    o.tasks = {std::make_shared<ScriptedTask>(TaskName::AutoLiquidation)};
    EngineHost host(std::move(o));
    RelayRecorder relay(host);
    host.start();
    QTRY_VERIFY_WITH_TIMEOUT(relay.latestTickId() >= 1, 10'000);
    QVERIFY(!relay.latestHasAlert(u"heartbeat_stale"_s));
    clock->advance(6 * kMinute);
    QTRY_VERIFY_WITH_TIMEOUT(relay.latestHasAlert(u"heartbeat_stale"_s), 10'000);
    QCOMPARE(relay.latestAlert(u"heartbeat_stale"_s).severity, Severity::Critical);
    QVERIFY(host.engineResponsive()); // quiet is not stalled
    host.stop();
}

void TestWatchdog::stalledEngineIsReportedAndRestarted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"metrics.db"_s);
    auto clock = std::make_shared<FakeClock>();
    MetricsWriter writer(std::make_unique<MetricsStore>(path), RetentionPolicy{}, clock);
    LogCapture log;

    auto makeOptions = [&] {
        EngineOptions o;
        o.clock = clock;
        o.config = watchdogConfig();
        o.tasks = {std::make_shared<ScriptedTask>(TaskName::AutoLiquidation)};
        o.writer = &writer;
        return o;
    };
    std::atomic_int factoryCalls{0};
    qint64 reloadedTickId = -1;
    EngineHost host(makeOptions(), [&] {
        ++factoryCalls;
        EngineOptions o = makeOptions();
        o.state = MetricsStore(path).loadState(); // as EngineRuntime does
        reloadedTickId = o.state.metrics.lastTickId;
        return o;
    });
    RelayRecorder relay(host);
    RecordFeed feed;
    QVector<TickRecord> ticks;
    QObject::connect(&feed, &RecordFeed::recordsArrived, &feed,
                     [&](const RecordBatch &batch) { ticks += batch.ticks; });
    host.addRecordFeed(&feed);
    host.start();
    QTRY_VERIFY_WITH_TIMEOUT(relay.latestTickId() >= 2, 10'000);
    QVERIFY(host.engineResponsive());

    // The test-only hang: a queued call that blocks the engine thread itself (not a pool
    // thread) until released.
    std::atomic_bool release{false};
    QPointer<HeartbeatEngine> hung = host.engine();
    QMetaObject::invokeMethod(
        hung.data(),
        [&release] {
            while (!release)
                QThread::msleep(10);
        },
        Qt::QueuedConnection);

    // Detected: the host overlays a critical alert on the last snapshot, audits it, dumps.
    QTRY_VERIFY_WITH_TIMEOUT(relay.latestHasAlert(u"engine_stalled"_s), 15'000);
    QVERIFY(!host.engineResponsive() || host.restarts() > 0);
    const Alert stalled = relay.latestAlert(u"engine_stalled"_s);
    QCOMPARE(stalled.severity, Severity::Critical);
    QCOMPARE(stalled.source, u"heartbeat"_s);
    const QString dump = LogCapture::find(u"engine watchdog: the engine thread (tid"_s);
    QVERIFY2(!dump.isEmpty(), qPrintable(LogCapture::lines.join(u'\n')));
    QVERIFY2(dump.startsWith(u"hb.engine"_s), qPrintable(dump));
    QVERIFY2(dump.contains(u"last tick #"_s), qPrintable(dump));
    const EngineState &overlaid = *relay.snapshots.constLast();
    QVERIFY(std::any_of(overlaid.recentAudit.cbegin(), overlaid.recentAudit.cend(),
                        [](const AuditEntry &e) {
                            return e.actor == u"heartbeat:watchdog" && e.action == u"engine_stalled";
                        }));

    // Still stuck: restarted on a new thread from the state in metrics.db, ticking again.
    QTRY_COMPARE_WITH_TIMEOUT(host.restarts(), 1, 15'000);
    QCOMPARE(factoryCalls.load(), 1);
    QVERIFY(reloadedTickId >= 2);
    QVERIFY(host.engine() != hung.data());
    QVERIFY(host.engine()->thread() != hung->thread());
    QVERIFY(host.engineResponsive());
    const qint64 ticksBefore = ticks.size();
    QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= ticksBefore + 2, 10'000); // the feed follows
    QTRY_VERIFY_WITH_TIMEOUT(relay.latestTickId() > reloadedTickId, 10'000);
    QVERIFY(!relay.latestHasAlert(u"engine_stalled"_s));
    QVERIFY(!LogCapture::find(u"restarting the engine on a new thread"_s).isEmpty());
    // Tick ids continue from the persisted ones: none is reused.
    QVector<qint64> ids;
    for (const TickRecord &t : std::as_const(ticks))
        ids.append(t.id);
    std::sort(ids.begin(), ids.end());
    QVERIFY(std::adjacent_find(ids.cbegin(), ids.cend()) == ids.cend());

    // Both events are in the audit log under the watchdog's name.
    writer.flush();
    MetricsReader reader(path);
    const QVector<AuditEntry> audit = reader.auditEntries(0, clock->nowMs() + 1);
    QStringList watchdogActions;
    for (const AuditEntry &e : audit) {
        if (e.actor == u"heartbeat:watchdog")
            watchdogActions.append(e.action);
    }
    QCOMPARE(watchdogActions, QStringList({u"engine_stalled"_s, u"engine_restarted"_s}));

    // The abandoned engine, released, writes nothing and is destroyed on its own thread.
    release = true;
    QTRY_VERIFY_WITH_TIMEOUT(hung.isNull(), 10'000);
    host.removeRecordFeed(&feed);
    host.stop();
}

void TestWatchdog::engineThatWakesUpIsNotRestarted()
{
    auto clock = std::make_shared<FakeClock>();
    EngineOptions o;
    o.clock = clock;
    o.config = watchdogConfig();
    o.config.watchdogRestartAfterSeconds = 3600; // never within this test
    o.tasks = {std::make_shared<ScriptedTask>(TaskName::AutoLiquidation)};
    LogCapture log;
    EngineHost host(std::move(o));
    RelayRecorder relay(host);
    host.start();
    QTRY_VERIFY_WITH_TIMEOUT(relay.latestTickId() >= 1, 10'000);
    std::atomic_bool release{false};
    HeartbeatEngine *engine = host.engine();
    QMetaObject::invokeMethod(
        engine,
        [&release] {
            while (!release)
                QThread::msleep(10);
        },
        Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(relay.latestHasAlert(u"engine_stalled"_s), 15'000);
    QVERIFY(!host.engineResponsive());
    release = true;
    QTRY_VERIFY_WITH_TIMEOUT(host.engineResponsive(), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(!relay.latestHasAlert(u"engine_stalled"_s), 10'000);
    QCOMPARE(host.restarts(), 0);
    QCOMPARE(host.engine(), engine);
    QVERIFY(!LogCapture::find(u"answers again"_s).isEmpty());
    host.stop();
}

void TestWatchdog::busyHostDoesNotBlameTheEngine()
{
    // The host's own thread (the GUI's, in the dashboard) stuck for longer than the stall limit
    // says nothing about the engine thread, which answered every probe it was sent.
    auto clock = std::make_shared<FakeClock>();
    EngineOptions o;
    o.clock = clock;
    o.config = watchdogConfig();
    o.tasks = {std::make_shared<ScriptedTask>(TaskName::AutoLiquidation)};
    EngineHost host(std::move(o));
    RelayRecorder relay(host);
    host.start();
    QTRY_VERIFY_WITH_TIMEOUT(relay.latestTickId() >= 1, 10'000);
    QThread::msleep(3000); // the host thread blocked: no probe is posted meanwhile
    QTest::qWait(1500);    // several watchdog passes
    QVERIFY(host.engineResponsive());
    QVERIFY(!relay.latestHasAlert(u"engine_stalled"_s));
    QCOMPARE(host.restarts(), 0);
    host.stop();
}

void TestWatchdog::configRangesOfTheNewFields()
{
    HeartbeatConfig c;
    QCOMPARE(c.watchdogStallSeconds, 30);
    QCOMPARE(c.watchdogRestartAfterSeconds, 60);
    QCOMPARE(c.healthFailedRunsWarn, 50);
    const QJsonObject json = c.toJson();
    QCOMPARE(json.value(u"watchdog"_s).toObject().value(u"stall_seconds"_s).toInt(), 30);
    QCOMPARE(json.value(u"health"_s).toObject().value(u"heartbeat_stale_ms"_s).toInteger(), 300'000);
    QJsonObject bad = json;
    QJsonObject watchdog = bad.value(u"watchdog"_s).toObject();
    watchdog.insert(u"stall_seconds"_s, 1);
    bad.insert(u"watchdog"_s, watchdog);
    ConfigError error;
    QVERIFY(!configFromJson(bad, &error));
    QCOMPARE(error.field, u"watchdog.stall_seconds"_s);
}

QTEST_GUILESS_MAIN(TestWatchdog)
#include "tst_watchdog.moc"
