#pragma once

#include "task.h"

namespace hb {

class Ledger;

// Seed task "pool maintenance": re-derives every pool's totals from its loans and corrects the
// stored totals that drifted (a crash between a loan commit and the catalog commit leaves them
// behind). All corrections are one transaction; one audit entry per corrected pool with
// before/after. items = pools checked.
class PoolMaintenanceTask final : public MaintenanceTask
{
public:
    explicit PoolMaintenanceTask(std::shared_ptr<Ledger> ledger);
    QString name() const override;
    TaskResult run(const TaskContext &ctx) override;

private:
    std::shared_ptr<Ledger> m_ledger;
};

} // namespace hb
