#include "historymodel.h"

#include "format.h"

#include <QBrush>
#include <QColor>

namespace hb {

HistoryModel::HistoryModel(int capacity, QObject *parent) : RecentRowsModel(capacity, parent) {}

QVector<ExecutionRecord> HistoryModel::runsOfTick(qint64 tickId) const
{
    QVector<ExecutionRecord> runs;
    for (auto it = rows().crbegin(); it != rows().crend(); ++it) {
        if (it->tickId == tickId)
            runs.append(*it);
    }
    return runs;
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ExecutionRecord &r = recordAt(index.row());
    const auto column = Column(index.column());
    if (role == TaskNameRole)
        return r.task;
    if (role == OutcomeRole)
        return int(r.outcome);
    if (role == Qt::ForegroundRole && column == OutcomeColumn
        && (r.outcome == Outcome::Failure || r.outcome == Outcome::Timeout))
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == Qt::ToolTipRole && column == QueuedColumn && r.queuedMs)
        return tr("Waited %1 for a free worker thread before it started")
            .arg(format::duration(*r.queuedMs));
    if (role == Qt::ToolTipRole && !r.error.isEmpty())
        return r.error;
    if (role == RawValueRole) {
        switch (column) {
        case TimeColumn:
            return r.startedAtMs;
        case TickColumn:
            return r.tickId;
        case TaskColumn:
            return r.task;
        case OutcomeColumn:
            return int(r.outcome);
        case QueuedColumn:
            return r.queuedMs ? QVariant(*r.queuedMs) : QVariant();
        case DurationColumn:
            return r.durationMs;
        case ItemsColumn:
            return r.items;
        case ErrorColumn:
            return r.error;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case TimeColumn:
        return format::localTime(r.startedAtMs);
    case TickColumn:
        return QString::number(r.tickId);
    case TaskColumn:
        return format::taskTitle(r.task);
    case OutcomeColumn:
        return format::outcome(int(r.outcome));
    case QueuedColumn: // empty: never queued (skipped), or not measured (an older file)
        return r.queuedMs ? format::duration(*r.queuedMs) : QString();
    case DurationColumn:
        return format::duration(r.durationMs);
    case ItemsColumn:
        return QString::number(r.items);
    case ErrorColumn:
        return r.error;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case TickColumn:
        return tr("Tick");
    case TaskColumn:
        return tr("Task");
    case OutcomeColumn:
        return tr("Outcome");
    case QueuedColumn:
        return tr("Queued");
    case DurationColumn:
        return tr("Duration");
    case ItemsColumn:
        return tr("Items");
    case ErrorColumn:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}

TickHistoryModel::TickHistoryModel(int capacity, QObject *parent)
    : RecentRowsModel(capacity, parent)
{}

QString TickHistoryModel::skipReason(const TickRecord &tick)
{
    switch (tick.skippedReason) {
    case TickSkipReason::None:
        return {};
    case TickSkipReason::PreviousTickRunning:
        return tr("previous tick still running");
    case TickSkipReason::EmergencyStop:
        return tr("emergency pause");
    case TickSkipReason::MaintenanceMode:
        return tr("maintenance mode");
    case TickSkipReason::HeartbeatDisabled:
        return tr("heartbeat disabled");
    case TickSkipReason::Other:
        break;
    }
    return tick.skippedReasonText; // a newer version's words: shown as they were stored
}

int TickHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TickHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TickRecord &t = recordAt(index.row());
    const auto column = Column(index.column());
    if (role == Qt::ForegroundRole && column == FailedColumn && t.failed > 0)
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == Qt::TextAlignmentRole && column != TimeColumn && column != NoteColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == RawValueRole) {
        switch (column) {
        case TimeColumn:
            return t.startedAtMs;
        case TickColumn:
            return t.id;
        case DurationColumn:
            return t.durationMs;
        case RanColumn:
            return t.ran;
        case SucceededColumn:
            return t.succeeded;
        case FailedColumn:
            return t.failed;
        case NoteColumn:
            return t.skippedReason == TickSkipReason::Other ? t.skippedReasonText
                                                            : tickSkipReasonName(t.skippedReason);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case TimeColumn:
        return format::localTime(t.startedAtMs);
    case TickColumn:
        return QString::number(t.id);
    case DurationColumn:
        return format::duration(t.durationMs);
    case RanColumn:
        return QString::number(t.ran);
    case SucceededColumn:
        return QString::number(t.succeeded);
    case FailedColumn:
        return QString::number(t.failed);
    case NoteColumn:
        return t.skippedReason == TickSkipReason::None ? QString()
                                                       : tr("no task ran: %1").arg(skipReason(t));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TickHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case TickColumn:
        return tr("Tick");
    case DurationColumn:
        return tr("Duration");
    case RanColumn:
        return tr("Ran");
    case SucceededColumn:
        return tr("Succeeded");
    case FailedColumn:
        return tr("Failed");
    case NoteColumn:
        return tr("Note");
    case ColumnCount:
        break;
    }
    return {};
}

void HistoryFilter::setTask(const QString &task)
{
    m_task = task;
    invalidateFilter();
}

void HistoryFilter::setOutcome(int outcome)
{
    m_outcome = outcome;
    invalidateFilter();
}

bool HistoryFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_task.isEmpty() && index.data(HistoryModel::TaskNameRole).toString() != m_task)
        return false;
    return m_outcome < 0 || index.data(HistoryModel::OutcomeRole).toInt() == m_outcome;
}

} // namespace hb
