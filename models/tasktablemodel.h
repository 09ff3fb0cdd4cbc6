#pragma once

#include "snapshot.h"

#include <QAbstractTableModel>

#include <functional>

namespace hb {

// One row per task: its toggle, its last run and its breaker. Fed by engine snapshots; a
// snapshot with the same tasks updates the rows with one ranged dataChanged (docs/architecture.md,
// "Conventions").
class TaskTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        EnabledColumn,
        ScheduleColumn,
        BreakerColumn,
        LastRunColumn,
        OutcomeColumn,
        DurationColumn,
        ItemsColumn,
        CompletedColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // sortable value of the cell
        TaskNameRole,                    // the task's stable name ("memory_monitoring")
    };

    explicit TaskTableModel(QObject *parent = nullptr);

    // The time the schedule column counts from when a snapshot carries none (takenAtMs 0).
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }

    void setSnapshot(const EngineSnapshot &snapshot);
    QString taskAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Row
    {
        TaskStatus task;
        BreakerStatus breaker;
        qint64 intervalMs = 0;  // every task runs once per tick
        qint64 nextTickAtMs = 0;
        bool held = false;      // ticks run no task: paused, maintenance or heartbeat disabled
        qint64 takenAtMs = 0;   // the snapshot's time: "in 4 min" counts from it
        bool everyTick = true;  // its schedule (the config's) is the default one
    };
    QString scheduleText(const Row &row) const;
    QString scheduleTip(const Row &row) const;
    QVector<Row> m_rows;
    std::function<qint64()> m_nowMs;
};

} // namespace hb
