#include "historymodel.h"

#include "format.h"

#include <QBrush>
#include <QColor>

namespace hb {

HistoryModel::HistoryModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{}

void HistoryModel::addRecords(const QVector<ExecutionRecord> &records)
{
    if (records.isEmpty())
        return;
    const int incoming = int(std::min<qsizetype>(records.size(), m_capacity));
    const int overflow = int(m_rows.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, int(m_rows.size()) - overflow, int(m_rows.size()) - 1);
        m_rows.erase(m_rows.end() - overflow, m_rows.end());
        endRemoveRows();
    }
    beginInsertRows({}, 0, incoming - 1);
    // records arrive oldest first; the newest goes on top
    for (qsizetype i = records.size() - incoming; i < records.size(); ++i)
        m_rows.push_front(records.at(i));
    endInsertRows();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ExecutionRecord &r = m_rows.at(size_t(index.row()));
    const auto column = Column(index.column());
    if (role == TaskNameRole)
        return r.task;
    if (role == OutcomeRole)
        return int(r.outcome);
    if (role == Qt::ForegroundRole && column == OutcomeColumn
        && (r.outcome == Outcome::Failure || r.outcome == Outcome::Timeout))
        return QBrush(QColor(0xc6, 0x28, 0x28));
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
