#include "machines/machinetypes.h"

namespace hb {

QString machineStateName(MachineState state)
{
    switch (state) {
    case MachineState::New:
        return QStringLiteral("new");
    case MachineState::Up:
        return QStringLiteral("up");
    case MachineState::Down:
        return QStringLiteral("down");
    case MachineState::Paused:
        return QStringLiteral("paused");
    }
    return {};
}

std::optional<MachineState> machineStateFromName(const QString &name)
{
    for (MachineState state :
         {MachineState::New, MachineState::Up, MachineState::Down, MachineState::Paused}) {
        if (machineStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

QString pingKindName(PingKind kind)
{
    switch (kind) {
    case PingKind::Heartbeat:
        return QStringLiteral("heartbeat");
    case PingKind::Start:
        return QStringLiteral("start");
    case PingKind::Fail:
        return QStringLiteral("fail");
    }
    return {};
}

} // namespace hb
