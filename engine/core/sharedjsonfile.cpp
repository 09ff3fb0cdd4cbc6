#include "core/sharedjsonfile.h"

#include "core/savefile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

#include <array>
#include <cmath>

#include <sys/stat.h>

namespace hb {

namespace {

// A change holds the lock for a few milliseconds; a lock older than this was left by a process
// that hung or died on another host, and is taken over.
constexpr int StaleLockMs = 5'000;
constexpr int LockWaitMs = 3'000;
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString tr(const char *text)
{
    return QCoreApplication::translate("hb::SharedJsonFile", text);
}

} // namespace

bool SharedJsonFile::Stamp::operator==(const Stamp &o) const
{
    return exists == o.exists && device == o.device && inode == o.inode && size == o.size &&
           mtimeNs == o.mtimeNs;
}

SharedJsonFile::SharedJsonFile(QString path, QString key, int formatVersion)
    : m_path(std::move(path))
    , m_key(std::move(key))
    , m_formatVersion(formatVersion)
{
}

bool SharedJsonFile::validName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return pattern.match(name).hasMatch();
}

QByteArray SharedJsonFile::newSecret(const QByteArray &prefix)
{
    std::array<quint32, 8> random{}; // 32 bytes
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    const QByteArray bytes(reinterpret_cast<const char *>(random.data()), 32);
    return prefix + bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray SharedJsonFile::sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

SharedJsonFile::Stamp SharedJsonFile::stamp() const
{
    Stamp s;
    struct stat st = {};
    if (::stat(QFile::encodeName(m_path).constData(), &st) != 0)
        return s; // missing (or unreadable: the read that follows says why)
    s.exists = true;
    s.device = quint64(st.st_dev);
    s.inode = quint64(st.st_ino);
    s.size = qint64(st.st_size);
    s.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + qint64(st.st_mtim.tv_nsec);
    return s;
}

std::optional<QJsonArray> SharedJsonFile::read(QString *error) const
{
    const auto fail = [&](const QString &what) -> std::optional<QJsonArray> {
        *error = what;
        return std::nullopt;
    };
    QFile file(m_path);
    if (!file.exists())
        return QJsonArray(); // nothing created yet
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("cannot read (%1)").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(tr("cannot read (%1)").arg(file.errorString()));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("not valid JSON: %1 at byte %2")
                        .arg(parseError.errorString(), QString::number(parseError.offset)));
    if (!document.isObject())
        return fail(tr("not a JSON object"));
    const QJsonObject root = document.object();
    const QJsonValue version = root.value(u"version");
    if (!version.isDouble() || version.toDouble() != double(version.toInt()))
        return fail(tr("version: expected a whole number"));
    if (version.toInt() > m_formatVersion)
        return fail(tr("written by a newer version of Heartbeat (format %1; this version reads %2)")
                        .arg(version.toInt())
                        .arg(m_formatVersion));
    if (version.toInt() != m_formatVersion)
        return fail(tr("version: unknown format %1").arg(version.toInt()));
    if (!root.value(m_key).isArray())
        return fail(m_key + u": " + tr("expected an array"));
    return root.value(m_key).toArray();
}

bool SharedJsonFile::write(const QJsonArray &records, QString *error) const
{
    const QByteArray bytes =
        QJsonDocument(QJsonObject{{QStringLiteral("version"), m_formatVersion}, {m_key, records}})
            .toJson(QJsonDocument::Indented);
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = located(tr("cannot save (%1)").arg(reason));
        return false;
    };
    // Written beside the old file and renamed over it. The copy is made the owner's alone before
    // its first byte (QSaveFile creates a new file as 0666 less the umask): it holds hashes of
    // secrets, which nobody else needs to read.
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (!file.setPermissions(OwnerOnly)) {
        file.cancelWriting();
        return fail(file.errorString());
    }
    if (const auto problem = writeAndCommit(file, bytes))
        return fail(*problem);
    // Again on the final name, whatever the copy above got: the mode is part of every save.
    if (!QFile::setPermissions(m_path, OwnerOnly))
        return fail(tr("cannot make it private"));
    return true;
}

bool SharedJsonFile::reloadIfChanged(const Decode &decode, QString *error)
{
    const Stamp now = stamp();
    if (!m_stamp || !(*m_stamp == now)) {
        QString readError;
        std::optional<QJsonArray> records = read(&readError);
        // A refused file is not read again until it changes; the caller keeps what it had (a
        // file being repaired by hand must not lock everyone out, nor let anyone in).
        m_loadError = records && decode(*records, &readError) ? QString() : located(readError);
        m_stamp = now;
    }
    if (error && !m_loadError.isEmpty())
        *error = m_loadError;
    return m_loadError.isEmpty();
}

bool SharedJsonFile::modify(const Decode &decode, const Change &change, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QString dataDir = QFileInfo(m_path).absolutePath();
    if (!QFileInfo(dataDir).isDir())
        return fail(dataDir + u": " + tr("the data directory does not exist"));

    QLockFile lock(m_path + QStringLiteral(".lock"));
    lock.setStaleLockTime(StaleLockMs);
    if (!lock.tryLock(LockWaitMs)) {
        if (lock.error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host, app;
            lock.getLockInfo(&pid, &host, &app);
            return fail(located(tr("being changed by another process (pid %1)").arg(pid)));
        }
        return fail(located(tr("cannot lock (the data directory is not writable)")));
    }

    QString readError;
    const std::optional<QJsonArray> before = read(&readError);
    if (!before || !decode(*before, &readError))
        return fail(located(readError));
    QJsonArray after = *before;
    if (!change(after, error))
        return false;
    if (after != *before && !write(after, error))
        return false;
    m_stamp = stamp();
    m_loadError.clear();
    return true;
}

JsonRecordReader::JsonRecordReader(const QJsonValue &record, QString where)
    : m_record(record)
    , m_where(std::move(where))
{
    if (!record.isObject())
        m_error = m_where + u": " + tr("expected an object");
}

QJsonValue JsonRecordReader::value(QStringView key) const
{
    return ok() ? m_record.toObject().value(key) : QJsonValue();
}

void JsonRecordReader::fail(QStringView key, const QString &what)
{
    if (ok())
        m_error = m_where + u'.' + key + u": " + what;
}

QString JsonRecordReader::name(QStringView key)
{
    const QString text = value(key).toString();
    if (!SharedJsonFile::validName(text))
        fail(key, tr("expected 1 to 64 letters, digits, '.', '_' or '-'"));
    return text;
}

QString JsonRecordReader::text(QStringView key)
{
    const QJsonValue v = value(key);
    if (!v.isString())
        fail(key, tr("expected a string"));
    return v.toString();
}

qint64 JsonRecordReader::milliseconds(QStringView key, qint64 min, qint64 max)
{
    const QJsonValue v = value(key);
    const double number = v.toDouble(-1);
    if (!v.isDouble() || number < double(min) || number > double(max) ||
        number != std::floor(number)) {
        fail(key, tr("expected a whole number of milliseconds from %1 to %2").arg(min).arg(max));
        return min;
    }
    return qint64(number);
}

bool JsonRecordReader::flag(QStringView key)
{
    const QJsonValue v = value(key);
    if (!v.isBool())
        fail(key, tr("expected true or false"));
    return v.toBool();
}

QByteArray JsonRecordReader::sha256(QStringView key)
{
    static const QRegularExpression hexPattern(QStringLiteral("^[0-9a-f]{64}$"));
    const QString hex = value(key).toString();
    if (!hexPattern.match(hex).hasMatch()) {
        fail(key, tr("expected 64 hexadecimal digits"));
        return {};
    }
    return QByteArray::fromHex(hex.toLatin1());
}

} // namespace hb
