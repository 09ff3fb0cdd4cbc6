#include "wallcontent.h"

#include "machinelistmodel.h"

#include "core/clock.h"
#include "format.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace hb {

namespace {

// Whole seconds: the wall never says "2 min 5.3 s".
qint64 seconds(qint64 ms)
{
    return std::max<qint64>(0, ms) / 1000 * 1000;
}

} // namespace

QString WallText::oracleWords(const OracleHealth &oracle)
{
    switch (oracle.status) {
    case OracleHealth::Status::NotConfigured:
        return tr("oracle not configured");
    case OracleHealth::Status::Unknown:
        return tr("oracle not measured yet");
    case OracleHealth::Status::Ok:
        return oracle.demoFeed ? tr("oracle OK (demo feed)") : tr("oracle OK");
    case OracleHealth::Status::Degraded:
        return tr("oracle degraded: %1").arg(oracle.problem);
    case OracleHealth::Status::Down:
        return tr("oracle down");
    }
    return {};
}

WallVerdict WallText::verdict(const EngineState &state, qint64 nowMs)
{
    const Health health = Health::evaluate(state, nowMs);
    WallVerdict v;
    QStringList details;
    if (health.emergencyStop) {
        v = {tr("EMERGENCY PAUSE"), {}, WallTone::Bad, WallShape::Pause};
        if (!state.emergencyReason.isEmpty())
            details << state.emergencyReason;
    } else if (health.maintenance) {
        v = {tr("MAINTENANCE"), {}, WallTone::Warning, WallShape::Pause};
    } else if (!health.enabled) {
        v = {tr("Heartbeat disabled"), {}, WallTone::Warning, WallShape::Triangle};
    } else if (health.lastTickAgeMs < 0) {
        v = {tr("Waiting for the first heartbeat"), {}, WallTone::Neutral, WallShape::Ring};
    } else if (!health.fresh) {
        v = {tr("Heartbeat stale"), {}, WallTone::Bad, WallShape::Cross};
    } else if (health.activeAlerts > 0) {
        v = {tr("Healthy, with alerts"), {}, WallTone::Warning, WallShape::Triangle};
        details << tr("%n active alert(s)", nullptr, health.activeAlerts);
    } else {
        v = {tr("Healthy"), {}, WallTone::Ok, WallShape::Disc};
    }
    if (health.lastTickAgeMs >= 0)
        details << tr("last heartbeat %1").arg(format::age(health.lastTickAgeMs));
    details << oracleWords(health.oracle);
    v.detail = details.join(QStringLiteral(" · "));
    return v;
}

QString WallText::breakerStateWord(BreakerState state)
{
    switch (state) {
    case BreakerState::Closed:
        return tr("closed");
    case BreakerState::HalfOpen:
        return tr("half open");
    case BreakerState::Open:
        return tr("open");
    }
    return {};
}

QString WallText::severityWord(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return tr("CRITICAL");
    case Severity::Warning:
        return tr("WARNING");
    case Severity::Info:
        return tr("INFO");
    }
    return {};
}

QString WallText::countdown(qint64 ms)
{
    const qint64 s = (std::max<qint64>(0, ms) + 999) / 1000; // never "0:00" while still waiting
    const QChar zero = QLatin1Char('0');
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, zero)
            .arg(s % 60, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, zero);
}

QString WallText::compactNumber(double value)
{
    const QLocale locale;
    static const char *const suffixes[] = {"", " k", " M", " G", " T", " P"};
    double v = std::abs(value);
    size_t i = 0;
    while (v >= 1000.0 && i + 1 < std::size(suffixes)) {
        v /= 1000.0;
        ++i;
    }
    const QString digits = locale.toString(value < 0 ? -v : v, 'f', i == 0 || v >= 100 ? 0 : 1);
    return digits + QLatin1String(suffixes[i]);
}

QVector<WallTile> WallText::breakerTiles(const EngineState &state, qint64 nowMs)
{
    QVector<WallTile> tiles;
    tiles.reserve(state.breakers.size());
    for (int i = 0; i < state.breakers.size(); ++i) {
        const BreakerStatus &b = state.breakers.at(i);
        WallTile t;
        t.title = format::taskTitle(b.task);
        t.state = breakerStateWord(b.state);
        t.number = QLocale().toString(b.failureCount);
        t.numberLabel = tr("failures", nullptr, b.failureCount);
        switch (b.state) {
        case BreakerState::Closed:
            t.tone = WallTone::Ok;
            t.shape = WallShape::Disc;
            break;
        case BreakerState::HalfOpen:
            t.tone = WallTone::Warning;
            t.shape = WallShape::HalfDisc;
            t.detail = tr("next run is the trial");
            break;
        case BreakerState::Open: {
            t.tone = WallTone::Bad;
            t.shape = WallShape::Cross;
            const qint64 retryAt = state.breakerRetryAtMs.value(i, 0);
            if (retryAt <= 0)
                t.detail = tr("no trial planned");
            else if (retryAt > nowMs)
                t.detail = tr("next trial in %1").arg(countdown(retryAt - nowMs));
            else
                t.detail = tr("trial due now");
            break;
        }
        }
        tiles.append(t);
    }
    return tiles;
}

QVector<WallTile> WallText::machineTiles(const QVector<MachineInfo> &machines, qint64 nowMs)
{
    QVector<WallTile> tiles;
    tiles.reserve(machines.size());
    for (const MachineInfo &m : machines) {
        WallTile t;
        t.title = m.name;
        t.state = MachineListModel::stateTitle(m.state); // the words the desk window uses
        switch (m.state) {
        case MachineState::Up:
            t.tone = WallTone::Ok;
            t.shape = WallShape::Disc;
            break;
        case MachineState::Down:
            t.tone = WallTone::Bad;
            t.shape = WallShape::Cross;
            break;
        case MachineState::New:
            t.tone = WallTone::Neutral;
            t.shape = WallShape::Ring;
            break;
        case MachineState::Paused:
            t.tone = WallTone::Neutral;
            t.shape = WallShape::Pause;
            break;
        }
        if (m.lastSeenMs > 0) {
            // One unit only ("1 h", not "1 h 35 min"): the key number stays short enough to be
            // drawn large in any language.
            const qint64 ms = std::max<qint64>(1000, nowMs - m.lastSeenMs);
            const qint64 unit = ms < 60'000        ? 1000
                                : ms < 3'600'000   ? 60'000
                                : ms < 172'800'000 ? 3'600'000
                                                   : 86'400'000;
            t.number = format::span(ms / unit * unit);
            t.numberLabel = tr("since last heartbeat");
        } else {
            t.number = QStringLiteral("—");
            t.numberLabel = tr("never heard from");
        }
        if (m.state == MachineState::Down && m.downSinceMs > 0)
            t.detail = tr("down since %1").arg(localTimeText(m.downSinceMs, nowMs));
        tiles.append(t);
    }
    return tiles;
}

QVector<WallTile> WallText::alertRows(const QVector<Alert> &alerts, qint64 nowMs)
{
    QVector<Alert> sorted = alerts;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Alert &a, const Alert &b) {
        if (a.severity != b.severity)
            return int(a.severity) > int(b.severity);
        return a.tsMs > b.tsMs;
    });
    QVector<WallTile> rows;
    rows.reserve(sorted.size());
    for (const Alert &a : sorted) {
        WallTile t;
        t.title = a.message;
        t.state = severityWord(a.severity);
        switch (a.severity) {
        case Severity::Critical:
            t.tone = WallTone::Bad;
            t.shape = WallShape::Cross;
            break;
        case Severity::Warning:
            t.tone = WallTone::Warning;
            t.shape = WallShape::Triangle;
            break;
        case Severity::Info:
            t.tone = WallTone::Neutral;
            t.shape = WallShape::Info;
            break;
        }
        t.number = format::age(std::max<qint64>(0, nowMs - a.tsMs));
        t.detail = format::taskTitle(a.source);
        rows.append(t);
    }
    return rows;
}

QString WallText::statusHeadline(const SourceStatus &status, qint64 nowMs)
{
    // "14:03:07 (2 min)"
    const auto since = [&](qint64 ms) -> QString {
        return tr("%1 (%2)").arg(localTimeText(ms, nowMs), format::span(seconds(nowMs - ms)));
    };
    switch (status.state) {
    case SourceStatus::State::Live:
        return {};
    case SourceStatus::State::Connecting:
        return tr("Connecting…");
    case SourceStatus::State::Quiet:
        if (status.lastUpdateMs <= 0)
            return tr("No data yet");
        return tr("No update since %1").arg(since(status.lastUpdateMs));
    case SourceStatus::State::Unreachable:
        return tr("Engine unreachable since %1").arg(since(status.sinceMs));
    case SourceStatus::State::Unauthorised:
        return tr("Not authorised");
    case SourceStatus::State::NewerApi:
        return tr("The engine speaks a newer API version");
    case SourceStatus::State::BadAddress:
        return tr("This address cannot be used");
    case SourceStatus::State::BadStream:
        return tr("Unreadable data from the engine since %1").arg(since(status.sinceMs));
    }
    return {};
}

QString WallText::statusDetail(const SourceStatus &status, qint64 nowMs)
{
    if (status.isLive())
        return {};
    QStringList parts;
    if (!status.reason.isEmpty())
        parts << status.reason;
    if (status.retryAtMs > nowMs)
        parts << tr("next attempt in %1").arg(countdown(status.retryAtMs - nowMs));
    else if (status.state == SourceStatus::State::NewerApi ||
             status.state == SourceStatus::State::BadAddress)
        parts << tr("not retrying");
    if (status.lastUpdateMs > 0)
        parts << tr("dimmed: the values of %1").arg(localTimeText(status.lastUpdateMs, nowMs));
    return parts.join(QStringLiteral(" · "));
}

QString WallText::updatedText(const SourceStatus &status, qint64 nowMs)
{
    if (status.lastUpdateMs <= 0)
        return tr("no data yet");
    return tr("updated %1").arg(format::age(seconds(nowMs - status.lastUpdateMs)));
}

} // namespace hb
