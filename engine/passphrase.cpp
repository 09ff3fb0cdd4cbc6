#include "passphrase.h"

#include "core/savefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <unistd.h>

namespace hb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hb::PassphraseFile", text);
}

QByteArray derive(const QString &passphrase, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, passphrase.toUtf8(), salt,
                                              iterations, 32);
}

} // namespace

std::optional<PassphraseFile::Record> PassphraseFile::read(QString *error) const
{
    QFile file(m_path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = m_path + u": " + tr("cannot read (%1)").arg(file.errorString());
        return std::nullopt;
    }
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    Record r;
    r.salt = QByteArray::fromBase64(o.value(u"salt").toString().toLatin1());
    r.hash = QByteArray::fromBase64(o.value(u"pbkdf2_sha256").toString().toLatin1());
    r.iterations = o.value(u"iterations").toInt();
    if (r.salt.size() < 16 || r.hash.size() != 32 || r.iterations < 10'000) {
        if (error)
            *error = m_path + u": " + tr("not a valid passphrase file");
        return std::nullopt;
    }
    return r;
}

bool PassphraseFile::isSet(QString *error) const
{
    return read(error).has_value();
}

bool PassphraseFile::set(const QString &passphrase, QString *error) const
{
    if (passphrase.size() < MinimumLength) {
        *error = tr("the passphrase must have at least %1 characters").arg(MinimumLength);
        return false;
    }
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(salt.begin(), salt.end());
    const QJsonObject o{{QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
                        {QStringLiteral("iterations"), Iterations},
                        {QStringLiteral("pbkdf2_sha256"),
                         QString::fromLatin1(derive(passphrase, salt, Iterations).toBase64())}};
    const QByteArray bytes = QJsonDocument(o).toJson();

    // The hash is what an offline guesser needs, so the file is the owner's alone from its
    // first byte: created with mode 0600 (QSaveFile would create it as 0666 less the umask and
    // leave a chmod for later). Written beside the old one, synced, then renamed over it, so a
    // crash leaves the old passphrase or the new one, never half a file.
    QFile file(m_path + u".new-" + QString::number(QRandomGenerator::system()->generate(), 16));
    const auto fail = [&] {
        *error = m_path + u": " + tr("cannot save (%1)").arg(file.errorString());
        file.close();
        file.remove();
        return false;
    };
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail();
    if (file.write(bytes) != bytes.size() || !file.flush() || ::fsync(file.handle()) != 0)
        return fail();
    file.close();
    if (std::rename(QFile::encodeName(file.fileName()).constData(),
                    QFile::encodeName(m_path).constData()) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        file.remove();
        *error = m_path + u": " + tr("cannot save (%1)").arg(why);
        return false;
    }
    return true;
}

bool PassphraseFile::verify(const QString &passphrase) const
{
    const std::optional<Record> r = read(nullptr);
    return r && constantTimeEquals(derive(passphrase, r->salt, r->iterations), r->hash);
}

} // namespace hb
