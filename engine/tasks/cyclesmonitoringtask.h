#pragma once

#include "task.h"

namespace hb {

class Ledger;

// Seed task "cycles monitoring": samples the cycles balance (cycles.balance, and the treasury
// as treasury.balance); a warning below cycles_alert_threshold (1 T), critical below
// cycles_critical_threshold (500 B). Exactly at a line is not below it.
class CyclesMonitoringTask final : public MaintenanceTask
{
public:
    explicit CyclesMonitoringTask(std::shared_ptr<Ledger> ledger);
    QString name() const override;
    TaskResult run(const TaskContext &ctx) override;

private:
    std::shared_ptr<Ledger> m_ledger;
};

} // namespace hb
