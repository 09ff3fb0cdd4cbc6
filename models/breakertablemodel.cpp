#include "breakertablemodel.h"

#include "format.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace hb {

BreakerTableModel::BreakerTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void BreakerTableModel::setSnapshot(const EngineSnapshot &snapshot)
{
    QVector<Row> rows;
    for (int i = 0; i < snapshot->breakers.size(); ++i)
        rows.append({snapshot->breakers.at(i), snapshot->breakerRetryAtMs.value(i)});
    const bool sameShape = rows.size() == m_rows.size()
                           && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                                         [](const Row &a, const Row &b) {
                                             return a.status.task == b.status.task;
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

void BreakerTableModel::setNow(qint64 nowMs)
{
    m_nowMs = nowMs;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, RetryColumn), index(int(m_rows.size()) - 1, RetryColumn),
                           {Qt::DisplayRole, RawValueRole});
}

QString BreakerTableModel::taskAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).status.task : QString();
}

BreakerState BreakerTableModel::stateAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).status.state : BreakerState::Closed;
}

int BreakerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BreakerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BreakerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const BreakerStatus &b = row.status;
    const auto column = Column(index.column());
    const qint64 remaining = b.state == BreakerState::Open ? row.retryAtMs - m_nowMs : -1;

    if (role == TaskNameRole)
        return b.task;
    if (role == Qt::ForegroundRole && column == StateColumn) {
        if (b.state == BreakerState::Open)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (b.state == BreakerState::HalfOpen)
            return QBrush(QColor(0xb2, 0x6b, 0x00));
        return QBrush(QColor(0x2e, 0x7d, 0x32));
    }
    if (role == Qt::FontRole && column == StateColumn && b.state != BreakerState::Closed) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == RawValueRole) {
        switch (column) {
        case TaskColumn:
            return b.task;
        case StateColumn:
            return int(b.state);
        case FailuresColumn:
            return b.failureCount;
        case LastFailureColumn:
            return b.lastFailureMs;
        case RetryColumn:
            return remaining;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case TaskColumn:
        return format::taskTitle(b.task);
    case StateColumn: {
        // Never colour alone: a symbol and the word say it too.
        const QString symbol = b.state == BreakerState::Open       ? QStringLiteral("✖ ")
                               : b.state == BreakerState::HalfOpen ? QStringLiteral("◐ ")
                                                                   : QStringLiteral("✔ ");
        return QString(symbol + format::breakerState(int(b.state)));
    }
    case FailuresColumn:
        return QString::number(b.failureCount);
    case LastFailureColumn:
        return format::localTime(b.lastFailureMs);
    case RetryColumn:
        if (b.state == BreakerState::HalfOpen)
            return tr("trial running");
        if (b.state != BreakerState::Open)
            return QStringLiteral("—");
        return remaining > 0 ? tr("in %1").arg(format::duration(remaining)) : tr("next tick");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BreakerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TaskColumn:
        return tr("Task");
    case StateColumn:
        return tr("State");
    case FailuresColumn:
        return tr("Failures");
    case LastFailureColumn:
        return tr("Last failure");
    case RetryColumn:
        return tr("Next trial");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace hb
