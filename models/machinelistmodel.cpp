#include "machinelistmodel.h"

#include "format.h"

#include <QBrush>
#include <QFont>

#include <algorithm>

namespace hb {

MachineListModel::MachineListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MachineListModel::setMachines(const QVector<MachineInfo> &machines)
{
    const bool sameNames =
        machines.size() == m_rows.size() &&
        std::equal(machines.cbegin(), machines.cend(), m_rows.cbegin(),
                   [](const MachineInfo &a, const MachineInfo &b) { return a.name == b.name; });
    if (!sameNames) {
        beginResetModel();
        m_rows = machines;
        endResetModel();
        return;
    }
    m_rows = machines;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void MachineListModel::setNow(qint64 nowMs)
{
    m_nowMs = nowMs;
    if (m_rows.isEmpty())
        return;
    // One ranged change per column block: the ages and the strip, nothing else moves.
    Q_EMIT dataChanged(index(0, LastSeenColumn), index(int(m_rows.size()) - 1, DownSinceColumn),
                       {Qt::DisplayRole, Qt::ToolTipRole});
    Q_EMIT dataChanged(index(0, RecentColumn), index(int(m_rows.size()) - 1, RecentColumn),
                       {NowRole});
}

QString MachineListModel::nameAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).name : QString();
}

std::optional<MachineInfo> MachineListModel::machine(const QString &name) const
{
    for (const MachineInfo &m : m_rows) {
        if (m.name == name)
            return m;
    }
    return std::nullopt;
}

QString MachineListModel::stateTitle(MachineState state)
{
    switch (state) {
    case MachineState::New:
        return tr("new");
    case MachineState::Up:
        return tr("up");
    case MachineState::Down:
        return tr("down");
    case MachineState::Paused:
        return tr("paused");
    }
    return {};
}

QString MachineListModel::stateSymbol(MachineState state)
{
    switch (state) {
    case MachineState::New:
        return QStringLiteral("○");
    case MachineState::Up:
        return QStringLiteral("✔");
    case MachineState::Down:
        return QStringLiteral("✖");
    case MachineState::Paused:
        return QStringLiteral("‖");
    }
    return {};
}

QColor MachineListModel::stateColor(MachineState state)
{
    switch (state) {
    case MachineState::New:
        return QColor(0x54, 0x6e, 0x7a);
    case MachineState::Up:
        return QColor(0x2e, 0x7d, 0x32);
    case MachineState::Down:
        return QColor(0xc6, 0x28, 0x28);
    case MachineState::Paused:
        return QColor(0xb2, 0x6b, 0x00);
    }
    return {};
}

int MachineListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MachineListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MachineListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MachineInfo &m = m_rows.at(index.row());
    const auto column = Column(index.column());

    switch (role) {
    case NameRole:
        return m.name;
    case NowRole:
        return m_nowMs;
    case RecentPingsRole:
        return column == RecentColumn ? QVariant::fromValue(m.recent) : QVariant();
    case Qt::ForegroundRole:
        if (column == StateColumn)
            return QBrush(stateColor(m.state));
        if (column == DownSinceColumn && m.state == MachineState::Down)
            return QBrush(stateColor(MachineState::Down));
        return {};
    case Qt::FontRole:
        if (column == StateColumn && m.state == MachineState::Down) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case LastSeenColumn:
            return m.lastSeenMs > 0 ? format::localTime(m.lastSeenMs) : QVariant();
        case DownSinceColumn:
            return m.downSinceMs > 0
                       ? tr("Down for %1")
                             .arg(format::span(std::max<qint64>(m_nowMs - m.downSinceMs, 1000)))
                       : QVariant();
        case RecentColumn:
            return tr("The last %n heartbeat(s), oldest on the left; failures in red", nullptr,
                      int(m.recent.size()));
        case StateColumn:
            return m.stateSinceMs > 0 ? tr("Since %1").arg(format::localTime(m.stateSinceMs))
                                      : QVariant();
        default:
            return {};
        }
    case RawValueRole:
        switch (column) {
        case NameColumn:
            return m.name;
        case StateColumn:
            return int(m.state);
        case LastSeenColumn:
            return m.lastSeenMs;
        case DownSinceColumn:
            return m.downSinceMs;
        case OfflineAfterColumn:
            return m.offlineAfterMs;
        case RecentColumn:
            return int(m.recent.size());
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return m.name;
        case StateColumn:
            return QString(stateSymbol(m.state) + u' ' + stateTitle(m.state));
        case LastSeenColumn:
            if (m.lastSeenMs <= 0)
                return tr("never");
            return format::age(std::max<qint64>(m_nowMs - m.lastSeenMs, 0));
        case DownSinceColumn:
            return m.downSinceMs > 0 ? format::localTime(m.downSinceMs) : QStringLiteral("—");
        case OfflineAfterColumn:
            return format::span(m.offlineAfterMs);
        case RecentColumn: // the delegate paints the strip; this is for copying and screen readers
            return tr("%n heartbeat(s)", nullptr, int(m.recent.size()));
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant MachineListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Machine");
    case StateColumn:
        return tr("State");
    case LastSeenColumn:
        return tr("Last seen");
    case DownSinceColumn:
        return tr("Down since");
    case OfflineAfterColumn:
        return tr("Offline after");
    case RecentColumn:
        return tr("Recent heartbeats");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace hb
