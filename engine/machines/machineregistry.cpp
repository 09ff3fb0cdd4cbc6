#include "machines/machineregistry.h"

#include "core/savefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>

namespace hb {

namespace {

constexpr int FormatVersion = 1;

QString tr(const char *text)
{
    return QCoreApplication::translate("hb::MachineRegistry", text);
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

bool byName(const MachineEntry &a, const MachineEntry &b)
{
    return a.name < b.name;
}

} // namespace

MachineRegistry::MachineRegistry(QString dataDir)
    : m_file(dataDir + QStringLiteral("/machines.json"), QStringLiteral("machines"), FormatVersion)
{
}

QString MachineRegistry::path() const
{
    return m_file.path();
}

std::optional<qint64> MachineRegistry::parseDuration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,12})(ms|s|m|h|d)$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 count = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    const qint64 unitMs = unit == u"ms"  ? 1
                          : unit == u"s" ? 1'000
                          : unit == u"m" ? 60'000
                          : unit == u"h" ? 3'600'000
                                         : 86'400'000;
    if (count > std::numeric_limits<qint64>::max() / unitMs)
        return std::nullopt;
    return count * unitMs;
}

std::optional<QVector<MachineRegistry::Entry>> MachineRegistry::decode(const QJsonArray &records,
                                                                       QString *error)
{
    QVector<Entry> entries;
    entries.reserve(records.size());
    QSet<QString> names;
    for (qsizetype i = 0; i < records.size(); ++i) {
        JsonRecordReader record(records.at(i), QStringLiteral("machines[%1]").arg(i));
        Entry e;
        e.info.name = record.name(u"name");
        e.info.offlineAfterMs =
            record.milliseconds(u"offline_after_ms", MinOfflineAfterMs, MaxOfflineAfterMs);
        e.info.paused = record.flag(u"paused");
        e.info.createdAtMs = record.milliseconds(u"created_ms");
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
              [](const Entry &a, const Entry &b) { return byName(a.info, b.info); });
    return entries;
}

QJsonArray MachineRegistry::encode(const QVector<Entry> &entries)
{
    QJsonArray machines;
    for (const Entry &e : entries) {
        machines.append(
            QJsonObject{{QStringLiteral("name"), e.info.name},
                        {QStringLiteral("offline_after_ms"), e.info.offlineAfterMs},
                        {QStringLiteral("paused"), e.info.paused},
                        {QStringLiteral("created_ms"), e.info.createdAtMs},
                        {QStringLiteral("sha256"), QString::fromLatin1(e.sha256.toHex())}});
    }
    return machines;
}

bool MachineRegistry::reloadIfChanged(QString *error)
{
    return m_file.reloadIfChanged(
        [this](const QJsonArray &records, QString *decodeError) {
            std::optional<QVector<Entry>> entries = decode(records, decodeError);
            if (entries)
                m_entries = std::move(*entries);
            return entries.has_value();
        },
        error);
}

bool MachineRegistry::modify(const Change &change, QString *error)
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
            std::sort(entries->begin(), entries->end(),
                      [](const Entry &a, const Entry &b) { return byName(a.info, b.info); });
            records = encode(*entries);
            return true;
        },
        error);
    if (ok)
        m_entries = std::move(*entries);
    return ok;
}

const MachineRegistry::Entry *MachineRegistry::entry(const QString &name) const
{
    const auto it = std::lower_bound(
        m_entries.cbegin(), m_entries.cend(), name,
        [](const Entry &e, const QString &wanted) { return e.info.name < wanted; });
    return it != m_entries.cend() && it->info.name == name ? &*it : nullptr;
}

QVector<MachineEntry> MachineRegistry::list() const
{
    QVector<MachineEntry> infos;
    infos.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        infos.append(e.info);
    return infos;
}

std::optional<MachineEntry> MachineRegistry::find(const QString &name) const
{
    const Entry *e = entry(name);
    return e ? std::optional<MachineEntry>(e->info) : std::nullopt;
}

QHash<QString, QByteArray> MachineRegistry::tokenHashes() const
{
    QHash<QString, QByteArray> hashes;
    hashes.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        hashes.insert(e.info.name, e.sha256);
    return hashes;
}

bool MachineRegistry::authenticate(const QString &name, const QByteArray &token) const
{
    const Entry *e = entry(name);
    // The presented token is hashed even for an unknown machine: the time taken says nothing
    // about which names exist beyond what a 404 says anyway.
    const QByteArray presented = SharedJsonFile::sha256(token);
    return e && !token.isEmpty() && constantTimeEquals(presented, e->sha256);
}

std::optional<QByteArray> MachineRegistry::add(const QString &name, qint64 offlineAfterMs,
                                               QString *error)
{
    if (!SharedJsonFile::validName(name)) {
        setError(error, tr("'%1' is not a valid machine name: use 1 to 64 letters, digits, '.', "
                           "'_' or '-'")
                            .arg(name));
        return std::nullopt;
    }
    if (offlineAfterMs < MinOfflineAfterMs || offlineAfterMs > MaxOfflineAfterMs) {
        setError(error, tr("offline-after must be from 1s to 30d"));
        return std::nullopt;
    }
    const QByteArray token = SharedJsonFile::newSecret("hbm_");
    const bool ok = modify(
        [&](QVector<Entry> &entries, QString *changeError) {
            const bool taken = std::any_of(entries.cbegin(), entries.cend(),
                                           [&](const Entry &e) { return e.info.name == name; });
            if (taken) {
                setError(changeError, tr("a machine named '%1' already exists").arg(name));
                return false;
            }
            Entry e;
            e.info.name = name;
            e.info.offlineAfterMs = offlineAfterMs;
            e.info.createdAtMs = QDateTime::currentMSecsSinceEpoch();
            e.sha256 = SharedJsonFile::sha256(token);
            entries.append(e);
            return true;
        },
        error);
    return ok ? std::optional<QByteArray>(token) : std::nullopt;
}

bool MachineRegistry::remove(const QString &name, QString *error)
{
    return modify(
        [&](QVector<Entry> &entries, QString *changeError) {
            const auto removed =
                entries.removeIf([&](const Entry &e) { return e.info.name == name; });
            if (removed == 0)
                setError(changeError, tr("no machine named '%1'").arg(name));
            return removed > 0;
        },
        error);
}

bool MachineRegistry::setPaused(const QString &name, bool paused, QString *error)
{
    return modify(
        [&](QVector<Entry> &entries, QString *changeError) {
            for (Entry &e : entries) {
                if (e.info.name == name) {
                    e.info.paused = paused;
                    return true;
                }
            }
            setError(changeError, tr("no machine named '%1'").arg(name));
            return false;
        },
        error);
}

} // namespace hb
