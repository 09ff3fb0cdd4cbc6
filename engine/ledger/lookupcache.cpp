#include "ledger/lookupcache.h"

#include "core/clock.h"

#include <stdexcept>

namespace hb {

LookupCache::LookupCache(const Clock &clock, qint64 ttlMs, int capacity)
    : m_clock(clock)
    , m_ttlMs(ttlMs)
    , m_capacity(capacity)
{
    if (capacity < 1 || ttlMs < 1)
        throw std::invalid_argument("LookupCache needs a positive capacity and TTL");
    m_index.reserve(capacity);
}

std::optional<int> LookupCache::find(const QString &key)
{
    const auto found = m_index.constFind(key);
    if (found == m_index.constEnd()) {
        ++m_misses;
        return std::nullopt;
    }
    const List::iterator entry = found.value();
    if (m_clock.nowMs() >= entry->expiresAtMs) {
        m_lru.erase(entry);
        m_index.erase(found);
        ++m_misses;
        return std::nullopt;
    }
    m_lru.splice(m_lru.begin(), m_lru, entry);
    ++m_hits;
    return entry->shard;
}

void LookupCache::insert(const QString &key, int shard)
{
    const qint64 expires = m_clock.nowMs() + m_ttlMs;
    const auto found = m_index.constFind(key);
    if (found != m_index.constEnd()) {
        const List::iterator entry = found.value();
        entry->shard = shard;
        entry->expiresAtMs = expires;
        m_lru.splice(m_lru.begin(), m_lru, entry);
        return;
    }
    if (int(m_index.size()) >= m_capacity) {
        m_index.remove(m_lru.back().key);
        m_lru.pop_back();
    }
    m_lru.push_front({key, shard, expires});
    m_index.insert(key, m_lru.begin());
}

void LookupCache::clear()
{
    m_index.clear();
    m_lru.clear();
}

} // namespace hb
