#include "tasktablemodel.h"

#include "format.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

#include <limits>

namespace hb {

TaskTableModel::TaskTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_nowMs([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

void TaskTableModel::setSnapshot(const EngineSnapshot &snapshot)
{
    QVector<Row> rows;
    rows.reserve(snapshot->tasks.size());
    const bool held = snapshot->emergencyStop || snapshot->config.maintenanceMode
                      || !snapshot->config.enabled;
    for (int i = 0; i < snapshot->tasks.size(); ++i) {
        Row row{snapshot->tasks.at(i), {},   snapshot->tickIntervalMs, snapshot->nextTickAtMs,
                held,                  snapshot->takenAtMs,
                true};
        row.everyTick = snapshot->config.scheduleOf(row.task.name).kind
                        == TaskSchedule::Kind::EveryTick;
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
        case ScheduleColumn: // who runs next first; none (off, a once that ran) last
            return t.enabled && t.nextRunMs > 0 ? t.nextRunMs
                                                : std::numeric_limits<qint64>::max();
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

// The task's schedule in words (as the engine describes it) and when it runs next: "every 5m ·
// in 4 min, 14:05". An engine older than schedules sends no schedule: each of its tasks runs once
// per tick. Off or held (emergency pause, maintenance, heartbeat disabled) tasks say so instead.
QString TaskTableModel::scheduleText(const Row &row) const
{
    const TaskStatus &t = row.task;
    if (!t.enabled)
        return tr("off");
    if (t.schedule.isEmpty()) {
        if (row.intervalMs <= 0)
            return QStringLiteral("—");
        const QString every = tr("every %1").arg(format::duration(row.intervalMs));
        return row.held ? tr("%1 (held)").arg(every) : every;
    }
    QString next;
    if (row.held)
        next = tr("held");
    else if (t.nextRunMs <= 0)
        next = QStringLiteral("—");
    else if (row.everyTick)
        next = tr("next tick");
    else {
        const qint64 now = row.takenAtMs > 0 ? row.takenAtMs : m_nowMs();
        next = tr("%1, %2").arg(format::until(t.nextRunMs - now),
                                format::runTime(t.nextRunMs, now));
    }
    return t.schedule + QStringLiteral(" · ") + next;
}

QString TaskTableModel::scheduleTip(const Row &row) const
{
    if (!row.task.enabled)
        return tr("Turned off: the next tick skips this task.");
    if (row.held)
        return tr("Ticks still run but start no task until the engine is resumed.");
    if (!row.task.schedule.isEmpty()) {
        if (row.task.nextRunMs <= 0)
            return tr("No run is scheduled.");
        return tr("Next run at %1.").arg(format::localTime(row.task.nextRunMs));
    }
    if (row.nextTickAtMs <= 0)
        return tr("Runs once per tick.");
    return tr("Runs once per tick; next tick at %1.").arg(format::localTime(row.nextTickAtMs));
}

} // namespace hb
