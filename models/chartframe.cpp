#include "chartframe.h"

namespace hb {

QStringList adminMarkerActions()
{
    return {QStringLiteral("emergency_pause"), QStringLiteral("resume"),
            QStringLiteral("maintenance_on"),  QStringLiteral("maintenance_off"),
            QStringLiteral("config_change"),   QStringLiteral("task_enable"),
            QStringLiteral("task_disable"),    QStringLiteral("breaker_reset"),
            QStringLiteral("breaker_force_open")};
}

bool isAdminMarkerAction(const QString &action)
{
    static const QStringList actions = adminMarkerActions();
    return actions.contains(action);
}

std::optional<AuditEntry> machineMarker(qint64 tsMs, const QString &machine,
                                        const QString &fromState, const QString &toState,
                                        const QString &reason)
{
    const bool down = toState == u"down";
    const bool back = fromState == u"down" && toState == u"up";
    if (!down && !back)
        return std::nullopt;
    return AuditEntry{tsMs, machine,
                      down ? QStringLiteral("machine_down") : QStringLiteral("machine_up"),
                      reason};
}

AuditEntry breakerOpenMarker(const BreakerEvent &event)
{
    return AuditEntry{event.tsMs, event.task, QStringLiteral("breaker_open"), event.reason};
}

} // namespace hb
