#pragma once

// The router's cache of loan id -> shard. Entries live `ttlMs` from when they were cached (a
// hit does not extend them) and at most `capacity` are kept, the least recently used going
// first. Cleared whenever a migration changes the ring. Not thread-safe: the ledger's lock
// guards it.
//
// With the embedded SQLite backend placement is a pure function of the ring, so the cache only
// saves a ring lookup; it is the seam where a remote directory lookup (Citus metadata, another
// machine) would be cached without changing callers.

#include <QHash>
#include <QString>

#include <list>
#include <optional>

namespace hb {

class Clock;

class LookupCache
{
public:
    static constexpr qint64 kDefaultTtlMs = 300'000;
    static constexpr int kDefaultCapacity = 1000;

    explicit LookupCache(const Clock &clock, qint64 ttlMs = kDefaultTtlMs,
                         int capacity = kDefaultCapacity);

    // The cached shard, or nothing when absent or expired (an expired entry is dropped).
    std::optional<int> find(const QString &key);
    void insert(const QString &key, int shard);
    void clear();

    int size() const { return int(m_index.size()); }
    int capacity() const { return m_capacity; }
    qint64 ttlMs() const { return m_ttlMs; }
    qint64 hits() const { return m_hits; }
    qint64 misses() const { return m_misses; }

private:
    struct Entry
    {
        QString key;
        int shard;
        qint64 expiresAtMs;
    };
    using List = std::list<Entry>; // most recently used first

    const Clock &m_clock;
    qint64 m_ttlMs;
    int m_capacity;
    List m_lru;
    QHash<QString, List::iterator> m_index;
    qint64 m_hits = 0;
    qint64 m_misses = 0;
};

} // namespace hb
