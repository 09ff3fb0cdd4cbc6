#pragma once

#include "core/actor.h"
#include "core/namedrecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>

namespace hb {

// One API token as listed: never the secret itself, which is shown once at creation.
struct TokenInfo
{
    QString name; // unique, [A-Za-z0-9._-]{1,64}
    Role role = Role::Viewer;
    qint64 createdAtMs = 0;
    qint64 lastUsedAtMs = 0; // 0: never used
};

// The API tokens of a data directory (docs/api.md, "Tokens"): DATA/tokens.json, mode 0600,
// holding for each token its name, role, times and a SHA-256 hash of the secret (never the
// secret). Secrets are 32 random bytes from the system's generator, written as "hb_" + base64url.
//
// Safe to use from several processes at once (the `heartbeatd token` commands while an engine
// serves the directory): every change is read-modify-write under DATA/tokens.json.lock and saved
// atomically. A server calls reloadIfChanged() often (it is one stat() when nothing changed), so a
// token created or revoked elsewhere is honoured within a second.
//
// An instance is not thread-safe: use each one from one thread only (the HTTP server keeps its
// own, used by the thread that authenticates requests). Nothing is read at construction: call
// reloadIfChanged() before the first list() or authenticate().
class TokenStore
{
public:
    explicit TokenStore(QString dataDir);

    QString path() const; // DATA/tokens.json

    // Re-reads the file when it changed on disk since the last read. False (and `error`) when it
    // cannot be read or is corrupt: the store then keeps the tokens it had (none at first).
    bool reloadIfChanged(QString *error = nullptr);

    // The token whose secret is `bearer` (constant-time comparison of the hashes), if any.
    // Records the use in memory; flushUsage() writes last-used times out.
    std::optional<TokenInfo> authenticate(const QByteArray &bearer);

    // Writes the last-used times recorded since the previous flush (merged under the lock, so a
    // concurrent create or revoke is kept). Cheap when nothing was used.
    bool flushUsage(QString *error = nullptr);

    QVector<TokenInfo> list() const; // by name

    // Creates a token and returns its secret (the only time it exists in clear). Fails with a
    // one-line error for a bad or taken name.
    std::optional<QByteArray> create(const QString &name, Role role, QString *error);
    bool revoke(const QString &name, QString *error); // false: no such token, or not writable

    static std::optional<Role> parseRole(const QString &text); // "viewer" | "operator" | "admin"

    // Byte strings compared without an early exit: the time taken says nothing about where
    // they differ (their sizes are not secret).
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

private:
    struct Entry
    {
        TokenInfo info;
        QByteArray sha256; // of the secret, 32 raw bytes
        const QString &name() const { return info.name; }
    };
    // `entry` as shown: with a use not yet written out.
    TokenInfo shown(const Entry &entry) const;
    // After a change was saved: the uses it merged are written.
    bool saved(bool ok);

    QHash<QByteArray, qint64> m_unflushedUse; // hash of the secret -> last use
    NamedRecords<Entry> m_records;
};

} // namespace hb
