#pragma once

#include "task.h"

namespace hb {

// Seed task "auto cleanup": the audit log is capped at audit_log_cap (10 000) entries and raw
// rows (executions, ticks, breaker events) older than retention.raw_days go to the rollups.
// metrics.db has one writer (MetricsWriter): this task only reads it (read-only connection) to
// count what is due, and asks the writer for the cap through TaskResult::auditLogCap; the
// writer's retention pass removes the old raw rows. Samples cleanup.audit_excess and
// cleanup.raw_expired; items = rows due for removal.
class AutoCleanupTask final : public MaintenanceTask
{
public:
    explicit AutoCleanupTask(QString metricsPath);
    QString name() const override;
    TaskResult run(const TaskContext &ctx) override;

    struct Due
    {
        qint64 auditExcess = 0; // audit_log rows beyond the cap
        qint64 rawExpired = 0;  // raw rows older than the retention window
    };
    // Counts on a read-only connection; throws StoreError naming the file. A missing file is
    // nothing to clean (the writer creates it).
    static Due countDue(const QString &metricsPath, qint64 auditCap, qint64 rawCutoffMs);

private:
    QString m_metricsPath;
};

} // namespace hb
