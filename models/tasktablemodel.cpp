#include "tasktablemodel.h"

#include "format.h"

#include <QBrush>
#include <QColor>

namespace hb {

TaskTableModel::TaskTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void TaskTableModel::setSnapshot(const EngineSnapshot &snapshot)
{
    QVector<Row> rows;
    rows.reserve(snapshot->tasks.size());
    const bool held = snapshot->emergencyStop || snapshot->config.maintenanceMode
                      || !snapshot->config.enabled;
    for (int i = 0; i < snapshot->tasks.size(); ++i) {
        Row row{snapshot->tasks.at(i), {}, snapshot->tickIntervalMs, snapshot->nextTickAtMs, held};
        if (i < snapshot->breakers.size())
            row.breaker = snapshot->breakers.at(i);
        rows.append(row);
    }
    const bool sameShape = rows.size() == m_rows.size()
                           && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                                         [](const Row &a, const Row &b) {
                                             return a.task.name == b.task.name;
                                         });
    if (!sameShape) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

QString TaskTableModel::taskAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).task.name : QString();
}

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags TaskTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == EnabledColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const TaskStatus &t = row.task;
    const auto column = Column(index.column());

    if (role == TaskNameRole)
        return t.name;
    if (role == Qt::CheckStateRole && column == EnabledColumn)
        return t.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole && column == OutcomeColumn && !t.lastError.isEmpty())
        return t.lastError;
    if (role == Qt::ToolTipRole && column == ScheduleColumn)
        return scheduleTip(row);
    if (role == Qt::ForegroundRole && column == BreakerColumn) {
        switch (row.breaker.state) {
        case BreakerState::Closed:
            return {};
        case BreakerState::HalfOpen:
            return QBrush(QColor(0xb2, 0x6b, 0x00));
        case BreakerState::Open:
            return QBrush(QColor(0xc6, 0x28, 0x28));
        }
    }
    if (role == Qt::ForegroundRole && column == OutcomeColumn && t.hasRun
        && (t.lastOutcome == Outcome::Failure || t.lastOutcome == Outcome::Timeout))
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == Qt::TextAlignmentRole
        && (column == DurationColumn || column == ItemsColumn || column == CompletedColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);

    if (role == RawValueRole) {
        switch (column) {
        case NameColumn:
            return t.name;
        case EnabledColumn:
            return t.enabled;
        case ScheduleColumn:
            return row.intervalMs;
        case BreakerColumn:
            return int(row.breaker.state);
        case LastRunColumn:
            return t.lastRunMs;
        case OutcomeColumn:
            return t.hasRun ? int(t.lastOutcome) : -1;
        case DurationColumn:
            return t.lastDurationMs;
        case ItemsColumn:
            return t.lastItems;
        case CompletedColumn:
            return t.completed;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case NameColumn:
        return format::taskTitle(t.name);
    case EnabledColumn:
        return t.enabled ? tr("on") : tr("off");
    case ScheduleColumn:
        return scheduleText(row);
    case BreakerColumn: {
        QString text = format::breakerState(int(row.breaker.state));
        if (row.breaker.failureCount > 0)
            text += tr(" (%n failure(s))", nullptr, row.breaker.failureCount);
        return text;
    }
    case LastRunColumn:
        return t.hasRun ? format::localTime(t.lastRunMs) : tr("not yet");
    case OutcomeColumn:
        if (t.running)
            return tr("running…");
        return t.hasRun ? format::outcome(int(t.lastOutcome)) : QStringLiteral("—");
    case DurationColumn:
        return t.hasRun ? format::duration(t.lastDurationMs) : QStringLiteral("—");
    case ItemsColumn:
        return t.hasRun ? QString::number(t.lastItems) : QStringLiteral("—");
    case CompletedColumn:
        return QString::number(t.completed);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Task");
    case EnabledColumn:
        return tr("Enabled");
    case ScheduleColumn:
        return tr("Schedule");
    case BreakerColumn:
        return tr("Circuit breaker");
    case LastRunColumn:
        return tr("Last run");
    case OutcomeColumn:
        return tr("Last outcome");
    case DurationColumn:
        return tr("Duration");
    case ItemsColumn:
        return tr("Items");
    case CompletedColumn:
        return tr("Completed");
    case ColumnCount:
        break;
    }
    return {};
}

// Every enabled task runs once per tick, so its schedule is the tick interval — unless the
// task is off or ticks are held (emergency pause, maintenance, heartbeat disabled).
QString TaskTableModel::scheduleText(const Row &row) const
{
    if (!row.task.enabled)
        return tr("off");
    if (row.intervalMs <= 0)
        return QStringLiteral("—");
    const QString every = tr("every %1").arg(format::duration(row.intervalMs));
    return row.held ? tr("%1 (held)").arg(every) : every;
}

QString TaskTableModel::scheduleTip(const Row &row) const
{
    if (!row.task.enabled)
        return tr("Turned off: the next tick skips this task.");
    if (row.held)
        return tr("Ticks still run but start no task until the engine is resumed.");
    if (row.nextTickAtMs <= 0)
        return tr("Runs once per tick.");
    return tr("Runs once per tick; next tick at %1.").arg(format::localTime(row.nextTickAtMs));
}

} // namespace hb
