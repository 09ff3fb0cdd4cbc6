#pragma once

#include "task.h"

namespace hb {

class Ledger;

// Seed task "auto liquidation": loans overdue by more than auto_liquidation_threshold_days (45)
// are liquidated, each in its own transaction with its own audit entry (before/after status).
// A loan still marked active but already that far past due counts too: loan monitoring may not
// have run yet this tick. With liquidation_dry_run the task changes nothing and records one
// "liquidation_dry_run" audit entry listing what it would have liquidated.
class AutoLiquidationTask final : public MaintenanceTask
{
public:
    explicit AutoLiquidationTask(std::shared_ptr<Ledger> ledger);
    QString name() const override;
    TaskResult run(const TaskContext &ctx) override;

    // At most this many loans per run, so one run stays well inside the task timeout; the rest
    // are taken on the next tick.
    static constexpr int kMaxPerRun = 500;

private:
    std::shared_ptr<Ledger> m_ledger;
};

} // namespace hb
