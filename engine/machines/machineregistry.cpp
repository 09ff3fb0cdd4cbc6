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

MachineRegistry::MachineRegistry(QString dataDir)
    : m_records(dataDir + QStringLiteral("/machines.json"),
                {QStringLiteral("machines"), /* format version */ 1,
                 [](JsonRecordReader &record) {
                     Entry e;
                     e.info.name = record.name(u"name");
                     e.info.offlineAfterMs = record.milliseconds(
                         u"offline_after_ms", MinOfflineAfterMs, MaxOfflineAfterMs);
                     e.info.paused = record.flag(u"paused");
                     e.info.createdAtMs = record.milliseconds(u"created_ms");
                     e.sha256 = record.sha256(u"sha256");
                     return e;
                 },
                 [](const Entry &e) {
                     QJsonObject record;
                     record[u"name"] = e.info.name;
                     record[u"offline_after_ms"] = e.info.offlineAfterMs;
                     record[u"paused"] = e.info.paused;
                     record[u"created_ms"] = e.info.createdAtMs;
                     record[u"sha256"] = QString::fromLatin1(e.sha256.toHex());
                     return record;
                 }})
{
}

QString MachineRegistry::path() const
{
    return m_records.path();
}

QString MachineRegistry::durationText(qint64 ms)
{
    const std::pair<qint64, const char *> units[] = {
        {86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1'000, "s"}};
    for (const auto &[unitMs, unit] : units) {
        if (ms > 0 && ms % unitMs == 0)
            return QString::number(ms / unitMs) + QLatin1String(unit);
    }
    return QString::number(ms) + u"ms";
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

bool MachineRegistry::reloadIfChanged(QString *error)
{
    return m_records.reloadIfChanged(error);
}

QVector<MachineEntry> MachineRegistry::list() const
{
    QVector<MachineEntry> infos;
    infos.reserve(m_records.entries().size());
    for (const Entry &e : m_records.entries())
        infos.append(e.info);
    return infos;
}

std::optional<MachineEntry> MachineRegistry::find(const QString &name) const
{
    const Entry *e = m_records.find(name);
    return e ? std::optional<MachineEntry>(e->info) : std::nullopt;
}

QHash<QString, QByteArray> MachineRegistry::tokenHashes() const
{
    QHash<QString, QByteArray> hashes;
    hashes.reserve(m_records.entries().size());
    for (const Entry &e : m_records.entries())
        hashes.insert(e.info.name, e.sha256);
    return hashes;
}

bool MachineRegistry::authenticate(const QString &name, const QByteArray &token) const
{
    const Entry *e = m_records.find(name);
    // The presented token is hashed even for an unknown machine: the time taken says nothing
    // about which names exist beyond what a 404 says anyway.
    const QByteArray presented = SharedJsonFile::sha256(token);
    return e && !token.isEmpty() && constantTimeEquals(presented, e->sha256);
}

std::optional<QByteArray> MachineRegistry::add(const QString &name, qint64 offlineAfterMs,
                                               QString *error)
{
    const auto refuse = [error](const QString &why) -> std::optional<QByteArray> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!SharedJsonFile::validName(name))
        return refuse(tr("'%1' is not a valid machine name: use 1 to 64 letters, digits, '.', "
                         "'_' or '-'")
                          .arg(name));
    if (offlineAfterMs < MinOfflineAfterMs || offlineAfterMs > MaxOfflineAfterMs)
        return refuse(tr("offline-after must be from 1s to 30d"));
    const QByteArray token = SharedJsonFile::newSecret("hbm_");
    const MachineEntry info{name, offlineAfterMs, false, QDateTime::currentMSecsSinceEpoch()};
    if (!m_records.insert({info, SharedJsonFile::sha256(token)},
                          tr("a machine named '%1' already exists").arg(name), error))
        return std::nullopt;
    return token;
}

bool MachineRegistry::remove(const QString &name, QString *error)
{
    return m_records.erase(name, tr("no machine named '%1'").arg(name), error);
}

bool MachineRegistry::setPaused(const QString &name, bool paused, QString *error)
{
    return m_records.update(
        name, [paused](Entry &e) { e.info.paused = paused; }, tr("no machine named '%1'").arg(name),
        error);
}

} // namespace hb
