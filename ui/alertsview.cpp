#include "alertsview.h"

#include "tableview.h"

#include "alerttreemodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>

#include <functional>

namespace hb {

namespace {

// Calls `f` on the first-column index of every row under `parent`, depth first.
void forEachRow(const QAbstractItemModel *model, const QModelIndex &parent,
                const std::function<void(const QModelIndex &)> &f)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        f(index);
        forEachRow(model, index, f);
    }
}

} // namespace

AlertsView::AlertsView(AlertTreeModel *model, QWidget *parent)
    : QTreeView(parent)
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(AlertTreeModel::SortRole);
    setModel(m_proxy);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setWordWrap(false);
    setAllColumnsShowFocus(true);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(AlertTreeModel::MessageColumn, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
    setSortingEnabled(true);
    sortByColumn(AlertTreeModel::TimeColumn, Qt::DescendingOrder);
    // The proxy resets with the model: remember before, restore after (the view has reset
    // itself by then, being connected first).
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, &AlertsView::rememberState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AlertsView::restoreState);
    restoreState();
}

void AlertsView::setEmptyText(const QString &text)
{
    if (m_emptyText == text)
        return;
    m_emptyText = text;
    viewport()->update();
}

bool AlertsView::showsEmptyText() const
{
    return !m_emptyText.isEmpty() && m_proxy->rowCount() == 0;
}

QModelIndex AlertsView::indexOfId(const QString &id) const
{
    QModelIndex found;
    forEachRow(m_proxy, {}, [&](const QModelIndex &index) {
        if (!found.isValid() && index.data(AlertTreeModel::IdRole).toString() == id)
            found = index;
    });
    return found;
}

void AlertsView::rememberState()
{
    forEachRow(m_proxy, {}, [this](const QModelIndex &index) {
        if (m_proxy->hasChildren(index))
            m_expanded.insert(index.data(AlertTreeModel::IdRole).toString(), isExpanded(index));
    });
    const QModelIndex selected =
        selectionModel() ? selectionModel()->selectedRows().value(0) : QModelIndex();
    m_selectedId =
        selected.isValid() ? selected.data(AlertTreeModel::IdRole).toString() : QString();
}

void AlertsView::restoreState()
{
    QHash<QString, bool> seen;
    forEachRow(m_proxy, {}, [&](const QModelIndex &index) {
        if (!m_proxy->hasChildren(index))
            return;
        const QString id = index.data(AlertTreeModel::IdRole).toString();
        const bool open = m_expanded.value(id, true); // a new root opens
        setExpanded(index, open);
        seen.insert(id, open);
    });
    m_expanded = seen; // forget roots that are gone: one that comes back opens again
    if (m_selectedId.isEmpty())
        return;
    const QModelIndex selected = indexOfId(m_selectedId);
    if (!selected.isValid())
        return;
    selectionModel()->select(selected,
                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // Made current (for the keyboard) only where it can be seen: making it current scrolls to
    // it, which would open a root the user closed.
    for (QModelIndex up = selected.parent(); up.isValid(); up = up.parent()) {
        if (!isExpanded(up))
            return;
    }
    selectionModel()->setCurrentIndex(selected, QItemSelectionModel::NoUpdate);
}

void AlertsView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    if (!showsEmptyText())
        return;
    paintEmptyText(viewport(), m_emptyText);
}

} // namespace hb
