// WallWindow's painting of the header, the status banner, the tile pages and the leave question.
#include "wallwindow.h"

#include "core/clock.h"
#include "walldraw.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace hb {

using namespace walldraw;

namespace {

qreal advance(const QString &text, int px, bool bold)
{
    return QFontMetricsF(font(px, bold)).horizontalAdvance(text);
}

// The columns that fit `count` tiles of at least `minWidth` × `height` into `area` with the
// fewest columns (the widest tiles); 0 when they do not all fit.
int gridColumns(int count, const QSizeF &area, qreal minWidth, qreal height, qreal gap)
{
    for (int columns = 1; columns <= count; ++columns) {
        const int rows = (count + columns - 1) / columns;
        const qreal width = (area.width() - (columns - 1) * gap) / columns;
        if (width < minWidth)
            return 0;
        if (rows * height + (rows - 1) * gap <= area.height())
            return columns;
    }
    return 0;
}

} // namespace

int WallWindow::text(QPainter &p, const QRectF &rect, const QString &text, int px, int minPx,
                     int align, bool bold)
{
    bool elided = false;
    const int used =
        drawFitted(p, rect, text, px, std::max(minPx, labelPixelSize()), align, bold, &elided);
    if (elided)
        m_elided.append(text);
    return used;
}

void WallWindow::paintRing(QPainter &p, const QRectF &rect)
{
    const qreal side = std::min(rect.width(), rect.height());
    const qreal line = std::max<qreal>(2.0, side / 7);
    const QRectF r = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
                         .adjusted(line / 2, line / 2, -line / 2, -line / 2);
    p.save();
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(Grid, line));
    p.drawEllipse(r);
    const qint64 pageMs = qint64(std::max(1, m_config.wallPageSeconds)) * 1000;
    const double left = m_pinned ? 1.0 : double(pageTimeLeftMs()) / double(pageMs);
    p.setPen(QPen(Accent, line, Qt::SolidLine, Qt::FlatCap));
    p.drawArc(r, 90 * 16, int(std::round(left * 360 * 16)));
    if (m_pinned)
        drawShape(p, r.adjusted(side * 0.22, side * 0.22, -side * 0.22, -side * 0.22),
                  WallShape::Pause, Accent);
    p.restore();
}

void WallWindow::paintHeader(QPainter &p, const QRectF &rect)
{
    const int label = labelPixelSize();
    const int big = int(std::round(label * 1.25));
    const qint64 t = now();
    const SourceStatus status = m_source.status();

    // Right to left: the page ring, the clock, how old the data is.
    const QRectF ring(rect.right() - rect.height(), rect.top(), rect.height(), rect.height());
    paintRing(p, ring);
    const QString clock = QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("HH:mm:ss"));
    const qreal clockWidth = advance(clock, big, true) + label * 0.3;
    const QRectF clockRect(ring.left() - label * 0.6 - clockWidth, rect.top(), clockWidth,
                           rect.height());
    p.setPen(Text);
    text(p, clockRect, clock, big, big, Qt::AlignRight | Qt::AlignVCenter, true);
    const QString updated = WallText::updatedText(status, t);
    const qreal updatedWidth =
        std::min(advance(updated, label, false) + label * 0.3, rect.width() * 0.35);
    const QRectF updatedRect(clockRect.left() - label * 0.8 - updatedWidth, rect.top(),
                             updatedWidth, rect.height());
    p.setPen(status.isLive() ? Secondary : toneColor(WallTone::Warning));
    text(p, updatedRect, updated, label, label, Qt::AlignRight | Qt::AlignVCenter);

    // Left: the page, where it is in the rotation, and whether it is pinned.
    const QVector<Page> rotation = pages();
    const QString title = pageTitle(m_page);
    QString where = QStringLiteral("%1/%2").arg(rotation.indexOf(m_page) + 1).arg(rotation.size());
    if (m_pinned)
        where += QStringLiteral(" · ") + tr("pinned");
    const QRectF left(rect.left(), rect.top(), updatedRect.left() - rect.left() - label,
                      rect.height());
    const qreal titleWidth = std::min(advance(title, big, true) + label * 0.5, left.width() * 0.7);
    p.setPen(Text);
    text(p, QRectF(left.topLeft(), QSizeF(titleWidth, left.height())), title, big, label,
         Qt::AlignLeft | Qt::AlignVCenter, true);
    p.setPen(m_pinned ? Accent : Secondary);
    text(p, left.adjusted(titleWidth, 0, 0, 0), where, label, label,
         Qt::AlignLeft | Qt::AlignVCenter);
}

QRectF WallWindow::paintStatusBanner(QPainter &p, const QRectF &rect)
{
    const SourceStatus status = m_source.status();
    if (status.isLive())
        return rect;
    const qint64 t = now();
    const int label = labelPixelSize();
    const int headlinePx = int(std::ceil(height() / 13.0));
    const qreal pad = label * 0.5;
    const qreal height = headlinePx * 1.2 + label * 1.3 + pad * 2;
    const QRectF banner(rect.left(), rect.top(), rect.width(), height);

    WallTone tone = WallTone::Bad;
    WallShape shape = WallShape::Cross;
    if (status.state == SourceStatus::State::Quiet) {
        tone = WallTone::Warning;
        shape = WallShape::Triangle;
    } else if (status.state == SourceStatus::State::Connecting) {
        tone = WallTone::Neutral;
        shape = WallShape::Ring;
    }
    const QColor color = toneColor(tone);
    p.save();
    p.setPen(QPen(color, std::max(2.0, label * 0.12)));
    // The state's hue, dark enough that white text on it stays high-contrast.
    const QColor fill = QColor::fromHsvF(color.hsvHueF(), color.hsvSaturationF(), 0.22f);
    p.setBrush(fill);
    p.drawRoundedRect(banner, label * 0.3, label * 0.3);
    const qreal shapeSide = headlinePx;
    drawShape(
        p, QRectF(banner.left() + pad, banner.top() + pad + headlinePx * 0.1, shapeSide, shapeSide),
        shape, color);
    const QRectF textArea = banner.adjusted(pad * 2 + shapeSide, pad, -pad, -pad);
    p.setPen(Text);
    text(p, QRectF(textArea.topLeft(), QSizeF(textArea.width(), headlinePx * 1.2)),
         WallText::statusHeadline(status, t), headlinePx, int(label * 1.3),
         Qt::AlignLeft | Qt::AlignVCenter, true);
    text(p, textArea.adjusted(0, headlinePx * 1.2, 0, 0), WallText::statusDetail(status, t), label,
         label, Qt::AlignLeft | Qt::AlignVCenter);
    p.restore();
    return rect.adjusted(0, height + label * 0.5, 0, 0);
}

void WallWindow::paintTile(QPainter &p, const QRectF &rect, const WallTile &tile,
                           TileVariant variant)
{
    const int label = labelPixelSize();
    const int key = keyNumberPixelSize();
    const int statePx = int(std::round(key * 0.7));
    const qreal pad = label * 0.45;
    const QColor color = toneColor(tile.tone);
    p.save();
    p.setPen(QPen(color, std::max(2.0, label * 0.1)));
    p.setBrush(Panel);
    p.drawRoundedRect(rect, label * 0.3, label * 0.3);
    // A band of the state's colour down the left edge: the room sees a red tile before the words.
    p.fillRect(
        QRectF(rect.left(), rect.top() + label * 0.3, label * 0.25, rect.height() - label * 0.6),
        color);
    QRectF r = rect.adjusted(pad + label * 0.25, pad, -pad, -pad);
    qreal y = r.top();
    p.setPen(Text);
    text(p, QRectF(r.left(), y, r.width(), label * 1.5), tile.title, int(label * 1.15), label,
         Qt::AlignLeft | Qt::AlignVCenter, true);
    y += label * 1.5;
    drawShape(p, QRectF(r.left(), y + statePx * 0.15, statePx * 0.8, statePx * 0.8), tile.shape,
              color);
    p.setPen(color);
    text(p, QRectF(r.left() + statePx, y, r.width() - statePx, statePx * 1.15), tile.state, statePx,
         label, Qt::AlignLeft | Qt::AlignVCenter, true);
    y += statePx * 1.2;
    QStringList lines;
    switch (variant) {
    case TileVariant::Full:
        p.setPen(Text);
        text(p, QRectF(r.left(), y, r.width(), key * 1.1), tile.number, key, label,
             Qt::AlignLeft | Qt::AlignVCenter, true);
        y += key * 1.1;
        lines << tile.numberLabel;
        break;
    case TileVariant::Split:
        lines << tile.number << tile.numberLabel;
        break;
    case TileVariant::Joined:
        lines << tile.number + u' ' + tile.numberLabel;
        break;
    }
    lines << tile.detail;
    for (int i = 0; i < lines.size(); ++i) {
        p.setPen(i + 1 == lines.size() ? Text : Secondary);
        text(p, QRectF(r.left(), y, r.width(), label * 1.4), lines.at(i), label, label,
             Qt::AlignLeft | Qt::AlignVCenter, variant == TileVariant::Split && i == 0);
        y += label * 1.4;
    }
    p.restore();
}

void WallWindow::paintTiles(QPainter &p, const QRectF &rect, const QVector<WallTile> &tiles,
                            const QString &emptyText)
{
    const int label = labelPixelSize();
    const int key = keyNumberPixelSize();
    if (tiles.isEmpty()) {
        p.setPen(Secondary);
        text(p, rect, emptyText, key, label, Qt::AlignCenter, true);
        return;
    }
    const qreal gap = label * 0.6;
    const qreal pad = label * 0.45;
    const qreal statePx = std::round(key * 0.7);
    const int count = int(tiles.size());
    const qreal common = pad * 2 + label * 1.5 + statePx * 1.2;
    // The widest line a tile must hold at the smallest sizes, so no word is cut off.
    const auto needed = [&](TileVariant variant) {
        qreal need = label * 11.0;
        for (const WallTile &t : tiles) {
            need = std::max(need, advance(t.title, label, false));
            need = std::max(need, statePx + advance(t.state, label, true));
            need = std::max(need, advance(t.detail, label, false));
            switch (variant) {
            case TileVariant::Full:
                need = std::max(need, advance(t.number, key, true));
                need = std::max(need, advance(t.numberLabel, label, false));
                break;
            case TileVariant::Split:
                need = std::max(need, advance(t.number, label, true));
                need = std::max(need, advance(t.numberLabel, label, false));
                break;
            case TileVariant::Joined:
                need = std::max(need, advance(t.number + u' ' + t.numberLabel, label, false));
                break;
            }
        }
        return need + pad * 2 + label * 0.3;
    };
    // The key number in large type when there is room, else on a line of its own, else beside
    // what it counts.
    const struct
    {
        TileVariant variant;
        qreal height;
    } variants[] = {{TileVariant::Full, common + key * 1.1 + label * 2.8},
                    {TileVariant::Split, common + label * 4.2},
                    {TileVariant::Joined, common + label * 2.8}};
    for (const auto &v : variants) {
        const int columns = gridColumns(count, rect.size(), needed(v.variant), v.height, gap);
        if (columns == 0)
            continue;
        const qreal width = (rect.width() - (columns - 1) * gap) / columns;
        for (int i = 0; i < count; ++i) {
            paintTile(p,
                      QRectF(rect.left() + (i % columns) * (width + gap),
                             rect.top() + (i / columns) * (v.height + gap), width, v.height),
                      tiles.at(i), v.variant);
        }
        return;
    }

    // Too many, or words too long, for tiles side by side: one line each, across the screen.
    const qreal rowHeight = label * 1.7;
    const qreal rowGap = label * 0.3;
    int shown = std::min(count, int((rect.height() + rowGap) / (rowHeight + rowGap)));
    if (shown < count)
        shown = std::max(0, int((rect.height() - label * 1.5) / (rowHeight + rowGap)));
    qreal stateWidth = 0;
    for (const WallTile &t : tiles)
        stateWidth = std::max(stateWidth, advance(t.state, label, true) + label * 0.8);
    for (int i = 0; i < shown; ++i) {
        const WallTile &t = tiles.at(i);
        const QRectF r(rect.left(), rect.top() + i * (rowHeight + rowGap), rect.width(), rowHeight);
        const QColor color = toneColor(t.tone);
        p.save();
        p.setPen(Qt::NoPen);
        p.setBrush(Panel);
        p.drawRoundedRect(r, label * 0.25, label * 0.25);
        p.fillRect(QRectF(r.left(), r.top(), label * 0.25, r.height()), color);
        const QRectF in = r.adjusted(label * 0.6, 0, -label * 0.5, 0);
        drawShape(p, QRectF(in.left(), in.center().y() - label * 0.5, label, label), t.shape,
                  color);
        p.setPen(color);
        text(p, QRectF(in.left() + label * 1.4, in.top(), stateWidth, in.height()), t.state, label,
             label, Qt::AlignLeft | Qt::AlignVCenter, true);
        QString right = t.number + u' ' + t.numberLabel;
        if (!t.detail.isEmpty())
            right += QStringLiteral(" · ") + t.detail;
        const qreal titleLeft = in.left() + label * 1.4 + stateWidth;
        // The title keeps what it needs (up to half the line), the rest is the right side's.
        const qreal space = in.right() - titleLeft;
        const qreal titleWidth = std::min(advance(t.title, label, true) + label, space * 0.5);
        const qreal rightWidth =
            std::min(advance(right, label, false) + label * 0.5, space - titleWidth);
        p.setPen(Secondary);
        text(p, QRectF(in.right() - rightWidth, in.top(), rightWidth, in.height()), right, label,
             label, Qt::AlignRight | Qt::AlignVCenter);
        p.setPen(Text);
        text(p, QRectF(titleLeft, in.top(), in.right() - rightWidth - titleLeft, in.height()),
             t.title, label, label, Qt::AlignLeft | Qt::AlignVCenter, true);
        p.restore();
    }
    if (shown < count) {
        p.setPen(Secondary);
        text(p, QRectF(rect.left(), rect.bottom() - label * 1.5, rect.width(), label * 1.5),
             tr("%n more not shown", nullptr, count - shown), label, label,
             Qt::AlignRight | Qt::AlignVCenter);
    }
}

void WallWindow::paintAlerts(QPainter &p, const QRectF &rect)
{
    const int label = labelPixelSize();
    const int key = keyNumberPixelSize();
    const QVector<WallTile> rows = alertRows();
    if (rows.isEmpty()) {
        const QRectF mid(rect.left(), rect.center().y() - key, rect.width(), key * 2);
        const QString none = tr("No active alerts");
        const int px = fittedSize(none, rect.width() - key * 2, key, label, true);
        const qreal w = advance(none, px, true) + key * 1.2;
        const qreal x = rect.center().x() - w / 2;
        drawShape(p, QRectF(x, mid.center().y() - key * 0.4, key * 0.8, key * 0.8), WallShape::Disc,
                  toneColor(WallTone::Ok));
        p.setPen(Text);
        text(p, QRectF(x + key * 1.2, mid.top(), w - key * 1.2 + 2, mid.height()), none, px, label,
             Qt::AlignLeft | Qt::AlignVCenter, true);
        return;
    }

    // The count in large type, then one row per alert.
    const int critical = int(std::count_if(
        rows.cbegin(), rows.cend(), [](const WallTile &t) { return t.tone == WallTone::Bad; }));
    const QString count = QLocale().toString(rows.size());
    const qreal countWidth = advance(count, key, true) + label * 0.6;
    p.setPen(critical > 0 ? toneColor(WallTone::Bad) : toneColor(WallTone::Warning));
    text(p, QRectF(rect.left(), rect.top(), countWidth, key * 1.15), count, key, key,
         Qt::AlignLeft | Qt::AlignVCenter, true);
    QString summary = tr("active alerts", nullptr, int(rows.size()));
    if (critical > 0)
        summary += QStringLiteral(" · ") + tr("%n critical", nullptr, critical);
    p.setPen(Text);
    text(p, QRectF(rect.left() + countWidth, rect.top(), rect.width() - countWidth, key * 1.15),
         summary, int(label * 1.3), label, Qt::AlignLeft | Qt::AlignVCenter);

    const qreal gap = label * 0.4;
    const qreal rowHeight = label * 3.4;
    QRectF area = rect.adjusted(0, key * 1.15 + gap, 0, 0);
    int fit = std::max(1, int((area.height() + gap) / (rowHeight + gap)));
    if (fit < rows.size())
        fit = std::max(1, int((area.height() - label * 1.5 + gap) / (rowHeight + gap)));
    const int shown = std::min<int>(fit, int(rows.size()));
    const int big = int(std::round(label * 1.2));
    for (int i = 0; i < shown; ++i) {
        const WallTile &row = rows.at(i);
        const QRectF r(area.left(), area.top() + i * (rowHeight + gap), area.width(), rowHeight);
        const QColor color = toneColor(row.tone);
        p.save();
        p.setPen(Qt::NoPen);
        p.setBrush(Panel);
        p.drawRoundedRect(r, label * 0.3, label * 0.3);
        p.fillRect(QRectF(r.left(), r.top(), label * 0.25, r.height()), color);
        // Line one: what kind, from where, how old; line two: the message, the full width.
        const qreal pad = label * 0.5;
        const QRectF in = r.adjusted(pad + label * 0.25, pad * 0.4, -pad, -pad * 0.4);
        const qreal line = in.height() / 2;
        drawShape(p, QRectF(in.left(), in.top() + (line - label) / 2, label, label), row.shape,
                  color);
        const qreal wordWidth = advance(row.state, label, true) + label * 0.6;
        p.setPen(color);
        text(p, QRectF(in.left() + label * 1.4, in.top(), wordWidth, line), row.state, label, label,
             Qt::AlignLeft | Qt::AlignVCenter, true);
        const qreal ageWidth = advance(row.number, label, true) + label * 0.3;
        p.setPen(Text);
        text(p, QRectF(in.right() - ageWidth, in.top(), ageWidth, line), row.number, label, label,
             Qt::AlignRight | Qt::AlignVCenter, true);
        const qreal sourceLeft = in.left() + label * 1.4 + wordWidth;
        p.setPen(Secondary);
        text(p, QRectF(sourceLeft, in.top(), in.right() - ageWidth - label - sourceLeft, line),
             row.detail, label, label, Qt::AlignLeft | Qt::AlignVCenter);
        p.setPen(Text);
        text(p, QRectF(in.left() + label * 1.4, in.top() + line, in.width() - label * 1.4, line),
             row.title, big, label, Qt::AlignLeft | Qt::AlignVCenter);
        p.restore();
    }
    if (shown < rows.size()) {
        p.setPen(Secondary);
        text(p, QRectF(area.left(), area.bottom() - label * 1.5, area.width(), label * 1.5),
             tr("%n more not shown", nullptr, int(rows.size()) - shown), label, label,
             Qt::AlignRight | Qt::AlignVCenter);
    }
}

void WallWindow::paintConfirm(QPainter &p)
{
    const int label = labelPixelSize();
    const int key = keyNumberPixelSize();
    p.fillRect(rect(), QColor(0, 0, 0, 210));
    const qreal w = width() * 0.75;
    const qreal h = key * 1.4 + label * 2.2 + label * 1.6;
    const QRectF box(width() / 2.0 - w / 2, height() / 2.0 - h / 2, w, h);
    p.setPen(QPen(Accent, std::max(2.0, label * 0.12)));
    p.setBrush(Panel);
    p.drawRoundedRect(box, label * 0.4, label * 0.4);
    const QRectF in = box.adjusted(label * 0.8, label * 0.8, -label * 0.8, -label * 0.8);
    p.setPen(Text);
    text(p, QRectF(in.left(), in.top(), in.width(), key * 1.4), tr("Leave the wall display?"), key,
         label, Qt::AlignCenter, true);
    // (A coarse timer may report a little more than it was started with.)
    const int secondsLeft =
        std::min(ConfirmTimeoutMs, m_confirmTimeout.remainingTime() + 999) / 1000;
    p.setPen(Secondary);
    text(p, QRectF(in.left(), in.top() + key * 1.4, in.width(), label * 2.2),
         tr("Enter or Y: leave · Esc or N: stay (%1 s)").arg(std::max(0, secondsLeft)), label,
         label, Qt::AlignCenter);
}

} // namespace hb
