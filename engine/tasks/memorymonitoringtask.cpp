#include "tasks/memorymonitoringtask.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <unistd.h>

namespace hb {

MemoryMonitoringTask::MemoryMonitoringTask(QString dataDir)
    : m_ledgerDir(dataDir.isEmpty() ? QString() : dataDir + QStringLiteral("/ledger"))
{}

QString MemoryMonitoringTask::name() const
{
    return TaskName::MemoryMonitoring;
}

qint64 MemoryMonitoringTask::residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().simplified().split(' ');
    if (fields.size() < 2)
        return -1;
    bool ok = false;
    const qint64 pages = fields.at(1).toLongLong(&ok);
    return ok ? pages * qint64(sysconf(_SC_PAGESIZE)) : -1;
}

qint64 MemoryMonitoringTask::directoryBytes(const QString &dir)
{
    if (dir.isEmpty())
        return 0;
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

TaskResult MemoryMonitoringTask::run(const TaskContext &ctx)
{
    const qint64 rss = residentBytes();
    if (rss < 0)
        return TaskResult::failure(
            QCoreApplication::translate("hb::MemoryMonitoringTask",
                                        "cannot read resident memory from /proc/self/statm"));
    const qint64 ledger = directoryBytes(m_ledgerDir);
    const qint64 total = rss + ledger;
    const qint64 now = ctx.clock.nowMs();

    TaskResult result = TaskResult::success(1);
    result.samples = {{QStringLiteral("memory.rss_bytes"), now, double(rss)},
                      {QStringLiteral("memory.ledger_bytes"), now, double(ledger)},
                      {QStringLiteral("memory.total_bytes"), now, double(total)}};
    if (total > ctx.config.memoryWarnBytes) {
        const QLocale c = QLocale::c();
        result.alerts.append(
            {now, name(), QStringLiteral("memory_high"), Severity::Warning,
             QCoreApplication::translate("hb::MemoryMonitoringTask",
                                         "Memory use %1 is above the warning line of %2")
                 .arg(c.formattedDataSize(total), c.formattedDataSize(ctx.config.memoryWarnBytes))});
    }
    return result;
}

} // namespace hb
