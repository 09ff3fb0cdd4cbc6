#pragma once

#include "core/actor.h"
#include "core/breaker.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/systemhealth.h"
#include "core/taskschedule.h"
#include "snapshot.h"
#include "task.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <vector>

class QThreadPool;

namespace hb {

class RecordFeed;
struct RecordBatch;
class MetricsWriter;
class NotificationStore;
struct NotificationSilence;
struct WriteBatch;

struct EngineOptions
{
    std::shared_ptr<const Clock> clock;
    HeartbeatConfig config;
    QString configPath;                                 // where config changes are saved; empty: not saved
    qint64 tickIntervalOverrideMs = 0;                  // --tick-ms: wins over the config, never saved
    PersistedState state;                               // what the store loaded
    std::vector<std::shared_ptr<MaintenanceTask>> tasks; // in run order
    MetricsWriter *writer = nullptr;                    // must outlive the engine; may be null
    // The price source the tasks were built with (an OracleSourceName), for the snapshot: it is
    // chosen at start, so a config change names another one only after a restart.
    QString oracleSource = OracleSourceName::None;
    // Fault injection for the system tests (HB_FAULT_EXIT_AFTER_RUN, engine/runtime.cpp): called
    // on the engine thread when a run has returned, before anything of it is written.
    std::function<void(const QString &task)> afterRun;
    // Set by EngineHost when its watchdog gives up on this engine (a stalled thread) and starts
    // another: from then on the engine writes and publishes nothing, should it ever wake up.
    std::shared_ptr<const std::atomic_bool> retired;
};

// The heartbeat. Lives on its own thread (see EngineHost); every public slot runs on that
// thread and is reached from elsewhere through queued calls. It publishes an immutable
// EngineSnapshot (coalesced to at most ~10 a second) and batches of execution records.
class HeartbeatEngine : public QObject
{
    Q_OBJECT
public:
    static constexpr int SnapshotIntervalMs = 100;
    static constexpr int AuditTail = 200;

    explicit HeartbeatEngine(EngineOptions options, QObject *parent = nullptr);
    ~HeartbeatEngine() override;

    // Record batches go to every feed added (the window's, the HTTP server's). Not owned; each
    // lives on the thread that consumes it and is removed before it is destroyed.
    void addRecordFeed(RecordFeed *feed);
    void removeRecordFeed(RecordFeed *feed);

    // Engine thread only. Cheap: returns the last published state, plus anything since.
    EngineSnapshot snapshot();

    // The alerts of breakers that are not closed under `config` (the snapshot's, and a replayed
    // one's). Any thread.
    static QVector<Alert> breakerAlerts(const QVector<BreakerStatus> &breakers,
                                        const HeartbeatConfig &config);

public Q_SLOTS:
    void start(); // starts the tick timer (first tick right away)
    // Stops starting tasks, cancels running ones, records what happened and flushes the store.
    void stop();
    void tickNow();

    CommandResult setEmergencyStop(const hb::Actor &actor, bool on, const QString &reason);
    CommandResult setMaintenanceMode(const hb::Actor &actor, bool on);
    CommandResult setEnabled(const hb::Actor &actor, bool on);
    // Safe mode is entered by the engine itself (emergency_action "safe_mode"); leaving it takes
    // an admin. Entering by hand is allowed to admins too (e.g. before a risky migration).
    CommandResult setSafeMode(const hb::Actor &actor, bool on, const QString &reason);
    CommandResult setTaskEnabled(const hb::Actor &actor, const QString &task, bool on);
    CommandResult updateConfig(const hb::Actor &actor, const hb::HeartbeatConfig &config);
    CommandResult resetBreaker(const hb::Actor &actor, const QString &task); // empty: all
    CommandResult forceOpenBreaker(const hb::Actor &actor, const QString &task);
    // Notification silences (notification_silences in metrics.db, read by every notifier on
    // it): operator or admin, audited under the actor's name. addSilence answers the new id in
    // CommandResult::id; endSilence ends a current or future one now.
    CommandResult addSilence(const hb::Actor &actor, const hb::NotificationSilence &silence);
    CommandResult endSilence(const hb::Actor &actor, qint64 id);
    // Dashboard session events (admin unlock, lock, refused unlock): recorded, never refused.
    void recordSessionEvent(const hb::Actor &actor, const QString &action);
    // A change the dashboard made itself on the data directory (machines.json): recorded with
    // what it changed, like a command of the engine's own.
    void recordDashboardChange(const hb::Actor &actor, const QString &action,
                               const QJsonObject &detail);

    // The metrics writer could not commit: the engine pauses (emergency, with the reason) and
    // raises a critical alert; Resume first retries the store. Connected to the writer.
    void onStoreFailed(const QString &message);

Q_SIGNALS:
    void snapshotChanged(const hb::EngineSnapshot &snapshot);
    void tickFinished(qint64 tickId);

private:
    struct Run;
    struct TaskSlot;

    void assertEngineThread() const;
    void launch(TaskSlot &slot, qint64 nowMs);
    void onRunStarted(const std::shared_ptr<Run> &run);
    void onRunFinished(const std::shared_ptr<Run> &run, TaskResult result, qint64 durationMs);
    void onRunTimeout(const std::shared_ptr<Run> &run);
    void finalize(Run &run, Outcome outcome, qint64 durationMs, qint64 items, const QString &error);
    void cancelInFlight(const QString &why);
    void finishTickIfDone();
    void applyAlerts(const QString &task, const QVector<Alert> &alerts);
    // A run failed for good (after its retries): its task's fallback, then, if the fallback
    // failed too, the engine's emergency action. Returns the outcome to record and may change
    // the error; false in `countsForBreaker` when the failure must not count.
    Outcome applyFallback(TaskSlot &slot, Outcome outcome, QString *error, bool *countsForBreaker);
    void raiseAlert(const Alert &alert);

    CommandResult authorize(const Actor &actor, Role required, const QString &action);
    CommandResult applyConfig(const Actor &actor, const HeartbeatConfig &config,
                              const QString &action);
    void audit(const Actor &actor, const QString &action, const QString &detail);
    NotificationStore *silenceStore(QString *error); // null: `error` says why
    void appendAudit(const AuditEntry &entry);
    void appendAuditTail(const AuditEntry &entry);
    void onAuditMoved(const QVector<hb::AuditEntry> &entries); // outbox entries committed
    // Resume after a store failure: commits the pause's own audit entry and the state. False
    // (and the store's error) while metrics.db still cannot be written.
    bool retryStore(QString *error);
    void recordBreakerEvent(const std::optional<BreakerEvent> &event);
    TaskSlot *slotFor(const QString &task);
    PersistedState persistedState() const;
    void submit(WriteBatch &&batch);
    void postRecords(const RecordBatch &batch);
    void commitCommand(); // writes pending audit/breaker rows with the new state
    void recordTick(const TickRecord &tick);
    void markDirty();
    void publish();
    EngineState buildState() const;
    qint64 tickIntervalMs() const;

    std::shared_ptr<const Clock> m_clock;
    HeartbeatConfig m_config;
    QString m_configPath;
    QString m_oracleSource;
    std::function<void(const QString &)> m_afterRun;
    qint64 m_tickIntervalOverrideMs = 0;
    QVector<BreakerStatus> m_foreignBreakers; // persisted breakers of tasks not built here: kept
    MetricsWriter *m_writer;
    std::unique_ptr<NotificationStore> m_silences; // opened on the first silence command
    QVector<QPointer<RecordFeed>> m_feeds;
    std::unique_ptr<QThreadPool> m_pool;
    std::vector<std::unique_ptr<TaskSlot>> m_slots;
    std::shared_ptr<struct EngineLink> m_link;
    TaskScheduler m_scheduler;

    HeartbeatMetrics m_metrics; // counts only what has been written (see recordTick())
    std::shared_ptr<const std::atomic_bool> m_retired;
    FailureWindow m_failures;      // failed runs of the last 24 h, for the failed_runs alert
    qint64 m_failedRunsSinceMs = 0; // when the count went over health.failed_runs_warn; 0: not
    qint64 m_nextTickId = 1;
    bool m_emergencyStop = false;
    QString m_emergencyReason;
    bool m_safeMode = false;
    QString m_safeModeReason;
    bool m_running = false;
    // metrics.db could not be written (onStoreFailed) and no retry has worked since.
    bool m_storeFailed = false;
    QString m_storeError;
    qint64 m_storeFailedAtMs = 0;
    // The automatic pause and every audit entry made during the failure: written by the retry.
    QVector<AuditEntry> m_storeFailureAudit;

    struct Tick
    {
        qint64 id = 0;
        qint64 startedAtMs = 0;
        QElapsedTimer elapsed;
        int pending = 0;
        QVector<ExecutionRecord> records;
        QVector<Sample> samples;
        std::optional<qint64> auditLogCap;
        // The schedules' new states, persisted with this tick's rows (never before them).
        std::vector<std::pair<TaskSlot *, ScheduleState>> schedules;
    };
    std::unique_ptr<Tick> m_tick;
    std::vector<std::shared_ptr<Run>> m_inFlight;

    QVector<BreakerEvent> m_pendingBreakerEvents;
    QVector<AuditEntry> m_pendingAudit;
    QVector<AuditEntry> m_auditTail;
    QVector<Alert> m_activeAlerts;
    QHash<QString, double> m_gauges; // latest reading per sample series

    QTimer m_tickTimer;
    QTimer m_publishTimer;
    QElapsedTimer m_sinceLastPublish;
    EngineSnapshot m_snapshot;
    bool m_dirty = true;
};

} // namespace hb
