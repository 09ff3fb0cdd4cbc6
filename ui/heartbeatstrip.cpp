#include "heartbeatstrip.h"

#include "machinelistmodel.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace hb {

void HeartbeatStripDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    // The cell's background (selection, alternate rows) as the style draws it, without the text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const auto pings = index.data(MachineListModel::RecentPingsRole).value<QVector<MachinePing>>();
    const qint64 now = index.data(MachineListModel::NowRole).toLongLong();
    const qint64 offlineAfter = index.siblingAtColumn(MachineListModel::OfflineAfterColumn)
                                    .data(MachineListModel::RawValueRole)
                                    .toLongLong();
    const QRect area = option.rect.adjusted(4, 3, -4, -3);
    if (area.width() < 4 || area.height() < 4)
        return;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    // The baseline, so an empty strip reads as "nothing heard" rather than a missing cell.
    painter->setPen(QPen(option.palette.color(QPalette::Mid), 1));
    painter->drawLine(area.left(), area.bottom(), area.right(), area.bottom());
    if (!pings.isEmpty() && now > 0) {
        // From the oldest kept ping (or one offline_after back, if that is further) to now.
        const qint64 span = std::max<qint64>({now - pings.constFirst().atMs, offlineAfter, 1000});
        const qint64 from = now - span;
        for (const MachinePing &ping : pings) {
            const double share = std::clamp(double(ping.atMs - from) / double(span), 0.0, 1.0);
            const int x = area.left() + int(share * (area.width() - 1));
            double height = 0.6;
            QColor color(0x2e, 0x7d, 0x32);
            int width = 1;
            if (ping.kind == PingKind::Fail) {
                height = 1.0;
                color = QColor(0xc6, 0x28, 0x28);
                width = 2;
            } else if (ping.kind == PingKind::Start) {
                height = 0.35;
                color = QColor(0x54, 0x6e, 0x7a);
            }
            painter->setPen(QPen(color, width));
            const int top = area.bottom() - int(height * area.height());
            painter->drawLine(x, area.bottom(), x, top);
        }
    }
    painter->restore();
}

QSize HeartbeatStripDelegate::sizeHint(const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(PreferredWidth);
    return size;
}

} // namespace hb
