#include "uisettings.h"

#include <QSettings>

namespace hb {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLanguage = QStringLiteral("ui/language");
} // namespace

UiSettings UiSettings::load()
{
    const QSettings s(QStringLiteral("Heartbeat"), QStringLiteral("heartbeat-dashboard"));
    UiSettings result;
    result.windowGeometry = s.value(kGeometry).toByteArray();
    result.windowState = s.value(kState).toByteArray();
    result.language = s.value(kLanguage).toString();
    return result;
}

void UiSettings::save() const
{
    QSettings s(QStringLiteral("Heartbeat"), QStringLiteral("heartbeat-dashboard"));
    s.setValue(kGeometry, windowGeometry);
    s.setValue(kState, windowState);
    s.setValue(kLanguage, language);
}

} // namespace hb
