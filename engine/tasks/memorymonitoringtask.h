#pragma once

#include "task.h"

namespace hb {

// Seed task "memory monitoring": the real resident memory of this process plus the ledger's
// size on disk, recorded as samples; warns above `memory_warn_bytes` (1 GB by default).
class MemoryMonitoringTask final : public MaintenanceTask
{
public:
    explicit MemoryMonitoringTask(QString dataDir);
    QString name() const override;
    TaskResult run(const TaskContext &ctx) override;

    // Resident set size of this process in bytes, from /proc/self/statm; -1 if unavailable.
    static qint64 residentBytes();
    // Total size of the files under `dir`, recursively; 0 if it does not exist.
    static qint64 directoryBytes(const QString &dir);

private:
    QString m_ledgerDir;
};

} // namespace hb
