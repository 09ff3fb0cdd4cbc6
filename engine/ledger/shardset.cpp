#include "ledger/shardset.h"

#include "ledger/ledgerfile.h"
#include "ledger/ledgerlogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace hb {

ShardSet::ShardSet(const QString &directory)
    : m_directory(directory)
{
}

QString ShardSet::pathOf(int id) const
{
    return QDir(m_directory).filePath(Shard::fileName(id));
}

bool ShardSet::hasFile(int id) const
{
    return QFileInfo::exists(pathOf(id));
}

Shard &ShardSet::open(int id)
{
    std::unique_ptr<Shard> &slot = m_shards[id];
    if (!slot) {
        try {
            slot = std::make_unique<Shard>(id, pathOf(id));
            if (m_powerSafe)
                slot->setPowerSafe(true);
        } catch (...) {
            m_shards.erase(id);
            throw;
        }
    }
    return *slot;
}

void ShardSet::create(const QVector<int> &ids)
{
    if (ids.isEmpty())
        return;
    for (const int id : ids) {
        m_shards.erase(id);
        const QString path = pathOf(id);
        if (QFileInfo::exists(path)) {
            qCWarning(lcLedger) << "replacing" << path << "which catalog.db does not list";
            ledgerfile::removeDatabaseFiles(path);
        }
        Shard::createFile(path);
    }
    ledgerfile::syncDirectory(m_directory);
    for (const int id : ids)
        open(id);
}

Shard *ShardSet::find(int id)
{
    const auto it = m_shards.find(id);
    return it == m_shards.end() ? nullptr : it->second.get();
}

Shard &ShardSet::at(int id)
{
    if (Shard *shard = find(id))
        return *shard;
    throw StoreError(pathOf(id) + u": " +
                     QCoreApplication::translate("hb::Ledger", "shard is not open"));
}

void ShardSet::remove(int id)
{
    m_shards.erase(id); // closes the connection before its files go
    ledgerfile::removeDatabaseFiles(pathOf(id));
}

void ShardSet::setPowerSafe(bool on)
{
    m_powerSafe = on;
    for (const auto &entry : m_shards)
        entry.second->setPowerSafe(on);
}

QVector<int> ShardSet::openIds() const
{
    QVector<int> ids;
    for (const auto &entry : m_shards)
        ids.append(entry.first);
    return ids;
}

qint64 ShardSet::bytesOnDisk() const
{
    qint64 total = 0;
    for (const auto &entry : m_shards)
        total += entry.second->bytesOnDisk();
    return total;
}

} // namespace hb
