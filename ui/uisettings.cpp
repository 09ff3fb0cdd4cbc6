#include "uisettings.h"

#include <QSettings>

namespace hb {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLanguage = QStringLiteral("ui/language");
const QString kChartRange = QStringLiteral("charts/range");
const QString kRecentFiles = QStringLiteral("analysis/recentFiles");
} // namespace

UiSettings UiSettings::load()
{
    const QSettings s(QStringLiteral("Heartbeat"), QStringLiteral("heartbeat-dashboard"));
    UiSettings result;
    result.windowGeometry = s.value(kGeometry).toByteArray();
    result.windowState = s.value(kState).toByteArray();
    result.language = s.value(kLanguage).toString();
    result.chartRange = s.value(kChartRange, 0).toInt();
    result.recentFiles = s.value(kRecentFiles).toStringList();
    return result;
}

void UiSettings::save() const
{
    QSettings s(QStringLiteral("Heartbeat"), QStringLiteral("heartbeat-dashboard"));
    s.setValue(kGeometry, windowGeometry);
    s.setValue(kState, windowState);
    s.setValue(kLanguage, language);
    s.setValue(kChartRange, chartRange);
    s.setValue(kRecentFiles, recentFiles);
}

void UiSettings::rememberFile(const QString &path, int limit)
{
    recentFiles.removeAll(path);
    recentFiles.prepend(path);
    while (recentFiles.size() > limit)
        recentFiles.removeLast();
}

} // namespace hb
