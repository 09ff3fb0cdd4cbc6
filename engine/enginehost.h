#pragma once

#include "engine.h"

#include <QThread>

#include <functional>
#include <memory>

class QTimer;

namespace hb {

class RecordFeed;
struct EngineWatch;

// Re-emits the engine's snapshots, with what only the host can know laid over them (a stalled
// engine thread, a heartbeat gone stale), and keeps doing so across a restart of the engine.
// Lives on the host's thread; the signal comes from the engine thread, or from the host's when
// the watchdog changes the overlay. Connect to this rather than to the engine itself.
class SnapshotRelay : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    void snapshotChanged(const hb::EngineSnapshot &snapshot);
};

// Owns the engine's thread (docs/architecture.md, "Threads"): the engine is moved to a QThread
// owned through a unique_ptr whose deleter quits and joins it. Other threads talk to the engine
// only through queued calls; command() delivers the result back on the main thread.
//
// It also watches the engine thread from outside (docs/scheduling.md, "Watching the watcher"):
// once start()ed, a probe posted every second must be answered by the engine thread's event
// loop. Silent for watchdog.stall_seconds: a critical alert in the relayed snapshots, an audit
// entry and a thread dump in the log; still silent watchdog.restart_after_seconds later: the
// engine is retired, its thread abandoned, and a new engine started from the persisted state.
class EngineHost
{
public:
    // Builds the options of a replacement engine (the persisted state re-read from the store,
    // fresh tasks); may throw StoreError. Without one, a restart reuses the first options with
    // the last snapshot's counters, breakers and pauses.
    using RestartOptions = std::function<EngineOptions()>;

    explicit EngineHost(EngineOptions options, RestartOptions restartOptions = {});
    ~EngineHost(); // stop()

    EngineHost(const EngineHost &) = delete;
    EngineHost &operator=(const EngineHost &) = delete;

    // For connecting to its signals and queued calls only; never call its slots directly from
    // another thread. A restart replaces it: snapshots() is the lasting way to follow it.
    HeartbeatEngine *engine() const { return m_engine; }
    SnapshotRelay *snapshots() const { return m_relay.get(); }

    // Live record batches go to `feed` (which lives on its consumer's thread) from now on, as
    // well as to any feed added before. removeRecordFeed() blocks until the engine has let go.
    void addRecordFeed(RecordFeed *feed);
    void removeRecordFeed(RecordFeed *feed);

    void start();
    // Blocking: runs engine->stop() on the engine thread (cancel, record, flush), destroys the
    // engine there and joins the thread. Idempotent. Never call from the engine thread. A
    // stalled engine is abandoned instead (its thread cannot run the stop).
    void stop();

    // Runs `command` on the engine thread; `done` runs later on the main thread unless
    // `receiver` (which must live on the main thread) is gone by then.
    void command(QObject *receiver, std::function<CommandResult(HeartbeatEngine &)> command,
                 std::function<void(const CommandResult &)> done = {});

    // False while the watchdog sees the engine thread stalled (heartbeatd withholds the service
    // manager's WATCHDOG=1 then). Host thread.
    bool engineResponsive() const;
    int restarts() const { return m_restarts; } // engines replaced by the watchdog so far

private:
    struct ThreadJoiner
    {
        void operator()(QThread *thread) const;
    };
    void launch(EngineOptions options);
    void watch();
    void onStalled(qint64 silentMs);
    void restartEngine();
    void abandon(HeartbeatEngine *engine);
    void relayOverlay();
    HeartbeatConfig currentConfig() const;

    std::unique_ptr<QThread, ThreadJoiner> m_thread;
    HeartbeatEngine *m_engine = nullptr;
    std::shared_ptr<std::atomic_bool> m_retired; // the running engine's
    EngineOptions m_firstOptions;                // tasks and settings, for a restart without a factory
    RestartOptions m_restartOptions;
    std::shared_ptr<const Clock> m_clock;
    MetricsWriter *m_writer = nullptr;
    std::unique_ptr<SnapshotRelay> m_relay;
    std::unique_ptr<QTimer> m_watchTimer;
    std::shared_ptr<EngineWatch> m_watch;
    QVector<QPointer<RecordFeed>> m_feeds;
    bool m_started = false;
    int m_restarts = 0;
};

} // namespace hb
