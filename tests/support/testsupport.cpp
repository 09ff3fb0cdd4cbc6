#include "testsupport.h"

#include <QFile>

namespace hb::test {

QString fixturePath(const QString &name)
{
    return QStringLiteral(HB_FIXTURES_DIR "/") + name;
}

QString binDir()
{
    return QStringLiteral(HB_BIN_DIR);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace hb::test
