#pragma once

#include <QString>
#include <QVector>

#include <cmath>
#include <optional>

namespace hb {

// A machine of the platform (an oracle relay, an API server, a batch host) that reports that it
// is alive by pushing heartbeats (docs/api.md, "Machines"). Its state:
//   new     registered, never heard from
//   up      heard from within its offline_after
//   down    nothing for offline_after since the last heartbeat (or the last "fail" ping)
//   paused  not judged at all until resumed (maintenance of the machine itself)
enum class MachineState { New, Up, Down, Paused };

// "new", "up", "down", "paused": the words of machine_events, the API and /metrics.
QString machineStateName(MachineState state);
std::optional<MachineState> machineStateFromName(const QString &name);

// What a push said: a plain heartbeat, a job that started, or one that failed (healthchecks.io's
// /start and /fail). A "fail" ping marks the machine down at once.
enum class PingKind { Heartbeat, Start, Fail };
QString pingKindName(PingKind kind); // "heartbeat", "start", "fail"

// The optional JSON body of a heartbeat. NaN / empty where the machine did not say.
struct MachineReport
{
    double cpu = std::nan("");    // share of CPU busy, 0..1 or percent as sent
    double memory = std::nan(""); // as sent
    double disk = std::nan("");   // as sent
    double uptimeS = std::nan(""); // seconds
    QString version;
    QString note;
};

// One heartbeat as the monitor keeps it for the strip of recent heartbeats.
struct MachinePing
{
    qint64 atMs = 0;
    PingKind kind = PingKind::Heartbeat;
};

// The monitor's view of one machine, as the dashboard, /api/v1/machines and /metrics show it.
struct MachineInfo
{
    QString name;
    MachineState state = MachineState::New;
    qint64 offlineAfterMs = 120'000;
    qint64 createdMs = 0;
    qint64 lastSeenMs = 0;  // 0: never
    qint64 downSinceMs = 0; // 0: not down
    qint64 stateSinceMs = 0;
    PingKind lastKind = PingKind::Heartbeat;
    MachineReport lastReport;
    QVector<MachinePing> recent; // oldest first, at most MachineInfo::RecentPings
    static constexpr int RecentPings = 60;
};

// A change of state, stored in metrics.db (machine_events) and notified once.
struct MachineTransition
{
    QString machine;
    MachineState from = MachineState::New;
    MachineState to = MachineState::New;
    qint64 atMs = 0;
    qint64 lastSeenMs = 0; // the heartbeat the judgement rests on; 0: never seen
    QString reason;        // e.g. "no heartbeat for 2m", "fail ping", "paused by admin"
};

} // namespace hb
