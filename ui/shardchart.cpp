#include "shardchart.h"

#include "chartaxes.h"
#include "chartview.h"
#include "format.h"
#include "linegaps.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace hb {

ShardChart::ShardChart(QWidget *parent)
    : LiveChart(tr("Shard load"), QStringLiteral("shardChart"), parent)
{
    m_right = addRightAxis();
    setValueLabel(m_left, chartaxes::countLabel);
    setValueLabel(m_right, chartaxes::countLabel);

    const QColor spread(0x1e, 0x88, 0xe5);
    auto *upper = new QLineSeries(m_chart);
    auto *lower = new QLineSeries(m_chart);
    m_band = new QAreaSeries(upper, lower);
    m_band->setParent(m_chart);
    m_band->setName(tr("Shards, least to most loaded"));
    m_band->setObjectName(QStringLiteral("shardBand"));
    QColor fill = spread;
    fill.setAlpha(70);
    m_band->setBrush(fill);
    m_band->setPen(Qt::NoPen);
    m_chart->addSeries(m_band);
    m_band->attachAxis(m_time);
    m_band->attachAxis(m_left);
    QObject::connect(m_band, &QAreaSeries::hovered, m_view,
                     [this](const QPointF &point, bool state) {
                         const QString text = state ? bandText(point.x()) : QString();
                         if (text.isEmpty())
                             QToolTip::hideText();
                         else
                             QToolTip::showText(QCursor::pos(), text, m_view);
                     });
    m_mean = addLine(tr("Shards, mean load"), QStringLiteral("shardMean"), spread.darker(130),
                     Qt::SolidLine, 1.6);

    m_count = addLine(tr("Shards"), QStringLiteral("shardCount"), QColor(0x42, 0x42, 0x42),
                      Qt::DashLine, 1.4, m_right);
    setBandVisible(false);
}

QLineSeries *ShardChart::shardSeries(const QString &id)
{
    if (QLineSeries *s = m_shards.value(id))
        return s;
    bool numeric = false;
    const int number = id.toInt(&numeric);
    // Hues spread around the circle so neighbouring shards differ.
    const QColor color = QColor::fromHsv((int(m_shards.size()) * 47) % 360, 170, 200);
    QLineSeries *s = addLine(tr("Shard %1").arg(numeric ? QString::number(number) : id),
                             u"shard:" + id, color, Qt::SolidLine, 1.2);
    m_shards.insert(id, s);
    return s;
}

void ShardChart::setBandVisible(bool visible)
{
    for (QAbstractSeries *series :
         {static_cast<QAbstractSeries *>(m_band), static_cast<QAbstractSeries *>(m_mean)}) {
        for (QLegendMarker *marker : m_chart->legend()->markers(series))
            marker->setVisible(visible);
    }
}

void ShardChart::showLines(const ChartFrame &frame, int columns, double *low, double *high,
                           bool *any)
{
    for (auto it = frame.shardLoad.cbegin(); it != frame.shardLoad.cend(); ++it) {
        const QList<QPointF> points = fit(it.value(), frame, columns);
        extend(points, low, high);
        *any = *any || !points.isEmpty();
        setPoints(shardSeries(it.key()), points, frame, columns);
    }
    for (auto it = m_shards.cbegin(); it != m_shards.cend(); ++it) {
        if (!frame.shardLoad.contains(it.key()))
            setPoints(it.value(), {}, frame, columns); // merged away, or not in range
    }
}

void ShardChart::showBand(const ChartFrame &frame, int columns, double *low, double *high,
                          bool *any)
{
    m_drawnBand = seriesBand(frame.shardLoad, frame.fromMs, frame.toMs, columns);
    const SeriesBand &band = m_drawnBand;
    extend(band.min, low, high);
    extend(band.max, low, high);
    *any = *any || !band.isEmpty();
    setPoints(m_mean, band.mean, frame, columns);

    // One area for all runs: across a gap the upper edge drops to the lower one, so the area
    // there has no height and nothing is filled where nobody measured.
    const double columnMs = double(frame.toMs - frame.fromMs) / double(std::max(1, columns));
    const QList<QList<QPointF>> runs = splitAtGaps(band.mean, 2.0 * columnMs);
    QList<QPointF> upper;
    QList<QPointF> lower;
    upper.reserve(band.max.size() + 2 * runs.size());
    lower.reserve(band.min.size());
    qsizetype start = 0;
    for (const QList<QPointF> &run : runs) {
        const qsizetype end = start + run.size();
        if (start > 0)
            upper.append(band.min.at(start)); // rise from the lower edge
        for (qsizetype i = start; i < end; ++i) {
            upper.append(band.max.at(i));
            lower.append(band.min.at(i));
        }
        if (end < band.mean.size())
            upper.append(band.min.at(end - 1)); // fall to it before the gap
        start = end;
    }
    m_band->upperSeries()->replace(upper);
    m_band->lowerSeries()->replace(lower);
}

void ShardChart::show(const ChartFrame &frame, const ChartContext &context)
{
    setTimeRange(frame, context);
    double low = 0.0;
    double high = 0.0;
    bool any = false;
    const bool banded = frame.shardLoad.size() > MaxShardLines;
    if (banded) {
        // The lines are gone for good rather than kept empty: a chart draws every series it
        // holds, and 100 of them cost more than a frame.
        for (QLineSeries *line : std::as_const(m_shards))
            removeLine(line);
        m_shards.clear();
        showBand(frame, context.columns, &low, &high, &any);
    } else {
        if (!m_drawnBand.isEmpty() || m_band->upperSeries()->count() > 0) {
            m_drawnBand = {};
            m_band->upperSeries()->clear();
            m_band->lowerSeries()->clear();
            setPoints(m_mean, {}, frame, context.columns);
        }
        showLines(frame, context.columns, &low, &high, &any);
    }
    setBandVisible(banded);
    chartaxes::applyScale(m_left, chartaxes::niceScale(low, high, valueTicks()),
                          chartaxes::countLabel);

    const QList<QPointF> count = fit(frame.shardCount, frame, context.columns);
    setPoints(m_count, count, frame, context.columns);
    double countLow = 0.0;
    double countHigh = 0.0;
    extend(count, &countLow, &countHigh);
    chartaxes::Scale countScale = chartaxes::niceScale(0.0, std::max(countHigh, 2.0), valueTicks());
    if (countScale.step < 1.0) // shards come whole
        countScale = {0.0, std::ceil(std::max(countHigh, 2.0)), 1.0};
    chartaxes::applyScale(m_right, countScale, chartaxes::countLabel);

    const bool legend = (banded || m_shards.size() <= MaxLegendShards) && (any || !count.isEmpty());
    m_chart->legend()->setVisible(legend);
    setEmpty(!any && count.isEmpty());
}

QString ShardChart::hoverText(QLineSeries *line, const QPointF &point) const
{
    if (lineOf(line) == m_mean)
        return bandText(point.x());
    return LiveChart::hoverText(line, point);
}

QString ShardChart::bandText(double x) const
{
    const QList<QPointF> &mean = m_drawnBand.mean;
    if (mean.isEmpty())
        return {};
    const auto after = std::lower_bound(mean.cbegin(), mean.cend(), x,
                                        [](const QPointF &p, double v) { return p.x() < v; });
    auto nearest = after == mean.cend() ? after - 1 : after;
    if (after != mean.cbegin() && after != mean.cend() && x - (after - 1)->x() < after->x() - x)
        nearest = after - 1;
    const qsizetype i = nearest - mean.cbegin();
    return tr("%1 · Shard load: min %2, mean %3, max %4")
        .arg(format::localTime(qint64(nearest->x())), valueText(m_left, m_drawnBand.min.at(i).y()),
             valueText(m_left, nearest->y()), valueText(m_left, m_drawnBand.max.at(i).y()));
}

} // namespace hb
