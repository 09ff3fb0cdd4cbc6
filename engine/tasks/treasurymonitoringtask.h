#pragma once

#include "task.h"

namespace hb {

class Ledger;

// Seed task "treasury monitoring": when the cycles balance is below cycles_alert_threshold
// (1 T), tops it up from the treasury to cycles_top_up_target (2 T) in one transaction with one
// audit entry (before/after balances). When the treasury cannot cover the top-up, nothing
// changes and a critical alert says so. Samples treasury.balance and cycles.balance.
class TreasuryMonitoringTask final : public MaintenanceTask
{
public:
    explicit TreasuryMonitoringTask(std::shared_ptr<Ledger> ledger);
    QString name() const override;
    TaskResult run(const TaskContext &ctx) override;

private:
    std::shared_ptr<Ledger> m_ledger;
};

} // namespace hb
