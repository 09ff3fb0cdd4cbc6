// The router's lookup cache (TTL, bound, invalidation) and the per-shard circuit breakers, all
// on a FakeClock: time moves, nothing sleeps.

#include "core/clock.h"
#include "ledger/ledgerfile.h"
#include "ledger/lookupcache.h"
#include "ledger/shardbreaker.h"
#include "ledger/shardrouter.h"

#include <QTest>

#include <stdexcept>

using namespace hb;

namespace {

constexpr qint64 kTtl = 300'000;
constexpr qint64 kRecovery = 30'000;

QString key(int i)
{
    return QStringLiteral("LN-%1").arg(i, 7, 10, QLatin1Char('0'));
}

const QString kFile = QStringLiteral("/data/ledger/shard-0001.db");

} // namespace

class TestShardRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // LookupCache
    void cacheHitsUntilTtl();
    void cacheHitDoesNotExtendTtl();
    void cacheKeepsAtMostCapacityDroppingLeastRecentlyUsed();
    void cacheReinsertUpdates();
    // ShardBreaker
    void breakerOpensAfterFiveConsecutiveFailures();
    void breakerHalfOpensAfterRecoveryWithThreeTrials();
    void breakerTrialSuccessCloses();
    void breakerTrialFailureReopensAndRestartsTimer();
    void breakerAbandonedTrialFreesItsSlot();
    // ShardRouter
    void routeUsesRingAndCache();
    void setRingInvalidatesCache();
    void callTripsBreakerOnStoreErrors();
    void callIgnoresConflictsAndOtherErrors();
    void callProbesAgainAfterRecovery();
};

void TestShardRouter::cacheHitsUntilTtl()
{
    FakeClock clock;
    LookupCache cache(clock);
    QCOMPARE(cache.ttlMs(), kTtl);
    QCOMPARE(cache.capacity(), 1000);
    QCOMPARE(cache.find(key(1)), std::nullopt);
    cache.insert(key(1), 7);
    clock.advance(kTtl - 1);
    QCOMPARE(cache.find(key(1)), std::optional<int>(7));
    clock.advance(1);
    QCOMPARE(cache.find(key(1)), std::nullopt);
    QCOMPARE(cache.size(), 0); // the expired entry is gone, not just hidden
    QCOMPARE(cache.hits(), 1);
    QCOMPARE(cache.misses(), 2);
}

void TestShardRouter::cacheHitDoesNotExtendTtl()
{
    FakeClock clock;
    LookupCache cache(clock);
    cache.insert(key(1), 3);
    for (int i = 0; i < 5; ++i) {
        clock.advance(kTtl / 5 - 1);
        QCOMPARE(cache.find(key(1)), std::optional<int>(3));
    }
    clock.advance(5);
    QCOMPARE(cache.find(key(1)), std::nullopt);
}

void TestShardRouter::cacheKeepsAtMostCapacityDroppingLeastRecentlyUsed()
{
    FakeClock clock;
    LookupCache cache(clock);
    for (int i = 0; i < 1000; ++i)
        cache.insert(key(i), i % 10);
    QCOMPARE(cache.size(), 1000);
    QVERIFY(cache.find(key(0))); // key 0 is now the most recently used; key 1 the least
    cache.insert(key(1000), 4);
    QCOMPARE(cache.size(), 1000);
    QCOMPARE(cache.find(key(1)), std::nullopt);
    QCOMPARE(cache.find(key(0)), std::optional<int>(0));
    QCOMPARE(cache.find(key(1000)), std::optional<int>(4));
    for (int i = 2000; i < 5000; ++i)
        cache.insert(key(i), 1);
    QCOMPARE(cache.size(), 1000);
    cache.clear();
    QCOMPARE(cache.size(), 0);
    QCOMPARE(cache.find(key(4999)), std::nullopt);
}

void TestShardRouter::cacheReinsertUpdates()
{
    FakeClock clock;
    LookupCache cache(clock);
    cache.insert(key(1), 1);
    clock.advance(kTtl - 10);
    cache.insert(key(1), 2); // new value, new lifetime
    QCOMPARE(cache.size(), 1);
    clock.advance(kTtl - 1);
    QCOMPARE(cache.find(key(1)), std::optional<int>(2));
}

void TestShardRouter::breakerOpensAfterFiveConsecutiveFailures()
{
    FakeClock clock;
    ShardBreaker breaker;
    for (int i = 0; i < 4; ++i) {
        QVERIFY(breaker.tryAcquire(clock.nowMs()));
        breaker.recordFailure(clock.nowMs());
    }
    QCOMPARE(breaker.state(), BreakerState::Closed);
    breaker.recordSuccess(); // not consecutive any more
    QCOMPARE(breaker.consecutiveFailures(), 0);
    for (int i = 0; i < 4; ++i)
        breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.state(), BreakerState::Closed);
    breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.state(), BreakerState::Open);
    QCOMPARE(breaker.openedAtMs(), clock.nowMs());
    QCOMPARE(breaker.retryAtMs(), clock.nowMs() + kRecovery);
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
}

void TestShardRouter::breakerHalfOpensAfterRecoveryWithThreeTrials()
{
    FakeClock clock;
    ShardBreaker breaker;
    for (int i = 0; i < 5; ++i)
        breaker.recordFailure(clock.nowMs());
    clock.advance(kRecovery - 1);
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
    QCOMPARE(breaker.state(), BreakerState::Open);
    clock.advance(1);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QCOMPARE(breaker.state(), BreakerState::HalfOpen);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QVERIFY2(!breaker.tryAcquire(clock.nowMs()), "a fourth trial while three are out");
    clock.advance(kRecovery * 10);
    QVERIFY2(!breaker.tryAcquire(clock.nowMs()), "time alone does not add trials");
}

void TestShardRouter::breakerTrialSuccessCloses()
{
    FakeClock clock;
    ShardBreaker breaker;
    for (int i = 0; i < 5; ++i)
        breaker.recordFailure(clock.nowMs());
    clock.advance(kRecovery);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    breaker.recordSuccess();
    QCOMPARE(breaker.state(), BreakerState::Closed);
    QCOMPARE(breaker.consecutiveFailures(), 0);
    for (int i = 0; i < 10; ++i)
        QVERIFY(breaker.tryAcquire(clock.nowMs()));
    // Closed again means the full threshold applies again.
    for (int i = 0; i < 4; ++i)
        breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.state(), BreakerState::Closed);
}

void TestShardRouter::breakerTrialFailureReopensAndRestartsTimer()
{
    FakeClock clock;
    ShardBreaker breaker;
    for (int i = 0; i < 5; ++i)
        breaker.recordFailure(clock.nowMs());
    clock.advance(kRecovery + 500);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.state(), BreakerState::Open);
    QCOMPARE(breaker.openedAtMs(), clock.nowMs());
    clock.advance(kRecovery - 1);
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
    clock.advance(1);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QCOMPARE(breaker.state(), BreakerState::HalfOpen);
}

void TestShardRouter::breakerAbandonedTrialFreesItsSlot()
{
    FakeClock clock;
    ShardBreaker breaker;
    for (int i = 0; i < 5; ++i)
        breaker.recordFailure(clock.nowMs());
    clock.advance(kRecovery);
    for (int i = 0; i < 3; ++i)
        QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
    breaker.abandon();
    QCOMPARE(breaker.state(), BreakerState::HalfOpen);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
}

void TestShardRouter::routeUsesRingAndCache()
{
    FakeClock clock;
    const ShardRing ring({0, 1, 2, 3});
    ShardRouter router(clock, ring);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(router.route(key(i)), ring.ownerOf(key(i)));
    QCOMPARE(router.cache().size(), 50);
    QCOMPARE(router.cache().misses(), 50);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(router.route(key(i)), ring.ownerOf(key(i)));
    QCOMPARE(router.cache().hits(), 50);
}

void TestShardRouter::setRingInvalidatesCache()
{
    FakeClock clock;
    ShardRouter router(clock, ShardRing({0, 1}));
    QVector<int> before;
    for (int i = 0; i < 400; ++i)
        before.append(router.route(key(i)));
    ShardRing grown({0, 1, 2, 3, 4, 5});
    router.setRing(grown);
    QCOMPARE(router.cache().size(), 0);
    int changed = 0;
    for (int i = 0; i < 400; ++i) {
        const int now = router.route(key(i));
        QCOMPARE(now, grown.ownerOf(key(i))); // never a stale cached owner
        changed += now != before[i];
    }
    QVERIFY(changed > 100);
}

void TestShardRouter::callTripsBreakerOnStoreErrors()
{
    FakeClock clock;
    ShardRouter router(clock, ShardRing({0, 1}));
    int runs = 0;
    const auto failing = [&] {
        ++runs;
        throw StoreError(kFile + QStringLiteral(": cannot read loan (disk I/O error)"));
    };
    for (int i = 0; i < 5; ++i)
        QVERIFY_THROWS_EXCEPTION(StoreError, router.call(1, kFile, failing));
    QCOMPARE(runs, 5);
    QCOMPARE(router.breakerStatus(1).state, BreakerState::Open);
    QCOMPARE(router.breakerStatus(1).consecutiveFailures, 5);
    QCOMPARE(router.breakerStatus(0).state, BreakerState::Closed); // per shard
    try {
        router.call(1, kFile, [&] { return ++runs; });
        QFAIL("an open breaker must refuse");
    } catch (const StoreError &e) {
        QVERIFY2(e.message().startsWith(kFile + QStringLiteral(": shard unavailable")),
                 qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("next try in 30 s")), qPrintable(e.message()));
    }
    QCOMPARE(runs, 5); // refused without touching the shard
    QCOMPARE(router.call(0, kFile, [] { return 42; }), 42);
    const QVector<ShardBreakerStatus> all = router.breakers();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[1].shard, 1);
    QCOMPARE(all[1].state, BreakerState::Open);
}

void TestShardRouter::callIgnoresConflictsAndOtherErrors()
{
    FakeClock clock;
    ShardRouter router(clock, ShardRing({0, 1}));
    for (int i = 0; i < 10; ++i) {
        QVERIFY_THROWS_EXCEPTION(LoanConflictError, router.call(0, kFile, [] {
            throw LoanConflictError(kFile + QStringLiteral(": loan 'x' already exists"));
        }));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, router.call(0, kFile, [] {
            throw std::invalid_argument("bad argument");
        }));
    }
    QCOMPARE(router.breakerStatus(0).state, BreakerState::Closed);
    QCOMPARE(router.breakerStatus(0).consecutiveFailures, 0);
}

void TestShardRouter::callProbesAgainAfterRecovery()
{
    FakeClock clock;
    ShardRouter router(clock, ShardRing({0, 1}));
    bool healthy = false;
    int runs = 0;
    const auto op = [&] {
        ++runs;
        if (!healthy)
            throw StoreError(kFile + QStringLiteral(": cannot read loan (disk I/O error)"));
        return runs;
    };
    for (int i = 0; i < 5; ++i)
        QVERIFY_THROWS_EXCEPTION(StoreError, router.call(1, kFile, op));
    clock.advance(kRecovery - 1);
    QVERIFY_THROWS_EXCEPTION(StoreError, router.call(1, kFile, op));
    QCOMPARE(runs, 5);
    clock.advance(1);
    QVERIFY_THROWS_EXCEPTION(StoreError, router.call(1, kFile, op)); // the trial fails: reopen
    QCOMPARE(runs, 6);
    QCOMPARE(router.breakerStatus(1).state, BreakerState::Open);
    clock.advance(kRecovery);
    healthy = true;
    QCOMPARE(router.call(1, kFile, op), 7);
    QCOMPARE(router.breakerStatus(1).state, BreakerState::Closed);
    QCOMPARE(router.call(1, kFile, op), 8);
}

QTEST_GUILESS_MAIN(TestShardRouter)
#include "tst_shardrouter.moc"
