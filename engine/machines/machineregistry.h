#pragma once

#include "core/namedrecords.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QVector>

#include <optional>

namespace hb {

// One registered machine as listed: never its push token, which is shown once at creation.
struct MachineEntry
{
    QString name; // unique, [A-Za-z0-9._-]{1,64}: it is a path segment of the push URL
    qint64 offlineAfterMs = 120'000; // 1 s .. 30 days
    bool paused = false;
    qint64 createdAtMs = 0;
};

// The machines of a data directory (docs/api.md, "Machines"): DATA/machines.json, mode 0600,
// holding for each machine its name, offline_after, paused flag, creation time and a SHA-256 hash
// of its push token (never the token). Tokens are 32 random bytes written as "hbm_" + base64url.
//
// Safe to use from several processes at once (the `heartbeatd machine` commands while an engine
// runs on the directory): every change is read-modify-write under DATA/machines.json.lock and
// saved atomically. The monitor calls reloadIfChanged() every second (one stat() when nothing
// changed). An instance is not thread-safe.
class MachineRegistry
{
    Q_DECLARE_TR_FUNCTIONS(hb::MachineRegistry)
public:
    explicit MachineRegistry(QString dataDir);

    QString path() const; // DATA/machines.json

    // Re-reads the file when it changed on disk. False (and `error`) when it cannot be read or is
    // corrupt: the registry keeps what it had.
    bool reloadIfChanged(QString *error = nullptr);

    QVector<MachineEntry> list() const; // by name
    std::optional<MachineEntry> find(const QString &name) const;

    // True when `token` is the push token of machine `name` (constant-time comparison).
    bool authenticate(const QString &name, const QByteArray &token) const;

    // Registers a machine and returns its push token (the only time it exists in clear). Fails
    // with a one-line error for a bad or taken name or an offline_after out of range.
    std::optional<QByteArray> add(const QString &name, qint64 offlineAfterMs, QString *error);
    bool remove(const QString &name, QString *error);
    bool setPaused(const QString &name, bool paused, QString *error);

    // "2m", "90s", "1h", "30d", "1500ms" -> milliseconds; nullopt for anything else.
    static std::optional<qint64> parseDuration(const QString &text);
    // The other way: the largest unit that says `ms` exactly ("2m", "90s", "1500ms").
    static QString durationText(qint64 ms);
    static constexpr qint64 MinOfflineAfterMs = 1'000;
    static constexpr qint64 MaxOfflineAfterMs = 30LL * 24 * 3600 * 1000;

    // For the monitor, which checks tokens on another thread against its own copy: the SHA-256
    // of each machine's push token, by name.
    QHash<QString, QByteArray> tokenHashes() const;

private:
    struct Entry
    {
        MachineEntry info;
        QByteArray sha256; // of the push token, 32 raw bytes
        const QString &name() const { return info.name; }
    };
    NamedRecords<Entry> m_records;
};

} // namespace hb
