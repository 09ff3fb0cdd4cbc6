#include "sqlite/sqlfile.h"

#include <SQLiteCpp/Database.h>

#include <QFileInfo>
#include <QUrl>

namespace hb::sql {

std::string utf8(const QString &text)
{
    return text.toStdString();
}

QString messageOf(const std::exception &e)
{
    return QString::fromUtf8(e.what()).simplified();
}

std::unique_ptr<SQLite::Database> openReadOnly(const QString &path, int busyTimeoutMs)
{
    const bool sideFiles = QFileInfo::exists(path + QStringLiteral("-wal"))
                           || QFileInfo::exists(path + QStringLiteral("-journal"));
    if (sideFiles)
        return std::make_unique<SQLite::Database>(utf8(path), SQLite::OPEN_READONLY,
                                                  busyTimeoutMs);
    const QString uri =
        QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded)
        + QStringLiteral("?immutable=1");
    return std::make_unique<SQLite::Database>(utf8(uri), SQLite::OPEN_READONLY | SQLite::OPEN_URI,
                                              busyTimeoutMs);
}

} // namespace hb::sql
