#pragma once

#include "core/alert.h"
#include "snapshot.h"

#include <QAbstractTableModel>

namespace hb {

// Alerts, newest first: the active ones and those that cleared since the app started
// (bounded). Tells which alerts are new in each snapshot so the window can notify once.
class AlertListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int MaxRows = 500;
    enum Column { TimeColumn, SeverityColumn, SourceColumn, MessageColumn, StatusColumn, ColumnCount };

    explicit AlertListModel(QObject *parent = nullptr);

    // Returns the alerts that were not active in the previous snapshot.
    QVector<Alert> setSnapshot(const EngineSnapshot &snapshot);
    int activeCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Alert alert;
        bool active = true;
    };
    QVector<Row> m_rows; // newest first
};

} // namespace hb
