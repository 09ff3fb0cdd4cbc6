#pragma once

#include "snapshot.h"

#include <QAbstractTableModel>

namespace hb {

// One row per task's circuit breaker: state (coloured and in words), failure count, last
// failure and a live countdown to the next trial. The countdown moves with setNow() (called
// every second) without a new snapshot.
class BreakerTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TaskColumn, StateColumn, FailuresColumn, LastFailureColumn, RetryColumn, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, TaskNameRole };

    explicit BreakerTableModel(QObject *parent = nullptr);

    void setSnapshot(const EngineSnapshot &snapshot);
    void setNow(qint64 nowMs); // refreshes only the countdown column
    QString taskAt(int row) const;
    BreakerState stateAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        BreakerStatus status;
        qint64 retryAtMs = 0;
    };
    QVector<Row> m_rows;
    qint64 m_nowMs = 0;
};

} // namespace hb
