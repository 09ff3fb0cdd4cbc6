#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>

#include <optional>

class QSaveFile;

namespace hb {

// Writes `bytes` into an open QSaveFile, flushes by hand and commits: QSaveFile::commit() ignores
// errors of its own final flush and would rename a truncated file into place (QTBUG-75077). On
// failure the writing is cancelled (the old file stays) and the reason is returned: the OS error
// ("No space left on device") where there is one, since after a short write Qt only says
// "Unknown error".
std::optional<QString> writeAndCommit(QSaveFile &file, const QByteArray &bytes);

// Equal contents, compared in time that depends on the length only (for secrets and hashes).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace hb
