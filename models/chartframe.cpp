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

} // namespace hb
