#include "ledger/shardring.h"

#include "ledger/stablehash.h"

#include <QByteArray>

#include <algorithm>
#include <stdexcept>

namespace hb {

ShardRing::ShardRing(int virtualNodes)
    : m_virtualNodes(virtualNodes)
{
    if (virtualNodes < 1)
        throw std::invalid_argument("ShardRing needs at least one virtual node per shard");
}

ShardRing::ShardRing(const QVector<int> &shards, int virtualNodes)
    : ShardRing(virtualNodes)
{
    m_shards = shards;
    std::sort(m_shards.begin(), m_shards.end());
    m_shards.erase(std::unique(m_shards.begin(), m_shards.end()), m_shards.end());
    rebuild();
}

void ShardRing::addShard(int shard)
{
    if (contains(shard))
        return;
    m_shards.insert(std::lower_bound(m_shards.begin(), m_shards.end(), shard), shard);
    rebuild();
}

void ShardRing::removeShard(int shard)
{
    if (m_shards.removeOne(shard))
        rebuild();
}

bool ShardRing::contains(int shard) const
{
    return std::binary_search(m_shards.begin(), m_shards.end(), shard);
}

void ShardRing::rebuild()
{
    m_points.clear();
    m_points.reserve(size_t(m_shards.size()) * size_t(m_virtualNodes));
    for (const int shard : std::as_const(m_shards)) {
        const QByteArray prefix = "shard-" + QByteArray::number(shard) + '#';
        for (int v = 0; v < m_virtualNodes; ++v) {
            const QByteArray name = prefix + QByteArray::number(v);
            m_points.push_back({stableHash64(QByteArrayView(name)), shard});
        }
    }
    // Ties (astronomically rare) are broken by shard id so the order never depends on insertion.
    std::sort(m_points.begin(), m_points.end(), [](const Point &a, const Point &b) {
        return a.hash != b.hash ? a.hash < b.hash : a.shard < b.shard;
    });
}

int ShardRing::ownerOf(QStringView key) const
{
    return ownerOfHash(stableHash64(key));
}

int ShardRing::ownerOfHash(quint64 hash) const
{
    if (m_points.empty())
        return -1;
    const auto it = std::lower_bound(m_points.begin(), m_points.end(), hash,
                                     [](const Point &p, quint64 h) { return p.hash < h; });
    return it == m_points.end() ? m_points.front().shard : it->shard;
}

} // namespace hb
