#pragma once

#include <QStyledItemDelegate>

namespace hb {

// Paints MachineListModel's recent heartbeats as a strip of ticks placed by time, the newest at
// the right edge (now): a silence shows as empty room on the right. A plain heartbeat is a
// mid-height green tick, a /start ping a short grey one, a /fail ping a full-height red one (so
// height tells them apart without colour).
class HeartbeatStripDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int PreferredWidth = 180;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace hb
