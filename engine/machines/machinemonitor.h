#pragma once

#include "machines/machinetypes.h"

#include <QObject>

#include <memory>

namespace hb {

class Clock;
class MetricsWriter;

// Judges the data directory's machines up or down (docs/api.md, "Machines"). Lives on its own
// thread ("hb-machines"), started and stopped by its owner (EngineRuntime).
//
// - ping() is called by the HTTP server's thread for every accepted push; it is thread-safe and
//   cheap (tens of thousands a second): it records the time and report under a mutex and wakes
//   the monitor only when a machine's state changes.
// - A timer runs on the earliest deadline (last heartbeat + offline_after) of all up machines, so
//   a machine that goes quiet is marked down within a second of its deadline, not on a poll.
// - Every transition is written to metrics.db (machine_events) through the MetricsWriter and
//   emitted as transition(); each machine's newest heartbeat is written to machine_seen at most
//   once a second, so a restart judges a machine on the heartbeat it last sent.
// - DATA/machines.json is re-read every second: machines added, removed, paused or resumed by
//   `heartbeatd machine …` (or the dashboard) take effect within a second.
class MachineMonitor : public QObject
{
    Q_OBJECT
public:
    // `metricsPath`: DATA/metrics.db, read once at start() for machine_seen.
    MachineMonitor(QString dataDir, QString metricsPath, MetricsWriter *writer,
                   std::shared_ptr<const Clock> clock, QObject *parent = nullptr);
    ~MachineMonitor() override; // stop()

    void start(); // starts the thread; restores machine_seen and judges every machine at once
    void stop();  // idempotent; flushes machine_seen

    enum class PingResult { Accepted, UnknownMachine, BadToken };
    // Thread-safe. Authenticates `token` for `machine` and, when it is right, records the ping.
    PingResult ping(const QString &machine, const QByteArray &token, PingKind kind,
                    const MachineReport &report);

    // Thread-safe: every registered machine as the monitor sees it now, by name.
    QVector<MachineInfo> machines() const;

Q_SIGNALS:
    // Emitted on the monitor's thread; connect queued.
    void transition(const hb::MachineTransition &transition);
    // Something a view shows changed (a ping, a transition, the registry); at most 4 times a
    // second.
    void machinesChanged();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace hb

Q_DECLARE_METATYPE(hb::MachineTransition)
