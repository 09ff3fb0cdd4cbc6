#include "chartview.h"

#include <QPainter>

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

void ChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
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
