#pragma once

#include "core/clock.h"
#include "historystore.h"
#include "machines/machinetypes.h"
#include "recordfeed.h"
#include "replaycontroller.h"
#include "snapshot.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace hb {

class EngineHost;

// How current a source's data is (docs/architecture.md, "Sources"). The wall shows it in large
// type; the desk window has its own status bar. Times are wall-clock milliseconds since the epoch
// on this machine (when something arrived here, not the sender's clock).
struct SourceStatus
{
    enum class State {
        Connecting,   // no data yet, first attempt under way
        Live,         // data arriving as expected
        Quiet,        // connected (or the file open) but nothing new for longer than expected
        Unreachable,  // the engine cannot be reached; retrying with backoff
        Unauthorised, // the token was refused (wrong or revoked); retrying slowly
        NewerApi,     // the engine speaks an API version this build does not; retried slowly
        BadAddress,   // the URL is not one this source can use (not http/https); not retrying
        BadStream,    // the engine sent something that could not be read; retrying
    };
    State state = State::Connecting;
    QString reason;          // one translated line for every state but Live ("connection refused")
    qint64 sinceMs = 0;      // when this state began
    qint64 lastUpdateMs = 0; // when the newest data arrived (0: none yet)
    qint64 retryAtMs = 0;    // when the next attempt is made (0: none planned)

    bool isLive() const { return state == State::Live; }
    bool operator==(const SourceStatus &o) const
    {
        return state == o.state && reason == o.reason && sinceMs == o.sinceMs
            && lastUpdateMs == o.lastUpdateMs && retryAtMs == o.retryAtMs;
    }
    bool operator!=(const SourceStatus &o) const { return !(*this == o); }
};

// What the window's panels are fed from (docs/architecture.md, "Sources"): snapshots, record
// batches and, through metricsPath(), the stored history every range query reads. The panels
// never know which source it is; the window asks canCommand() before it offers a command.
//
//   live      the engine hosted in this process: snapshots and records as they happen
//   recorded  a metrics.db opened read-only: the state at a chosen moment, rebuilt from the file
//   remote    (the wall) another process's HTTP API
class DataSource : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Live, Recorded, Remote };

    using QObject::QObject;

    virtual Kind kind() const = 0;
    // The engine commands go to; null for a source that takes none (then canCommand() is false
    // and the window offers no command at all).
    virtual EngineHost *commandHost() const { return nullptr; }
    bool canCommand() const { return commandHost() != nullptr; }
    // The metrics.db behind the history (charts beyond the live buffers, earlier runs, older
    // audit entries); every read of it is read-only.
    virtual QString metricsPath() const = 0;
    // Every read of that history goes through this (on worker threads).
    HistoryStore history() const { return HistoryStore(metricsPath()); }
    // Begins delivering: the first snapshot comes after this.
    virtual void start() = 0;

    // How current the data is; statusChanged() on every change of it.
    SourceStatus status() const { return m_status; }
    // Whether the source knows the pushing machines (machinesChanged() then delivers them).
    virtual bool hasMachines() const { return false; }

Q_SIGNALS:
    void snapshotChanged(const hb::EngineSnapshot &snapshot);
    void recordsArrived(const hb::RecordBatch &records);
    void statusChanged(const hb::SourceStatus &status);
    void machinesChanged(const QVector<hb::MachineInfo> &machines);

protected:
    // Sets the status and emits statusChanged() when it differs.
    void setStatus(const SourceStatus &status);

private:
    SourceStatus m_status{SourceStatus::State::Live, {}, 0, 0, 0};
};

// The engine hosted in this process.
class LiveSource final : public DataSource
{
    Q_OBJECT
public:
    LiveSource(EngineHost &host, const QString &dataDir, QObject *parent = nullptr);
    ~LiveSource() override;

    Kind kind() const override { return Kind::Live; }
    EngineHost *commandHost() const override { return &m_host; }
    QString metricsPath() const override { return m_dataDir + QStringLiteral("/metrics.db"); }
    void start() override;

private:
    EngineHost &m_host;
    QString m_dataDir;
    RecordFeed *m_feed;
    bool m_started = false;
};

// A metrics.db opened read-only (`heartbeat-dashboard --open FILE.db`). It publishes the state
// as of a moment (the end of the file unless a replay moves it), rebuilt from the file on a
// worker thread (ReplayController: a newer moment drops an older request); with follow on, it re-reads the file's extent every FollowIntervalMs so a file
// a running heartbeatd writes keeps its right edge live. Nothing is ever written to the file or
// beside it.
class RecordedSource final : public DataSource
{
    Q_OBJECT
public:
    static constexpr int FollowIntervalMs = 2'000;

    // The file's time extent: its first and last tick (else run or audit entry; 0, 0: none).
    struct Extent
    {
        qint64 firstMs = 0;
        qint64 lastMs = 0;
        bool operator==(const Extent &o) const
        {
            return firstMs == o.firstMs && lastMs == o.lastMs;
        }
        bool operator!=(const Extent &o) const { return !(*this == o); }
    };

    // Checks the file (a clear reason when it is not a readable metrics.db) and reads its
    // extent; null with `error` set when it cannot be opened.
    static std::unique_ptr<RecordedSource> open(const QString &path, QString *error,
                                                QObject *parent = nullptr);

    Kind kind() const override { return Kind::Recorded; }
    QString metricsPath() const override { return m_path; }
    void start() override;

    Extent extent() const { return m_extent; }
    // The moment whose state is shown; the end of the file until setMoment().
    qint64 moment() const { return m_moment; }
    // Shows the state as of `ms` (rebuilt on a worker thread; a newer call drops an older one).
    void setMoment(qint64 ms);

    bool following() const { return m_follow.isActive(); }
    void setFollowing(bool on);
    // Reads the extent again now (what the follow timer does).
    void refreshExtent();
    // Judges freshness while following (the wall's local mode): Live while the newest tick in
    // the file is at most `quietAfterMs` old by `clock`, else Quiet; lastUpdateMs is that tick.
    // Without this the status stays Live (an analyst's file is not expected to grow).
    void watchFreshness(std::shared_ptr<const Clock> clock, qint64 quietAfterMs);

    static Extent readExtent(const QString &path); // throws StoreError

Q_SIGNALS:
    void extentChanged(qint64 firstMs, qint64 lastMs);
    void momentChanged(qint64 ms);
    void followingChanged(bool on);
    // Reading the file failed (it was replaced, damaged or removed since it opened).
    void readFailed(const QString &message);

private:
    RecordedSource(const QString &path, Extent extent, QObject *parent);
    // The state at a moment is rebuilt from ticks, executions, breaker_events and audit_log by
    // the replay reader, with config.json beside the file (when there is one) for what the
    // audit log does not say.
    ReplayOptions replayOptions() const;

    QString m_path;
    Extent m_extent;
    qint64 m_moment = 0;
    bool m_atEnd = true; // the moment follows the end of the file
    ReplayController *m_replay;
    void judgeFreshness(const QString &readError);

    QTimer m_follow;
    bool m_extentReading = false;
    std::shared_ptr<const Clock> m_freshnessClock;
    qint64 m_quietAfterMs = 0;
};

} // namespace hb
