#pragma once

// Which shard a loan id goes to, and whether that shard may be used right now.
//   route(id): the ring's owner, through a lookup cache (TTL, bounded, cleared by setRing()).
//   call(shard, file, op): runs one operation on a shard through that shard's circuit breaker;
//   while the breaker is open the call fails at once with a StoreError naming the file.
// Not thread-safe: the ledger's lock guards it.

#include "core/records.h"
#include "ledger/ledgerfile.h"
#include "ledger/lookupcache.h"
#include "ledger/shardbreaker.h"
#include "ledger/shardring.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <type_traits>

namespace hb {

class Clock;

struct RouterPolicy
{
    qint64 cacheTtlMs = LookupCache::kDefaultTtlMs;
    int cacheCapacity = LookupCache::kDefaultCapacity;
    ShardBreakerPolicy breaker;
};

class ShardRouter
{
public:
    ShardRouter(const Clock &clock, const ShardRing &ring, RouterPolicy policy = {});

    const ShardRing &ring() const { return m_ring; }
    // A migration switched the ring: cached routes are dropped, and the breakers of shards that
    // left with them.
    void setRing(const ShardRing &ring);

    int route(const QString &loanId);

    template<typename Op> auto call(int shard, const QString &file, Op &&op) -> decltype(op())
    {
        admit(shard, file);
        try {
            if constexpr (std::is_void_v<decltype(op())>) {
                op();
                succeeded(shard);
            } else {
                auto result = op();
                succeeded(shard);
                return result;
            }
        } catch (const LoanConflictError &) {
            succeeded(shard);
            throw;
        } catch (const StoreError &) {
            failed(shard);
            throw;
        } catch (...) {
            abandoned(shard);
            throw;
        }
    }

    ShardBreakerStatus breakerStatus(int shard) const;
    QVector<ShardBreakerStatus> breakers() const; // every shard of the ring, ascending
    const LookupCache &cache() const { return m_cache; }

private:
    void admit(int shard, const QString &file);
    void succeeded(int shard);
    void failed(int shard);
    void abandoned(int shard);
    ShardBreaker &breaker(int shard);

    const Clock &m_clock;
    RouterPolicy m_policy;
    ShardRing m_ring;
    LookupCache m_cache;
    QHash<int, ShardBreaker> m_breakers;
};

} // namespace hb
