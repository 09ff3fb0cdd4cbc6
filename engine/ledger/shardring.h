#pragma once

// Consistent hashing of loan ids onto shards. Each shard owns `virtualNodes` points on a 64-bit
// ring (the stable hash of "shard-<id>#<n>"); a key belongs to the first point at or after its
// own hash, wrapping around. Adding a shard therefore only takes keys over from the others
// (about 1/(n+1) of them), and removing one only hands its own keys out.
//
// A value type: cheap to copy (a sorted vector), immutable once built, safe to share between
// threads for reading.

#include <QStringView>
#include <QVector>

#include <vector>

namespace hb {

class ShardRing
{
public:
    static constexpr int kDefaultVirtualNodes = 128;

    explicit ShardRing(int virtualNodes = kDefaultVirtualNodes);
    ShardRing(const QVector<int> &shards, int virtualNodes = kDefaultVirtualNodes);

    void addShard(int shard);
    void removeShard(int shard);

    // The owner of `key`; -1 when the ring is empty. Independent of the order shards were added.
    int ownerOf(QStringView key) const;
    int ownerOfHash(quint64 hash) const;

    QVector<int> shards() const { return m_shards; } // ascending
    bool contains(int shard) const;
    int size() const { return int(m_shards.size()); }
    bool isEmpty() const { return m_shards.isEmpty(); }
    int virtualNodes() const { return m_virtualNodes; }

    bool operator==(const ShardRing &other) const
    {
        return m_virtualNodes == other.m_virtualNodes && m_shards == other.m_shards;
    }
    bool operator!=(const ShardRing &other) const { return !(*this == other); }

private:
    struct Point
    {
        quint64 hash;
        int shard;
    };
    void rebuild();

    int m_virtualNodes;
    QVector<int> m_shards;
    std::vector<Point> m_points; // sorted by (hash, shard)
};

} // namespace hb
