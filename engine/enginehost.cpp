#include "enginehost.h"

#include "core/logging.h"
#include "recordfeed.h"
#include "store/metricswriter.h"
#include "store/storeerror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <mutex>

#if defined(__linux__) && defined(__GLIBC__)
#include <csignal>
#include <execinfo.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>
#define HB_HAVE_THREAD_DUMP 1
#endif

namespace hb {

namespace {

const QString kWatchdogActor = QStringLiteral("heartbeat:watchdog");

qint64 hostSteadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 hostThreadId()
{
#ifdef HB_HAVE_THREAD_DUMP
    return qint64(::syscall(SYS_gettid));
#else
    return qint64(quintptr(QThread::currentThreadId()));
#endif
}

// The host's alerts and audit entries laid over one of the engine's snapshots: an alert of the
// same source and key as one of the engine's replaces it.
EngineSnapshot hostOverlay(const EngineSnapshot &snapshot, const QVector<Alert> &alerts,
                           const QVector<AuditEntry> &audit)
{
    if (alerts.isEmpty() && audit.isEmpty())
        return snapshot;
    EngineState state = *snapshot;
    for (const Alert &alert : alerts) {
        state.activeAlerts.removeIf([&](const Alert &a) {
            return a.source == alert.source && a.key == alert.key;
        });
        state.activeAlerts.append(alert);
    }
    state.recentAudit += audit;
    if (state.recentAudit.size() > HeartbeatEngine::AuditTail)
        state.recentAudit.remove(0, state.recentAudit.size() - HeartbeatEngine::AuditTail);
    return EngineSnapshot(std::move(state));
}

#ifdef HB_HAVE_THREAD_DUMP
// A backtrace of the stalled engine thread, written by that thread itself: the watchdog sends
// it this signal and the handler writes to stderr with the async-signal-safe calls only
// (backtrace() was called once at install time, so it loads nothing inside the handler).
int hostDumpSignal()
{
    return SIGRTMIN + 5;
}

void hostDumpHandler(int)
{
    static const char header[] = "hb.engine: engine thread backtrace (watchdog):\n";
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, header, sizeof header - 1);
    void *frames[64];
    const int count = ::backtrace(frames, 64);
    ::backtrace_symbols_fd(frames, count, STDERR_FILENO);
}

void hostInstallDumpHandler()
{
    static std::once_flag once;
    std::call_once(once, [] {
        void *frames[2];
        ::backtrace(frames, 2);
        struct sigaction action = {};
        action.sa_handler = hostDumpHandler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(hostDumpSignal(), &action, nullptr);
    });
}
#endif

} // namespace

// What the host knows of the engine thread, shared with the probes and the snapshot relay that
// run on that thread.
struct EngineWatch
{
    // A probe waits in the engine thread's queue since probePostedMs (steady), for the engine
    // of `generation` (a probe meant for an abandoned engine answers nothing).
    std::atomic_bool probePending{false};
    std::atomic<qint64> probePostedMs{0};
    std::atomic_int generation{0};
    std::atomic<qint64> threadId{0};  // the engine thread's id (Linux: its tid), once answered
#ifdef HB_HAVE_THREAD_DUMP
    std::atomic<pthread_t> pthread{};
    std::atomic_bool hasPthread{false};
#endif

    std::mutex mutex; // guards what follows
    EngineSnapshot last;
    bool hasLast = false;
    QVector<Alert> alerts;      // the host's overlay
    QVector<AuditEntry> audit;

    // Host thread only.
    bool stalled = false;
    qint64 stalledAtMs = 0; // steady
    QStringList overlayKeys;
};

void EngineHost::ThreadJoiner::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

EngineHost::EngineHost(EngineOptions options, RestartOptions restartOptions)
    : m_restartOptions(std::move(restartOptions))
    , m_clock(options.clock ? options.clock : std::make_shared<SystemClock>())
    , m_writer(options.writer)
    , m_relay(std::make_unique<SnapshotRelay>())
    , m_watch(std::make_shared<EngineWatch>())
{
    options.clock = m_clock;
    m_firstOptions = options;
    if (m_restartOptions)
        m_firstOptions.tasks.clear(); // the factory makes new ones; these go with their engine
    launch(std::move(options));
}

EngineHost::~EngineHost()
{
    stop();
}

void EngineHost::launch(EngineOptions options)
{
    m_retired = std::make_shared<std::atomic_bool>(false);
    options.retired = m_retired;
    m_thread.reset(new QThread);
    m_engine = new HeartbeatEngine(std::move(options));
    m_thread->setObjectName(QStringLiteral("hb-engine"));
    m_engine->moveToThread(m_thread.get());
    ++m_watch->generation;
    m_watch->probePending = false;
    m_watch->threadId = 0;
#ifdef HB_HAVE_THREAD_DUMP
    m_watch->hasPthread = false; // never signal a thread that may have ended
#endif
    // Direct: runs on the engine thread as it publishes; the relay's receivers are queued.
    QObject::connect(
        m_engine, &HeartbeatEngine::snapshotChanged, m_relay.get(),
        [watch = m_watch, relay = m_relay.get()](const EngineSnapshot &snapshot) {
            EngineSnapshot out;
            {
                std::lock_guard lock(watch->mutex);
                watch->last = snapshot;
                watch->hasLast = true;
                out = hostOverlay(snapshot, watch->alerts, watch->audit);
            }
            Q_EMIT relay->snapshotChanged(out);
        },
        Qt::DirectConnection);
    m_thread->start();
}

void EngineHost::addRecordFeed(RecordFeed *feed)
{
    if (!m_engine)
        return;
    m_feeds.append(QPointer<RecordFeed>(feed));
    HeartbeatEngine *engine = m_engine;
    QPointer<RecordFeed> guarded(feed);
    QMetaObject::invokeMethod(
        engine, [engine, guarded] { engine->addRecordFeed(guarded.data()); }, Qt::QueuedConnection);
}

void EngineHost::removeRecordFeed(RecordFeed *feed)
{
    m_feeds.removeIf([feed](const QPointer<RecordFeed> &f) { return f.isNull() || f == feed; });
    if (!m_engine)
        return;
    if (!engineResponsive())
        return; // a retired engine posts nothing; a stalled one cannot answer (see stop())
    // Blocking, so the feed can be destroyed right after: the engine posts to it no more.
    HeartbeatEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine, [engine, feed] { engine->removeRecordFeed(feed); }, Qt::BlockingQueuedConnection);
}

void EngineHost::start()
{
    if (!m_engine)
        return;
    m_started = true;
    QMetaObject::invokeMethod(m_engine, &HeartbeatEngine::start, Qt::QueuedConnection);
    if (!m_watchTimer) {
#ifdef HB_HAVE_THREAD_DUMP
        hostInstallDumpHandler();
#endif
        m_watchTimer = std::make_unique<QTimer>();
        QObject::connect(m_watchTimer.get(), &QTimer::timeout, m_relay.get(), [this] { watch(); });
    }
    // Probes at least four times per stall period, at most once a second.
    m_watchTimer->start(std::clamp(currentConfig().watchdogStallSeconds * 250, 100, 1000));
    watch();
}

void EngineHost::stop()
{
    if (m_watchTimer)
        m_watchTimer->stop();
    if (!m_engine)
        return;
    Q_ASSERT(QThread::currentThread() != m_thread.get());
    HeartbeatEngine *engine = std::exchange(m_engine, nullptr);
    if (m_watch->stalled) {
        // Its thread would never run the stop: it is left behind, retired, as by a restart.
        qCCritical(lcEngine) << "engine watchdog: the engine thread is stalled; it is abandoned "
                                "without a clean stop";
        abandon(engine);
        return;
    }
    QMetaObject::invokeMethod(
        engine,
        [engine] {
            engine->stop();
            delete engine;
        },
        Qt::BlockingQueuedConnection);
    m_thread.reset();
}

void EngineHost::command(QObject *receiver, std::function<CommandResult(HeartbeatEngine &)> command,
                         std::function<void(const CommandResult &)> done)
{
    if (!m_engine)
        return;
    QPointer<QObject> guard(receiver);
    HeartbeatEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine,
        [engine, command = std::move(command), done = std::move(done), guard] {
            const CommandResult result = command(*engine);
            if (!done)
                return;
            // Hop via the application object (alive as long as the process) and check the
            // receiver there, on its own thread, where QPointer is safe to read.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [guard, done, result] {
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

// The stuck engine stays where it is (destroying it would wait for its thread): retired, it
// writes and publishes nothing if it ever returns; its thread then ends, destroying it there,
// and the thread object goes on the host's. A thread that never returns is leaked.
void EngineHost::abandon(HeartbeatEngine *engine)
{
    *m_retired = true;
    QObject::disconnect(engine, nullptr, m_relay.get(), nullptr);
    engine->deleteLater(); // run when its thread finishes (deferred deletes of a finished thread)
    QThread *thread = m_thread.release();
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->quit();
}

bool EngineHost::engineResponsive() const
{
    return m_engine && !m_watch->stalled;
}

HeartbeatConfig EngineHost::currentConfig() const
{
    std::lock_guard lock(m_watch->mutex);
    if (m_watch->hasLast)
        return m_watch->last->config;
    return m_firstOptions.config;
}

// Host thread, every probe period: post a probe if none is waiting, then judge how long the
// waiting one has waited. Measured from the post, not from the last answer, so a host thread
// that was itself busy for a while never blames the engine for it.
void EngineHost::watch()
{
    if (!m_engine)
        return;
    EngineWatch &w = *m_watch;
    const qint64 now = hostSteadyMs();
    if (!w.probePending) {
        w.probePending = true;
        w.probePostedMs = now;
        QMetaObject::invokeMethod(
            m_engine,
            [watch = m_watch, generation = int(w.generation)] {
                if (watch->generation != generation)
                    return;
                watch->threadId = hostThreadId();
#ifdef HB_HAVE_THREAD_DUMP
                watch->pthread = pthread_self();
                watch->hasPthread = true;
#endif
                watch->probePending = false;
            },
            Qt::QueuedConnection);
    }
    const HeartbeatConfig config = currentConfig();
    const qint64 silentMs = w.probePending ? now - w.probePostedMs : 0;
    const qint64 stallMs = qint64(config.watchdogStallSeconds) * 1000;
    if (!w.stalled && silentMs > stallMs) {
        onStalled(silentMs);
    } else if (w.stalled && silentMs <= stallMs) {
        qCWarning(lcEngine) << "engine watchdog: the engine thread answers again; no restart";
        w.stalled = false;
        std::lock_guard lock(w.mutex);
        w.alerts.clear();
        w.audit.clear();
    } else if (w.stalled
               && now - w.stalledAtMs > qint64(config.watchdogRestartAfterSeconds) * 1000) {
        restartEngine();
        return;
    }
    relayOverlay();
}

void EngineHost::onStalled(qint64 silentMs)
{
    EngineWatch &w = *m_watch;
    w.stalled = true;
    w.stalledAtMs = hostSteadyMs();
    EngineSnapshot last;
    {
        std::lock_guard lock(w.mutex);
        last = w.last;
    }
    const qint64 nowMs = m_clock->nowMs();
    const HeartbeatConfig config = currentConfig();

    // The thread dump: which thread, and what it was last known to be doing.
    QStringList running;
    for (const TaskStatus &task : last->tasks) {
        if (task.running)
            running.append(task.name);
    }
    const qint64 tid = w.threadId;
    qCCritical(lcEngine).noquote()
        << QStringLiteral("engine watchdog: the engine thread (tid %1) has not turned its event "
                          "loop for %2 ms (limit %3 s); last tick #%4 started at %5 (tasks: %6); "
                          "running now: %7; restart in %8 s if it stays stuck")
               .arg(tid)
               .arg(silentMs)
               .arg(config.watchdogStallSeconds)
               .arg(last->metrics.lastTickId)
               .arg(last->metrics.lastTickMs > 0 ? localTimeText(last->metrics.lastTickMs, nowMs)
                                                 : QStringLiteral("-"),
                    last->metrics.lastTickTasks.join(u','),
                    running.isEmpty() ? QStringLiteral("none") : running.join(u','))
               .arg(config.watchdogRestartAfterSeconds);
#ifdef HB_HAVE_THREAD_DUMP
    if (w.hasPthread)
        ::pthread_kill(w.pthread.load(), hostDumpSignal());
#endif

    const Alert alert{
        nowMs, SystemHealth::Source, SystemHealth::StallKey, Severity::Critical,
        QCoreApplication::translate("hb::EngineHost",
                                    "The engine thread has not responded for %1 s: no task is "
                                    "started or recorded. It is restarted if it stays stuck %2 s "
                                    "more.")
            .arg(silentMs / 1000)
            .arg(config.watchdogRestartAfterSeconds)};
    const AuditEntry entry{
        nowMs, kWatchdogActor, QStringLiteral("engine_stalled"),
        QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("thread"), tid},
                                      {QStringLiteral("silent_ms"), silentMs},
                                      {QStringLiteral("last_tick_id"), last->metrics.lastTickId},
                                      {QStringLiteral("running"), QJsonArray::fromStringList(running)}})
                .toJson(QJsonDocument::Compact))};
    {
        std::lock_guard lock(w.mutex);
        w.alerts = {alert};
        w.audit = {entry};
    }
    if (m_writer) {
        WriteBatch batch;
        batch.audit.append(entry);
        m_writer->submit(std::move(batch));
    }
}

void EngineHost::restartEngine()
{
    EngineWatch &w = *m_watch;
    EngineOptions options;
    try {
        if (m_restartOptions) {
            if (m_writer)
                m_writer->flush(); // what the old engine handed over is in the store to re-read
            options = m_restartOptions();
        } else {
            options = m_firstOptions;
            std::lock_guard lock(w.mutex);
            if (w.hasLast) {
                const EngineState &last = *w.last;
                options.config = last.config;
                options.state.metrics = last.metrics;
                options.state.breakers = last.breakers;
                options.state.emergencyStop = last.emergencyStop;
                options.state.emergencyReason = last.emergencyReason;
                options.state.safeMode = last.safeMode;
                options.state.safeModeReason = last.safeModeReason;
            }
        }
    } catch (const StoreError &e) {
        qCCritical(lcEngine).noquote()
            << "engine watchdog: cannot restart the engine:" << e.message();
        w.stalledAtMs = hostSteadyMs(); // tried again after another restart period
        return;
    }
    options.clock = m_clock;

    const qint64 tid = w.threadId;
    qCCritical(lcEngine).noquote()
        << QStringLiteral("engine watchdog: the engine thread (tid %1) is still stuck; "
                          "restarting the engine on a new thread and abandoning that one")
               .arg(tid);
    abandon(std::exchange(m_engine, nullptr));

    launch(std::move(options));
    ++m_restarts;
    const qint64 nowMs = m_clock->nowMs();
    if (m_writer) {
        WriteBatch batch;
        batch.audit.append(
            {nowMs, kWatchdogActor, QStringLiteral("engine_restarted"),
             QString::fromUtf8(
                 QJsonDocument(QJsonObject{{QStringLiteral("abandoned_thread"), tid},
                                           {QStringLiteral("restarts"), m_restarts}})
                     .toJson(QJsonDocument::Compact))});
        m_writer->submit(std::move(batch));
    }
    w.stalled = false;
    {
        std::lock_guard lock(w.mutex);
        w.alerts.clear();
        w.audit.clear();
    }
    m_feeds.removeIf([](const QPointer<RecordFeed> &f) { return f.isNull(); });
    for (const QPointer<RecordFeed> &feed : std::as_const(m_feeds)) {
        HeartbeatEngine *engine = m_engine;
        QMetaObject::invokeMethod(
            engine, [engine, feed] { engine->addRecordFeed(feed.data()); }, Qt::QueuedConnection);
    }
    if (m_started)
        QMetaObject::invokeMethod(m_engine, &HeartbeatEngine::start, Qt::QueuedConnection);
    relayOverlay();
}

// Host thread: the stale-heartbeat alert (a hung engine cannot raise it about itself), and
// the stall alert, re-relayed with the last snapshot whenever the set changes.
void EngineHost::relayOverlay()
{
    EngineWatch &w = *m_watch;
    EngineSnapshot out;
    {
        std::lock_guard lock(w.mutex);
        if (!w.hasLast)
            return;
        const EngineState &last = *w.last;
        w.alerts.removeIf([](const Alert &a) { return a.key == SystemHealth::StaleKey; });
        if (auto stale = SystemHealth::staleHeartbeat(last.config, last.metrics.lastTickMs,
                                                      last.running, m_clock->nowMs()))
            w.alerts.append(*stale);
        QStringList keys;
        for (const Alert &a : std::as_const(w.alerts))
            keys.append(a.key);
        if (keys == w.overlayKeys)
            return;
        w.overlayKeys = keys;
        out = hostOverlay(w.last, w.alerts, w.audit);
    }
    Q_EMIT m_relay->snapshotChanged(out);
}

} // namespace hb
