// Replay: the state rebuilt from a metrics.db at a moment equals the state the live engine
// published at that moment. A real engine runs tasks (one fails until its breaker opens, one is
// slow so snapshots fall inside a tick), takes commands (a task toggle, an emergency pause and
// resume, a forced open and a reset), and every snapshot it publishes is kept with its time; then
// the file is replayed at each of those moments and compared field by field.

#include "engine.h"
#include "enginerig.h"
#include "replay/replay.h"
#include "store/metricsstore.h"
#include "store/metricswriter.h"
#include "store/storeerror.h"
#include "testsupport.h"
#include "testtasks.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hb;
using namespace hb::test;

namespace {

// Real milliseconds plus jumps the test makes while the engine is idle. Run times are measured
// with elapsed timers and a row's start is its tick's start plus the wait for a thread, so the
// clock must run as fast as those timers for the rows to agree with what the engine saw.
class SteppedClock final : public Clock
{
public:
    SteppedClock() { m_timer.start(); }
    qint64 nowMs() const override { return m_base + m_jumped.load() + m_timer.elapsed(); }
    void jump(qint64 ms) { m_jumped += ms; }

private:
    const qint64 m_base = 1'760'000'000'000;
    std::atomic<qint64> m_jumped{0};
    QElapsedTimer m_timer;
};

// Reports a memory reading each run (the metrics panel's gauge). It takes a moment, so that
// something changes in the middle of a tick and a snapshot is published there; the reading is
// stamped as the run ends, when the engine applies it.
class MemoryTask : public MaintenanceTask
{
public:
    QString name() const override { return TaskName::MemoryMonitoring; }
    TaskResult run(const TaskContext &ctx) override
    {
        QThread::msleep(120);
        TaskResult r = TaskResult::success(1);
        r.samples.append({QStringLiteral("memory.total_bytes"), ctx.clock.nowMs(),
                          double(1'000'000 + 1000 * ++m_runs)});
        return r;
    }

private:
    std::atomic_int m_runs{0};
};

// Takes long enough that snapshots are published while it runs.
class SlowTask300 : public MaintenanceTask
{
public:
    QString name() const override { return TaskName::AutoCleanup; }
    TaskResult run(const TaskContext &ctx) override
    {
        for (int i = 0; i < 30 && !ctx.isCancelled(); ++i)
            QThread::msleep(10);
        return TaskResult::success(3);
    }
};

struct Recorded
{
    EngineSnapshot snapshot;
};

// Where the live engine's snapshot may lawfully disagree with the file for a moment, inside a
// tick: a run's row holds when it started and how long it took, but the engine learns of its
// end a little later (a queued call), and a run is "running" from its tick's start, before its
// row's start. Snapshots within kSlackMs after such an edge, and before the tick ended, are not
// compared. A tick ends in the same call that processes its last run (its duration is measured
// there), so a snapshot that saw every run saw the tick end too: after its end nothing of it is
// uncertain.
constexpr qint64 kSlackMs = 25;

struct Edges
{
    QVector<QPair<qint64, qint64>> windows; // [from, to)
    bool contains(qint64 t) const
    {
        return std::any_of(windows.cbegin(), windows.cend(),
                           [t](const auto &w) { return t >= w.first && t < w.second; });
    }
};

Edges edgesOf(const QString &path)
{
    Edges edges;
    SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
    SQLite::Statement runs(db, "SELECT e.started_at_ms, e.duration_ms, t.started_at_ms,"
                               " t.started_at_ms + t.duration_ms"
                               " FROM executions e JOIN ticks t ON t.id = e.tick_id");
    while (runs.executeStep()) {
        const qint64 start = runs.getColumn(0).getInt64();
        const qint64 end = start + runs.getColumn(1).getInt64();
        const qint64 tickEnd = runs.getColumn(3).getInt64();
        edges.windows.append({runs.getColumn(2).getInt64(), std::min(start + kSlackMs, tickEnd)});
        edges.windows.append({end, std::min(end + kSlackMs, tickEnd)});
    }
    return edges;
}

// What the panels show, field by field; empty when the two states agree.
QStringList differences(const EngineState &live, const EngineState &replayed)
{
    QStringList out;
    const auto check = [&out](const QString &what, const auto &a, const auto &b) {
        if (!(a == b))
            out << QStringLiteral("%1: live %2, replayed %3")
                       .arg(what, QVariant::fromValue(a).toString(),
                            QVariant::fromValue(b).toString());
    };
    const HeartbeatMetrics &a = live.metrics;
    const HeartbeatMetrics &b = replayed.metrics;
    check(QStringLiteral("tickCount"), a.tickCount, b.tickCount);
    check(QStringLiteral("lastTickId"), a.lastTickId, b.lastTickId);
    check(QStringLiteral("lastTickMs"), a.lastTickMs, b.lastTickMs);
    check(QStringLiteral("lastExecutionMs"), a.lastExecutionMs, b.lastExecutionMs);
    check(QStringLiteral("totalExecutions"), a.totalExecutions, b.totalExecutions);
    check(QStringLiteral("successfulExecutions"), a.successfulExecutions, b.successfulExecutions);
    check(QStringLiteral("failedExecutions"), a.failedExecutions, b.failedExecutions);
    check(QStringLiteral("cancelledExecutions"), a.cancelledExecutions, b.cancelledExecutions);
    check(QStringLiteral("totalExecutionTimeMs"), a.totalExecutionTimeMs, b.totalExecutionTimeMs);
    check(QStringLiteral("peakExecutionTimeMs"), a.peakExecutionTimeMs, b.peakExecutionTimeMs);
    check(QStringLiteral("lastError"), a.lastError, b.lastError);
    check(QStringLiteral("lastErrorMs"), a.lastErrorMs, b.lastErrorMs);
    check(QStringLiteral("lastTickTasks"), a.lastTickTasks.join(u','), b.lastTickTasks.join(u','));
    for (auto it = a.tasksCompleted.cbegin(); it != a.tasksCompleted.cend(); ++it)
        check(u"tasksCompleted." + it.key(), it.value(), b.tasksCompleted.value(it.key()));
    check(QStringLiteral("tasksCompleted.size"), a.tasksCompleted.size(), b.tasksCompleted.size());

    check(QStringLiteral("emergencyStop"), live.emergencyStop, replayed.emergencyStop);
    check(QStringLiteral("emergencyReason"), live.emergencyReason, replayed.emergencyReason);
    check(QStringLiteral("config"), live.config == replayed.config, true);
    check(QStringLiteral("memoryBytes"), live.memoryBytes, replayed.memoryBytes);

    for (const TaskStatus &t : live.tasks) {
        const auto r = std::find_if(replayed.tasks.cbegin(), replayed.tasks.cend(),
                                    [&t](const TaskStatus &x) { return x.name == t.name; });
        if (r == replayed.tasks.cend()) {
            // A task that never ran and has no breaker leaves no trace in the file.
            if (t.hasRun)
                out << u"task missing: " + t.name;
            continue;
        }
        const QString p = t.name + u'.';
        check(p + u"enabled", t.enabled, r->enabled);
        check(p + u"running", t.running, r->running);
        check(p + u"hasRun", t.hasRun, r->hasRun);
        check(p + u"lastOutcome", outcomeName(t.lastOutcome), outcomeName(r->lastOutcome));
        check(p + u"lastRunMs", t.lastRunMs, r->lastRunMs);
        check(p + u"lastDurationMs", t.lastDurationMs, r->lastDurationMs);
        check(p + u"lastItems", t.lastItems, r->lastItems);
        check(p + u"lastError", t.lastError, r->lastError);
        check(p + u"completed", t.completed, r->completed);
    }
    for (int i = 0; i < live.breakers.size(); ++i) {
        const BreakerStatus &l = live.breakers.at(i);
        const auto r = std::find_if(replayed.breakers.cbegin(), replayed.breakers.cend(),
                                    [&l](const BreakerStatus &x) { return x.task == l.task; });
        if (r == replayed.breakers.cend()) {
            if (l.state != BreakerState::Closed || l.failureCount > 0)
                out << u"breaker missing: " + l.task;
            continue;
        }
        const QString p = u"breaker." + l.task + u'.';
        check(p + u"state", breakerStateName(l.state), breakerStateName(r->state));
        check(p + u"failureCount", l.failureCount, r->failureCount);
        check(p + u"openedAtMs", l.openedAtMs, r->openedAtMs);
        // The engine stamps a failure when it hears of it, the row when the run ended: a
        // moment apart, and the panel shows seconds.
        if (std::abs(l.lastFailureMs - r->lastFailureMs) > kSlackMs)
            check(p + u"lastFailureMs", l.lastFailureMs, r->lastFailureMs);
        const qint64 retry = live.breakerRetryAtMs.value(i);
        check(p + u"retryAtMs", retry,
              replayed.breakerRetryAtMs.value(int(r - replayed.breakers.cbegin())));
    }
    QStringList liveAlerts, replayedAlerts;
    for (const Alert &x : live.activeAlerts)
        liveAlerts << x.source + u'/' + x.key + u'/' + QString::number(x.tsMs) + u'/' + x.message;
    for (const Alert &x : replayed.activeAlerts)
        replayedAlerts << x.source + u'/' + x.key + u'/' + QString::number(x.tsMs) + u'/' +
                              x.message;
    check(QStringLiteral("alerts"), liveAlerts.join(u'|'), replayedAlerts.join(u'|'));
    check(QStringLiteral("oracleHealth"), int(OracleHealth::evaluate(live).status),
          int(OracleHealth::evaluate(replayed).status));
    QStringList liveAudit, replayedAudit;
    for (const AuditEntry &e : live.recentAudit)
        liveAudit << QString::number(e.tsMs) + e.actor + e.action + e.detail;
    for (const AuditEntry &e : replayed.recentAudit)
        replayedAudit << QString::number(e.tsMs) + e.actor + e.action + e.detail;
    check(QStringLiteral("recentAudit"), liveAudit.join(u'|'), replayedAudit.join(u'|'));
    return out;
}

} // namespace

class TestReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void replayedStateEqualsPublishedState();
    void rejectsWhatIsNotAMetricsDatabase();

private:
    QTemporaryDir m_dir;
    QString m_path;
    HeartbeatConfig m_finalConfig;
    QVector<EngineSnapshot> m_published;
    // The moments commands took effect (audit ts) and ticks finished, to test the boundaries.
    qint64 m_pausedAt = 0;
    qint64 m_resumedAt = 0;
    qint64 m_toggledAt = 0;
};

void TestReplay::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("metrics.db"));
    auto clock = std::make_shared<SteppedClock>();
    auto price = std::make_shared<ScriptedTask>(TaskName::PriceUpdate);
    auto loans = std::make_shared<ScriptedTask>(TaskName::LoanMonitoring);
    HeartbeatConfig config = testConfig();
    config.breakerFailureThreshold = 2;
    config.breakerTimeoutMs = 1000;
    config.taskTimeoutMs = 2000;

    MetricsWriter writer(std::make_unique<MetricsStore>(m_path), {}, clock);
    EngineOptions o;
    o.clock = clock;
    o.config = config;
    o.writer = &writer;
    o.oracleSource = OracleSourceName::Http;
    o.tasks = {price, loans, std::make_shared<MemoryTask>(), std::make_shared<SlowTask300>()};
    HeartbeatEngine engine(std::move(o));
    QObject::connect(&engine, &HeartbeatEngine::snapshotChanged, &engine,
                     [this](const EngineSnapshot &s) { m_published.append(s); });

    // Lets every pending publication happen, then moves time on so the next step's rows and
    // entries never share a millisecond with this one's snapshot.
    const auto settle = [&] {
        QSignalSpy published(&engine, &HeartbeatEngine::snapshotChanged);
        published.wait(400);
        QTest::qWait(120);
        clock->jump(500);
    };
    const auto tick = [&] {
        QSignalSpy finished(&engine, &HeartbeatEngine::tickFinished);
        engine.tickNow();
        QVERIFY(!finished.isEmpty() || finished.wait(5000));
        settle();
    };
    const auto audited = [&](const CommandResult &r) {
        QVERIFY2(r.ok, qPrintable(r.error));
        settle();
    };

    tick();
    tick();
    price->setFailing(true);
    tick(); // one failure: still closed
    tick(); // the second opens the breaker: the oracle is down
    tick(); // skipped: breaker open
    m_toggledAt = clock->nowMs();
    audited(engine.setTaskEnabled(kAdmin, TaskName::LoanMonitoring, false));
    tick();
    m_pausedAt = clock->nowMs();
    audited(engine.setEmergencyStop(kAdmin, true, QStringLiteral("liquidations look wrong")));
    tick(); // a tick that runs nothing
    m_resumedAt = clock->nowMs();
    audited(engine.setEmergencyStop(kAdmin, false, {}));
    clock->jump(1000); // past the breaker's timeout: a trial, which fails
    tick();
    price->setFailing(false);
    clock->jump(1000);
    tick(); // the trial succeeds: closed again
    audited(engine.forceOpenBreaker(kAdmin, TaskName::PriceUpdate));
    tick();
    audited(engine.resetBreaker(kAdmin, TaskName::PriceUpdate));
    audited(engine.setTaskEnabled(kAdmin, TaskName::LoanMonitoring, true));
    tick();
    HeartbeatConfig changed = config;
    changed.breakerFailureThreshold = 3;
    changed.tasks[TaskName::LoanMonitoring] = true;
    m_finalConfig = changed;
    audited(engine.updateConfig(kAdmin, changed));
    tick();

    engine.stop();
    writer.stop(); // every row is on disk before the file is replayed
    m_finalConfig = (*engine.snapshot()).config;
}

void TestReplay::replayedStateEqualsPublishedState()
{
    QVERIFY(m_published.size() > 20);
    // The file's own configuration is the last one: earlier moments must undo the audited
    // changes to show what was in force then.
    ReplayReader reader(m_path, {m_finalConfig, OracleSourceName::Http});
    const Edges edges = edgesOf(m_path);

    int compared = 0;
    int excluded = 0;
    int midTick = 0;
    QSet<int> oracleStates;
    bool sawPause = false;
    bool sawToggle = false;
    for (const EngineSnapshot &s : std::as_const(m_published)) {
        if (edges.contains(s->takenAtMs)) {
            ++excluded;
            continue;
        }
        const EngineSnapshot replayed = reader.stateAt(s->takenAtMs);
        const QStringList diff = differences(*s, *replayed);
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("at %1: %2")
                                                .arg(s->takenAtMs)
                                                .arg(diff.join(QStringLiteral("; ")))));
        ++compared;
        midTick += std::any_of(s->tasks.cbegin(), s->tasks.cend(),
                               [](const TaskStatus &t) { return t.running; });
        oracleStates.insert(int(OracleHealth::evaluate(*s).status));
        sawPause = sawPause || s->emergencyStop;
        sawToggle = sawToggle || !s->config.isTaskEnabled(TaskName::LoanMonitoring);
    }
    qInfo("compared %d of %lld published snapshots, %d of them inside a tick", compared,
          qint64(m_published.size()), midTick);
    // The comparison covered what it claims to: every moment but those at a tick's edges (a
    // snapshot is published as soon as a tick's first run ends, so each tick has one or two),
    // some inside a tick, the oracle both down and up, a pause and a task turned off.
    const qint64 ticks = (*reader.stateAt(reader.lastMs() + 60'000)).metrics.tickCount;
    QVERIFY(ticks >= 12);
    QVERIFY2(compared >= 15 && excluded <= 2 * ticks,
             qPrintable(QStringLiteral("%1 compared, %2 excluded").arg(compared).arg(excluded)));
    QVERIFY(midTick >= 1);
    QVERIFY(oracleStates.contains(int(OracleHealth::Status::Down)));
    QVERIFY(oracleStates.contains(int(OracleHealth::Status::Unknown)) ||
            oracleStates.contains(int(OracleHealth::Status::Ok)));
    QVERIFY(sawPause);
    QVERIFY(sawToggle);

    // Boundaries: a command counts from its own millisecond, not one earlier. A replay that were
    // off by one either way would fail here.
    QVERIFY(m_pausedAt > 0 && m_resumedAt > m_pausedAt && m_toggledAt > 0);
    SQLite::Database db(m_path.toStdString(), SQLite::OPEN_READONLY);
    const auto auditTs = [&db](const char *action) {
        SQLite::Statement q(db,
                            "SELECT ts_ms FROM audit_log WHERE action = ?1 ORDER BY id LIMIT 1");
        q.bind(1, action);
        return q.executeStep() ? q.getColumn(0).getInt64() : qint64(0);
    };
    const qint64 paused = auditTs("emergency_pause");
    const qint64 resumed = auditTs("resume");
    const qint64 toggled = auditTs("task_disable");
    QVERIFY(paused >= m_pausedAt && resumed >= m_resumedAt && toggled >= m_toggledAt);
    QVERIFY(!reader.stateAt(paused - 1)->emergencyStop);
    QVERIFY(reader.stateAt(paused)->emergencyStop);
    QCOMPARE(reader.stateAt(paused)->emergencyReason, QStringLiteral("liquidations look wrong"));
    QVERIFY(reader.stateAt(resumed - 1)->emergencyStop);
    QVERIFY(!reader.stateAt(resumed)->emergencyStop);
    QVERIFY(reader.stateAt(toggled - 1)->config.isTaskEnabled(TaskName::LoanMonitoring));
    QVERIFY(!reader.stateAt(toggled)->config.isTaskEnabled(TaskName::LoanMonitoring));

    // The breaker opened at its event's millisecond; the counters moved when the tick ended.
    SQLite::Statement opened(db, "SELECT ts_ms FROM breaker_events WHERE to_state = 'open'"
                                 " ORDER BY ts_ms LIMIT 1");
    QVERIFY(opened.executeStep());
    const qint64 openedAt = opened.getColumn(0).getInt64();
    const auto priceBreaker = [&reader](qint64 t) {
        const EngineSnapshot state = reader.stateAt(t); // (a range-for over a temporary's member
        for (const BreakerStatus &b : state->breakers) { // would outlive the temporary)
            if (b.task == TaskName::PriceUpdate)
                return b;
        }
        return BreakerStatus{};
    };
    // The second failure's run ended a moment before the engine heard of it and opened the
    // breaker: before its end one failure counts, from the transition on the breaker is open.
    SQLite::Statement second(db, "SELECT started_at_ms + duration_ms FROM executions"
                                 " WHERE task = 'price_update' AND outcome = 'failure'"
                                 " ORDER BY id LIMIT 1 OFFSET 1");
    QVERIFY(second.executeStep());
    const qint64 secondEnded = second.getColumn(0).getInt64();
    QVERIFY(secondEnded <= openedAt);
    QCOMPARE(priceBreaker(secondEnded - 1).state, BreakerState::Closed);
    QCOMPARE(priceBreaker(secondEnded - 1).failureCount, 1);
    QCOMPARE(priceBreaker(openedAt - 1).state, BreakerState::Closed);
    QCOMPARE(priceBreaker(openedAt).state, BreakerState::Open);
    QCOMPARE(priceBreaker(openedAt).failureCount, 2);
    QCOMPARE(OracleHealth::evaluate(*reader.stateAt(openedAt)).status, OracleHealth::Status::Down);

    SQLite::Statement slowTick(db, "SELECT id, started_at_ms + duration_ms FROM ticks"
                                   " WHERE duration_ms > 200 ORDER BY id LIMIT 1");
    QVERIFY(slowTick.executeStep());
    const qint64 tickId = slowTick.getColumn(0).getInt64();
    const qint64 tickEnd = slowTick.getColumn(1).getInt64();
    QCOMPARE(reader.stateAt(tickEnd)->metrics.lastTickId, tickId);
    QCOMPARE(reader.stateAt(tickEnd - 1)->metrics.lastTickId, tickId - 1);
    QCOMPARE(reader.stateAt(tickEnd - 1)->metrics.tickCount + 1,
             reader.stateAt(tickEnd)->metrics.tickCount);
}

void TestReplay::rejectsWhatIsNotAMetricsDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not sqlite");
    file.close();
    QVERIFY_THROWS_EXCEPTION(StoreError, ReplayReader{path});
    QVERIFY_THROWS_EXCEPTION(StoreError, ReplayReader{dir.filePath(QStringLiteral("missing.db"))});
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("notes.db")});
}

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
