#include "tasks/autocleanuptask.h"

#include "core/clock.h"
#include "store/storeerror.h"
#include "tasks/taskcommon.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <QCoreApplication>
#include <QFileInfo>

namespace hb {

namespace {

qint64 countRows(SQLite::Database &db, const char *sql, qint64 value)
{
    SQLite::Statement query(db, sql);
    query.bind(1, static_cast<int64_t>(value));
    return query.executeStep() ? query.getColumn(0).getInt64() : 0;
}
} // namespace

AutoCleanupTask::AutoCleanupTask(QString metricsPath) : m_metricsPath(std::move(metricsPath)) {}

QString AutoCleanupTask::name() const
{
    return TaskName::AutoCleanup;
}

AutoCleanupTask::Due AutoCleanupTask::countDue(const QString &metricsPath, qint64 auditCap,
                                               qint64 rawCutoffMs)
{
    Due due;
    if (metricsPath.isEmpty() || !QFileInfo::exists(metricsPath))
        return due;
    try {
        SQLite::Database db(metricsPath.toStdString(), SQLite::OPEN_READONLY, 2000);
        // The same rule the writer applies: ids only grow, the newest `cap` ids stay.
        due.auditExcess = countRows(
            db, "SELECT count(*) FROM audit_log WHERE id <= (SELECT max(id) FROM audit_log) - ?1",
            auditCap);
        // Indexed by time on both tables: range counts, not scans.
        due.rawExpired =
            countRows(db, "SELECT count(*) FROM executions WHERE started_at_ms < ?1", rawCutoffMs)
            + countRows(db, "SELECT count(*) FROM ticks WHERE started_at_ms < ?1", rawCutoffMs)
            + countRows(db, "SELECT count(*) FROM breaker_events WHERE ts_ms < ?1", rawCutoffMs);
    } catch (const SQLite::Exception &e) {
        throw StoreError(metricsPath + u": " + QString::fromUtf8(e.what()));
    }
    return due;
}

TaskResult AutoCleanupTask::run(const TaskContext &ctx)
{
    const qint64 now = ctx.clock.nowMs();
    Due due;
    try {
        due = countDue(m_metricsPath, ctx.config.auditLogCap,
                       now - qint64(ctx.config.retentionRawDays) * kDayMs);
    } catch (const StoreError &e) {
        return TaskResult::failure(
            QCoreApplication::translate("hb::Tasks", "cannot read the metrics database: %1")
                .arg(e.message()));
    }
    TaskResult result = TaskResult::success(due.auditExcess + due.rawExpired);
    result.auditLogCap = ctx.config.auditLogCap;
    result.samples = {{QStringLiteral("cleanup.audit_excess"), now, double(due.auditExcess)},
                      {QStringLiteral("cleanup.raw_expired"), now, double(due.rawExpired)}};
    return result;
}

} // namespace hb
