#include "historystore.h"

#include "store/metricsreader.h"

#include <QFileInfo>

#include <limits>

namespace hb {

bool HistoryStore::exists() const
{
    return !m_path.isEmpty() && QFileInfo::exists(m_path);
}

HistoryStore::Earlier HistoryStore::earlierRuns(int ticks, int runs) const
{
    if (m_path.isEmpty())
        return {};
    MetricsReader reader(m_path);
    return {reader.recentTicks(ticks), reader.recentExecutions(runs)};
}

HistoryStore::AuditPage HistoryStore::auditBefore(std::optional<qint64> oldestShownMs,
                                                  int pageSize) const
{
    AuditPage page;
    if (m_path.isEmpty()) {
        page.reachesStart = true;
        return page;
    }
    MetricsReader reader(m_path);
    const qint64 before = oldestShownMs.value_or(std::numeric_limits<qint64>::max());
    page.entries = reader.auditEntries(0, before, {}, pageSize);
    page.reachesStart = page.entries.size() < pageSize;
    if (oldestShownMs)
        page.entries += reader.auditEntries(*oldestShownMs, *oldestShownMs + 1, {},
                                            std::numeric_limits<int>::max());
    return page;
}

QVector<ExecutionRecord> HistoryStore::runsIn(qint64 fromMs, qint64 toMs, const QString &task,
                                              int limit) const
{
    if (m_path.isEmpty())
        return {};
    MetricsReader reader(m_path);
    if (task.isEmpty())
        return reader.executions(fromMs, toMs, limit);
    // Along the time index, then by task: a bucket holds at most an hour of runs.
    QVector<ExecutionRecord> runs;
    for (ExecutionRecord &r : reader.executions(fromMs, toMs, std::numeric_limits<int>::max()))
        if (r.task == task)
            runs.append(std::move(r));
    if (runs.size() > limit)
        runs.remove(0, runs.size() - limit);
    return runs;
}

QVector<AuditEntry> HistoryStore::auditAround(qint64 atMs, qint64 spanMs) const
{
    if (m_path.isEmpty())
        return {};
    return MetricsReader(m_path).auditEntries(atMs - spanMs, atMs + spanMs + 1, {}, 50);
}

ChartFrame HistoryStore::chartRange(ChartRangeQuery query) const
{
    if (m_path.isEmpty()) {
        ChartFrame empty;
        empty.fromMs = query.fromMs;
        empty.toMs = query.toMs;
        empty.columns = query.columns;
        return empty;
    }
    query.path = m_path;
    return loadChartRange(query);
}

RecordBatch HistoryStore::recentRecords(qint64 fromMs, qint64 toMs) const
{
    if (m_path.isEmpty())
        return {};
    return loadRecentRecords(m_path, fromMs, toMs);
}

} // namespace hb
