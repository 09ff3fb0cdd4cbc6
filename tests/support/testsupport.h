#pragma once

#include <QString>
#include <QTemporaryDir>

namespace hb::test {

// Absolute path of a file under tests/fixtures/.
QString fixturePath(const QString &name);
// Directory holding the built binaries (build/bin).
QString binDir();
// Reads a whole file; empty on failure.
QByteArray readAll(const QString &path);

} // namespace hb::test
