#pragma once

#include "core/alert.h"
#include "machines/machinetypes.h"
#include "snapshot.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QMap>
#include <QStringList>

namespace hb {

// Alerts, newest first: the active ones and those that cleared since the app started
// (bounded), as a tree: a root cause the notifier's dependency rules hold alerts under (oracle
// down, a machine down) is a top-level row saying how many it holds, the held alerts are its
// children; every other alert is a top-level row of its own. A machine down has no alert of
// its own: its row is made from the machine's name and state. Tells which alerts are new in
// each snapshot so the window can notify once.
//
// GUI thread only: the window feeds it the snapshots and what the notifier holds
// (Notifier::heldUnder(), read again on heldChanged()).
class AlertTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    static constexpr int MaxRows = 500;
    enum Column {
        TimeColumn,
        AgeColumn,
        SeverityColumn,
        SourceColumn,
        MessageColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // time and age: epoch ms; severity: its rank; else the text
        ConditionRole,               // the notifier's condition key ("alert:SOURCE/KEY", ...)
        IdRole,                      // stable across updates (the condition, and the time raised)
        HeldCountRole                // a root: how many conditions it holds; else 0
    };

    explicit AlertTreeModel(QObject *parent = nullptr);

    // Returns the alerts that were not active in the previous snapshot.
    QVector<Alert> setSnapshot(const EngineSnapshot &snapshot);
    // Root cause (condition key) -> the conditions held under it, as Notifier::heldUnder()
    // says; `machines`: the monitor's view, for the rows of machines that are down.
    void setHeld(const QMap<QString, QStringList> &held, const QVector<MachineInfo> &machines = {});
    // The Age column counts from here (epoch ms).
    void setNow(qint64 nowMs);
    int activeCount() const;

    // The condition key the notifier gives an alert.
    static QString conditionOf(const Alert &alert);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
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
    struct Node
    {
        int parent = -1; // index in m_nodes; -1: top level
        int row = 0;     // under its parent
        QVector<int> children;
        int alertRow = -1; // index in m_rows; -1: no alert row (a machine, or not yet shown)
        QString condition;
        int heldCount = 0;
    };
    void rebuild();
    int addNode(const QString &condition, int alertRow, int parent, QHash<QString, int> &activeRows,
                QSet<QString> &placed);
    QString messageOf(const Node &node) const;
    qint64 timeOf(const Node &node) const;
    Severity severityOf(const Node &node) const;
    QString sourceOf(const Node &node) const;
    QString statusOf(const Node &node) const;
    bool activeOf(const Node &node) const;

    QVector<Row> m_rows; // newest first
    QMap<QString, QStringList> m_held;
    QHash<QString, MachineInfo> m_machines;
    QVector<Node> m_nodes;
    QVector<int> m_top;
    qint64 m_nowMs = 0;
};

} // namespace hb
