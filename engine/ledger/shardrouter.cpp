#include "ledger/shardrouter.h"

#include "core/clock.h"
#include "ledger/ledgerlogging.h"

#include <QCoreApplication>

namespace hb {

ShardRouter::ShardRouter(const Clock &clock, const ShardRing &ring, RouterPolicy policy)
    : m_clock(clock)
    , m_policy(policy)
    , m_ring(ring)
    , m_cache(clock, policy.cacheTtlMs, policy.cacheCapacity)
{
    ShardBreaker validated(policy.breaker); // throws on a nonsensical policy now, not later
    Q_UNUSED(validated);
}

void ShardRouter::setRing(const ShardRing &ring)
{
    m_ring = ring;
    m_cache.clear();
    for (auto it = m_breakers.begin(); it != m_breakers.end();) {
        if (ring.contains(it.key()))
            ++it;
        else
            it = m_breakers.erase(it);
    }
}

int ShardRouter::route(const QString &loanId)
{
    if (const std::optional<int> cached = m_cache.find(loanId))
        return *cached;
    const int shard = m_ring.ownerOf(loanId);
    m_cache.insert(loanId, shard);
    return shard;
}

ShardBreaker &ShardRouter::breaker(int shard)
{
    auto it = m_breakers.find(shard);
    if (it == m_breakers.end())
        it = m_breakers.insert(shard, ShardBreaker(m_policy.breaker));
    return it.value();
}

void ShardRouter::admit(int shard, const QString &file)
{
    ShardBreaker &b = breaker(shard);
    const qint64 now = m_clock.nowMs();
    if (b.tryAcquire(now))
        return;
    const qint64 waitS = std::max<qint64>(0, (b.retryAtMs() - now + 999) / 1000);
    throw StoreError(file + u": " +
                     QCoreApplication::translate("hb::Ledger",
                                                 "shard unavailable after %1 consecutive "
                                                 "failures; next try in %2 s")
                         .arg(b.consecutiveFailures())
                         .arg(waitS));
}

void ShardRouter::succeeded(int shard)
{
    ShardBreaker &b = breaker(shard);
    if (b.state() != BreakerState::Closed)
        qCInfo(lcLedger) << "shard" << shard << "answers again; breaker closed";
    b.recordSuccess();
}

void ShardRouter::failed(int shard)
{
    ShardBreaker &b = breaker(shard);
    const BreakerState before = b.state();
    b.recordFailure(m_clock.nowMs());
    if (before != BreakerState::Open && b.state() == BreakerState::Open)
        qCWarning(lcLedger) << "shard" << shard << "failed" << b.consecutiveFailures()
                            << "times in a row; breaker open for" << b.policy().recoveryMs << "ms";
}

void ShardRouter::abandoned(int shard)
{
    breaker(shard).abandon();
}

ShardBreakerStatus ShardRouter::breakerStatus(int shard) const
{
    ShardBreakerStatus status;
    status.shard = shard;
    const auto it = m_breakers.constFind(shard);
    if (it != m_breakers.constEnd()) {
        status.state = it->state();
        status.consecutiveFailures = it->consecutiveFailures();
        status.openedAtMs = it->openedAtMs();
    }
    return status;
}

QVector<ShardBreakerStatus> ShardRouter::breakers() const
{
    QVector<ShardBreakerStatus> all;
    for (const int shard : m_ring.shards())
        all.append(breakerStatus(shard));
    return all;
}

} // namespace hb
