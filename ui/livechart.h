#pragma once

#include "chartaxes.h"
#include "chartframe.h"
#include "core/config.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QVector>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QCategoryAxis;
class QChart;
class QDateTimeAxis;
class QLineSeries;
class QWidget;
QT_END_NAMESPACE

namespace hb {

class ChartView;

// What a chart needs besides its frame: the thresholds it marks, the admin actions seen live,
// and the plot width the frame must fit.
struct ChartContext
{
    HeartbeatConfig config;
    QVector<AuditEntry> adminActions; // live ones, from snapshots; merged with the frame's
    int columns = 1;
    // The time axis' range when it differs from the frame's (a zoom or pan drawn over the data
    // of the range before it while the new one loads); both 0: the frame's.
    qint64 axisFromMs = 0;
    qint64 axisToMs = 0;
};

// One chart of the panel: a QChart in a ChartView with a time axis below and a value axis on
// the left. Subclasses own their series and draw a frame with show(), always through
// QXYSeries::replace() with at most two points per plot pixel.
class LiveChart
{
public:
    static constexpr int MaxRuns = 32; // series a line may take (setPoints)

    LiveChart(const QString &title, const QString &objectName, QWidget *parent);
    // What hovering `line` near `point` shows: the nearest drawn point's time, the line's name
    // and its value ("14:05:32 · Tick: 120 ms"); empty when there is nothing to say.
    virtual QString hoverText(QLineSeries *line, const QPointF &point) const;
    virtual ~LiveChart();
    LiveChart(const LiveChart &) = delete;
    LiveChart &operator=(const LiveChart &) = delete;

    virtual void show(const ChartFrame &frame, const ChartContext &context) = 0;

    ChartView *view() const { return m_view; }
    QChart *chart() const { return m_chart; }
    bool isEmpty() const;

protected:
    // A line series on the time axis and `valueAxis` (the left one by default).
    QLineSeries *addLine(const QString &name, const QString &objectName, const QColor &color,
                         Qt::PenStyle style = Qt::SolidLine, qreal width = 1.6,
                         QAbstractAxis *valueAxis = nullptr);
    // Shows `points` (already fit to `columns`) on `line`, broken where the data has a gap
    // (splitAtGaps): each further run goes on a continuation series drawn like `line` and
    // hidden from the legend. At most MaxRuns runs; the rest is drawn joined to the last.
    void setPoints(QLineSeries *line, const QList<QPointF> &points, const ChartFrame &frame,
                   int columns);
    // Removes a line added by addLine, with its continuations.
    void removeLine(QLineSeries *line);
    // The line added by addLine that `series` is, or continues.
    QLineSeries *lineOf(QLineSeries *series) const;
    // `value` as hovering a line on `axis` reads it (setValueLabel); empty if the axis has no
    // label.
    QString valueText(QAbstractAxis *axis, double value) const;

    // How a value on `axis` reads when a line attached to it is hovered: its axis' labels'
    // unit, to three significant digits. Lines on an axis without one show no tooltip.
    void setValueLabel(QAbstractAxis *axis, chartaxes::Labeler label);

    // A second value axis on the right, labelled by `label`, without grid lines of its own.
    QCategoryAxis *addRightAxis();
    void setTimeRange(const ChartFrame &frame, const ChartContext &context);
    void setEmpty(bool empty);
    // How many value labels the plot's height has room for (2 .. 5, at least 32 px apart):
    // crowded labels are elided into "…" by Qt Charts, which says nothing.
    int valueTicks() const;

    // `points` re-decimated if the frame was made for a wider plot than `columns` (a frame
    // loaded before the window shrank).
    static QList<QPointF> fit(const QList<QPointF> &points, const ChartFrame &frame, int columns);
    // Widens [*low, *high] to hold every y of `points`.
    static void extend(const QList<QPointF> &points, double *low, double *high);

    QChart *m_chart;
    ChartView *m_view;
    QDateTimeAxis *m_time;
    QCategoryAxis *m_left;

private:
    QLineSeries *continuation(QLineSeries *line, qsizetype index);
    void connectHover(QLineSeries *series);

    QHash<QLineSeries *, QList<QLineSeries *>> m_continuations; // by the line they continue
    QHash<QAbstractAxis *, chartaxes::Labeler> m_valueLabels;
};

} // namespace hb
