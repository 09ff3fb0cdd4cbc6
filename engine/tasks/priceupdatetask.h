#pragma once

#include "task.h"

namespace hb {

class Ledger;
class OracleMonitor;
class OracleSource;
struct OracleResult;

// Seed task "price update": the prices of rice, corn and wheat that are older than
// oracle.max_age_ms (24 h) are fetched from the oracle, with the ledger's current prices as the
// reference for the jump rule. Each good quote is written (one transaction, one audit entry with
// before/after); a commodity the oracle could not price keeps its old price and fails the run
// with an error naming it and the cause, so a broken feed opens the task's breaker. Every fetch
// is recorded in the OracleMonitor the oracle monitoring task reads. Without an oracle
// (oracle.source "none") every run is skipped with the reason "no price source configured".
//
// Two fallbacks (tasks.price_update.fallback) are the task's own, tried inside the run:
// "alternative" asks `fallback` (oracle.fallback_source) for what the oracle could not price,
// and "default_value" keeps the last known prices, carried forward, with an audit entry and a
// warning alert until a fetch succeeds again. When either cannot help the run fails and the
// engine takes its emergency action.
class PriceUpdateTask final : public MaintenanceTask
{
public:
    PriceUpdateTask(std::shared_ptr<Ledger> ledger, std::shared_ptr<OracleSource> oracle,
                    std::shared_ptr<OracleMonitor> monitor,
                    std::shared_ptr<OracleSource> fallback = {});
    QString name() const override;
    TaskResult run(const TaskContext &ctx) override;

private:
    struct Fetch;
    // Writes the quotes of `fetched` that `fetch` still misses; false when cancelled meanwhile.
    bool write(const OracleResult &fetched, const TaskContext &ctx, Fetch *fetch);
    TaskResult tryAlternative(const TaskContext &ctx, const QString &primaryError, Fetch *fetch);
    TaskResult carryForward(const TaskContext &ctx, const QString &primaryError, Fetch *fetch);

    std::shared_ptr<Ledger> m_ledger;
    std::shared_ptr<OracleSource> m_oracle;
    std::shared_ptr<OracleMonitor> m_monitor;
    std::shared_ptr<OracleSource> m_fallback;
    // When the prices began to be carried forward (0: they are not). Runs never overlap, so
    // only one thread at a time touches it.
    qint64 m_carriedSinceMs = 0;
};

} // namespace hb
