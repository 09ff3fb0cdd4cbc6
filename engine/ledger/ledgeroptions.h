#pragma once

#include "ledger/scalingpolicy.h"
#include "ledger/shardring.h"
#include "ledger/shardrouter.h"

#include <QString>

#include <functional>
#include <memory>
#include <stdexcept>

namespace hb {

class Clock;

// Where a test may stop a migration, as if the process were killed right there. "Mid" points
// stop after the first shard of that step, leaving it half done.
enum class MigrationCrashPoint : quint8 {
    None,
    AfterJournal,
    MidCopy,
    AfterCopy,
    AfterVerify,
    AfterSwitch,
    MidDelete,
    AfterDelete,
    AfterDone,
};

// Thrown at LedgerOptions::crashAt. The ledger that threw refuses every further call, like a
// dead process: open a new Ledger on the same directory to recover.
class SimulatedCrash : public std::runtime_error
{
public:
    explicit SimulatedCrash(MigrationCrashPoint point)
        : std::runtime_error("simulated crash during a shard migration")
        , m_point(point)
    {
    }
    MigrationCrashPoint point() const { return m_point; }

private:
    MigrationCrashPoint m_point;
};

struct LedgerOptions
{
    ScalingPolicy scaling;
    int initialShards = 2; // a new ledger's ring
    // Fixed when a ledger is created (stored in catalog.db); an existing ledger keeps its own,
    // since a different count would place keys elsewhere.
    int virtualNodes = ShardRing::kDefaultVirtualNodes;
    RouterPolicy router;
    std::shared_ptr<const Clock> clock; // null: the system clock

    // For tests only: make the next migration throw SimulatedCrash at this point.
    MigrationCrashPoint crashAt = MigrationCrashPoint::None;
    // For fault injection: called right after each commit that wrote an audit entry to an
    // outbox, with the entry's action (a test stops the process there, before metrics.db
    // could commit the entry).
    std::function<void(const QString &action)> afterAuditedCommit;
};

} // namespace hb
