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
    ScheduleState schedule; // as persisted; a tick's decisions replace it when its rows are written
    TaskScheduler::Cached scheduleCache = {};
};

struct HeartbeatEngine::Run
{
    // Queued -> Started when a pool thread enters run(); Queued -> Withdrawn when the run is
    // cancelled first, and then it never starts. Whoever moves it out of Queued decides.
    enum Phase : int { Queued, Started, Withdrawn };

    TaskSlot *slot = nullptr; // engine thread only
    std::shared_ptr<MaintenanceTask> task;
    HeartbeatConfig config; // the task's own copy: the engine's may change while it runs
    std::atomic_bool cancel{false};
    std::atomic_int phase{Queued};
    qint64 tickId = 0;
    qint64 queuedAtMs = 0;            // by the engine's clock
    QElapsedTimer elapsed;            // since it was queued
    std::atomic<qint64> queuedMs{-1}; // set by the pool thread before it moves phase to Started
    qint64 withdrawnAfterMs = 0;      // engine thread only: how long it had waited when withdrawn
    bool finalized = false; // engine thread only: outcome recorded (finished, timeout, cancel)
    bool lentThread = false; // engine thread only: its pool thread was replaced at the timeout

    // Retries inside the run (TaskSchedule::retries): each failed attempt that was tried again,
    // written by the pool thread, read by the engine thread under the mutex.
    struct Attempt
    {
        qint64 offsetMs = 0; // since run() began
        qint64 durationMs = 0;
        QString error;
        qint64 retryInMs = 0;
    };
    TaskSchedule policy;
    std::mutex attemptsMutex;
    QVector<Attempt> attempts;
};

} // namespace hb
