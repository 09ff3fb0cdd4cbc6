#include "walldraw.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace hb::walldraw {

QColor toneColor(WallTone tone)
{
    switch (tone) {
    case WallTone::Ok:
        return {0x2e, 0xc4, 0x8f}; // bluish green
    case WallTone::Warning:
        return {0xf0, 0xb0, 0x20}; // orange-yellow
    case WallTone::Bad:
        return {0xff, 0x6a, 0x3d}; // vermillion
    case WallTone::Neutral:
        break;
    }
    return {0xa8, 0xb0, 0xba};
}

QFont font(int pixelSize, bool bold)
{
    QFont f;
    f.setPixelSize(std::max(1, pixelSize));
    f.setBold(bold);
    return f;
}

void drawShape(QPainter &painter, const QRectF &rect, WallShape shape, const QColor &color)
{
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF r(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);
    const qreal line = std::max<qreal>(2.0, side / 8);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(color, line, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    const QRectF inner = r.adjusted(line / 2, line / 2, -line / 2, -line / 2);
    switch (shape) {
    case WallShape::Disc:
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(r);
        break;
    case WallShape::HalfDisc:
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(inner);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPie(inner, 90 * 16, 180 * 16);
        break;
    case WallShape::Cross: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        // An octagon with a white-ish bar cut: a stop sign reads as "stopped" to anyone.
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const qreal a = (22.5 + 45.0 * i) * M_PI / 180.0;
            octagon << r.center() + QPointF(std::cos(a), std::sin(a)) * side / 2;
        }
        painter.drawPolygon(octagon);
        painter.setPen(QPen(Background, line * 1.2, Qt::SolidLine, Qt::RoundCap));
        const qreal d = side * 0.2;
        painter.drawLine(r.center() + QPointF(-d, -d), r.center() + QPointF(d, d));
        painter.drawLine(r.center() + QPointF(-d, d), r.center() + QPointF(d, -d));
        break;
    }
    case WallShape::Triangle: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        QPolygonF tri;
        tri << QPointF(r.center().x(), r.top()) << r.bottomRight() << r.bottomLeft();
        painter.drawPolygon(tri);
        painter.setPen(QPen(Background, line, Qt::SolidLine, Qt::RoundCap));
        const qreal x = r.center().x();
        painter.drawLine(QPointF(x, r.top() + side * 0.38), QPointF(x, r.top() + side * 0.68));
        painter.drawPoint(QPointF(x, r.top() + side * 0.84));
        break;
    }
    case WallShape::Ring:
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(inner);
        break;
    case WallShape::Pause: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        const qreal w = side * 0.3;
        painter.drawRect(QRectF(r.left() + side * 0.12, r.top(), w, side));
        painter.drawRect(QRectF(r.right() - side * 0.12 - w, r.top(), w, side));
        break;
    }
    case WallShape::Info: {
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(inner);
        const qreal x = r.center().x();
        painter.drawLine(QPointF(x, r.top() + side * 0.45), QPointF(x, r.top() + side * 0.75));
        painter.drawPoint(QPointF(x, r.top() + side * 0.28));
        break;
    }
    }
    painter.restore();
}

int fittedSize(const QString &text, qreal width, int pixelSize, int minPixelSize, bool bold)
{
    int px = pixelSize;
    while (px > minPixelSize) {
        if (QFontMetricsF(font(px, bold)).horizontalAdvance(text) <= width)
            return px;
        px = std::max(minPixelSize, int(px * 0.92));
    }
    return minPixelSize;
}

int drawFitted(QPainter &painter, const QRectF &rect, const QString &text, int pixelSize,
               int minPixelSize, int alignment, bool bold, bool *elided)
{
    const int px = fittedSize(text, rect.width(), pixelSize, minPixelSize, bold);
    // Bold text that does not fit even at the smallest size is drawn regular before anything is
    // cut off.
    if (bold && px == minPixelSize &&
        QFontMetricsF(font(px, true)).horizontalAdvance(text) > rect.width())
        bold = false;
    const QFont f = font(px, bold);
    painter.setFont(f);
    const QString shown = QFontMetricsF(f).elidedText(text, Qt::ElideRight, rect.width());
    if (elided && shown != text)
        *elided = true;
    painter.drawText(rect, alignment | Qt::TextSingleLine, shown);
    return px;
}

} // namespace hb::walldraw
