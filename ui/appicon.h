#pragma once

#include <QIcon>

namespace hb {

// The application's icon (resources/heartbeat-dashboard.svg, compiled into hb_ui): the window,
// every dialog, the tray and the desktop entry show the same pulse line. Rendering it needs
// Qt's SVG icon engine plugin (Debian: libqt6svg6); without it the icon is null.
QIcon appIcon();

// The resource path of the icon's SVG, for code that wants the file rather than a QIcon.
QString appIconPath();

} // namespace hb
