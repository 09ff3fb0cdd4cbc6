#pragma once

// Moving loans between shards when the ring changes, crash-safely. Steps, each recorded in the
// journal (catalog.db `migrations`) once complete:
//   journal  the plan (ring before and after) is written; joining shards are listed, out of
//            the ring, and their files created
//   copy     every loan whose owner changes is inserted into its new owner (one transaction
//            per source and destination); the count and checksum of the copies are journaled
//   verify   the copies are read back from the destinations: count and checksum must match
//   switch   ring membership and the journal step change in one catalog transaction; from
//            here on the new owners are the truth
//   delete   moved loans are deleted from their old owners; shards that left the ring are
//            deleted with their files
//   done     the journal row is closed
// Only keys whose owner changed are touched. A loan is always in at least one shard, and in
// exactly one once the journal says done.
//
// recover() finishes or undoes an interrupted migration from the journal: before the switch it
// rolls back (copies are deleted, joining shards removed), after it rolls forward (old copies
// deleted, leaving shards removed). Either way every shard ends holding exactly the loans the
// chosen ring gives it; a loan found only in the wrong shard is moved, never dropped. Running it
// again after a crash during recovery is safe.

#include "ledger/ledgeroptions.h"
#include "ledger/shardring.h"

#include <functional>
#include <optional>

namespace hb {

class Catalog;
class Clock;
class ShardSet;

class ShardMigrator
{
public:
    ShardMigrator(Catalog &catalog, ShardSet &shards, const Clock &clock,
                  MigrationCrashPoint crashAt = MigrationCrashPoint::None);

    // Moves loans from `from` to `to` (same virtual node count); `switched` is called with the
    // new ring right after the switch is committed. Returns the number of loans moved. Throws
    // StoreError on failure (run recover() then) and SimulatedCrash at the test crash point.
    qint64 migrate(const ShardRing &from, const ShardRing &to,
                   const std::function<void(const ShardRing &)> &switched);

    // The ring the files agree on after recovery, or nothing when there was nothing to recover.
    // Every shard file listed in the catalog must be open in `shards` (out-of-ring ones may be
    // missing). Throws StoreError.
    std::optional<ShardRing> recover(int virtualNodes);

    // Makes every shard of `ring` hold exactly the loans the ring gives it; returns how many
    // misplaced rows were removed. After an unclean shutdown a power cut may have kept a
    // finished migration's journal but not all of its deletes (see migration.cpp).
    qint64 reconcileAll(const ShardRing &ring);

private:
    void crashIf(MigrationCrashPoint point) const;
    // Makes shard `id` hold exactly the loans `ring` gives it; returns the rows removed.
    qint64 reconcile(int id, const ShardRing &ring);
    // Deletes shard `id`'s files; audit entries still in its outbox go to the catalog's first.
    void retire(int id);

    Catalog &m_catalog;
    ShardSet &m_shards;
    const Clock &m_clock;
    MigrationCrashPoint m_crashAt;
};

} // namespace hb
