#include "api/machinejson.h"

#include <QJsonArray>

#include <cmath>

namespace hb::json {

namespace {

QJsonValue numberOrNull(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(ms) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject fromMachineReport(const MachineReport &report)
{
    return {{QStringLiteral("cpu"), numberOrNull(report.cpu)},
            {QStringLiteral("memory"), numberOrNull(report.memory)},
            {QStringLiteral("disk"), numberOrNull(report.disk)},
            {QStringLiteral("uptime"), numberOrNull(report.uptimeS)},
            {QStringLiteral("version"), textOrNull(report.version)},
            {QStringLiteral("note"), textOrNull(report.note)}};
}

QJsonObject fromMachine(const MachineInfo &machine)
{
    QJsonArray recent;
    for (const MachinePing &ping : machine.recent)
        recent.append(QJsonObject{{QStringLiteral("at_ms"), ping.atMs},
                                  {QStringLiteral("kind"), pingKindName(ping.kind)}});
    const bool seen = machine.lastSeenMs > 0;
    return {{QStringLiteral("name"), machine.name},
            {QStringLiteral("state"), machineStateName(machine.state)},
            {QStringLiteral("offline_after_ms"), machine.offlineAfterMs},
            {QStringLiteral("created_ms"), timeOrNull(machine.createdMs)},
            {QStringLiteral("state_since_ms"), timeOrNull(machine.stateSinceMs)},
            {QStringLiteral("last_seen_ms"), timeOrNull(machine.lastSeenMs)},
            {QStringLiteral("down_since_ms"), machine.state == MachineState::Down
                                                  ? timeOrNull(machine.downSinceMs)
                                                  : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("last_kind"),
             seen ? QJsonValue(pingKindName(machine.lastKind)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("last_report"), seen ? QJsonValue(fromMachineReport(machine.lastReport))
                                                 : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("recent"), recent}};
}

} // namespace hb::json
