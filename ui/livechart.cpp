#include "livechart.h"

#include "chartaxes.h"
#include "chartview.h"
#include "format.h"
#include "linegaps.h"
#include "minmaxdecimator.h"

#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QCursor>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace hb {

LiveChart::LiveChart(const QString &title, const QString &objectName, QWidget *parent)
    : m_chart(new QChart)
    , m_view(new ChartView(m_chart, parent))
    , m_time(new QDateTimeAxis(m_chart))
    , m_left(new QCategoryAxis(m_chart))
{
    m_view->setObjectName(objectName);
    m_chart->setTitle(title);
    chartaxes::applyCompactStyle(m_chart);
    m_view->setEmptyText(QCoreApplication::translate("hb::ChartPanel", "No data yet"));

    const QFont labels = chartaxes::smallFont(m_chart->font(), 0.8);
    m_time->setLabelsFont(labels);
    m_time->setTickCount(5);
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_left->setLabelsFont(labels);
    m_left->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_left, Qt::AlignLeft);
    setEmpty(true);
}

LiveChart::~LiveChart()
{
    // The view (and with it the chart and its series) belongs to the panel and outlives this
    // object by a moment: no hover may reach it then.
    for (QAbstractSeries *series : m_chart->series())
        QObject::disconnect(series, nullptr, m_view, nullptr);
}

void LiveChart::setValueLabel(QAbstractAxis *axis, chartaxes::Labeler label)
{
    m_valueLabels.insert(axis, std::move(label));
}

void LiveChart::connectHover(QLineSeries *series)
{
    QObject::connect(series, &QXYSeries::hovered, m_view,
                     [this, series](const QPointF &point, bool state) {
                         const QString text = state ? hoverText(series, point) : QString();
                         if (text.isEmpty())
                             QToolTip::hideText();
                         else
                             QToolTip::showText(QCursor::pos(), text, m_view);
                     });
}

QLineSeries *LiveChart::lineOf(QLineSeries *series) const
{
    for (auto it = m_continuations.cbegin(); it != m_continuations.cend(); ++it) {
        if (it.value().contains(series))
            return it.key();
    }
    return series;
}

QString LiveChart::valueText(QAbstractAxis *axis, double value) const
{
    const auto label = m_valueLabels.constFind(axis);
    if (label == m_valueLabels.cend())
        return {};
    // Three significant digits, without trailing zeros: "69 ms", "1.23 GB", "1.6 T".
    double y = value;
    double step = 1.0;
    if (y != 0.0) {
        step = std::pow(10.0, std::floor(std::log10(std::abs(y))) - 2);
        y = std::round(y / step) * step;
        const auto divides = [y](double s) {
            const double q = y / s;
            return std::abs(q - std::round(q)) < 1e-9 * std::max(1.0, std::abs(q));
        };
        while (divides(step * 10.0) && step * 10.0 <= std::abs(y))
            step *= 10.0;
    }
    return (*label)(y, step);
}

QString LiveChart::hoverText(QLineSeries *line, const QPointF &point) const
{
    // A continuation reads as the line it continues.
    QLineSeries *owner = lineOf(line);
    if (owner->name().isEmpty() || line->count() == 0)
        return {};
    QAbstractAxis *valueAxis = nullptr;
    for (QAbstractAxis *axis : owner->attachedAxes()) {
        if (axis->orientation() == Qt::Vertical)
            valueAxis = axis;
    }
    if (!m_valueLabels.contains(valueAxis))
        return {};
    // The drawn point nearest in time: the hovered position lies on the segment between two.
    const QList<QPointF> points = line->points();
    const auto after = std::lower_bound(points.cbegin(), points.cend(), point.x(),
                                        [](const QPointF &p, double x) { return p.x() < x; });
    auto nearest = after == points.cend() ? after - 1 : after;
    if (after != points.cbegin() && after != points.cend()
        && point.x() - (after - 1)->x() < after->x() - point.x())
        nearest = after - 1;
    return QCoreApplication::translate("hb::ChartPanel", "%1 · %2: %3")
        .arg(format::localTime(qint64(nearest->x())), owner->name(),
             valueText(valueAxis, nearest->y()));
}

bool LiveChart::isEmpty() const
{
    return m_view->isEmpty();
}

QLineSeries *LiveChart::addLine(const QString &name, const QString &objectName,
                                const QColor &color, Qt::PenStyle style, qreal width,
                                QAbstractAxis *valueAxis)
{
    auto *series = new QLineSeries(m_chart);
    series->setName(name);
    series->setObjectName(objectName);
    QPen pen(color, width, style);
    pen.setCapStyle(Qt::FlatCap);
    series->setPen(pen);
    m_chart->addSeries(series);
    series->attachAxis(m_time);
    series->attachAxis(valueAxis ? valueAxis : m_left);
    connectHover(series);
    return series;
}

void LiveChart::setPoints(QLineSeries *line, const QList<QPointF> &points,
                          const ChartFrame &frame, int columns)
{
    const double columnMs = double(frame.toMs - frame.fromMs) / double(std::max(1, columns));
    QList<QList<QPointF>> runs = splitAtGaps(points, 2.0 * columnMs);
    if (runs.size() > MaxRuns) { // the rest joined to the last run, in time order
        for (qsizetype i = MaxRuns; i < runs.size(); ++i)
            runs[MaxRuns - 1].append(runs.at(i));
        runs.resize(MaxRuns);
    }
    line->replace(runs.isEmpty() ? QList<QPointF>() : runs.constFirst());
    const QList<QLineSeries *> known = m_continuations.value(line);
    for (qsizetype i = 1; i < std::max(runs.size(), known.size() + 1); ++i) {
        if (i < runs.size())
            continuation(line, i - 1)->replace(runs.at(i));
        else if (known.at(i - 1)->count() > 0)
            known.at(i - 1)->clear(); // kept for the next gap: series are cheap to keep
    }
}

QLineSeries *LiveChart::continuation(QLineSeries *line, qsizetype index)
{
    QList<QLineSeries *> &runs = m_continuations[line];
    while (runs.size() <= index) {
        auto *series = new QLineSeries(m_chart);
        series->setName(line->name());
        series->setObjectName(line->objectName() + QStringLiteral("~continued"));
        series->setPen(line->pen());
        m_chart->addSeries(series);
        for (QAbstractAxis *axis : line->attachedAxes())
            series->attachAxis(axis);
        for (QLegendMarker *marker : m_chart->legend()->markers(series))
            marker->setVisible(false);
        connectHover(series);
        runs.append(series);
    }
    return runs.at(index);
}

void LiveChart::removeLine(QLineSeries *line)
{
    for (QLineSeries *series : m_continuations.take(line)) {
        m_chart->removeSeries(series);
        delete series;
    }
    m_chart->removeSeries(line);
    delete line;
}

QCategoryAxis *LiveChart::addRightAxis()
{
    auto *axis = new QCategoryAxis(m_chart);
    axis->setLabelsFont(m_left->labelsFont());
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setGridLineVisible(false);
    m_chart->addAxis(axis, Qt::AlignRight);
    return axis;
}

void LiveChart::setTimeRange(const ChartFrame &frame, const ChartContext &context)
{
    if (context.axisToMs > context.axisFromMs)
        chartaxes::applyTimeRange(m_time, context.axisFromMs, context.axisToMs);
    else
        chartaxes::applyTimeRange(m_time, frame.fromMs, frame.toMs);
}

int LiveChart::valueTicks() const
{
    constexpr qreal kLabelPitch = 32.0; // px a label needs above the next at the labels' font
    const qreal height = m_chart->plotArea().height();
    if (height <= 0)
        return 5; // before the first layout
    return std::clamp(1 + int(height / kLabelPitch), 2, 5); // labels: one more than intervals
}

void LiveChart::setEmpty(bool empty)
{
    m_view->setEmpty(empty);
}

QList<QPointF> LiveChart::fit(const QList<QPointF> &points, const ChartFrame &frame, int columns)
{
    if (points.size() <= 2 * qsizetype(columns))
        return points;
    MinMaxDecimator d(frame.fromMs, frame.toMs, columns);
    for (const QPointF &p : points)
        d.add(qint64(p.x()), p.y());
    return d.take();
}

void LiveChart::extend(const QList<QPointF> &points, double *low, double *high)
{
    for (const QPointF &p : points) {
        *low = std::min(*low, p.y());
        *high = std::max(*high, p.y());
    }
}

} // namespace hb
