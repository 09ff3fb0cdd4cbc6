#include "alertlistmodel.h"

#include "format.h"

#include <QBrush>
#include <QColor>

namespace hb {

namespace {
bool sameCondition(const Alert &a, const Alert &b)
{
    return a.source == b.source && a.key == b.key;
}
} // namespace

AlertListModel::AlertListModel(QObject *parent) : QAbstractTableModel(parent) {}

QVector<Alert> AlertListModel::setSnapshot(const EngineSnapshot &snapshot)
{
    const QVector<Alert> &active = snapshot->activeAlerts;
    QVector<Alert> fresh;
    for (const Alert &a : active) {
        const bool known = std::any_of(m_rows.cbegin(), m_rows.cend(), [&](const Row &r) {
            return r.active && sameCondition(r.alert, a);
        });
        if (!known)
            fresh.append(a);
    }
    bool changed = !fresh.isEmpty();
    for (Row &r : m_rows) {
        if (!r.active)
            continue;
        const auto it = std::find_if(active.cbegin(), active.cend(),
                                     [&](const Alert &a) { return sameCondition(r.alert, a); });
        if (it == active.cend()) {
            r.active = false; // cleared
            changed = true;
        } else if (it->message != r.alert.message) {
            r.alert.message = it->message;
            changed = true;
        }
    }
    if (!changed)
        return {};
    beginResetModel();
    for (const Alert &a : std::as_const(fresh))
        m_rows.prepend({a, true});
    if (m_rows.size() > MaxRows)
        m_rows.resize(MaxRows);
    endResetModel();
    return fresh;
}

int AlertListModel::activeCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.active; }));
}

int AlertListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const auto column = Column(index.column());
    if (role == Qt::ForegroundRole && column == SeverityColumn && row.active) {
        if (row.alert.severity == Severity::Critical)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (row.alert.severity == Severity::Warning)
            return QBrush(QColor(0xb2, 0x6b, 0x00));
    }
    if (role == Qt::ForegroundRole && !row.active)
        return QBrush(QColor(0x80, 0x80, 0x80));
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case TimeColumn:
        return format::localTime(row.alert.tsMs);
    case SeverityColumn:
        switch (row.alert.severity) {
        case Severity::Info:
            return tr("info");
        case Severity::Warning:
            return tr("warning");
        case Severity::Critical:
            return tr("critical");
        }
        return {};
    case SourceColumn:
        return format::taskTitle(row.alert.source);
    case MessageColumn:
        return row.alert.message;
    case StatusColumn:
        return row.active ? tr("active") : tr("cleared");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case SeverityColumn:
        return tr("Severity");
    case SourceColumn:
        return tr("Source");
    case MessageColumn:
        return tr("Message");
    case StatusColumn:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace hb
