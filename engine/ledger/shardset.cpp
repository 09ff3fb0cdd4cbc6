#include "ledger/shardset.h"

#include "ledger/ledgerfile.h"
#include "ledger/ledgerlogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hb {

namespace {

// Creating a shard, or committing a migration's copies to it, is mostly waiting for the disk:
// a built file is synced before its rename, the first commit of a new WAL syncs the WAL header
// and the folder, a power-safe commit syncs the WAL. Files are independent, so several are
// worked on at once; the disk merges concurrent flushes, which one after another cost a flush
// each (about 100 shards on a first load).
constexpr qsizetype kDiskThreads = 8;

// Runs work(i) for every i in [0, count) on up to kDiskThreads threads (the caller's among
// them). After a failure no further item starts; the first exception is rethrown once all
// threads have stopped.
void forEachConcurrently(qsizetype count, const std::function<void(qsizetype)> &work)
{
    std::atomic<qsizetype> next{0};
    std::atomic<bool> stop{false};
    std::mutex failedMutex;
    std::exception_ptr failed;
    const auto drain = [&] {
        for (qsizetype i = next++; i < count && !stop; i = next++) {
            try {
                work(i);
            } catch (...) {
                const std::lock_guard lock(failedMutex);
                if (!failed)
                    failed = std::current_exception();
                stop = true;
            }
        }
    };
    std::vector<std::thread> helpers;
    for (qsizetype t = 1; t < std::min(count, kDiskThreads); ++t)
        helpers.emplace_back(drain);
    drain();
    for (std::thread &helper : helpers)
        helper.join();
    if (failed)
        std::rethrow_exception(failed);
}

} // namespace

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
    for (const int id : ids)
        m_shards.erase(id);
    forEachConcurrently(ids.size(), [&](qsizetype i) {
        const QString path = pathOf(ids.at(i));
        if (QFileInfo::exists(path)) {
            qCWarning(lcLedger) << "replacing" << path << "which catalog.db does not list";
            ledgerfile::removeDatabaseFiles(path);
        }
        Shard::createFile(path);
    });
    ledgerfile::syncDirectory(m_directory);
    std::vector<std::unique_ptr<Shard>> opened(size_t(ids.size()));
    const auto keepOpened = [&] { // the ones that did open, also when another one failed
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (opened[size_t(i)])
                m_shards[ids.at(i)] = std::move(opened[size_t(i)]);
        }
    };
    try {
        forEachConcurrently(ids.size(), [&](qsizetype i) {
            auto shard = std::make_unique<Shard>(ids.at(i), pathOf(ids.at(i)));
            if (m_powerSafe)
                shard->setPowerSafe(true);
            opened[size_t(i)] = std::move(shard);
        });
    } catch (...) {
        keepOpened();
        throw;
    }
    keepOpened();
}

void ShardSet::runConcurrently(const QVector<int> &ids, const std::function<void(Shard &)> &work)
{
    QVector<Shard *> shards;
    for (const int id : ids)
        shards.append(&at(id));
    forEachConcurrently(shards.size(), [&](qsizetype i) { work(*shards.at(i)); });
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
