#include "appicon.h"

#include <QString>

// Q_INIT_RESOURCE must be called outside any namespace. hb_ui is a static library: without this
// reference the linker would drop the compiled resources/heartbeat.qrc from the binaries.
static void initIconResources()
{
    Q_INIT_RESOURCE(heartbeat);
}

namespace hb {

QString appIconPath()
{
    static const bool registered = [] {
        initIconResources();
        return true;
    }();
    Q_UNUSED(registered);
    return QStringLiteral(":/icons/heartbeat-dashboard.svg");
}

QIcon appIcon()
{
    return QIcon(appIconPath());
}

} // namespace hb
