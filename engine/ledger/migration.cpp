#include "ledger/migration.h"

#include "core/clock.h"
#include "ledger/catalog.h"
#include "ledger/ledgerfile.h"
#include "ledger/ledgerlogging.h"
#include "ledger/shardset.h"
#include "ledger/stablehash.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <limits>
#include <map>

namespace hb {

namespace {

using LoansByShard = std::map<int, QVector<Loan>>;

// While alive, every commit of the catalog and the shards reaches the disk before the next
// step starts (see Shard::setPowerSafe). Recovery runs entirely like this; a migration only
// for the commits a power cut must not reorder: the plan, the copies and the switch. Its
// deletes may reach the disk in any order: what a power cut can leave of them is stale copies,
// which the ledger removes on its next open (Ledger::Private::open).
class PowerSafeScope
{
public:
    PowerSafeScope(Catalog &catalog, ShardSet *shards = nullptr)
        : m_catalog(catalog)
        , m_shards(shards)
    {
        m_catalog.setPowerSafe(true);
        if (m_shards)
            m_shards->setPowerSafe(true);
    }
    ~PowerSafeScope()
    {
        try {
            if (m_shards)
                m_shards->setPowerSafe(false);
            m_catalog.setPowerSafe(false);
        } catch (const std::exception &e) {
            qCWarning(lcLedger) << "could not return to normal syncing:" << e.what();
        }
    }
    PowerSafeScope(const PowerSafeScope &) = delete;
    PowerSafeScope &operator=(const PowerSafeScope &) = delete;

private:
    Catalog &m_catalog;
    ShardSet *m_shards;
};

int ownerOf(const ShardRing &ring, QByteArrayView utf8Id)
{
    return ring.ownerOfHash(stableHash64(utf8Id));
}

// The loans of `shard` whose owner under `ring` is another shard, by that owner.
LoansByShard misplaced(Shard &shard, const ShardRing &ring)
{
    LoansByShard byOwner;
    shard.forEach(
        {}, [&](QByteArrayView id) { return ownerOf(ring, id) != shard.id(); },
        [&](const Loan &loan) {
            byOwner[ring.ownerOf(loan.id)].append(loan);
            return true;
        });
    return byOwner;
}

} // namespace

ShardMigrator::ShardMigrator(Catalog &catalog, ShardSet &shards, const Clock &clock,
                             MigrationCrashPoint crashAt)
    : m_catalog(catalog)
    , m_shards(shards)
    , m_clock(clock)
    , m_crashAt(crashAt)
{
}

void ShardMigrator::crashIf(MigrationCrashPoint point) const
{
    if (m_crashAt == point && point != MigrationCrashPoint::None)
        throw SimulatedCrash(point);
}

qint64 ShardMigrator::migrate(const ShardRing &from, const ShardRing &to,
                              const std::function<void(const ShardRing &)> &switched)
{
    const QVector<int> before = from.shards();
    const QVector<int> after = to.shards();

    QElapsedTimer timer; // per step, for the log line: where a slow migration spends its time
    timer.start();
    qint64 stepMs[5] = {};
    const auto stepDone = [&](int step) { stepMs[step] = timer.restart(); };

    // journal
    qint64 id = 0;
    {
        const PowerSafeScope powerSafe(m_catalog);
        id = m_catalog.beginMigration(before, after, m_clock.nowMs());
    }
    QVector<int> joining;
    for (const int shard : after) {
        if (!from.contains(shard))
            joining.append(shard);
    }
    m_shards.create(joining);
    stepDone(0);
    crashIf(MigrationCrashPoint::AfterJournal);

    // copy: one open transaction per destination, fed from every source, committed once each
    // (a commit per source and destination pair would rewrite the same pages hundreds of times)
    LoanChecksum copied;
    std::map<int, QVector<QString>> movedFrom; // by source: what the delete step removes
    QVector<int> receiving;
    try {
        for (const int source : before) {
            QVector<QString> &ids = movedFrom[source];
            m_shards.at(source).forEach(
                {}, [&](QByteArrayView id) { return ownerOf(to, id) != source; },
                [&](const Loan &loan) {
                    const int owner = to.ownerOf(loan.id);
                    Shard &destination = m_shards.at(owner);
                    if (!destination.inBulk()) {
                        receiving.append(owner);
                        destination.setPowerSafe(true);
                    }
                    destination.bulkInsert(loan);
                    copied.add(loan);
                    ids.append(loan.id);
                    return true;
                });
        }
        std::sort(receiving.begin(), receiving.end());
        const auto commit = [](Shard &shard) {
            shard.commitBulk();
            shard.setPowerSafe(false);
        };
        if (!receiving.isEmpty()) {
            commit(m_shards.at(receiving.constFirst()));
            crashIf(MigrationCrashPoint::MidCopy);
            // The others at once: each commit waits for its own sync.
            m_shards.runConcurrently(receiving.mid(1), commit);
        }
    } catch (...) {
        for (const int destination : std::as_const(receiving)) {
            if (Shard *shard = m_shards.find(destination)) {
                shard->abortBulk();
                try {
                    shard->setPowerSafe(false);
                } catch (const std::exception &) {
                    // the migration's own error is the one worth reporting
                }
            }
        }
        throw;
    }
    m_catalog.recordCopied(id, copied, m_clock.nowMs());
    stepDone(1);
    crashIf(MigrationCrashPoint::AfterCopy);

    // verify: what the destinations hold now that they did not own before
    LoanChecksum found;
    for (const int destination : std::as_const(receiving)) {
        Shard &shard = m_shards.at(destination);
        shard.forEach(
            {}, [&](QByteArrayView id) { return ownerOf(from, id) != destination; },
            [&](const Loan &loan) {
                found.add(loan);
                return true;
            });
    }
    if (found != copied)
        throw StoreError(m_catalog.path() + u": " +
                         QCoreApplication::translate(
                             "hb::Ledger", "migration %1: the copied loans do not match on the "
                                           "destination shards (%2 found, %3 copied)")
                             .arg(id)
                             .arg(found.count)
                             .arg(copied.count));
    m_catalog.recordStep(id, MigrationStep::Verify, m_clock.nowMs());
    stepDone(2);
    crashIf(MigrationCrashPoint::AfterVerify);

    // switch
    {
        const PowerSafeScope powerSafe(m_catalog);
        m_catalog.switchRouting(id, after, m_clock.nowMs());
    }
    switched(to);
    stepDone(3);
    crashIf(MigrationCrashPoint::AfterSwitch);

    // delete
    for (const int source : before) {
        bool deleted = false;
        if (!to.contains(source)) {
            retire(source); // every loan it had now lives elsewhere
            deleted = true;
        } else {
            const QVector<QString> &ids = movedFrom[source];
            m_shards.at(source).remove(ids);
            deleted = !ids.isEmpty();
        }
        if (deleted)
            crashIf(MigrationCrashPoint::MidDelete);
    }
    m_catalog.dropOutOfRing(id, MigrationStep::Delete, QString(), m_clock.nowMs());
    stepDone(4);
    crashIf(MigrationCrashPoint::AfterDelete);

    m_catalog.dropOutOfRing(id, MigrationStep::Done, QStringLiteral("done"), m_clock.nowMs());
    crashIf(MigrationCrashPoint::AfterDone);
    qCInfo(lcLedger).nospace() << "migration " << id << " moved " << copied.count << " loans, "
                               << before.size() << " -> " << after.size() << " shards (ms: journal "
                               << stepMs[0] << ", copy " << stepMs[1] << ", verify " << stepMs[2]
                               << ", switch " << stepMs[3] << ", delete " << stepMs[4] << ")";
    return copied.count;
}

qint64 ShardMigrator::reconcile(int id, const ShardRing &ring)
{
    Shard &shard = m_shards.at(id);
    const LoansByShard byOwner = misplaced(shard, ring);
    QVector<QString> ids;
    qint64 rescued = 0;
    for (const auto &[owner, loans] : byOwner) {
        // The owner's copy wins: before the switch it is the original, after it the only one
        // updates could have reached. A loan the owner lacks is moved there.
        rescued += m_shards.at(owner).insertMissing(loans);
        for (const Loan &loan : loans)
            ids.append(loan.id);
    }
    shard.remove(ids);
    if (!ids.isEmpty())
        qCInfo(lcLedger).nospace()
            << "recovery: removed " << ids.size() << " misplaced loans from shard " << id << " ("
            << rescued << " of them were missing from their owner and moved there)";
    return ids.size();
}

qint64 ShardMigrator::reconcileAll(const ShardRing &ring)
{
    const PowerSafeScope powerSafe(m_catalog, &m_shards);
    qint64 removed = 0;
    for (const int id : ring.shards())
        removed += reconcile(id, ring);
    return removed;
}

std::optional<ShardRing> ShardMigrator::recover(int virtualNodes)
{
    const std::optional<MigrationRecord> pending = m_catalog.pendingMigration();
    const QVector<ShardEntry> entries = m_catalog.shards();
    QVector<int> inRing;
    bool strays = false;
    for (const ShardEntry &entry : entries) {
        if (entry.inRing)
            inRing.append(entry.id);
        else
            strays = true;
    }
    if (!pending && !strays)
        return std::nullopt;

    const PowerSafeScope powerSafe(m_catalog, &m_shards);
    const bool forward = pending && pending->step >= MigrationStep::Switch;
    const ShardRing ring(pending ? (forward ? pending->to : pending->from) : inRing, virtualNodes);
    if (pending)
        qCWarning(lcLedger) << "recovering migration" << pending->id << "interrupted after step"
                            << migrationStepName(pending->step)
                            << (forward ? "(rolling forward)" : "(rolling back)");
    m_catalog.setRing(ring.shards()); // the switch is atomic, so normally already so

    for (const ShardEntry &entry : entries) {
        if (!ring.contains(entry.id) || m_shards.find(entry.id))
            continue;
        if (!m_shards.hasFile(entry.id))
            throw ledgerfile::missingShard(m_shards.pathOf(entry.id));
        m_shards.open(entry.id);
    }
    for (const ShardEntry &entry : entries) {
        if (m_shards.find(entry.id))
            reconcile(entry.id, ring);
    }
    for (const ShardEntry &entry : entries) {
        if (!ring.contains(entry.id))
            retire(entry.id);
    }
    const QString outcome =
        forward ? QStringLiteral("rolled_forward") : QStringLiteral("rolled_back");
    m_catalog.dropOutOfRing(pending ? pending->id : 0, MigrationStep::Done, outcome,
                            m_clock.nowMs());
    return ring;
}

void ShardMigrator::retire(int id)
{
    try {
        Shard *shard = m_shards.find(id);
        if (!shard && m_shards.hasFile(id))
            shard = &m_shards.open(id);
        if (shard)
            m_catalog.adoptOutbox(shard->outbox(std::numeric_limits<int>::max()));
    } catch (const StoreError &e) {
        // A shard that cannot be read held no loan the ring needs (they were copied and
        // verified); what its outbox held is lost with it, and the log says so.
        qCWarning(lcLedger).noquote() << "retiring shard" << id << ":" << e.message();
    }
    m_shards.remove(id);
}

} // namespace hb
