#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace hb {

// Everything the dashboard remembers between runs, typed, read and written in one place
// (docs/architecture.md, "Conventions": typed settings). Stored with QSettings under the
// organisation "Heartbeat".
struct UiSettings
{
    QByteArray windowGeometry;
    QByteArray windowState;
    QString language; // "en", "id", or empty for the system language
    int chartRange = 0; // ChartPanel range index: 5 min, 1 h, 24 h, 7 d
    QStringList recentFiles; // metrics files opened read-only, newest first

    // Puts `path` first in recentFiles, without duplicates, at most `limit` entries.
    void rememberFile(const QString &path, int limit);

    static UiSettings load();
    void save() const;
};

} // namespace hb
