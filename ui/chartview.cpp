#include "chartview.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>
#include <limits>

namespace hb {

ChartView::ChartView(QChart *chart, QWidget *parent) : QChartView(chart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    setMinimumSize(minimumSizeHint());
}

void ChartView::setEmptyText(const QString &text)
{
    if (m_emptyText == text)
        return;
    m_emptyText = text;
    if (m_empty)
        viewport()->update();
}

void ChartView::setEmpty(bool empty)
{
    if (m_empty == empty)
        return;
    m_empty = empty;
    viewport()->update();
}

int ChartView::plotWidth() const
{
    const qreal w = chart()->plotArea().width();
    if (w >= 1.0)
        return int(w);
    return std::max(1, width() - 80); // axes and margins take roughly this much
}

void ChartView::setMarkers(const QVector<Marker> &markers)
{
    const bool same = markers.size() == m_markers.size()
                      && std::equal(markers.cbegin(), markers.cend(), m_markers.cbegin(),
                                    [](const Marker &a, const Marker &b) {
                                        return a.ms == b.ms && a.color == b.color && a.text == b.text;
                                    });
    if (same)
        return;
    m_markers = markers;
    viewport()->update();
}

double ChartView::sceneXOf(qint64 ms) const
{
    const QList<QAbstractAxis *> axes = chart()->axes(Qt::Horizontal);
    const auto *time = axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis *>(axes.constFirst());
    if (!time)
        return std::numeric_limits<double>::quiet_NaN();
    const qint64 from = time->min().toMSecsSinceEpoch();
    const qint64 to = time->max().toMSecsSinceEpoch();
    if (to <= from || ms < from || ms > to)
        return std::numeric_limits<double>::quiet_NaN();
    const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
    return plot.left() + plot.width() * double(ms - from) / double(to - from);
}

QString ChartView::markerTextAt(int viewportX) const
{
    constexpr double kReachPx = 4.0;
    const double x = mapToScene(QPoint(viewportX, 0)).x();
    const Marker *nearest = nullptr;
    double best = kReachPx;
    for (const Marker &m : m_markers) {
        const double d = std::abs(sceneXOf(m.ms) - x);
        if (d <= best) { // NaN compares false: markers off the axis are never hit
            best = d;
            nearest = &m;
        }
    }
    return nearest ? nearest->text : QString();
}

bool ChartView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && !m_markers.isEmpty()) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = markerTextAt(help->pos().x());
        const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
        if (!text.isEmpty() && plot.contains(mapToScene(help->pos()))) {
            QToolTip::showText(help->globalPos(), text, viewport());
            return true;
        }
    }
    return QChartView::viewportEvent(event);
}

void ChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    if (m_drawMarkers && !m_markers.isEmpty()) {
        const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
        painter->save();
        for (const Marker &m : m_markers) {
            const double x = sceneXOf(m.ms);
            if (std::isnan(x))
                continue;
            painter->setPen(QPen(m.color, 1.2, Qt::DotLine));
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
        painter->restore();
    }
    if (!m_empty || m_emptyText.isEmpty())
        return;
    const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
    painter->save();
    QFont font = painter->font();
    font.setItalic(true);
    painter->setFont(font);
    painter->setPen(palette().color(QPalette::Disabled, QPalette::Text));
    painter->drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    painter->restore();
}

} // namespace hb
