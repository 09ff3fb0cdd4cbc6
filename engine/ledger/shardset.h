#pragma once

// The open shard files of one ledger directory, by shard id. Creates, opens, closes and removes
// shard-NNNN.db files; knows nothing about rings. Not thread-safe: the ledger's lock guards it.

#include "ledger/shard.h"

#include <QString>
#include <QVector>

#include <functional>
#include <map>
#include <memory>

namespace hb {

class ShardSet
{
public:
    explicit ShardSet(const QString &directory);

    QString pathOf(int id) const;
    bool hasFile(int id) const;

    // Opens the shard (creating an empty one when the file is missing); returns the open one if
    // it is already open.
    Shard &open(int id);
    // New, empty shards, opened: each file is built whole (Shard::createFile), then the folder
    // is synced once for all of them. A leftover file of one of those names, which no catalog
    // lists, is removed first. Several files are built and opened at once (on threads of its
    // own, joined before it returns); on failure the ones that opened stay open.
    void create(const QVector<int> &ids);
    Shard *find(int id);
    // The open shard `id`; StoreError naming its file if it is not open.
    Shard &at(int id);
    // work(shard) for each of the open shards `ids`, several at once (on threads of its own,
    // joined before it returns; each shard is used by one thread at a time). After a failure
    // no further shard starts; the first exception is rethrown.
    void runConcurrently(const QVector<int> &ids, const std::function<void(Shard &)> &work);
    // Closes the shard and deletes its files.
    void remove(int id);

    // Shard::setPowerSafe() for every open shard and every shard opened from now on.
    void setPowerSafe(bool on);

    QVector<int> openIds() const;
    qint64 bytesOnDisk() const; // of the open shards

private:
    QString m_directory;
    std::map<int, std::unique_ptr<Shard>> m_shards;
    bool m_powerSafe = false;
};

} // namespace hb
