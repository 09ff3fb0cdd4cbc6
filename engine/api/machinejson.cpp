#include "api/machinejson.h"

#include "api/jsonreader_p.h"

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

std::optional<PingKind> pingKindFromName(QStringView name)
{
    for (const PingKind kind : {PingKind::Heartbeat, PingKind::Start, PingKind::Fail}) {
        if (pingKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

std::optional<MachineState> stateFromName(QStringView name)
{
    return machineStateFromName(name.toString());
}

// A number or null (NaN).
double numberOrNaN(Reader &r, const QString &key)
{
    const QJsonValue v = r.value(key);
    if (!r.ok() || v.isNull())
        return std::nan("");
    if (!v.isDouble()) {
        r.fail(r.pathOf(key), Reader::tr("expected a number or null"));
        return std::nan("");
    }
    return v.toDouble();
}

// A string or null (empty).
QString textOrEmpty(Reader &r, const QString &key)
{
    const QJsonValue v = r.value(key);
    if (!r.ok() || v.isNull())
        return {};
    if (!v.isString()) {
        r.fail(r.pathOf(key), Reader::tr("expected a string or null"));
        return {};
    }
    return v.toString();
}

MachineReport readReport(Reader &r)
{
    MachineReport report;
    report.cpu = numberOrNaN(r, QStringLiteral("cpu"));
    report.memory = numberOrNaN(r, QStringLiteral("memory"));
    report.disk = numberOrNaN(r, QStringLiteral("disk"));
    report.uptimeS = numberOrNaN(r, QStringLiteral("uptime"));
    report.version = textOrEmpty(r, QStringLiteral("version"));
    report.note = textOrEmpty(r, QStringLiteral("note"));
    return report;
}

MachinePing readPing(Reader &r)
{
    MachinePing ping;
    ping.atMs = r.int64(QStringLiteral("at_ms"));
    ping.kind = r.enumeration(QStringLiteral("kind"), &pingKindFromName);
    return ping;
}

MachineInfo readMachine(Reader &r)
{
    MachineInfo m;
    m.name = r.string(QStringLiteral("name"));
    m.state = r.enumeration(QStringLiteral("state"), &stateFromName);
    m.offlineAfterMs = r.int64(QStringLiteral("offline_after_ms"));
    m.createdMs = r.optionalInt64(QStringLiteral("created_ms")).value_or(0);
    m.stateSinceMs = r.optionalInt64(QStringLiteral("state_since_ms")).value_or(0);
    m.lastSeenMs = r.optionalInt64(QStringLiteral("last_seen_ms")).value_or(0);
    m.downSinceMs = r.optionalInt64(QStringLiteral("down_since_ms")).value_or(0);
    const QString kindKey = QStringLiteral("last_kind");
    if (r.ok() && !r.value(kindKey).isNull())
        m.lastKind = r.enumeration(kindKey, &pingKindFromName);
    const QString reportKey = QStringLiteral("last_report");
    if (r.ok() && !r.value(reportKey).isNull()) {
        Reader report = r.child(reportKey);
        m.lastReport = readReport(report);
    }
    m.recent = r.objects(QStringLiteral("recent"), &readPing);
    return m;
}

} // namespace

std::optional<MachineInfo> toMachine(const QJsonObject &json, QString *error)
{
    return parse(json, error, &readMachine);
}

std::optional<MachineReport> toMachineReport(const QJsonObject &json, QString *error)
{
    return parse(json, error, &readReport);
}

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
