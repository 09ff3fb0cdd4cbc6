// WallWindow's overview: the verdict, the four charts (drawn here from bounded buckets, not
// Qt Charts: a few hundred points a frame, nothing allocated per series) and the breaker list.
#include "wallwindow.h"

#include "format.h"
#include "walldraw.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hb {

using namespace walldraw;

namespace {

const QColor CyclesColor{0xcc, 0x79, 0xa7}; // reddish purple, apart from the state colours

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

void WallWindow::paintOverview(QPainter &p, const QRectF &rect)
{
    const int label = labelPixelSize();
    const int key = keyNumberPixelSize();
    const WallVerdict v = verdict();
    const QColor color = toneColor(v.tone);
    drawShape(p, QRectF(rect.left(), rect.top() + key * 0.2, key * 0.8, key * 0.8), v.shape, color);
    p.setPen(color);
    text(p, QRectF(rect.left() + key, rect.top(), rect.width() - key, key * 1.2), v.title, key,
         int(label * 1.3), Qt::AlignLeft | Qt::AlignVCenter, true);
    p.setPen(Text);
    text(p, QRectF(rect.left() + key, rect.top() + key * 1.2, rect.width() - key, label * 1.4),
         v.detail, label, label, Qt::AlignLeft | Qt::AlignVCenter);

    const qreal gap = label * 0.8;
    const QRectF below = rect.adjusted(0, key * 1.2 + label * 1.4 + gap, 0, 0);
    const qreal listWidth = std::round(below.width() * 0.27);
    paintCharts(p, below.adjusted(0, 0, -listWidth - gap, 0));
    paintBreakerList(p, QRectF(below.right() - listWidth, below.top(), listWidth, below.height()));
}

void WallWindow::paintBreakerList(QPainter &p, const QRectF &rect)
{
    const int label = labelPixelSize();
    const QVector<WallTile> tiles = breakerTiles();
    // The overview names the breakers that are not closed (open ones first: they are why anyone
    // looks) and counts the closed ones; the breakers page has a tile for each.
    QVector<WallTile> notClosed;
    for (WallTone tone : {WallTone::Bad, WallTone::Warning}) {
        for (const WallTile &t : tiles)
            if (t.tone == tone)
                notClosed.append(t);
    }
    const int closed = int(tiles.size() - notClosed.size());
    p.setPen(Secondary);
    text(p, QRectF(rect.left(), rect.top(), rect.width(), label * 1.4), tr("Circuit breakers"),
         label, label, Qt::AlignLeft | Qt::AlignVCenter, true);
    const qreal line = label * 1.3;
    const qreal pad = label * 0.3;
    const qreal gap = label * 0.3;
    QRectF area = rect.adjusted(0, label * 1.5, 0, 0);
    const qreal shape = label * 0.9;

    const auto summaryRow = [&](const QString &words, WallShape s, WallTone tone) {
        const QRectF r(area.left(), area.top(), area.width(), line + pad * 2);
        p.save();
        p.setPen(Qt::NoPen);
        p.setBrush(Panel);
        p.drawRoundedRect(r, label * 0.25, label * 0.25);
        drawShape(p, QRectF(r.left() + pad, r.center().y() - shape / 2, shape, shape), s,
                  toneColor(tone));
        p.setPen(toneColor(tone));
        text(p, r.adjusted(pad * 2 + shape, 0, -pad, 0), words, label, label,
             Qt::AlignLeft | Qt::AlignVCenter, true);
        p.restore();
        area.setTop(r.bottom() + gap);
    };

    // A title too long for one line takes two.
    const qreal titleWidth = area.width() - pad * 3 - shape;
    const auto titleLines = [&](const WallTile &t) {
        return QFontMetricsF(walldraw::font(label)).horizontalAdvance(t.title) > titleWidth ? 2 : 1;
    };
    const qreal reserved = closed > 0 ? line + pad * 2 + gap : 0;
    int shown = 0;
    for (const WallTile &t : notClosed) {
        const qreal h = line * (1 + titleLines(t)) + pad * 2;
        const bool last = shown + 1 == notClosed.size();
        // Room for this one, and for the "more" line unless it is the last.
        if (area.top() + h + reserved + (last ? 0 : line + pad * 2 + gap) > area.bottom() + 0.5)
            break;
        const QRectF r(area.left(), area.top(), area.width(), h);
        const QColor color = toneColor(t.tone);
        p.save();
        p.setPen(QPen(color, std::max(2.0, label * 0.08)));
        p.setBrush(Panel);
        p.drawRoundedRect(r, label * 0.25, label * 0.25);
        drawShape(p, QRectF(r.left() + pad, r.top() + pad + (line - shape) / 2, shape, shape),
                  t.shape, color);
        const QRectF first(r.left() + pad * 2 + shape, r.top() + pad, titleWidth, line);
        const qreal wordWidth = std::min(
            first.width(),
            QFontMetricsF(walldraw::font(label, true)).horizontalAdvance(t.state) + label * 0.4);
        p.setPen(color);
        text(p, QRectF(first.topLeft(), QSizeF(wordWidth, line)), t.state, label, label,
             Qt::AlignLeft | Qt::AlignVCenter, true);
        // An open breaker's countdown to its next trial, as on its tile.
        const qsizetype index =
            std::find_if(
                m_snapshot->breakers.cbegin(), m_snapshot->breakers.cend(),
                [&](const BreakerStatus &b) { return format::taskTitle(b.task) == t.title; }) -
            m_snapshot->breakers.cbegin();
        const qint64 retryAt = m_snapshot->breakerRetryAtMs.value(index, 0);
        if (t.tone == WallTone::Bad && retryAt > now()) {
            p.setPen(Text);
            text(p, first.adjusted(wordWidth, 0, 0, 0), WallText::countdown(retryAt - now()), label,
                 label, Qt::AlignRight | Qt::AlignVCenter, true);
        }
        p.setPen(Text);
        const QRectF titleRect(first.left(), first.bottom(), first.width(), line * titleLines(t));
        if (titleLines(t) == 1) {
            text(p, titleRect, t.title, label, label, Qt::AlignLeft | Qt::AlignVCenter);
        } else {
            p.setFont(walldraw::font(label));
            const QRectF needed =
                p.boundingRect(titleRect, Qt::AlignLeft | Qt::TextWordWrap, t.title);
            if (needed.height() > titleRect.height() + 1 || needed.width() > titleRect.width() + 1)
                m_elided.append(t.title);
            p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, t.title);
        }
        p.restore();
        area.setTop(r.bottom() + gap);
        ++shown;
    }
    if (shown < notClosed.size())
        summaryRow(tr("%n more not closed", nullptr, int(notClosed.size()) - shown),
                   WallShape::Triangle, WallTone::Warning);
    if (closed > 0)
        summaryRow(notClosed.isEmpty() ? tr("all %n closed", nullptr, closed)
                                       : tr("%n closed", nullptr, closed),
                   WallShape::Disc, WallTone::Ok);
    else if (tiles.isEmpty())
        summaryRow(tr("none yet"), WallShape::Ring, WallTone::Neutral);
}

void WallWindow::paintChartFrame(QPainter &p, const QRectF &rect, const QString &title,
                                 const QString &value, const ChartText &legend, QRectF *plot)
{
    const int label = labelPixelSize();
    const int key = keyNumberPixelSize();
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(Panel);
    p.drawRoundedRect(rect, label * 0.3, label * 0.3);
    p.restore();
    const qreal pad = label * 0.4;
    const QRectF in = rect.adjusted(pad, pad * 0.5, -pad, -pad);
    p.setPen(Secondary);
    text(p, QRectF(in.left(), in.top(), in.width(), label * 1.35), title, label, label,
         Qt::AlignLeft | Qt::AlignVCenter, true);
    // The value large, and under it the legend: its parts side by side, each in its colour.
    const qreal top = in.top() + label * 1.35;
    const qreal valueHeight = key * 1.1;
    p.setPen(Text);
    text(p, QRectF(in.left(), top, in.width(), valueHeight), value, key, key,
         Qt::AlignLeft | Qt::AlignVCenter, true);
    const qreal legendTop = top + valueHeight;
    qreal x = in.left();
    for (int i = 0; i < legend.size(); ++i) {
        const QString &part = legend.at(i).first;
        const qreal w =
            i + 1 == legend.size()
                ? in.right() - x
                : std::min(in.right() - x,
                           QFontMetricsF(walldraw::font(label)).horizontalAdvance(part) + label);
        p.setPen(legend.at(i).second);
        text(p, QRectF(x, legendTop, w, label * 1.3), part, label, label,
             Qt::AlignLeft | Qt::AlignVCenter);
        x += w;
    }
    const qreal plotTop = legendTop + label * 1.4;
    *plot = QRectF(in.left(), plotTop, in.width(), in.bottom() - plotTop);
}

void WallWindow::paintLines(QPainter &p, const QRectF &plot, const QVector<ChartLine> &lines,
                            double floor, double ceiling, bool ownScales,
                            const std::function<QString(double)> &valueText)
{
    const int label = labelPixelSize();
    const qint64 to = now();
    const qint64 from = to - m_charts.executionMs().spanMs();
    const auto range = [&](const QVector<QPointF> &pts, double &lo, double &hi) {
        lo = std::isnan(floor) ? std::numeric_limits<double>::max() : floor;
        hi = std::isnan(ceiling) ? std::numeric_limits<double>::lowest() : ceiling;
        for (const QPointF &pt : pts) {
            if (std::isnan(floor))
                lo = std::min(lo, pt.y());
            if (std::isnan(ceiling))
                hi = std::max(hi, pt.y());
        }
        if (hi <= lo)
            hi = lo + 1;
    };
    double sharedLo = 0, sharedHi = 1;
    if (!ownScales) {
        QVector<QPointF> all;
        for (const ChartLine &l : lines)
            all += l.points;
        range(all, sharedLo, sharedHi);
    }
    p.save();
    p.setPen(QPen(Grid, 1));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(QPointF(plot.left(), plot.top() + label * 1.2),
               QPointF(plot.right(), plot.top() + label * 1.2));
    const QRectF lineArea = plot.adjusted(0, label * 1.2, 0, -std::max(2.0, label * 0.1));
    if (!ownScales && valueText && !lines.isEmpty() && !lines.first().points.isEmpty()) {
        p.setPen(Secondary);
        text(p, QRectF(plot.left(), plot.top(), plot.width(), label * 1.2), valueText(sharedHi),
             label, label, Qt::AlignLeft | Qt::AlignTop);
    }
    const qreal lineWidth = std::max(2.0, label * 0.12);
    for (const ChartLine &l : lines) {
        if (l.points.isEmpty())
            continue;
        double lo = sharedLo, hi = sharedHi;
        if (ownScales)
            range(l.points, lo, hi);
        QPolygonF poly;
        poly.reserve(l.points.size());
        for (const QPointF &pt : l.points) {
            const qreal x =
                lineArea.left() + (pt.x() - from) / double(to - from) * lineArea.width();
            const qreal y = lineArea.bottom() - (pt.y() - lo) / (hi - lo) * lineArea.height();
            poly << QPointF(std::clamp(x, lineArea.left(), lineArea.right()),
                            std::clamp(y, lineArea.top(), lineArea.bottom()));
        }
        p.setPen(
            QPen(l.color, lineWidth * l.widthShare, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        if (poly.size() == 1)
            p.drawPoint(poly.first());
        else
            p.drawPolyline(poly);
    }
    p.restore();
}

void WallWindow::paintShardChart(QPainter &p, const QRectF &rect)
{
    const QMap<QString, double> &loads = m_charts.shardLoads();
    double mean = 0, peak = 0;
    for (double v : loads) {
        mean += v;
        peak = std::max(peak, v);
    }
    if (!loads.isEmpty())
        mean /= loads.size();
    QRectF plot;
    paintChartFrame(
        p, rect, tr("Load of %n shard(s)", nullptr, int(loads.size())),
        loads.isEmpty() ? QStringLiteral("—") : WallText::compactNumber(peak),
        {{tr("busiest"), Accent},
         {loads.isEmpty() ? QString() : tr("- - mean %1").arg(WallText::compactNumber(mean)),
          Text}},
        &plot);
    if (loads.isEmpty() || plot.height() <= 0)
        return;
    p.save();
    p.setPen(QPen(Grid, 1));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    const qreal slot = plot.width() / loads.size();
    const qreal bar = std::max(1.0, slot * 0.75);
    int i = 0;
    for (double v : loads) {
        const qreal h = peak > 0 ? v / peak * plot.height() : 0;
        p.fillRect(QRectF(plot.left() + i * slot + (slot - bar) / 2, plot.bottom() - h, bar, h),
                   Accent);
        ++i;
    }
    const qreal meanY = plot.bottom() - (peak > 0 ? mean / peak * plot.height() : 0);
    p.setPen(QPen(Text, std::max(2.0, labelPixelSize() * 0.08), Qt::DashLine));
    p.drawLine(QPointF(plot.left(), meanY), QPointF(plot.right(), meanY));
    p.restore();
}

void WallWindow::paintCharts(QPainter &p, const QRectF &rect)
{
    const int label = labelPixelSize();
    const qreal gap = label * 0.6;
    const qreal w = (rect.width() - gap) / 2;
    const qreal h = (rect.height() - gap) / 2;
    const QRectF cells[] = {QRectF(rect.left(), rect.top(), w, h),
                            QRectF(rect.left() + w + gap, rect.top(), w, h),
                            QRectF(rect.left(), rect.top() + h + gap, w, h),
                            QRectF(rect.left() + w + gap, rect.top() + h + gap, w, h)};
    const qint64 to = now();
    QRectF plot;

    // Execution time: each bucket's mean and, thinner, its slowest run.
    {
        QVector<QPointF> peaks;
        const qint64 from = to - m_charts.executionMs().spanMs();
        const QVector<QPointF> means = m_charts.executionMs().points(from, to, &peaks);
        double slowest = -1;
        for (const QPointF &pt : peaks)
            slowest = std::max(slowest, pt.y());
        const double avg = m_charts.recentAverageMs();
        paintChartFrame(
            p, cells[0], tr("Execution time"),
            avg < 0 ? QStringLiteral("—") : format::duration(qRound64(avg)),
            {{tr("average"), Accent},
             {slowest < 0 ? QString() : tr("peak %1").arg(format::duration(qRound64(slowest))),
              Secondary}},
            &plot);
        paintLines(p, plot, {{peaks, Secondary, 0.5}, {means, Accent, 1.0}}, 0, NaN, false,
                   [](double v) { return format::duration(qRound64(v)); });
    }
    // Success rate of each tick's runs.
    {
        const qint64 from = to - m_charts.successPercent().spanMs();
        const double share = m_charts.recentSuccessShare();
        paintChartFrame(p, cells[1], tr("Success rate"),
                        share < 0 ? QStringLiteral("—") : format::percent(share),
                        {{tr("last %n runs", nullptr, WallChartData::RollingRuns), Secondary},
                         {tr("per tick"), toneColor(WallTone::Ok)}},
                        &plot);
        paintLines(p, plot,
                   {{m_charts.successPercent().points(from, to), toneColor(WallTone::Ok), 1.0}}, 0,
                   100, false, [](double v) { return format::percent(v / 100.0); });
    }
    // Memory and cycles, each on its own scale.
    {
        const qint64 from = to - m_charts.memoryBytes().spanMs();
        const WallSeries &memory = m_charts.memoryBytes();
        const WallSeries &cycles = m_charts.cycles();
        qint64 memoryNow = memory.hasLatest() ? qint64(memory.latest()) : m_snapshot->memoryBytes;
        paintChartFrame(
            p, cells[2], tr("Memory and cycles"),
            memoryNow < 0 ? QStringLiteral("—") : format::bytes(memoryNow),
            {{tr("memory"), Accent},
             {cycles.hasLatest() ? tr("cycles %1").arg(WallText::compactNumber(cycles.latest()))
                                 : tr("cycles —"),
              CyclesColor}},
            &plot);
        paintLines(
            p, plot,
            {{memory.points(from, to), Accent, 1.0}, {cycles.points(from, to), CyclesColor, 1.0}},
            NaN, NaN, true, {});
    }
    paintShardChart(p, cells[3]);
}

} // namespace hb
