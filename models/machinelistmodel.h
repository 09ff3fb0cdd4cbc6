#pragma once

#include "machines/machinetypes.h"

#include <QAbstractTableModel>
#include <QColor>

namespace hb {

// The machines that push heartbeats, one row each: name, state (a symbol, the word and a
// colour, never colour alone), when it was last heard from ("12 s ago"), since when it is down,
// its offline_after and a strip of its recent heartbeats. setMachines() takes the monitor's
// view; setNow() (every second) moves the ages and the strip without asking the monitor again.
class MachineListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StateColumn,
        LastSeenColumn,
        DownSinceColumn,
        OfflineAfterColumn,
        RecentColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // sortable value of the cell
        NameRole,                        // the machine's name, on every column
        RecentPingsRole,                 // RecentColumn: QVector<MachinePing>, oldest first
        NowRole,                         // the time setNow() last gave (epoch ms)
    };

    explicit MachineListModel(QObject *parent = nullptr);

    // By name, as MachineMonitor::machines() gives them.
    void setMachines(const QVector<MachineInfo> &machines);
    void setNow(qint64 nowMs); // refreshes only the time-dependent columns
    qint64 now() const { return m_nowMs; }

    const QVector<MachineInfo> &machines() const { return m_rows; }
    QString nameAt(int row) const;
    std::optional<MachineInfo> machine(const QString &name) const;

    // The state's word, symbol and colour, shared with the legend and the chart markers.
    static QString stateTitle(MachineState state);
    static QString stateSymbol(MachineState state);
    static QColor stateColor(MachineState state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVector<MachineInfo> m_rows;
    qint64 m_nowMs = 0;
};

} // namespace hb
