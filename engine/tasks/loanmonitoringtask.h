#pragma once

#include "task.h"

namespace hb {

class Ledger;

// Seed task "loan monitoring": active loans past their due date become overdue (one
// transaction per shard, one audit entry for the run's status changes); counts the active and
// overdue loans and the liquidation candidates (overdue by more than
// auto_liquidation_threshold_days), sampled as loans.active, loans.overdue, loans.candidates.
class LoanMonitoringTask final : public MaintenanceTask
{
public:
    explicit LoanMonitoringTask(std::shared_ptr<Ledger> ledger);
    QString name() const override;
    TaskResult run(const TaskContext &ctx) override;

private:
    std::shared_ptr<Ledger> m_ledger;
};

} // namespace hb
