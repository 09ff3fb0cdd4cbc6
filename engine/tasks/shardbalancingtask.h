#pragma once

#include "task.h"

namespace hb {

class Ledger;

// Shard balancing (the scalability design): lets the ledger scale its ring to its policy (up
// above 80 % average load, down below 30 %; one migration moving only the keys whose owner
// changed) and samples shard.count and shard.load.NNNN (loans per shard, 4-digit shard id).
// One audit entry when shards were added or removed, with the loans moved.
class ShardBalancingTask final : public MaintenanceTask
{
public:
    explicit ShardBalancingTask(std::shared_ptr<Ledger> ledger);
    QString name() const override;
    TaskResult run(const TaskContext &ctx) override;

private:
    std::shared_ptr<Ledger> m_ledger;
};

} // namespace hb
