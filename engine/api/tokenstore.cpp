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
    : m_dataDir(std::move(dataDir))
    , m_file(m_dataDir + QStringLiteral("/tokens.json"), QStringLiteral("tokens"), FormatVersion)
{
}

QString TokenStore::path() const
{
    return m_file.path();
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

std::optional<QVector<TokenStore::Entry>> TokenStore::decode(const QJsonArray &records,
                                                             QString *error)
{
    QVector<Entry> entries;
    entries.reserve(records.size());
    QSet<QString> names;
    for (qsizetype i = 0; i < records.size(); ++i) {
        JsonRecordReader record(records.at(i), QStringLiteral("tokens[%1]").arg(i));
        Entry e;
        e.info.name = record.name(u"name");
        const auto role = parseRole(record.text(u"role"));
        if (!role)
            record.fail(u"role", tr("expected \"viewer\", \"operator\" or \"admin\""));
        e.info.role = role.value_or(Role::Viewer);
        e.info.createdAtMs = record.milliseconds(u"created_ms");
        e.info.lastUsedAtMs = record.milliseconds(u"last_used_ms");
        e.sha256 = record.sha256(u"sha256");
        if (record.ok() && names.contains(e.info.name))
            record.fail(u"name", tr("'%1' appears twice").arg(e.info.name));
        if (!record.ok()) {
            *error = record.error();
            return std::nullopt;
        }
        names.insert(e.info.name);
        entries.append(e);
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.info.name < b.info.name; });
    return entries;
}

QJsonArray TokenStore::encode(const QVector<Entry> &entries)
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
    return tokens;
}

void TokenStore::adopt(QVector<Entry> entries)
{
    // Uses not yet written out still count in what this instance shows.
    for (Entry &e : entries)
        e.info.lastUsedAtMs = std::max(e.info.lastUsedAtMs, m_unflushedUse.value(e.sha256, 0));
    m_entries = std::move(entries);
}

bool TokenStore::reloadIfChanged(QString *error)
{
    return m_file.reloadIfChanged(
        [this](const QJsonArray &records, QString *decodeError) {
            std::optional<QVector<Entry>> entries = decode(records, decodeError);
            if (!entries)
                return false;
            adopt(std::move(*entries));
            qCDebug(lcTokens).noquote() << "read" << m_entries.size() << "tokens from" << path();
            return true;
        },
        error);
}

std::optional<TokenInfo> TokenStore::authenticate(const QByteArray &bearer)
{
    if (bearer.isEmpty())
        return std::nullopt;
    const QByteArray presented = SharedJsonFile::sha256(bearer);
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
    std::optional<QVector<Entry>> entries;
    const bool ok = m_file.modify(
        [&entries](const QJsonArray &records, QString *decodeError) {
            entries = decode(records, decodeError);
            return entries.has_value();
        },
        [&](QJsonArray &records, QString *changeError) {
            if (!change(*entries, changeError))
                return false;
            for (Entry &e : *entries)
                e.info.lastUsedAtMs =
                    std::max(e.info.lastUsedAtMs, m_unflushedUse.value(e.sha256, 0));
            std::sort(entries->begin(), entries->end(),
                      [](const Entry &a, const Entry &b) { return a.info.name < b.info.name; });
            records = encode(*entries);
            return true;
        },
        error);
    if (!ok)
        return false;
    m_unflushedUse.clear(); // written, or older than what the file holds
    adopt(std::move(*entries));
    return true;
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
            e.sha256 = SharedJsonFile::sha256(secret);
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
