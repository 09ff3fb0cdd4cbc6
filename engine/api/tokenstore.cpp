#include "tokenstore.h"

#include "core/savefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>

namespace hb {

namespace {

// Debug only: errors are returned to the caller, which says them once in its own way (the
// token commands print one line and nothing else).
Q_LOGGING_CATEGORY(lcTokens, "hb.api.tokens", QtInfoMsg)

constexpr int FormatVersion = 1;

QString tr(const char *text)
{
    return QCoreApplication::translate("hb::TokenStore", text);
}

} // namespace

TokenStore::TokenStore(QString dataDir)
    : m_records(dataDir + QStringLiteral("/tokens.json"),
                {QStringLiteral("tokens"), FormatVersion,
                 [](JsonRecordReader &record) {
                     Entry e;
                     e.info.name = record.name(u"name");
                     const auto role = parseRole(record.text(u"role"));
                     if (!role)
                         record.fail(u"role", tr("expected \"viewer\", \"operator\" or \"admin\""));
                     e.info.role = role.value_or(Role::Viewer);
                     e.info.createdAtMs = record.milliseconds(u"created_ms");
                     e.info.lastUsedAtMs = record.milliseconds(u"last_used_ms");
                     e.sha256 = record.sha256(u"sha256");
                     return e;
                 },
                 [](const Entry &e) {
                     return QJsonObject{
                         {QStringLiteral("name"), e.info.name},
                         {QStringLiteral("role"), roleName(e.info.role)},
                         {QStringLiteral("created_ms"), e.info.createdAtMs},
                         {QStringLiteral("last_used_ms"), e.info.lastUsedAtMs},
                         {QStringLiteral("sha256"), QString::fromLatin1(e.sha256.toHex())}};
                 },
                 // Every save writes out the uses recorded here since the last one.
                 [this](QVector<Entry> &entries) {
                     for (Entry &e : entries)
                         e.info.lastUsedAtMs = shown(e).lastUsedAtMs;
                 }})
{
}

QString TokenStore::path() const
{
    return m_records.path();
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

TokenInfo TokenStore::shown(const Entry &entry) const
{
    TokenInfo info = entry.info;
    info.lastUsedAtMs = std::max(info.lastUsedAtMs, m_unflushedUse.value(entry.sha256, 0));
    return info;
}

bool TokenStore::saved(bool ok)
{
    if (ok)
        m_unflushedUse.clear(); // written, or older than what the file holds
    return ok;
}

bool TokenStore::reloadIfChanged(QString *error)
{
    const bool ok = m_records.reloadIfChanged(error);
    if (ok)
        qCDebug(lcTokens).noquote()
            << "read" << m_records.entries().size() << "tokens from" << path();
    return ok;
}

std::optional<TokenInfo> TokenStore::authenticate(const QByteArray &bearer)
{
    if (bearer.isEmpty())
        return std::nullopt;
    const QByteArray presented = SharedJsonFile::sha256(bearer);
    // Every stored hash is compared, with no early exit, whichever matches.
    const Entry *match = nullptr;
    for (const Entry &e : m_records.entries()) {
        if (constantTimeEquals(presented, e.sha256))
            match = &e;
    }
    if (!match)
        return std::nullopt;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_unflushedUse.insert(match->sha256, std::max(shown(*match).lastUsedAtMs, now));
    return shown(*match);
}

bool TokenStore::flushUsage(QString *error)
{
    if (m_unflushedUse.isEmpty())
        return true;
    return saved(m_records.modify([](QVector<Entry> &, QString *) { return true; }, error));
}

QVector<TokenInfo> TokenStore::list() const
{
    QVector<TokenInfo> infos;
    infos.reserve(m_records.entries().size());
    for (const Entry &e : m_records.entries())
        infos.append(shown(e));
    return infos;
}

std::optional<QByteArray> TokenStore::create(const QString &name, Role role, QString *error)
{
    if (!SharedJsonFile::validName(name)) {
        if (error)
            *error = tr("'%1' is not a valid token name: use 1 to 64 letters, digits, '.', '_' "
                        "or '-'")
                         .arg(name);
        return std::nullopt;
    }
    const QByteArray secret = SharedJsonFile::newSecret("hb_");
    Entry e;
    e.info.name = name;
    e.info.role = role;
    e.info.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    e.sha256 = SharedJsonFile::sha256(secret);
    if (!saved(m_records.insert(e, tr("a token named '%1' already exists").arg(name), error)))
        return std::nullopt;
    qCDebug(lcTokens).noquote() << "created token" << name << "with role" << roleName(role);
    return secret;
}

bool TokenStore::revoke(const QString &name, QString *error)
{
    const bool ok = saved(m_records.erase(name, tr("no token named '%1'").arg(name), error));
    if (ok)
        qCDebug(lcTokens).noquote() << "revoked token" << name;
    return ok;
}

} // namespace hb
