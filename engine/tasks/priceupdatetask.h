#pragma once

#include "task.h"

namespace hb {

class Ledger;
class OracleMonitor;
class OracleSource;

// Seed task "price update": the prices of rice, corn and wheat that are older than
// oracle.max_age_ms (24 h) are fetched from the oracle, with the ledger's current prices as the
// reference for the jump rule. Each good quote is written (one transaction, one audit entry with
// before/after); a commodity the oracle could not price keeps its old price and fails the run
// with an error naming it and the cause, so a broken feed opens the task's breaker. Every fetch
// is recorded in the OracleMonitor the oracle monitoring task reads. Without an oracle
// (oracle.source "none") every run is skipped with the reason "no price source configured".
class PriceUpdateTask final : public MaintenanceTask
{
public:
    PriceUpdateTask(std::shared_ptr<Ledger> ledger, std::shared_ptr<OracleSource> oracle,
                    std::shared_ptr<OracleMonitor> monitor);
    QString name() const override;
    TaskResult run(const TaskContext &ctx) override;

private:
    std::shared_ptr<Ledger> m_ledger;
    std::shared_ptr<OracleSource> m_oracle;
    std::shared_ptr<OracleMonitor> m_monitor;
};

} // namespace hb
