#pragma once

#include <QHash>
#include <QString>
#include <QTreeView>

class QSortFilterProxyModel;

namespace hb {

class AlertTreeModel;

// The Alerts panel: the alert tree (root causes with the alerts they hold under them), sortable
// by any column (newest first to begin with). The model is rebuilt as alerts come and go; the
// view keeps what the user chose across that: which roots are open (a new root opens) and which
// row is selected. With no alerts it says so in the middle.
class AlertsView : public QTreeView
{
    Q_OBJECT
public:
    explicit AlertsView(AlertTreeModel *model, QWidget *parent = nullptr);

    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    bool showsEmptyText() const;
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    // The view's index of the row whose AlertTreeModel::IdRole is `id`; invalid if none.
    QModelIndex indexOfId(const QString &id) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void rememberState();
    void restoreState();

    QSortFilterProxyModel *m_proxy;
    QString m_emptyText;
    QHash<QString, bool> m_expanded; // by IdRole: what the user left open or closed
    QString m_selectedId;
};

} // namespace hb
