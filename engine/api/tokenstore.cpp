#include "tokenstore.h"

#include "core/savefile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <cerrno>

#include <sys/stat.h>

namespace hb {

namespace {

// Debug only: errors are returned to the caller, which says them once in its own way (the
// token commands print one line and nothing else).
Q_LOGGING_CATEGORY(lcTokens, "hb.api.tokens", QtInfoMsg)

constexpr int FormatVersion = 1;
// A change holds the lock for a few milliseconds; a lock older than this was left by a process
// that hung or died on another host, and is taken over.
constexpr int StaleLockMs = 5'000;
constexpr int LockWaitMs = 3'000;
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString tr(const char *text)
{
    return QCoreApplication::translate("hb::TokenStore", text);
}

bool validName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return pattern.match(name).hasMatch();
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QByteArray newSecret()
{
    std::array<quint32, 8> random{}; // 32 bytes
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    const QByteArray bytes(reinterpret_cast<const char *>(random.data()), 32);
    return "hb_" + bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

TokenStore::TokenStore(QString dataDir)
    : m_dataDir(std::move(dataDir))
    , m_path(m_dataDir + QStringLiteral("/tokens.json"))
{
}

QString TokenStore::path() const
{
    return m_path;
}

std::optional<Role> TokenStore::parseRole(const QString &text)
{
    for (Role role : {Role::Viewer, Role::Operator, Role::Admin}) {
        if (text == roleName(role))
            return role;
    }
    return std::nullopt;
}

bool TokenStore::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return hb::constantTimeEquals(a, b);
}

TokenStore::Stamp TokenStore::stamp() const
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

std::optional<QVector<TokenStore::Entry>> TokenStore::readFile(QString *error) const
{
    const auto fail = [&](const QString &what) -> std::optional<QVector<Entry>> {
        if (error)
            *error = m_path + u": " + what;
        return std::nullopt;
    };

    QFile file(m_path);
    if (!file.exists())
        return QVector<Entry>(); // no token created yet
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
    if (version.toInt() > FormatVersion)
        return fail(tr("written by a newer version of Heartbeat (format %1; this version reads %2)")
                        .arg(version.toInt())
                        .arg(FormatVersion));
    if (version.toInt() != FormatVersion)
        return fail(tr("version: unknown format %1").arg(version.toInt()));
    if (!root.value(u"tokens").isArray())
        return fail(tr("tokens: expected an array"));

    const QJsonArray tokens = root.value(u"tokens").toArray();
    QVector<Entry> entries;
    entries.reserve(tokens.size());
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString at = QStringLiteral("tokens[%1].").arg(i);
        const QJsonObject o = tokens.at(i).toObject();
        Entry e;
        e.info.name = o.value(u"name").toString();
        if (!validName(e.info.name))
            return fail(at + u"name: " + tr("not a valid token name"));
        const auto role = parseRole(o.value(u"role").toString());
        if (!role)
            return fail(at + u"role: " + tr("expected \"viewer\", \"operator\" or \"admin\""));
        e.info.role = *role;
        const QJsonValue created = o.value(u"created_ms");
        const QJsonValue lastUsed = o.value(u"last_used_ms");
        if (!created.isDouble() || created.toDouble() < 0)
            return fail(at + u"created_ms: " + tr("expected a time in milliseconds"));
        if (!lastUsed.isDouble() || lastUsed.toDouble() < 0)
            return fail(at + u"last_used_ms: " + tr("expected a time in milliseconds"));
        e.info.createdAtMs = created.toInteger();
        e.info.lastUsedAtMs = lastUsed.toInteger();
        const QString hex = o.value(u"sha256").toString();
        static const QRegularExpression hexPattern(QStringLiteral("^[0-9a-f]{64}$"));
        if (!hexPattern.match(hex).hasMatch())
            return fail(at + u"sha256: " + tr("expected 64 hexadecimal digits"));
        e.sha256 = QByteArray::fromHex(hex.toLatin1());
        const bool taken = std::any_of(entries.cbegin(), entries.cend(), [&](const Entry &other) {
            return other.info.name == e.info.name;
        });
        if (taken)
            return fail(at + u"name: " + tr("'%1' appears twice").arg(e.info.name));
        entries.append(e);
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.info.name < b.info.name; });
    return entries;
}

bool TokenStore::writeFile(const QVector<Entry> &entries, QString *error) const
{
    QJsonArray tokens;
    for (const Entry &e : entries) {
        tokens.append(
            QJsonObject{{QStringLiteral("name"), e.info.name},
                        {QStringLiteral("role"), roleName(e.info.role)},
                        {QStringLiteral("created_ms"), e.info.createdAtMs},
                        {QStringLiteral("last_used_ms"), e.info.lastUsedAtMs},
                        {QStringLiteral("sha256"), QString::fromLatin1(e.sha256.toHex())}});
    }
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("version"), FormatVersion},
                                                       {QStringLiteral("tokens"), tokens}})
                                 .toJson(QJsonDocument::Indented);

    const auto fail = [&](const QString &reason) {
        if (error)
            *error = m_path + u": " + tr("cannot save (%1)").arg(reason);
        return false;
    };
    // Written beside the old file and renamed over it: a crash leaves the old tokens or the new
    // ones. The copy is made the owner's alone before its first byte (QSaveFile creates a new
    // file as 0666 less the umask); it only holds hashes, but nobody else needs to read them.
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

void TokenStore::adopt(QVector<Entry> entries, const Stamp &stamp)
{
    // Uses not yet written out still count in what this instance shows.
    for (Entry &e : entries)
        e.info.lastUsedAtMs = std::max(e.info.lastUsedAtMs, m_unflushedUse.value(e.sha256, 0));
    m_entries = std::move(entries);
    m_stamp = stamp;
    m_loadError.clear();
}

bool TokenStore::reloadIfChanged(QString *error)
{
    const Stamp now = stamp();
    if (m_stamp && *m_stamp == now) {
        if (error && !m_loadError.isEmpty())
            *error = m_loadError;
        return m_loadError.isEmpty();
    }
    QString readError;
    std::optional<QVector<Entry>> entries = readFile(&readError);
    if (!entries) {
        // Keep the tokens we had: a file being repaired by hand must not lock everyone out,
        // nor let anyone in. Not read again until the file changes.
        qCDebug(lcTokens).noquote() << readError;
        m_stamp = now;
        m_loadError = readError;
        if (error)
            *error = readError;
        return false;
    }
    adopt(std::move(*entries), now);
    qCDebug(lcTokens).noquote() << "read" << m_entries.size() << "tokens from" << m_path;
    return true;
}

std::optional<TokenInfo> TokenStore::authenticate(const QByteArray &bearer)
{
    if (bearer.isEmpty())
        return std::nullopt;
    const QByteArray presented = sha256(bearer);
    // Every stored hash is compared, with no early exit, whichever matches.
    qsizetype match = -1;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (constantTimeEquals(presented, m_entries.at(i).sha256))
            match = i;
    }
    if (match < 0)
        return std::nullopt;
    Entry &entry = m_entries[match];
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    entry.info.lastUsedAtMs = std::max(entry.info.lastUsedAtMs, now);
    m_unflushedUse.insert(entry.sha256, entry.info.lastUsedAtMs);
    return entry.info;
}

bool TokenStore::flushUsage(QString *error)
{
    if (m_unflushedUse.isEmpty())
        return true;
    return modify([](QVector<Entry> &, QString *) { return true; }, error);
}

QVector<TokenInfo> TokenStore::list() const
{
    QVector<TokenInfo> infos;
    infos.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        infos.append(e.info);
    return infos;
}

bool TokenStore::modify(const Change &change, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!QFileInfo(m_dataDir).isDir())
        return fail(m_dataDir + u": " + tr("the data directory does not exist"));

    QLockFile lock(m_path + QStringLiteral(".lock"));
    lock.setStaleLockTime(StaleLockMs);
    if (!lock.tryLock(LockWaitMs)) {
        if (lock.error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host, app;
            lock.getLockInfo(&pid, &host, &app);
            return fail(m_path + u": " + tr("being changed by another process (pid %1)").arg(pid));
        }
        return fail(m_path + u": " + tr("cannot lock (the data directory is not writable)"));
    }

    // Always the file as it is now, never this instance's copy: another process may have
    // created or revoked a token since, and a mere mtime could miss it.
    QString readError;
    std::optional<QVector<Entry>> entries = readFile(&readError);
    if (!entries)
        return fail(readError); // never overwrite a file we cannot read: it holds tokens
    const QVector<Entry> before = *entries;
    if (!change(*entries, error))
        return false;

    bool changed = entries->size() != before.size();
    for (qsizetype i = 0; !changed && i < entries->size(); ++i) {
        changed = entries->at(i).info.name != before.at(i).info.name ||
                  entries->at(i).sha256 != before.at(i).sha256;
    }
    for (Entry &e : *entries) {
        const qint64 used = m_unflushedUse.value(e.sha256, 0);
        if (used > e.info.lastUsedAtMs) {
            e.info.lastUsedAtMs = used;
            changed = true;
        }
    }
    std::sort(entries->begin(), entries->end(),
              [](const Entry &a, const Entry &b) { return a.info.name < b.info.name; });
    if (changed && !writeFile(*entries, error))
        return false;
    m_unflushedUse.clear(); // written, or older than what the file holds
    adopt(std::move(*entries), stamp());
    return true;
}

std::optional<QByteArray> TokenStore::create(const QString &name, Role role, QString *error)
{
    if (!validName(name)) {
        if (error)
            *error = tr("'%1' is not a valid token name: use 1 to 64 letters, digits, '.', '_' "
                        "or '-'")
                         .arg(name);
        return std::nullopt;
    }
    const QByteArray secret = newSecret();
    const bool ok = modify(
        [&](QVector<Entry> &entries, QString *changeError) {
            for (const Entry &e : std::as_const(entries)) {
                if (e.info.name == name) {
                    if (changeError)
                        *changeError = tr("a token named '%1' already exists").arg(name);
                    return false;
                }
            }
            Entry e;
            e.info.name = name;
            e.info.role = role;
            e.info.createdAtMs = QDateTime::currentMSecsSinceEpoch();
            e.sha256 = sha256(secret);
            entries.append(e);
            return true;
        },
        error);
    if (!ok)
        return std::nullopt;
    qCDebug(lcTokens).noquote() << "created token" << name << "with role" << roleName(role);
    return secret;
}

bool TokenStore::revoke(const QString &name, QString *error)
{
    const bool ok = modify(
        [&](QVector<Entry> &entries, QString *changeError) {
            const auto removed =
                entries.removeIf([&](const Entry &e) { return e.info.name == name; });
            if (removed == 0 && changeError)
                *changeError = tr("no token named '%1'").arg(name);
            return removed > 0;
        },
        error);
    if (ok)
        qCDebug(lcTokens).noquote() << "revoked token" << name;
    return ok;
}

} // namespace hb
