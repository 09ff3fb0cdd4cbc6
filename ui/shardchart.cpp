#include "shardchart.h"

#include "chartaxes.h"

#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>

#include <cmath>

namespace hb {

ShardChart::ShardChart(QWidget *parent)
    : LiveChart(tr("Shard load"), QStringLiteral("shardChart"), parent)
{
    m_right = addRightAxis();
    setValueLabel(m_left, chartaxes::countLabel);
    setValueLabel(m_right, chartaxes::countLabel);
    m_count = addLine(tr("Shards"), QStringLiteral("shardCount"), QColor(0x42, 0x42, 0x42),
                      Qt::DashLine, 1.4, m_right);
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

void ShardChart::show(const ChartFrame &frame, const ChartContext &context)
{
    setTimeRange(frame);
    double low = 0.0;
    double high = 0.0;
    bool any = false;
    for (auto it = frame.shardLoad.cbegin(); it != frame.shardLoad.cend(); ++it) {
        const QList<QPointF> points = fit(it.value(), frame, context.columns);
        extend(points, &low, &high);
        any = any || !points.isEmpty();
        setPoints(shardSeries(it.key()), points, frame, context.columns);
    }
    for (auto it = m_shards.cbegin(); it != m_shards.cend(); ++it) {
        if (!frame.shardLoad.contains(it.key()))
            setPoints(it.value(), {}, frame, context.columns); // merged away, or not in range
    }
    chartaxes::applyScale(m_left, chartaxes::niceScale(low, high, valueTicks()), chartaxes::countLabel);

    const QList<QPointF> count = fit(frame.shardCount, frame, context.columns);
    setPoints(m_count, count, frame, context.columns);
    double countLow = 0.0;
    double countHigh = 0.0;
    extend(count, &countLow, &countHigh);
    chartaxes::Scale countScale = chartaxes::niceScale(0.0, std::max(countHigh, 2.0), valueTicks());
    if (countScale.step < 1.0) // shards come whole
        countScale = {0.0, std::ceil(std::max(countHigh, 2.0)), 1.0};
    chartaxes::applyScale(m_right, countScale, chartaxes::countLabel);

    const bool legend = m_shards.size() <= MaxLegendShards && (any || !count.isEmpty());
    m_chart->legend()->setVisible(legend);
    setEmpty(!any && count.isEmpty());
}

} // namespace hb
