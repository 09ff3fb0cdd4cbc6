#pragma once

#include "core/records.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <deque>
#include <limits>

namespace hb {

// The newest `capacity` records of the live feed, newest first: the part the run and tick
// histories share. Records arrive oldest first, in batches.
template <typename Record>
class RecentRowsModel : public QAbstractTableModel
{
public:
    static constexpr int DefaultCapacity = 5000;

    explicit RecentRowsModel(int capacity, QObject *parent)
        : QAbstractTableModel(parent)
        , m_capacity(capacity)
    {}

    void add(const QVector<Record> &records)
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
        for (qsizetype i = records.size() - incoming; i < records.size(); ++i)
            m_rows.push_front(records.at(i));
        endInsertRows();
    }
    // Records from before the live ones (read from the store, oldest first) go at the bottom:
    // those of ticks older than every tick held, while there is room. Returns how many.
    int appendOlder(const QVector<Record> &records)
    {
        const qint64 before = m_rows.empty() ? std::numeric_limits<qint64>::max()
                                             : tickOf(m_rows.back());
        QVector<Record> older;
        for (auto it = records.crbegin(); it != records.crend(); ++it) {
            if (tickOf(*it) < before && int(m_rows.size() + older.size()) < m_capacity)
                older.append(*it);
        }
        if (older.isEmpty())
            return 0;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + older.size()) - 1);
        m_rows.insert(m_rows.end(), older.cbegin(), older.cend());
        endInsertRows();
        return int(older.size());
    }
    const Record &recordAt(int row) const { return m_rows.at(size_t(row)); }
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

protected:
    const std::deque<Record> &rows() const { return m_rows; }
    static qint64 tickOf(const ExecutionRecord &r) { return r.tickId; }
    static qint64 tickOf(const TickRecord &t) { return t.id; }

private:
    int m_capacity;
    std::deque<Record> m_rows; // newest first
};

// The most recent task runs (bounded), newest first, appended from the live record feed.
class HistoryModel : public RecentRowsModel<ExecutionRecord>
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TickColumn, TaskColumn, OutcomeColumn, QueuedColumn, DurationColumn, ItemsColumn, ErrorColumn, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, TaskNameRole, OutcomeRole };

    explicit HistoryModel(int capacity = DefaultCapacity, QObject *parent = nullptr);

    void addRecords(const QVector<ExecutionRecord> &records) { add(records); }
    // The runs of one tick that are still held, in the order they finished.
    QVector<ExecutionRecord> runsOfTick(qint64 tickId) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

// The most recent ticks (bounded), newest first: when each started, how long it took and how
// many of its tasks ran, succeeded and failed — or why none ran.
class TickHistoryModel : public RecentRowsModel<TickRecord>
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TickColumn, DurationColumn, RanColumn, SucceededColumn, FailedColumn, NoteColumn, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1 };

    explicit TickHistoryModel(int capacity = DefaultCapacity, QObject *parent = nullptr);

    void addTicks(const QVector<TickRecord> &ticks) { add(ticks); }
    // Why the tick ran no task, in the user's language.
    static QString skipReason(const TickRecord &tick);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
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
