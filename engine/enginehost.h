#pragma once

#include "engine.h"

#include <QThread>

#include <functional>
#include <memory>

namespace hb {

class RecordFeed;

// Owns the engine's thread (docs/architecture.md, "Threads"): the engine is moved to a QThread
// owned through a unique_ptr whose deleter quits and joins it. Other threads talk to the engine
// only through queued calls; command() delivers the result back on the main thread.
class EngineHost
{
public:
    explicit EngineHost(EngineOptions options);
    ~EngineHost(); // stop()

    EngineHost(const EngineHost &) = delete;
    EngineHost &operator=(const EngineHost &) = delete;

    // For connecting to its signals and queued calls only; never call its slots directly from
    // another thread.
    HeartbeatEngine *engine() const { return m_engine; }

    // Live record batches go to `feed` (which lives on its consumer's thread) from now on, as
    // well as to any feed added before. removeRecordFeed() blocks until the engine has let go.
    void addRecordFeed(RecordFeed *feed);
    void removeRecordFeed(RecordFeed *feed);

    void start();
    // Blocking: runs engine->stop() on the engine thread (cancel, record, flush), destroys the
    // engine there and joins the thread. Idempotent. Never call from the engine thread.
    void stop();

    // Runs `command` on the engine thread; `done` runs later on the main thread unless
    // `receiver` (which must live on the main thread) is gone by then.
    void command(QObject *receiver, std::function<CommandResult(HeartbeatEngine &)> command,
                 std::function<void(const CommandResult &)> done = {});

private:
    struct ThreadJoiner
    {
        void operator()(QThread *thread) const;
    };
    std::unique_ptr<QThread, ThreadJoiner> m_thread;
    HeartbeatEngine *m_engine = nullptr;
};

} // namespace hb
