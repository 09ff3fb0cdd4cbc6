#pragma once

#include "core/records.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <deque>

namespace hb {

// The most recent task runs (bounded), newest first, appended from the live record feed.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int DefaultCapacity = 5000;
    enum Column { TimeColumn, TickColumn, TaskColumn, OutcomeColumn, DurationColumn, ItemsColumn, ErrorColumn, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, TaskNameRole, OutcomeRole };

    explicit HistoryModel(int capacity = DefaultCapacity, QObject *parent = nullptr);

    void addRecords(const QVector<ExecutionRecord> &records);
    const ExecutionRecord &recordAt(int row) const { return m_rows.at(size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    int m_capacity;
    std::deque<ExecutionRecord> m_rows; // newest first
};

// Filters the history by task and outcome (empty / -1: all).
class HistoryFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setTask(const QString &task);
    void setOutcome(int outcome); // hb::Outcome as int, -1 for any

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_task;
    int m_outcome = -1;
};

} // namespace hb
