#pragma once

#include <QChartView>

namespace hb {

// A QChartView that says so when its chart has nothing to draw ("No data yet" over the plot
// area) instead of showing bare axes, and reports the plot width redraws decimate to.
class ChartView : public QChartView
{
    Q_OBJECT
public:
    explicit ChartView(QChart *chart, QWidget *parent = nullptr);

    void setEmptyText(const QString &text);
    void setEmpty(bool empty);
    bool isEmpty() const { return m_empty; }
    QString emptyText() const { return m_emptyText; }

    // Width of the plot area in pixels (at least 1); before the first layout, an estimate from
    // the widget's width.
    int plotWidth() const;

    QSize sizeHint() const override { return {320, 220}; }
    // Shorter than this, the axis labels turn into "…" and the chart says nothing: the docks
    // give way instead (a remembered layout may ask for more room than the window has).
    QSize minimumSizeHint() const override { return {200, 170}; }

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    QString m_emptyText;
    bool m_empty = false;
};

} // namespace hb
