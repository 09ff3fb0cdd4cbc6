#pragma once

#include <QChartView>
#include <QColor>
#include <QVector>

namespace hb {

// A QChartView that says so when its chart has nothing to draw ("No data yet" over the plot
// area) instead of showing bare axes, and reports the plot width redraws decimate to.
class ChartView : public QChartView
{
    Q_OBJECT
public:
    explicit ChartView(QChart *chart, QWidget *parent = nullptr);

    // An event drawn as a vertical line across the plot at its time (the time axis' range), its
    // text shown when the mouse rests on the line.
    struct Marker
    {
        qint64 ms = 0;
        QColor color;
        QString text;
    };
    void setMarkers(const QVector<Marker> &markers);
    QVector<Marker> markers() const { return m_markers; }
    // Off: the chart draws its markers itself (series); this view only gives their text on hover.
    void setMarkersDrawn(bool drawn) { m_drawMarkers = drawn; }
    // The text of the marker drawn within a few pixels of viewport x; empty if none.
    QString markerTextAt(int viewportX) const;

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
    bool viewportEvent(QEvent *event) override;

private:
    double sceneXOf(qint64 ms) const; // NaN when the chart has no time axis

    QVector<Marker> m_markers;
    bool m_drawMarkers = true;
    QString m_emptyText;
    bool m_empty = false;
};

} // namespace hb
