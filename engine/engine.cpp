#include "engine.h"

#include "core/logging.h"
#include "core/threadpriority.h"
#include "engine_p.h"
#include "recordfeed.h"
#include "store/metricswriter.h"
#include "store/notificationstore.h"

#include <QThread>
#include <QThreadPool>

#include <mutex>
#include <random>
#include <thread>

namespace hb {

HeartbeatEngine::HeartbeatEngine(EngineOptions options, QObject *parent)
    : QObject(parent)
    , m_clock(options.clock ? std::move(options.clock) : std::make_shared<SystemClock>())
    , m_config(std::move(options.config))
    , m_configPath(std::move(options.configPath))
    , m_oracleSource(std::move(options.oracleSource))
    , m_afterRun(std::move(options.afterRun))
    , m_tickIntervalOverrideMs(options.tickIntervalOverrideMs)
    , m_writer(options.writer)
    , m_pool(std::make_unique<QThreadPool>())
    , m_link(std::make_shared<EngineLink>())
    , m_metrics(options.state.metrics)
    , m_retired(std::move(options.retired))
    , m_nextTickId(options.state.metrics.lastTickId + 1)
    , m_emergencyStop(options.state.emergencyStop)
    , m_emergencyReason(options.state.emergencyReason)
    , m_safeMode(options.state.safeMode)
    , m_safeModeReason(options.state.safeModeReason)
    , m_tickTimer(this) // parented, so moveToThread() takes the timers along
    , m_publishTimer(this)
{
    m_link->engine = this;
    m_pool->setMaxThreadCount(m_config.maxConcurrentTasks);

    for (auto &task : options.tasks) {
        const QString name = task->name();
        auto slot = std::make_unique<TaskSlot>(TaskSlot{
            task, CircuitBreaker(name, m_config.breakerFailureThreshold, m_config.breakerTimeoutMs),
            {}, false, {}, {}});
        slot->status.name = name;
        slot->status.completed = m_metrics.tasksCompleted.value(name);
        m_slots.push_back(std::move(slot));
    }
    for (const ExecutionRecord &run : options.state.lastRuns) {
        if (TaskSlot *slot = slotFor(run.task)) {
            TaskStatus &status = slot->status;
            status.hasRun = true;
            status.lastOutcome = run.outcome;
            status.lastRunMs = run.startedAtMs;
            status.lastDurationMs = run.durationMs;
            status.lastItems = run.items;
            status.lastError = run.error;
        }
    }
    for (const auto &[minuteMs, failures] : std::as_const(options.state.failuresByMinute))
        m_failures.add(minuteMs, failures);
    for (const ScheduleState &schedule : options.state.schedules) {
        if (TaskSlot *slot = slotFor(schedule.task))
            slot->schedule = schedule;
    }
    for (const BreakerStatus &status : options.state.breakers) {
        if (TaskSlot *slot = slotFor(status.task)) {
            slot->breaker = CircuitBreaker::fromStatus(status, m_config.breakerFailureThreshold,
                                                       m_config.breakerTimeoutMs);
        } else {
            m_foreignBreakers.append(status);
        }
    }

    m_tickTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_tickTimer, &QTimer::timeout, this, &HeartbeatEngine::tickNow);
    m_publishTimer.setSingleShot(true);
    connect(&m_publishTimer, &QTimer::timeout, this, &HeartbeatEngine::publish);
    if (m_writer) {
        // Both come from the writer thread.
        connect(m_writer, &MetricsWriter::writeFailed, this, &HeartbeatEngine::onStoreFailed,
                Qt::QueuedConnection);
        connect(m_writer, &MetricsWriter::auditMoved, this, &HeartbeatEngine::onAuditMoved,
                Qt::QueuedConnection);
    }
    m_sinceLastPublish.start();
    m_snapshot = EngineSnapshot(buildState());
}

HeartbeatEngine::~HeartbeatEngine()
{
    {
        std::lock_guard lock(m_link->mutex);
        m_link->engine = nullptr;
    }
    for (const auto &run : m_inFlight) {
        run->cancel = true;
        int queued = Run::Queued;
        run->phase.compare_exchange_strong(queued, Run::Withdrawn); // a queued one never starts
    }
    // A task that ignores cancellation must not hang shutdown: after a grace period its thread
    // is abandoned (it holds its own references to the task and its config, so it stays safe).
    if (!m_pool->waitForDone(2000)) {
        qCWarning(lcEngine) << "a task did not stop within 2 s of shutdown; abandoning its thread";
        // The pool goes when the task returns (if the process still runs then), not before:
        // deleting it now would wait for the task. It is deleted on its own thread's event loop.
        std::thread([pool = m_pool.release()] {
            pool->waitForDone();
            pool->deleteLater();
        }).detach();
    }
}

void HeartbeatEngine::assertEngineThread() const
{
    Q_ASSERT(QThread::currentThread() == thread());
}

void HeartbeatEngine::addRecordFeed(RecordFeed *feed)
{
    m_feeds.append(QPointer<RecordFeed>(feed));
}

void HeartbeatEngine::removeRecordFeed(RecordFeed *feed)
{
    m_feeds.removeIf([feed](const QPointer<RecordFeed> &f) { return f.isNull() || f == feed; });
}

void HeartbeatEngine::postRecords(const RecordBatch &batch)
{
    if (m_retired && *m_retired)
        return;
    for (const QPointer<RecordFeed> &feed : std::as_const(m_feeds)) {
        if (feed)
            feed->post(batch);
    }
}

qint64 HeartbeatEngine::tickIntervalMs() const
{
    return m_tickIntervalOverrideMs > 0 ? m_tickIntervalOverrideMs : m_config.tickIntervalMs;
}

void HeartbeatEngine::start()
{
    assertEngineThread();
    if (m_running)
        return;
    m_running = true;
    m_tickTimer.start(int(tickIntervalMs()));
    qCInfo(lcEngine) << "engine started; tick every" << tickIntervalMs() << "ms";
    QTimer::singleShot(0, this, &HeartbeatEngine::tickNow);
    markDirty();
}

void HeartbeatEngine::stop()
{
    assertEngineThread();
    m_tickTimer.stop();
    m_running = false;
    cancelInFlight(tr("cancelled: engine stopping"));
    commitCommand();
    if (m_writer)
        m_writer->flush();
    publish();
    qCInfo(lcEngine) << "engine stopped";
}

HeartbeatEngine::TaskSlot *HeartbeatEngine::slotFor(const QString &task)
{
    for (auto &slot : m_slots) {
        if (slot->status.name == task)
            return slot.get();
    }
    return nullptr;
}

void HeartbeatEngine::tickNow()
{
    assertEngineThread();
    const qint64 now = m_clock->nowMs();
    const bool overlapping = bool(m_tick);

    // Every tick is a heartbeat: it is counted and recorded even when it runs nothing. The
    // counters move when its row is written, never before (a crash must not leave them ahead).
    const qint64 id = m_nextTickId++;

    TickSkipReason skippedReason = TickSkipReason::None;
    if (overlapping)
        skippedReason = TickSkipReason::PreviousTickRunning;
    else if (m_emergencyStop)
        skippedReason = TickSkipReason::EmergencyStop;
    else if (m_config.maintenanceMode)
        skippedReason = TickSkipReason::MaintenanceMode;
    else if (!m_config.enabled)
        skippedReason = TickSkipReason::HeartbeatDisabled;

    if (skippedReason != TickSkipReason::None) {
        WriteBatch batch;
        batch.ticks.append({id, now, 0, 0, 0, 0, skippedReason});
        recordTick(batch.ticks.constLast());
        postRecords({{}, {batch.ticks.constLast()}, {}});
        batch.audit = std::exchange(m_pendingAudit, {});
        batch.breakerEvents = std::exchange(m_pendingBreakerEvents, {});
        batch.state = persistedState();
        submit(std::move(batch));
        markDirty();
        Q_EMIT tickFinished(id);
        return;
    }

    m_tick = std::make_unique<Tick>();
    m_tick->id = id;
    m_tick->startedAtMs = now;
    m_tick->elapsed.start();

    for (auto &slotPtr : m_slots) {
        TaskSlot &slot = *slotPtr;
        if (!m_config.isTaskEnabled(slot.status.name))
            continue;
        ExecutionRecord skipped{id, slot.status.name, now, 0, Outcome::Skipped, 0, {}};
        const auto found = m_config.schedules.constFind(slot.status.name);
        const TaskScheduler::Decision decision = m_scheduler.atTick(
            slot.status.name, found == m_config.schedules.cend() ? TaskSchedule() : *found,
            &slot.scheduleCache, slot.schedule, now, slot.executing);
        if (decision.state != slot.schedule)
            m_tick->schedules.emplace_back(&slot, decision.state);
        if (decision.verdict == TaskScheduler::Verdict::NotDue)
            continue;
        if (decision.verdict == TaskScheduler::Verdict::Skip) {
            skipped.error = decision.reason;
            m_tick->records.append(skipped);
            continue;
        }
        if (!decision.reason.isEmpty())
            qCInfo(lcEngine).noquote() << slot.status.name << decision.reason;
        if (m_safeMode && !m_config.scheduleOf(slot.status.name).critical) {
            skipped.error = tr("safe mode: only critical tasks run");
            m_tick->records.append(skipped);
            continue;
        }
        BreakerEvent event;
        const BreakerState before = slot.breaker.state();
        if (!slot.breaker.allowRun(now, &event)) {
            // Local time, read beside the row's own time in the history (the date only when
            // the trial falls on another day than this run).
            if (slot.breaker.state() == BreakerState::Open)
                skipped.error = tr("circuit breaker open; next trial at %1")
                                    .arg(localTimeText(slot.breaker.retryAtMs(), now));
            else
                skipped.error = tr("circuit breaker half-open; its trial run has not answered yet");
            m_tick->records.append(skipped);
            continue;
        }
        if (slot.breaker.state() != before)
            recordBreakerEvent(event);
        launch(slot, now);
    }
    finishTickIfDone();
}

// Queues the run on the pool. Its timeout starts when run() does (onRunStarted()): waiting for
// a free thread behind slower tasks is not the task's fault and must not count against it.
void HeartbeatEngine::launch(TaskSlot &slot, qint64 nowMs)
{
    auto run = std::make_shared<Run>();
    run->slot = &slot;
    run->task = slot.task;
    run->config = m_config;
    run->policy = m_config.scheduleOf(slot.status.name);
    run->tickId = m_tick->id;
    run->queuedAtMs = nowMs;
    run->elapsed.start();
    slot.executing = true;
    slot.status.running = true;
    m_inFlight.push_back(run);
    ++m_tick->pending;

    auto link = m_link;
    auto clock = m_clock;
    m_pool->start([run, link, clock] {
        run->queuedMs = run->elapsed.elapsed();
        int queued = Run::Queued;
        if (!run->phase.compare_exchange_strong(queued, Run::Started))
            return; // cancelled while queued: it never starts, and is already recorded
        lowerThreadPriority(); // tasks yield the cores to the GUI and engine threads
        QElapsedTimer timer;
        timer.start();
        {
            std::lock_guard lock(link->mutex);
            if (HeartbeatEngine *engine = link->engine) {
                QMetaObject::invokeMethod(
                    engine, [engine, run] { engine->onRunStarted(run); }, Qt::QueuedConnection);
            }
        }
        TaskResult result;
        std::mt19937_64 random(quint64(run->queuedAtMs) ^ quintptr(run.get()));
        for (int attempt = 0;; ++attempt) {
            const qint64 attemptStart = timer.elapsed();
            try {
                const TaskContext ctx{run->cancel, *clock, run->config, run->tickId,
                                      attempt >= run->policy.retries};
                result = run->task->run(ctx);
            } catch (const std::exception &e) {
                result = TaskResult::failure(
                    tr("exception: %1").arg(QString::fromLocal8Bit(e.what())));
            } catch (...) {
                result = TaskResult::failure(tr("unknown exception"));
            }
            if (result.ok || attempt >= run->policy.retries || run->cancel)
                break;
            // Failed with retries left: a row of its own, then the backoff (cancellable).
            const qint64 wait = run->policy.retryDelayMs(
                attempt, std::uniform_real_distribution<double>(0.0, 1.0)(random));
            {
                std::lock_guard lock(run->attemptsMutex);
                run->attempts.append(
                    {attemptStart, timer.elapsed() - attemptStart, result.error, wait});
            }
            QElapsedTimer backoff;
            backoff.start();
            while (!run->cancel && backoff.elapsed() < wait)
                QThread::msleep(quint32(std::clamp<qint64>(wait - backoff.elapsed(), 1, 10)));
            if (run->cancel)
                break;
        }
        const qint64 durationMs = timer.elapsed();
        std::lock_guard lock(link->mutex);
        if (HeartbeatEngine *engine = link->engine) {
            QMetaObject::invokeMethod(
                engine,
                [engine, run, result, durationMs] { engine->onRunFinished(run, result, durationMs); },
                Qt::QueuedConnection);
        }
    });
}

void HeartbeatEngine::onRunStarted(const std::shared_ptr<Run> &run)
{
    assertEngineThread();
    if (run->finalized)
        return; // cancelled meanwhile
    const qint64 runningMs = run->elapsed.elapsed() - run->queuedMs;
    const qint64 left = std::max<qint64>(0, run->config.taskTimeoutMs - runningMs);
    QTimer::singleShot(int(left), this, [this, run] { onRunTimeout(run); });
}

void HeartbeatEngine::onRunFinished(const std::shared_ptr<Run> &run, TaskResult result,
                                    qint64 durationMs)
{
    assertEngineThread();
    TaskSlot &slot = *run->slot;
    slot.executing = false;
    slot.status.running = false;
    if (m_afterRun)
        m_afterRun(slot.status.name);
    // The writer tells the ledger at once and the engine through a queued signal, which this
    // run's result may have overtaken: a run that met the refusing ledger is then cancelled,
    // not a failure of its task.
    if (!m_storeFailed && m_writer && m_writer->hasFailed())
        onStoreFailed(m_writer->lastError());
    if (run->finalized) {
        if (run->lentThread)
            m_pool->reserveThread(); // its thread is back: the pool's limit is what it was
        markDirty(); // a timed-out or cancelled run finally returned; its outcome stands
        return;
    }
    const qint64 now = m_clock->nowMs();
    if (result.isSkipped) {
        // Says nothing about the task's health; a half-open trial that skipped leaves the next
        // tick free to try again. Its alerts (none, usually) still replace the old ones.
        if (slot.breaker.state() == BreakerState::HalfOpen)
            slot.breaker.abandonTrial();
        applyAlerts(slot.status.name, result.alerts);
    } else if (result.ok) {
        recordBreakerEvent(slot.breaker.recordSuccess(now));
        applyAlerts(slot.status.name, result.alerts);
    } else {
        bool counts = true;
        const Outcome after = applyFallback(slot, Outcome::Failure, &result.error, &counts);
        if (after == Outcome::Skipped) {
            result.isSkipped = true;
            result.ok = true;
        }
        if (counts)
            recordBreakerEvent(slot.breaker.recordFailure(now, result.error));
        else if (slot.breaker.state() == BreakerState::HalfOpen)
            slot.breaker.abandonTrial();
    }
    for (AuditEntry entry : std::as_const(result.audit)) {
        if (entry.tsMs == 0)
            entry.tsMs = now;
        if (entry.actor.isEmpty())
            entry.actor = QStringLiteral("heartbeat:") + slot.status.name;
        appendAudit(entry);
    }
    for (const Sample &sample : std::as_const(result.samples))
        m_gauges.insert(sample.series, sample.value);
    if (m_tick) {
        m_tick->samples.append(result.samples);
        if (result.ok && result.auditLogCap)
            m_tick->auditLogCap = result.auditLogCap;
    }
    const Outcome outcome = result.isSkipped ? Outcome::Skipped
                            : result.ok      ? Outcome::Success
                                             : Outcome::Failure;
    finalize(*run, outcome, durationMs, result.items, result.error);
}

void HeartbeatEngine::onRunTimeout(const std::shared_ptr<Run> &run)
{
    assertEngineThread();
    if (run->finalized)
        return;
    run->cancel = true;
    // Until the task sees the flag and returns, it holds its pool thread; with a small pool
    // that could keep every run queued behind it from starting. Lend the pool a thread in its
    // place (releaseThread() without a reservation raises the limit by one) until it returns.
    m_pool->releaseThread();
    run->lentThread = true;
    QString error = tr("timed out after %1 ms").arg(run->config.taskTimeoutMs);
    bool counts = true;
    const Outcome outcome = applyFallback(*run->slot, Outcome::Timeout, &error, &counts);
    if (counts)
        recordBreakerEvent(run->slot->breaker.recordFailure(m_clock->nowMs(), error));
    else if (run->slot->breaker.state() == BreakerState::HalfOpen)
        run->slot->breaker.abandonTrial();
    finalize(*run, outcome, run->elapsed.elapsed() - run->queuedMs, 0, error);
}

void HeartbeatEngine::cancelInFlight(const QString &why)
{
    const auto runs = m_inFlight; // finalize() edits m_inFlight
    for (const auto &run : runs) {
        run->cancel = true;
        if (run->slot->breaker.state() == BreakerState::HalfOpen)
            run->slot->breaker.abandonTrial();
        int queued = Run::Queued;
        if (run->phase.compare_exchange_strong(queued, Run::Withdrawn)) {
            // It never starts, so no pool thread will report back: its slot is free now.
            run->withdrawnAfterMs = run->elapsed.elapsed();
            run->slot->executing = false;
            run->slot->status.running = false;
            finalize(*run, Outcome::Cancelled, 0, 0, tr("%1, before it started").arg(why));
            continue;
        }
        finalize(*run, Outcome::Cancelled, run->elapsed.elapsed() - run->queuedMs, 0, why);
    }
}

void HeartbeatEngine::finalize(Run &run, Outcome outcome, qint64 durationMs, qint64 items,
                               const QString &error)
{
    Q_ASSERT(run.phase != Run::Queued);
    run.finalized = true;
    // Started: when run() began; withdrawn: when it was cancelled. Queued at the tick's time.
    const qint64 queuedMs = run.phase == Run::Started ? run.queuedMs.load() : run.withdrawnAfterMs;
    const qint64 startedAtMs = run.queuedAtMs + queuedMs;
    m_inFlight.erase(std::remove_if(m_inFlight.begin(), m_inFlight.end(),
                                    [&](const auto &r) { return r.get() == &run; }),
                     m_inFlight.end());
    TaskStatus &status = run.slot->status;
    status.hasRun = true;
    status.lastOutcome = outcome;
    status.lastRunMs = startedAtMs;
    status.lastDurationMs = durationMs;
    status.lastItems = items;
    status.lastError = error;
    if (outcome == Outcome::Success)
        ++status.completed;
    if (m_tick && m_tick->id == run.tickId) {
        // Every attempt that was tried again is a row; the run's own row is its last attempt.
        QVector<Run::Attempt> attempts;
        {
            std::lock_guard lock(run.attemptsMutex);
            attempts = run.attempts;
        }
        const int tries = run.policy.retries + 1;
        for (qsizetype i = 0; i < attempts.size(); ++i) {
            const Run::Attempt &a = attempts[i];
            m_tick->records.append(
                {run.tickId, status.name, startedAtMs + a.offsetMs, a.durationMs, Outcome::Failure,
                 0,
                 tr("attempt %1 of %2 failed; retrying in %3 ms: %4")
                     .arg(i + 1)
                     .arg(tries)
                     .arg(a.retryInMs)
                     .arg(a.error),
                 i == 0 ? queuedMs : 0});
        }
        const qint64 lastStart = attempts.isEmpty()
                                     ? 0
                                     : attempts.constLast().offsetMs + attempts.constLast().durationMs
                                           + attempts.constLast().retryInMs;
        const QString finalError =
            attempts.isEmpty() || error.isEmpty()
                ? error
                : tr("attempt %1 of %2: %3").arg(attempts.size() + 1).arg(tries).arg(error);
        m_tick->records.append({run.tickId, status.name, startedAtMs + lastStart,
                                std::max<qint64>(0, durationMs - lastStart), outcome, items,
                                finalError, attempts.isEmpty() ? queuedMs : 0});
        --m_tick->pending;
    }
    markDirty();
    finishTickIfDone();
}

void HeartbeatEngine::finishTickIfDone()
{
    if (!m_tick || m_tick->pending > 0)
        return;
    std::unique_ptr<Tick> tick = std::move(m_tick);

    TickRecord record{tick->id, tick->startedAtMs, tick->elapsed.elapsed(), 0, 0, 0, {}};
    QStringList ran;
    for (const ExecutionRecord &r : std::as_const(tick->records)) {
        m_metrics.account(r);
        if (r.outcome == Outcome::Skipped)
            continue;
        ++record.ran;
        ran.append(r.task);
        if (r.outcome == Outcome::Success)
            ++record.succeeded;
        else if (r.outcome == Outcome::Failure || r.outcome == Outcome::Timeout)
            ++record.failed;
    }
    m_metrics.lastTickTasks = ran;
    recordTick(record);
    m_failures.add(record.startedAtMs, record.failed);
    const bool overFailures = m_failures.count(record.startedAtMs) > m_config.healthFailedRunsWarn;
    if (overFailures != (m_failedRunsSinceMs > 0))
        m_failedRunsSinceMs = overFailures ? record.startedAtMs : 0;
    for (auto &[slot, state] : tick->schedules) {
        // A run cancelled (pause, maintenance, shutdown) did not do its work: its scheduled run
        // stays due, so a restart or a resume makes it.
        const bool cancelled = std::any_of(
            tick->records.cbegin(), tick->records.cend(), [slot = slot](const ExecutionRecord &r) {
                return r.task == slot->status.name && r.outcome == Outcome::Cancelled;
            });
        if (!cancelled)
            slot->schedule = std::move(state);
    }

    postRecords({tick->records, {record}, tick->samples});

    WriteBatch batch;
    batch.ticks.append(record);
    batch.executions = std::move(tick->records);
    batch.samples = std::move(tick->samples);
    batch.auditLogCap = tick->auditLogCap;
    batch.breakerEvents = std::exchange(m_pendingBreakerEvents, {});
    batch.audit = std::exchange(m_pendingAudit, {});
    batch.state = persistedState();
    submit(std::move(batch));

    markDirty();
    Q_EMIT tickFinished(record.id);
}

void HeartbeatEngine::recordTick(const TickRecord &tick)
{
    ++m_metrics.tickCount;
    m_metrics.lastTickId = std::max(m_metrics.lastTickId, tick.id);
    m_metrics.lastTickMs = std::max(m_metrics.lastTickMs, tick.startedAtMs);
}

void HeartbeatEngine::applyAlerts(const QString &task, const QVector<Alert> &alerts)
{
    QVector<Alert> kept;
    for (const Alert &a : std::as_const(m_activeAlerts)) {
        if (a.source != task)
            kept.append(a);
    }
    for (const Alert &a : alerts) {
        const bool isNew = std::none_of(m_activeAlerts.cbegin(), m_activeAlerts.cend(),
                                        [&](const Alert &b) { return b.source == a.source && b.key == a.key; });
        if (isNew)
            qCInfo(lcEngine).noquote() << "alert:" << a.source << a.message; // operational, not a fault
        kept.append(a);
    }
    m_activeAlerts = kept;
}

void HeartbeatEngine::recordBreakerEvent(const std::optional<BreakerEvent> &event)
{
    if (!event)
        return;
    qCInfo(lcEngine).noquote() << "breaker" << event->task << breakerStateName(event->from)
                               << "->" << breakerStateName(event->to) << event->reason;
    m_pendingBreakerEvents.append(*event);
}

PersistedState HeartbeatEngine::persistedState() const
{
    PersistedState state;
    state.metrics = m_metrics;
    state.emergencyStop = m_emergencyStop;
    state.emergencyReason = m_emergencyReason;
    state.safeMode = m_safeMode;
    state.safeModeReason = m_safeModeReason;
    for (const auto &slot : m_slots) {
        state.breakers.append(slot->breaker.status());
        if (!slot->schedule.signature.isEmpty())
            state.schedules.append(slot->schedule);
    }
    state.breakers.append(m_foreignBreakers);
    return state;
}

void HeartbeatEngine::submit(WriteBatch &&batch)
{
    if (!m_writer || (m_retired && *m_retired))
        return; // a retired engine's successor owns metrics.db now
    if (m_storeFailed) {
        // The writer drops what it is given now; what people did meanwhile (config changes,
        // refusals, breaker resets) is kept and written by the retry that ends the failure.
        // Ticks and runs of the pause are not: the heartbeat has no store to record to.
        m_storeFailureAudit += batch.audit;
        return;
    }
    m_writer->submit(std::move(batch));
}

void HeartbeatEngine::commitCommand()
{
    WriteBatch batch;
    batch.audit = std::exchange(m_pendingAudit, {});
    batch.breakerEvents = std::exchange(m_pendingBreakerEvents, {});
    batch.state = persistedState();
    submit(std::move(batch));
    markDirty();
}

void HeartbeatEngine::markDirty()
{
    m_dirty = true;
    if (m_publishTimer.isActive())
        return;
    const qint64 wait = SnapshotIntervalMs - m_sinceLastPublish.elapsed();
    m_publishTimer.start(int(std::max<qint64>(0, wait)));
}

EngineState HeartbeatEngine::buildState() const
{
    EngineState s;
    s.takenAtMs = m_clock->nowMs();
    s.running = m_running;
    s.config = m_config;
    s.oracleSource = m_oracleSource;
    s.metrics = m_metrics;
    const qint64 nextTickAtMs =
        m_tickTimer.isActive() ? s.takenAtMs + std::max(0, m_tickTimer.remainingTime()) : 0;
    for (const auto &slot : m_slots) {
        TaskStatus status = slot->status;
        status.enabled = m_config.isTaskEnabled(status.name);
        const TaskSchedule schedule = m_config.scheduleOf(status.name);
        status.schedule = schedule.describe();
        const ScheduleState &state = slot->schedule;
        if (schedule.kind == TaskSchedule::Kind::EveryTick || state.catchUp > 0)
            status.nextRunMs = nextTickAtMs;
        else if (state.signature == schedule.signature())
            status.nextRunMs = state.dueMs;
        else if (schedule.kind == TaskSchedule::Kind::Interval) // changed: runs at the next tick
            status.nextRunMs = nextTickAtMs;
        else // changed and not seen by a tick yet: what the next tick will schedule
            status.nextRunMs = TaskScheduler::nextNominal(schedule, s.takenAtMs - 1, 0).value_or(0);
        s.tasks.append(status);
        s.breakers.append(slot->breaker.status());
        s.breakerRetryAtMs.append(slot->breaker.retryAtMs());
    }
    s.emergencyStop = m_emergencyStop;
    s.emergencyReason = m_emergencyReason;
    s.safeMode = m_safeMode;
    s.safeModeReason = m_safeModeReason;
    s.activeAlerts = m_activeAlerts;
    if (m_storeFailed)
        s.activeAlerts.append(
            {m_storeFailedAtMs, QStringLiteral("metrics_store"), QStringLiteral("store_failed"),
             Severity::Critical,
             tr("The metrics store cannot be written (%1). The engine is paused and the ledger "
                "unchanged until Resume finds the store writable again.")
                 .arg(m_storeError)});
    s.activeAlerts.append(breakerAlerts(s.breakers, m_config));
    if (auto stale = SystemHealth::staleHeartbeat(m_config, m_metrics.lastTickMs, m_running,
                                                  s.takenAtMs))
        s.activeAlerts.append(*stale);
    if (auto failed = SystemHealth::failedRuns(m_config, m_failures.count(s.takenAtMs),
                                               m_failedRunsSinceMs ? m_failedRunsSinceMs
                                                                   : s.takenAtMs))
        s.activeAlerts.append(*failed);
    s.recentAudit = m_auditTail;
    s.gauges = m_gauges;
    s.memoryBytes = qint64(m_gauges.value(QStringLiteral("memory.total_bytes"), -1));
    s.tickIntervalMs = tickIntervalMs();
    if (m_tickTimer.isActive())
        s.nextTickAtMs = nextTickAtMs;
    return s;
}

// A breaker that opened is an alert until it closes again (a half-open trial keeps it: the
// task has not recovered yet), unless its task is turned off (no trial will come; the toggle
// says why it does not run). The key stays the same through Open and HalfOpen, so each
// opening notifies once.
QVector<Alert> HeartbeatEngine::breakerAlerts(const QVector<BreakerStatus> &breakers,
                                              const HeartbeatConfig &config)
{
    QVector<Alert> alerts;
    for (const BreakerStatus &b : breakers) {
        if (b.state == BreakerState::Closed || !config.isTaskEnabled(b.task))
            continue;
        QString message;
        if (b.state == BreakerState::HalfOpen)
            message = tr("Circuit breaker of %1 is half-open: one trial run decides").arg(b.task);
        else if (b.failureCount < config.breakerFailureThreshold)
            message = tr("Circuit breaker of %1 was forced open; the task is skipped until it is "
                         "reset or its next trial")
                          .arg(b.task);
        else
            message = tr("Circuit breaker of %1 opened after %n failure(s); the task is skipped "
                         "until its next trial",
                         nullptr, b.failureCount)
                          .arg(b.task);
        alerts.append({b.openedAtMs, b.task, QStringLiteral("breaker_open"), Severity::Critical,
                       message});
    }
    return alerts;
}

EngineSnapshot HeartbeatEngine::snapshot()
{
    assertEngineThread();
    if (m_dirty)
        m_snapshot = EngineSnapshot(buildState());
    return m_snapshot;
}

void HeartbeatEngine::publish()
{
    if (m_retired && *m_retired)
        return;
    m_snapshot = EngineSnapshot(buildState());
    m_dirty = false;
    m_sinceLastPublish.restart();
    Q_EMIT snapshotChanged(m_snapshot);
}

} // namespace hb
