#pragma once

// HeartbeatEngine's private parts, shared by engine.cpp (the tick loop) and
// enginecommands.cpp (the audited, authorized commands). Not for use outside the engine.

#include "engine.h"

#include <QElapsedTimer>

#include <atomic>
#include <mutex>

namespace hb {

// Lets pool threads post a finished run back to the engine without racing its destruction:
// the engine clears `engine` under the mutex before it goes away.
struct EngineLink
{
    std::mutex mutex;
    HeartbeatEngine *engine = nullptr;
};

struct HeartbeatEngine::TaskSlot
{
    std::shared_ptr<MaintenanceTask> task;
    CircuitBreaker breaker;
    TaskStatus status;
    bool executing = false; // a pool thread is inside run(), even after a timeout gave up on it
};

struct HeartbeatEngine::Run
{
    TaskSlot *slot = nullptr; // engine thread only
    std::shared_ptr<MaintenanceTask> task;
    HeartbeatConfig config; // the task's own copy: the engine's may change while it runs
    std::atomic_bool cancel{false};
    qint64 tickId = 0;
    qint64 startedAtMs = 0;
    QElapsedTimer elapsed;
    bool finalized = false; // engine thread only: outcome recorded (finished, timeout, cancel)
};

} // namespace hb
