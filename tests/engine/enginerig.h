#pragma once

// What the engine tests share: actors of each role, a config for hand-driven ticks, and a Rig:
// an engine on the test thread with a fake clock and a feed collecting what it publishes.

#include "engine.h"
#include "recordfeed.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QSignalSpy>

namespace hb::test {

const Actor kAdmin{QStringLiteral("alice"), Role::Admin};
const Actor kOperator{QStringLiteral("oscar"), Role::Operator};
const Actor kViewer{QStringLiteral("victor"), Role::Viewer};

inline HeartbeatConfig testConfig()
{
    HeartbeatConfig c;
    c.taskTimeoutMs = 300;
    c.maxConcurrentTasks = 8;
    c.tickIntervalMs = 60'000; // tests tick by hand
    return c;
}

// An engine on the test thread, a feed collecting what it publishes, and a fake clock.
struct Rig
{
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
    std::unique_ptr<RecordFeed> feed = std::make_unique<RecordFeed>();
    std::unique_ptr<HeartbeatEngine> engine;
    QVector<ExecutionRecord> records;
    QVector<TickRecord> ticks;

    explicit Rig(std::vector<std::shared_ptr<MaintenanceTask>> tasks,
                 HeartbeatConfig config = testConfig(), PersistedState state = {},
                 MetricsWriter *writer = nullptr, QString configPath = {})
    {
        EngineOptions o;
        o.clock = clock;
        o.config = std::move(config);
        o.configPath = std::move(configPath);
        o.state = std::move(state);
        o.tasks = std::move(tasks);
        o.writer = writer;
        o.oracleSource = OracleSourceName::Http; // the tests' price tasks stand for a real feed
        engine = std::make_unique<HeartbeatEngine>(std::move(o));
        engine->addRecordFeed(feed.get());
        QObject::connect(feed.get(), &RecordFeed::recordsArrived, feed.get(),
                         [this](const RecordBatch &r) {
                             records += r.executions;
                             ticks += r.ticks;
                         });
    }

    // Runs one tick to completion and returns its records (by task name).
    QHash<QString, ExecutionRecord> tick(int timeoutMs = 3000)
    {
        QSignalSpy finished(engine.get(), &HeartbeatEngine::tickFinished);
        engine->tickNow();
        if (finished.isEmpty() && !finished.wait(timeoutMs))
            return {};
        const qint64 id = finished.constFirst().constFirst().toLongLong();
        QCoreApplication::processEvents(); // the feed's queued drain
        QHash<QString, ExecutionRecord> byTask;
        for (const ExecutionRecord &r : std::as_const(records)) {
            if (r.tickId == id)
                byTask.insert(r.task, r);
        }
        return byTask;
    }
    EngineState state() { return *engine->snapshot(); }
    QVector<Alert> alertsWithKey(const QString &key)
    {
        QVector<Alert> found;
        for (const Alert &a : state().activeAlerts) {
            if (a.key == key)
                found.append(a);
        }
        return found;
    }
    BreakerStatus breaker(const QString &task)
    {
        const EngineState s = state();
        for (const BreakerStatus &b : s.breakers) {
            if (b.task == task)
                return b;
        }
        return {};
    }
};


} // namespace hb::test
